/**
 * The one way a ledger is loaded from a store (the CLI and the command handlers use it): restore
 * the newest usable checkpoint, read the events after it page by page, verify their hash chain
 * from the checkpoint's head on, and replay them onto the restored state; a ledger whose events
 * stop before the head the store reports (a row removed from the middle) does not verify either.
 * A checkpoint of another format, or one that no longer matches the stored event at its position,
 * is ignored (and the ledger replayed from the start); after a long enough replay a new checkpoint
 * is written. A chain that does not verify is reported with its position,
 * and the state is not returned unless the caller asks to load it anyway.
 *
 * A caller that reads only some plans (a report on one plan) may ask for them (`plans`): the
 * checkpoint's parts of those plans are restored, and of the events after it only those about
 * them (see PlanScope); a plan the checkpoint has no part for (adopted since, or not at all) adds
 * no part, and the index tells every plan the ledger holds. The whole ledger is loaded instead
 * when the tail is long enough to be worth a new checkpoint, or when an event of the tail moves
 * an entity of another plan into one of them.
 *
 * @module LoadLedger
 */
import { loadLedgerCheckpoint, saveLedgerCheckpoint } from './CheckpointParts'
import type { EventStore } from './EventStore'
import { type ChainKey, type ChainVerification, verifyChain } from './Hash'
import type { PlanScope } from './PlanScope'
import { beginFold, ledgerProjection } from './Replay'
import { emptyLedger, freezeLedger, type LedgerState } from './State'

/** Where and why the hash chain does not verify. */
export interface ChainBreak {
  readonly position: number
  readonly eventId: string
  readonly reason: string
}

/** Options of {@link loadLedger}. */
export interface LoadLedgerOptions {
  /**
   * Called after each page read: events replayed so far and the number to replay. A promise it
   * returns is awaited before the next page (a command line yields to the event loop there, so
   * that an interrupt is heard during a long replay).
   */
  readonly onProgress?: (done: number, total: number) => void | Promise<void>
  /** Restore the newest checkpoint (default `true`); `false` replays from the start. */
  readonly useCheckpoint?: boolean
  /**
   * Write a checkpoint when at least this many events were replayed after the one restored
   * (default {@link DEFAULT_CHECKPOINT_AFTER}; `0` never writes one).
   */
  readonly checkpointAfter?: number
  /** Load and return the state even when the chain does not verify (the break is reported). */
  readonly allowBroken?: boolean
  /** Events per read (default 10,000). */
  readonly pageSize?: number
  /** The key of a keyed chain (see `ChainKey`); the chain is verified with it. */
  readonly chainKey?: ChainKey | undefined
  /**
   * Load only what these plans need (see the module documentation); the result says whether
   * it did (`scope`). Commands that decide new events against such a state must ask its
   * `planScope` about everything it does not hold (as `@progress-ledger/commands`' `handleStream`
   * does with `narrow`).
   */
  readonly plans?: ReadonlyArray<string>
  /**
   * Publish the state frozen (default `true`). `false` hands the caller an unfrozen state it owns,
   * e.g. to fold further events onto in place with `beginFold(ledgerProjection, state, true)`.
   */
  readonly freeze?: boolean
}

/** A loaded ledger. */
export interface LoadedLedger {
  readonly _tag: 'Loaded'
  /** The replayed, published (frozen) state. */
  readonly state: LedgerState
  /** The checkpoint restored (`null`: replayed from the start). */
  readonly checkpoint: { readonly position: number } | null
  /** Why a stored checkpoint was not used, if one was not. */
  readonly checkpointIgnored: string | null
  /** Events replayed after the checkpoint. */
  readonly replayed: number
  /** Whether a new checkpoint was written. */
  readonly checkpointWritten: boolean
  /** Why a due checkpoint could not be stored (the load itself succeeded), if it could not. */
  readonly checkpointError: string | null
  /** Where the chain breaks, when it was loaded anyway (`allowBroken`). */
  readonly broken: ChainBreak | null
  /**
   * The plans the state was loaded for, when only they were (`plans`); `null`: the whole ledger.
   */
  readonly scope: ReadonlyArray<string> | null
  /**
   * With `scope`, where the entities the state does not hold are (see `PlanScope.elsewhere`), as
   * of the head: what a command decided against the scoped state asks before it trusts a "not
   * there". `null` for the whole ledger.
   */
  readonly planScope: PlanScope | null
}

/** The chain does not verify; nothing was loaded. */
export interface ChainBroken {
  readonly _tag: 'ChainBroken'
  readonly break: ChainBreak
}

/** The outcome of {@link loadLedger}. */
export type LoadResult = LoadedLedger | ChainBroken

async function usableCheckpoint(
  store: EventStore,
  key: ChainKey | undefined,
  plans: ReadonlyArray<string> | undefined,
): Promise<{
  readonly state: LedgerState | undefined
  readonly scope: PlanScope | null
  readonly ignored: string | null
}> {
  const none = (ignored: string | null) => ({ state: undefined, scope: null, ignored })
  const cp = await loadLedgerCheckpoint(store, plans === undefined ? {} : { plans })
  if (cp._tag === 'None') return none(null)
  if (cp._tag === 'Unusable') return none(cp.reason)
  const { position, head } = cp.state
  if (position > 0) {
    const [at] = await store.readAll({ after: position - 1, limit: 1 })
    if (at === undefined)
      return none(`checkpoint at position ${position}: the ledger ends before it (truncated?)`)
    if (
      at.hash !== head ||
      verifyChain([at], { head: at.prevHash, position: at.position - 1 }, key)._tag !== 'Intact'
    )
      return none(
        `checkpoint at position ${position}: the stored event there no longer matches the checkpoint's head (rewritten?)`,
      )
  }
  return { state: cp.state, scope: cp.scope, ignored: null }
}

/**
 * Events replayed (or written at once) after which a new checkpoint is worth storing: the default
 * of `loadLedger`'s `checkpointAfter`, and what the CLI's `append` and `import` use.
 */
export const DEFAULT_CHECKPOINT_AFTER = 10_000

/** The options without `plans`: load the whole ledger. */
function whole(options: LoadLedgerOptions): LoadLedgerOptions {
  const { plans: _, ...rest } = options
  return rest
}

/**
 * Loads the ledger of a store (see the module documentation).
 *
 * @example
 * import { InMemoryEventStore, fixedClock, loadLedger } from '@progress-ledger/core'
 * const store = new InMemoryEventStore({ clock: fixedClock('2022-01-08T10:30:00.000Z') })
 * const r = await loadLedger(store)
 * r._tag === 'Loaded' && r.state.position // 0
 */
export async function loadLedger(
  store: EventStore,
  options: LoadLedgerOptions = {},
): Promise<LoadResult> {
  const pageSize = options.pageSize ?? 10_000
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new Error(`pageSize: expected a whole number >= 1, got ${String(options.pageSize)}`)
  const every = options.checkpointAfter ?? DEFAULT_CHECKPOINT_AFTER
  const restored =
    options.useCheckpoint === false
      ? { state: undefined, scope: null, ignored: null }
      : await usableCheckpoint(store, options.chainKey, options.plans)
  const start = restored.state ?? emptyLedger()
  const from = { head: start.head, position: start.position }
  const total = Math.max(0, (await store.headPosition()) - from.position)
  const scope = restored.scope
  // A long tail is worth a checkpoint, which only the whole state can give.
  if (scope !== null && every > 0 && total >= every) return loadLedger(store, whole(options))
  const fold = beginFold(ledgerProjection, start, true)
  let chain: ChainVerification = { _tag: 'Intact', count: 0, head: from.head }
  let broken: ChainBreak | null = null
  let done = 0
  let last: { readonly position: number; readonly hash: string } | undefined
  for (;;) {
    const page = await store.readAll({ after: from.position + done, limit: pageSize })
    if (page.length === 0) break
    if (broken === null) {
      chain = verifyChain(
        page,
        {
          head: chain._tag === 'Intact' ? chain.head : '',
          position: from.position + done,
        },
        options.chainKey,
      )
      if (chain._tag === 'Broken') {
        broken = { position: chain.position, eventId: chain.eventId, reason: chain.reason }
        if (options.allowBroken !== true) return { _tag: 'ChainBroken', break: broken }
      }
    }
    if (scope === null) for (const e of page) fold.step(e)
    else
      for (const e of page) {
        const decision = scope.admit(e)
        if (decision === 'apply') fold.step(e)
        else if (decision === 'unscoped') return loadLedger(store, whole(options))
      }
    last = page[page.length - 1] ?? last
    done += page.length
    await options.onProgress?.(done, total)
  }
  if (broken === null && done < total) {
    // A store that hides a gap (a row deleted from the middle) reads as a shorter ledger: the
    // head it reports says otherwise.
    const at = from.position + done + 1
    broken = {
      position: at,
      eventId: '',
      reason: `the ledger's head is at position ${from.position + total}, but its events stop at position ${at - 1} (events removed?)`,
    }
    if (options.allowBroken !== true) return { _tag: 'ChainBroken', break: broken }
  }
  const folded = fold.finish()
  // A scoped state skipped the events of other plans; it stands at the head all the same.
  const state =
    scope !== null && last !== undefined && folded.position !== last.position
      ? { ...folded, position: last.position, head: last.hash }
      : folded
  let written = false
  let failed: string | null = null
  if (broken === null && scope === null && every > 0 && done >= every && state.position > 0) {
    // The ledger was read correctly; a checkpoint that cannot be stored (a read-only role, a
    // full disk) costs the next load time, not this one its answer.
    try {
      await saveLedgerCheckpoint(store, state)
      written = true
    } catch (e) {
      failed = `checkpoint at position ${state.position} not stored: ${(e as Error).message}`
    }
  }
  return {
    _tag: 'Loaded',
    state: options.freeze === false ? state : freezeLedger(state),
    checkpoint: restored.state === undefined ? null : { position: from.position },
    checkpointIgnored: restored.ignored,
    replayed: done,
    checkpointWritten: written,
    checkpointError: failed,
    broken,
    scope: scope === null ? null : scope.plans,
    planScope: scope,
  }
}
