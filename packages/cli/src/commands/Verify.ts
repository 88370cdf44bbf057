/**
 * `progress-ledger verify`: re-checks the hash chain of the whole ledger and the projections
 * (events the reducer could not attach; stored snapshots against a fresh replay).
 *
 * @module commands/Verify
 */
import {
  type ChainVerification,
  type LedgerState,
  ledgerProjection,
  type RecordedEvent,
  replay,
  verifyChain,
} from '@progress-ledger/core'
import { paletteFor } from '../Colour'
import type { CommandSpec } from '../Command'
import { ExitCode } from '../Failure'
import { readWithProgress } from '../Ledger'

/** `verify`. */
export const verify: CommandSpec = {
  name: 'verify',
  summary: 'check the hash chain of every event and the projections built from them',
  help: [
    "Recomputes every event's hash from its content and the previous hash, so any edit, removal or",
    'reordering of stored events is found (exit code 1, naming the position and event id). Then',
    'replays the ledger, lists events that refer to something undefined, and compares the stored',
    'ledger snapshot, if any, with a fresh replay up to its position.',
  ].join('\n'),
  arguments: [],
  options: {},
  access: 'read',
  run: async (ctx) => {
    const out = paletteFor(ctx.io.stdout, ctx.io.env)
    const err = paletteFor(ctx.io.stderr, ctx.io.env)
    const store = await ctx.store()
    let chain: ChainVerification = { _tag: 'Intact', count: 0, head: '' }
    let position = 0
    let count = 0
    const events: RecordedEvent[] = []
    for await (const page of readWithProgress(store, ctx.io, 'verify')) {
      chain = verifyChain(page, { head: chain._tag === 'Intact' ? chain.head : '', position })
      if (chain._tag === 'Broken') break
      count += chain.count
      position = (page[page.length - 1] as RecordedEvent).position
      for (const e of page) events.push(e)
    }
    if (chain._tag === 'Broken') {
      ctx.io.stderr.write(
        `hash chain ${err.red('BROKEN')} at position ${chain.position} (event ${chain.eventId}): ${chain.reason}\n`,
      )
      return ExitCode.failed
    }
    ctx.io.stdout.write(
      `hash chain ${out.green('intact')}: ${count} events, head ${chain.head === '' ? '(empty)' : chain.head}\n`,
    )
    const state: LedgerState = replay(ledgerProjection, events, { freeze: false })
    for (const u of state.unattached)
      ctx.io.stdout.write(
        `warning: event ${u.eventId} at position ${u.position} (${u.type}) is not attached: ${u.reason}\n`,
      )
    const snapshot = await store.loadSnapshot(ledgerProjection.name)
    if (snapshot !== undefined) {
      const fresh = JSON.stringify(
        replay(ledgerProjection, events.slice(0, snapshot.position), { freeze: false }),
      )
      if (fresh !== snapshot.state) {
        ctx.io.stderr.write(
          `snapshot at position ${snapshot.position} differs from a fresh replay: rebuild it\n`,
        )
        return ExitCode.failed
      }
      ctx.io.stdout.write(`snapshot at position ${snapshot.position} matches a fresh replay\n`)
    }
    ctx.io.stdout.write(
      `projections: ${state.indicators.size} indicators, ${state.projects.size} projects, ${state.tasks.size} tasks, ${state.unattached.length} unattached event(s)\n`,
    )
    return ExitCode.ok
  },
}
