/**
 * Handling a long stream of commands — a JSON-lines file of a million lines — as ONE
 * all-or-nothing batch in bounded memory. Each command is decided against the ledger as the
 * earlier ones leave it, and its events go straight into the store's `appendStream`, which
 * writes them page by page inside one transaction holding the write lock. The store must still
 * be at the position the state was loaded at (`expectedHead`), so no other writer's event can
 * come between the decisions and the write. A refused command stops the writing; the rest is
 * still decided, so that one run reports every refusal (up to `maxRejections`), and the
 * transaction is rolled back: nothing is appended.
 *
 * A few commands on a large ledger need little of it: with `narrow`, the commands (an array) are
 * decided first against the ledger loaded without any plan's part of its checkpoint, then with
 * each plan a decision turned out to need, until they decide within what is loaded (see core's
 * `PlanScope`). The deciders see such a state through a guard: a "not there" is trusted only
 * when no plan outside the scope holds the entity either, and anything else a scoped state cannot
 * answer as the whole ledger would makes the round load the whole ledger. A round that needs more
 * is rolled back like a refusal before anything is committed; the result is the whole ledger's.
 *
 * @module HandleStream
 */
import {
  type AppendRequest,
  type AppendStreamResult,
  beginFold,
  type ChainBroken,
  type ChainKey,
  type EventStore,
  type LedgerState,
  ledgerProjection,
  type LoadedLedger,
  loadLedger,
  type PlanScope,
  type RecordedEvent,
  settleProvisional,
  type StreamAppended,
  type StreamProgress,
} from '@progress-ledger/core'
import type { CommandContext } from './Context'
import { decideInput } from './Decide'
import { applyDecided, type IndexedRejection, provisionalEvents } from './DecideAll'
import { guardScope, OutOfScope } from './internal/ScopeGuard'
import type { Rejected } from './Rejection'
import { anyVersion, appendRequests } from './StreamedEvent'

/**
 * One item of a command stream: a command as parsed (untrusted), or an input that could not be
 * read as one (e.g. a line that is not JSON), with what is wrong.
 */
export type CommandInput = { readonly command: unknown } | { readonly unreadable: string }

/** Options of {@link handleStream}. */
export interface HandleStreamOptions {
  /**
   * The state to decide against; default: the ledger loaded through core's `loadLedger`. A state
   * given is left unchanged (the decided events are applied copy-on-write) unless `ownsState`.
   */
  readonly state?: LedgerState
  /**
   * The given state is the caller's to change (unfrozen, as `loadLedger` with `freeze: false`
   * returns it): decided events are folded onto it in place — no copies, far less garbage on a
   * long stream — and it is left holding them, provisionally stamped. Default `false`.
   */
  readonly ownsState?: boolean
  /** The key of the store's keyed chain, to verify the ledger it loads (see core's `ChainKey`). */
  readonly chainKey?: ChainKey | undefined
  /** Events per page written to the store (default 100, as core's `appendStream`). */
  readonly pageSize?: number
  /** Refusals kept for the report; further ones are only counted (default 100). */
  readonly maxRejections?: number
  /** Append the `AccessDenied` audit events of the refusals kept, on a refusal (default `false`). */
  readonly recordDenied?: boolean
  /** Called after each page is written (inside the transaction). */
  readonly onProgress?: (progress: StreamProgress) => void
  /**
   * Settle and return the state only when at least this many events were written (default 0:
   * always). Settling walks the whole state; a caller that checkpoints only after large appends
   * says so here and gets `state: null` after smaller ones.
   */
  readonly settleFrom?: number
  /**
   * Decide against only the plans the commands need (see the module documentation): `true`
   * loads them from the store with core's `loadLedger` (`plans`, unfrozen), or give the loader.
   * The inputs must be an array (they are decided again when a round needs more); no `state`.
   * After more than {@link NARROW_PLANS} plans the whole ledger is loaded. The result's `state`
   * is `null` when the round that appended held only some plans. Ids a round drew from the
   * context for new events are not drawn again by the next.
   */
  readonly narrow?: boolean | ScopedLoader
}

/**
 * A state the caller owns (unfrozen), loaded for some plans (`planScope` says where the rest is)
 * or whole (`planScope: null`): the part of core's `LoadedLedger` a narrowed decision uses.
 */
export type ScopedLoad = Pick<LoadedLedger, '_tag' | 'state' | 'planScope'>

/**
 * Loads the ledger for these plans (`undefined`: the whole ledger), unfrozen, as core's
 * `loadLedger` with `plans` and `freeze: false` does; it may load more than asked.
 */
export type ScopedLoader = (
  plans: ReadonlyArray<string> | undefined,
) => Promise<ScopedLoad | ChainBroken>

/** Plans a narrowed decision loads one by one before it loads the whole ledger instead. */
export const NARROW_PLANS = 8

/** Some commands were refused (or unreadable): nothing was appended but the audit records asked for. */
export interface StreamRejected {
  readonly _tag: 'StreamRejected'
  /** The refusals kept, by 0-based input index, in input order. */
  readonly rejections: ReadonlyArray<IndexedRejection>
  /** How many inputs were refused in all. */
  readonly refused: number
  /** How many inputs there were. */
  readonly inputs: number
  /** The refusals recorded as `AccessDenied` events (with `recordDenied`). */
  readonly recorded: ReadonlyArray<RecordedEvent>
}

/**
 * The stream was appended whole. With a state the stream owned (loaded by it, or given with
 * `ownsState`) that held the whole ledger, and every event newly written, `state` is the ledger
 * after the append, settled with the store's recorded time and head: what a replay of the store
 * gives, ready to checkpoint. Otherwise (also after a `narrow` round that held only some plans)
 * `null`.
 */
export type StreamHandled = StreamAppended & { readonly state: LedgerState | null }

/** What {@link handleStream} returns. */
export type HandleStreamResult =
  StreamHandled | Exclude<AppendStreamResult, StreamAppended> | StreamRejected | ChainBroken

/** Thrown out of the request source to roll the store's transaction back. */
class Refused extends Error {
  constructor() {
    super('commands refused: the streamed append is rolled back')
  }
}

function unreadable(message: string): Rejected {
  return { _tag: 'Rejected', rule: 'malformed', message }
}

/**
 * Decides and appends a stream of commands as one all-or-nothing batch (see the module
 * documentation).
 *
 * @example
 * import { fixedClock, InMemoryEventStore, isoDate } from '@progress-ledger/core'
 * import { handleStream, planAdmin, sequentialIds } from '@progress-ledger/commands'
 * const store = new InMemoryEventStore({ clock: fixedClock('2021-08-10T09:00:00.000Z') })
 * const ctx = { actor: planAdmin('po'), today: isoDate('2021-08-10'), ids: sequentialIds('s') }
 * const adopt = { type: 'AdoptPlan', planId: 'sz', name: { zh: '行动方案' }, adoptedOn: '2021-08-10', baseYear: 2020, startYear: 2021, endYear: 2025 }
 * const category = { type: 'DefineCategory', planId: 'sz', categoryId: 'economy', name: { zh: '经济' }, order: 1 }
 * const bad = await handleStream(store, [{ command: category }, { command: adopt }], ctx)
 * bad._tag === 'StreamRejected' && bad.rejections.map((r) => r.index) // [0]
 * await store.headPosition() // 0
 * const ok = await handleStream(store, [{ command: adopt }, { command: category }], ctx)
 * ok._tag === 'StreamAppended' && ok.written // 2
 */
export async function handleStream(
  store: EventStore,
  inputs: AsyncIterable<CommandInput> | Iterable<CommandInput>,
  context: CommandContext,
  options: HandleStreamOptions = {},
): Promise<HandleStreamResult> {
  const maxRejections = options.maxRejections ?? 100
  if (!Number.isInteger(maxRejections) || maxRejections < 1)
    throw new Error(
      `maxRejections: expected a whole number >= 1, got ${String(options.maxRejections)}`,
    )
  const settleFrom = options.settleFrom ?? 0
  if (!Number.isInteger(settleFrom) || settleFrom < 0)
    throw new Error(`settleFrom: expected a whole number >= 0, got ${String(options.settleFrom)}`)
  if (options.narrow !== undefined && options.narrow !== false)
    return narrowed(store, inputs, context, options, maxRejections)
  let state = options.state
  let owned = options.ownsState === true
  if (state === undefined) {
    const loaded = await loadLedger(store, {
      freeze: false,
      ...(options.chainKey === undefined ? {} : { chainKey: options.chainKey }),
    })
    if (loaded._tag === 'ChainBroken') return loaded
    state = loaded.state
    owned = true
  }
  return decided(store, inputs, context, options, maxRejections, state, owned, null)
}

/** Loads the ledger for more and more plans until the commands decide within it. */
async function narrowed(
  store: EventStore,
  inputs: AsyncIterable<CommandInput> | Iterable<CommandInput>,
  context: CommandContext,
  options: HandleStreamOptions,
  maxRejections: number,
): Promise<HandleStreamResult> {
  if (options.state !== undefined)
    throw new Error('narrow: the states are loaded for the commands; expected no `state`')
  if (!Array.isArray(inputs))
    throw new Error('narrow: expected the inputs as an array (they may be decided more than once)')
  const load: ScopedLoader =
    typeof options.narrow === 'function'
      ? options.narrow
      : (plans) =>
          loadLedger(store, {
            freeze: false,
            ...(plans === undefined ? {} : { plans }),
            ...(options.chainKey === undefined ? {} : { chainKey: options.chainKey }),
          })
  let plans: ReadonlyArray<string> | undefined = []
  for (;;) {
    const loaded = await load(plans)
    if (loaded._tag === 'ChainBroken') return loaded
    try {
      return await decided(
        store,
        inputs as ReadonlyArray<CommandInput>,
        context,
        options,
        maxRejections,
        loaded.state,
        true,
        loaded.planScope,
      )
    } catch (e) {
      if (!(e instanceof OutOfScope)) throw e
      if (plans === undefined)
        throw new Error('narrow: the loader gave a scoped state for the whole ledger', { cause: e })
      plans =
        e.plan === null || plans.length >= NARROW_PLANS || plans.includes(e.plan)
          ? undefined
          : [...plans, e.plan]
    }
  }
}

/**
 * Decides the commands against `state` (seen through the scope's guard) and appends their events;
 * throws {@link OutOfScope} (the store's transaction rolled back) when a decision needs more.
 */
async function decided(
  store: EventStore,
  inputs: AsyncIterable<CommandInput> | Iterable<CommandInput>,
  context: CommandContext,
  options: HandleStreamOptions,
  maxRejections: number,
  state: LedgerState,
  owned: boolean,
  scope: PlanScope | null,
): Promise<HandleStreamResult> {
  const start = state.position
  const rejections: IndexedRejection[] = []
  let refused = 0
  let count = 0
  let current = state
  async function* requests(): AsyncGenerator<AppendRequest> {
    for await (const input of inputs) {
      const index = count++
      const d =
        'unreadable' in input
          ? unreadable(input.unreadable)
          : decideInput(guardScope(current, scope), input.command, context)
      if (d._tag === 'Rejected') {
        refused++
        if (rejections.length < maxRejections) rejections.push({ index, rejection: d })
        continue
      }
      if (owned) {
        const fold = beginFold(ledgerProjection, current, true)
        for (const e of provisionalEvents(current.position, d.events, context.today)) fold.step(e)
        current = fold.finish()
      } else current = applyDecided(current, d.events, context.today)
      // After a refusal nothing will be written: the rest is only decided.
      if (refused === 0) yield* appendRequests(d.events, () => 0).map(anyVersion)
    }
    if (refused > 0) throw new Refused()
  }
  let appended: AppendStreamResult
  try {
    appended = await store.appendStream(requests(), {
      expectedHead: start,
      ...(options.pageSize === undefined ? {} : { pageSize: options.pageSize }),
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    })
  } catch (e) {
    if (!(e instanceof Refused)) throw e
    appended = { _tag: 'InvalidEvents', issues: [] }
  }
  if (appended._tag === 'StreamAppended') {
    // Settled only when every decided event was written at the position it was applied at.
    if (
      !owned ||
      scope !== null ||
      appended.written !== appended.events ||
      appended.written < (options.settleFrom ?? 0)
    )
      return { ...appended, state: null }
    if (appended.written === 0) return { ...appended, state: current }
    const [last] = await store.readAll({ after: appended.head - 1, limit: 1 })
    if (last === undefined || last.hash !== appended.headHash) return { ...appended, state: null }
    return {
      ...appended,
      state: settleProvisional(current, {
        after: start,
        recordedTime: last.recordedTime,
        head: appended.headHash,
      }),
    }
  }
  if (refused === 0) return appended
  return {
    _tag: 'StreamRejected',
    rejections,
    refused,
    inputs: count,
    recorded: await recordDenied(store, rejections, options.recordDenied),
  }
}

async function recordDenied(
  store: EventStore,
  rejections: ReadonlyArray<IndexedRejection>,
  asked: boolean | undefined,
): Promise<ReadonlyArray<RecordedEvent>> {
  const audits = rejections.flatMap(({ rejection }) =>
    rejection.audit === undefined ? [] : [rejection.audit],
  )
  if (asked !== true || audits.length === 0) return []
  const result = await store.appendBatch(
    audits.map((a) => ({ streamId: a.streamId, events: [a.event], expectedVersion: 'any' })),
  )
  return result._tag === 'Appended' ? result.events : []
}
