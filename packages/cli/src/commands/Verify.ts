/**
 * `progress-ledger verify`: re-checks the hash chain of the whole ledger (with the chain key,
 * when `PROGRESS_LEDGER_KEY` is set), optionally against an anchor kept elsewhere
 * (`--expect-head POS:HASH`), and the projections: events the reducer could not attach, and the
 * newest stored checkpoint (and snapshot) against a fresh replay up to its position.
 *
 * @module commands/Verify
 */
import {
  beginFold,
  type ChainVerification,
  checkAnchor,
  emptyLedger,
  type EventStore,
  type LedgerState,
  LEDGER_CHECKPOINT,
  ledgerProjection,
  compareStoredCheckpoint,
  loadLedgerCheckpoint,
  parseAnchor,
  takeCheckpoint,
  verifyChain,
} from '@progress-ledger/core'
import { paletteFor } from '../Colour'
import { type CommandSpec, stringOption } from '../Command'
import { ExitCode, UsageError } from '../Failure'
import { checkedToHead, readWithProgress, whereBroken } from '../Ledger'

/** Do two states hold the same facts? (Their checkpoint images, re-encoded, are byte-equal.) */
function sameState(a: LedgerState, b: LedgerState): boolean {
  return Buffer.compare(takeCheckpoint(a).image, takeCheckpoint(b).image) === 0
}

/** What the stored checkpoint is, against the fresh replay at its position. */
type CheckpointVerdict =
  | { readonly _tag: 'Matches' }
  | { readonly _tag: 'Differs' }
  | { readonly _tag: 'Unusable'; readonly reason: string }

/**
 * Compares the stored checkpoint at `fresh`'s position with `fresh`: byte for byte when it was
 * stored exactly as the fresh state encodes; otherwise restored and compared (another encoder may
 * have written the same state in other bytes).
 */
async function checkpointVerdict(
  store: EventStore,
  head: string,
  fresh: LedgerState,
): Promise<CheckpointVerdict> {
  if ((await compareStoredCheckpoint(store, fresh))._tag === 'Identical') return { _tag: 'Matches' }
  const restored = await loadLedgerCheckpoint(store, { atOrBefore: fresh.position })
  if (restored._tag !== 'Restored')
    return {
      _tag: 'Unusable',
      reason: restored._tag === 'Unusable' ? restored.reason : 'gone while verifying',
    }
  return head === fresh.head && sameState(restored.state, fresh)
    ? { _tag: 'Matches' }
    : { _tag: 'Differs' }
}

/** `verify`. */
export const verify: CommandSpec = {
  name: 'verify',
  summary: 'check the hash chain of every event and the projections built from them',
  help: [
    "Recomputes every event's hash from its content and the previous hash (HMAC under",
    '$PROGRESS_LEDGER_KEY when set), so any edit, removal or reordering of stored events is found',
    '(exit code 1, naming the position and event id). With --expect-head POS:HASH (as printed by',
    '`progress-ledger head` earlier and kept elsewhere) it also fails unless the event at POS still',
    'has that hash — the way to detect a rewrite by someone who can recompute an unkeyed chain, or',
    'a truncated ledger. Then replays the ledger, lists events that refer to something undefined,',
    'and compares the newest checkpoint and snapshot with a fresh replay up to their positions.',
    'Checkpoints are not used to verify: everything is replayed from the first event.',
  ].join('\n'),
  arguments: [],
  options: {
    'expect-head': {
      type: 'string',
      value: 'POS:HASH',
      description: 'fail unless the ledger extends this anchor (see `head`)',
      expected: 'POS:HASH (a position and a 64-digit hex hash)',
    },
  },
  access: 'read',
  run: async (ctx) => {
    const out = paletteFor(ctx.io.stdout, ctx.io.env)
    const err = paletteFor(ctx.io.stderr, ctx.io.env)
    const anchorText = stringOption(ctx, 'expect-head')
    const anchor = anchorText === undefined ? undefined : parseAnchor(anchorText)
    if (anchor?._tag === 'Invalid') throw new UsageError(`--expect-head: ${anchor.message}`)
    const store = await ctx.store()
    // The anchor first: one lookup, and a ledger that does not extend it was rewritten or cut
    // whatever its own chain says, so there is no point replaying it first.
    if (anchor !== undefined) {
      const check = await checkAnchor(store, anchor.anchor)
      if (check._tag === 'Diverged') {
        ctx.io.stderr.write(
          `anchor ${err.red('NOT MATCHED')}: ${check.reason}; the ledger was rewritten or truncated after the anchor was taken (its own chain was not checked: run verify without --expect-head for that)\n`,
        )
        return ExitCode.failed
      }
    }
    const checkpoint = await store.loadCheckpoint(LEDGER_CHECKPOINT)
    const snapshot = await store.loadSnapshot(ledgerProjection.name)
    // The stored checkpoint and snapshot are compared with the fresh replay when it reaches their
    // positions, and the replay then goes on in place: a state held at a position while the fold
    // goes past it would be copied on write by every later event.
    let checkpointSays: CheckpointVerdict | undefined
    let snapshotMatches: boolean | undefined
    const compareAt = async (fresh: LedgerState): Promise<void> => {
      if (checkpoint !== undefined && fresh.position === checkpoint.position)
        checkpointSays = await checkpointVerdict(store, checkpoint.head, fresh)
      if (snapshot !== undefined && fresh.position === snapshot.position)
        snapshotMatches = JSON.stringify(fresh) === snapshot.state
    }
    const wanted = new Set(
      [checkpoint?.position, snapshot?.position].filter((p) => p !== undefined),
    )
    if (wanted.has(0)) await compareAt(emptyLedger())
    let fold = beginFold(ledgerProjection, emptyLedger(), true)
    let chain: ChainVerification = { _tag: 'Intact', count: 0, head: '' }
    let position = 0
    let count = 0
    for await (const page of readWithProgress(store, ctx.io, 'verify')) {
      chain = verifyChain(
        page,
        { head: chain._tag === 'Intact' ? chain.head : '', position },
        ctx.loading.chainKey,
      )
      if (chain._tag === 'Broken') break
      count += chain.count
      for (const e of page) {
        fold.step(e)
        if (wanted.has(e.position)) {
          const at = fold.finish()
          await compareAt(at)
          fold = beginFold(ledgerProjection, at, true)
        }
      }
      position += page.length
    }
    chain = checkedToHead(chain, count, await store.headPosition())
    if (chain._tag === 'Broken') {
      ctx.io.stderr.write(`hash chain ${err.red('BROKEN')} at ${whereBroken(chain)}\n`)
      return ExitCode.failed
    }
    ctx.io.stdout.write(
      `hash chain ${out.green('intact')}${ctx.loading.chainKey === undefined ? '' : ' (keyed)'}: ${count} events, head ${chain.head === '' ? '(empty)' : `${count}:${chain.head}`}\n`,
    )
    let failed = false
    if (anchor !== undefined)
      ctx.io.stdout.write(`anchor ${anchorText as string}: the ledger extends it\n`)
    const state = fold.finish()
    for (const u of state.unattached)
      ctx.io.stdout.write(
        `warning: event ${u.eventId} at position ${u.position} (${u.type}) is not attached: ${u.reason}\n`,
      )
    if (checkpoint !== undefined) {
      // Never reached: the checkpoint is past the head (the ledger was cut after it was taken).
      const says = checkpointSays ?? { _tag: 'Differs' }
      if (says._tag === 'Unusable')
        ctx.io.stdout.write(`checkpoint: ${says.reason}; it is ignored and will be rebuilt\n`)
      else if (says._tag === 'Differs') {
        ctx.io.stderr.write(
          `checkpoint at position ${checkpoint.position} ${err.red('differs')} from a fresh replay: run \`progress-ledger checkpoint\` to write a correct one\n`,
        )
        failed = true
      } else
        ctx.io.stdout.write(
          `checkpoint at position ${checkpoint.position} matches a fresh replay\n`,
        )
    }
    if (snapshot !== undefined) {
      if (snapshotMatches !== true) {
        ctx.io.stderr.write(
          `snapshot at position ${snapshot.position} differs from a fresh replay: rebuild it\n`,
        )
        failed = true
      } else
        ctx.io.stdout.write(`snapshot at position ${snapshot.position} matches a fresh replay\n`)
    }
    ctx.io.stdout.write(
      `projections: ${state.indicators.size} indicators, ${state.projects.size} projects, ${state.tasks.size} tasks, ${state.unattached.length} unattached event(s)\n`,
    )
    return failed ? ExitCode.failed : ExitCode.ok
  },
}
