/**
 * The application service: the one way the library writes commands. It reads the state (the
 * ledger loaded through core's `loadLedger` — newest checkpoint, tail, chain verified — or a
 * state the caller provides), decides, and appends with each stream's expected version as of
 * that state, so that a concurrent writer surfaces as a typed `VersionConflict` and nothing is
 * half-written. A ledger whose chain does not verify is not written to (`ChainBroken`).
 *
 * @module Handle
 */
import {
  type AppendResult,
  type ChainBroken,
  type ChainKey,
  type EventStore,
  type IdConflict,
  type InvalidEvents,
  type LedgerState,
  loadLedger,
  type RecordedEvent,
  type VersionConflict,
} from '@progress-ledger/core'
import type { CommandContext } from './Context'
import { decideInput } from './Decide'
import { type BatchRejected, decideAll } from './DecideAll'
import type { Rejected } from './Rejection'
import { appendRequests, type StreamedEvent } from './StreamedEvent'

/** Options of {@link handle} and {@link handleAll}. */
export interface HandleOptions {
  /**
   * The state to decide against (e.g. a projection kept up to date by a catch-up subscription).
   * Expected versions are then those of the events up to `state.position`. Default: load the
   * ledger through core's `loadLedger`.
   */
  readonly state?: LedgerState
  /** The key of the store's keyed chain, to verify the ledger it loads (see core's `ChainKey`). */
  readonly chainKey?: ChainKey | undefined
  /** Append the `AccessDenied` audit events of refusals on authorisation (default `false`). */
  readonly recordDenied?: boolean
}

/**
 * What became of the audit records of a refusal: the `AccessDenied` events appended (none unless
 * `recordDenied` was asked and a command was refused on authorisation), and the store's answer
 * when appending them failed.
 */
export interface AuditTrail {
  /** The `AccessDenied` events recorded, as the store sealed them. */
  readonly recorded: ReadonlyArray<RecordedEvent>
  /** Why the audit events could not be recorded (nothing of them was written). */
  readonly auditFailure?: VersionConflict | InvalidEvents | IdConflict
}

/** A refused command, with what was recorded of the refusal. */
export type HandleRejected = Rejected & AuditTrail

/** Refused commands (each with its index), with what was recorded of the refusals. */
export type HandleAllRejected = BatchRejected & AuditTrail

/**
 * What {@link handle} returns: the store's result, the rejection (only audit records appended),
 * or `ChainBroken` when the ledger it loaded does not verify (nothing appended).
 */
export type HandleResult = AppendResult | HandleRejected | ChainBroken

/**
 * What {@link handleAll} returns: the store's result, or every rejection with its index and the
 * audit events recorded for them (`recorded.length` says how many refusals were recorded as
 * `AccessDenied`).
 */
export type HandleAllResult = AppendResult | HandleAllRejected | ChainBroken

interface Read {
  readonly state: LedgerState
  readonly versions: (streamIds: ReadonlyArray<string>) => Promise<ReadonlyMap<string, number>>
}

async function read(
  store: EventStore,
  given: LedgerState | undefined,
  chainKey: ChainKey | undefined,
): Promise<Read | ChainBroken> {
  let state = given
  if (state === undefined) {
    const loaded = await loadLedger(store, chainKey === undefined ? {} : { chainKey })
    if (loaded._tag === 'ChainBroken') return loaded
    state = loaded.state
  }
  const at = state
  return {
    state: at,
    versions: async (streamIds) => {
      const out = new Map<string, number>()
      for (const id of streamIds) {
        const events = await store.readStream(id)
        out.set(id, events.filter((e) => e.position <= at.position).length)
      }
      return out
    },
  }
}

/** Appends the audit events of refusals on authorisation, when asked to. */
async function recordAudits(
  store: EventStore,
  rejections: ReadonlyArray<Rejected>,
  recordDenied: boolean | undefined,
): Promise<AuditTrail> {
  const audits = rejections.flatMap((r) => (r.audit === undefined ? [] : [r.audit]))
  if (recordDenied !== true || audits.length === 0) return { recorded: [] }
  const result = await store.appendBatch(
    audits.map((a) => ({
      streamId: a.streamId,
      events: [a.event],
      expectedVersion: 'any' as const,
    })),
  )
  return result._tag === 'Appended'
    ? { recorded: result.events }
    : { recorded: [], auditFailure: result }
}

async function appendAll(
  store: EventStore,
  r: Read,
  events: ReadonlyArray<StreamedEvent>,
): Promise<AppendResult> {
  const versions = await r.versions([...new Set(events.map((e) => e.streamId))])
  return store.appendBatch(appendRequests(events, (id) => versions.get(id) ?? 0))
}

/**
 * Handles one command: read, decide, append. A rejection appends nothing (except, with
 * `recordDenied`, the audit event of a refusal on authorisation).
 *
 * @example
 * import { InMemoryEventStore, fixedClock, isoDate } from '@progress-ledger/core'
 * import { handle, planAdmin, reporter, sequentialIds } from '@progress-ledger/commands'
 * const store = new InMemoryEventStore({ clock: fixedClock('2021-08-10T09:00:00.000Z') })
 * const ctx = { actor: planAdmin('po'), today: isoDate('2021-08-10'), ids: sequentialIds('t') }
 * const adopt = { type: 'AdoptPlan', planId: 'sz', name: { zh: '行动方案' }, adoptedOn: '2021-08-10', baseYear: 2020, startYear: 2021, endYear: 2025 }
 * const r = await handle(store, adopt, ctx)
 * r._tag === 'Appended' && r.written // 1
 * const refused = await handle(store, adopt, { ...ctx, actor: reporter('clerk', 'fgj') }, { recordDenied: true })
 * refused._tag === 'Rejected' && refused.recorded.map((e) => e.data) // [{ command: 'AdoptPlan', reason: 'actor: expected a plan-admin to issue AdoptPlan, got reporter "clerk" of fgj', role: 'reporter', department: 'fgj' }]
 */
export async function handle(
  store: EventStore,
  command: unknown,
  context: CommandContext,
  options: HandleOptions = {},
): Promise<HandleResult> {
  const r = await read(store, options.state, options.chainKey)
  if ('_tag' in r) return r
  const d = decideInput(r.state, command, context)
  if (d._tag === 'Rejected')
    return { ...d, ...(await recordAudits(store, [d], options.recordDenied)) }
  return appendAll(store, r, d.events)
}

/**
 * Handles a list of commands as one unit: all are decided (see `decideAll`), then all events
 * are appended in one atomic batch, or nothing is appended and every rejection is returned.
 *
 * @example
 * import { InMemoryEventStore, fixedClock, isoDate } from '@progress-ledger/core'
 * import { auditor, handleAll, planAdmin, sequentialIds } from '@progress-ledger/commands'
 * const store = new InMemoryEventStore({ clock: fixedClock('2021-08-10T09:00:00.000Z') })
 * const ctx = { actor: planAdmin('po'), today: isoDate('2021-08-10'), ids: sequentialIds('t') }
 * const dept = { type: 'RegisterDepartment', departmentId: 'fgj', name: { zh: '市发改局' } }
 * const r = await handleAll(store, [dept, { ...dept, departmentId: 'jxj', name: { zh: '市经信局' } }], ctx)
 * r._tag === 'Appended' && r.written // 2
 * const refused = await handleAll(store, [dept, dept], { ...ctx, actor: auditor('au') }, { recordDenied: true })
 * refused._tag === 'BatchRejected' && `refused; ${refused.recorded.length} refusal(s) recorded as AccessDenied` // 'refused; 2 refusal(s) recorded as AccessDenied'
 */
export async function handleAll(
  store: EventStore,
  commands: ReadonlyArray<unknown>,
  context: CommandContext,
  options: HandleOptions = {},
): Promise<HandleAllResult> {
  const r = await read(store, options.state, options.chainKey)
  if ('_tag' in r) return r
  const d = decideAll(r.state, commands, context)
  if (d._tag === 'BatchRejected') {
    const rejections = d.rejections.map((x) => x.rejection)
    return { ...d, ...(await recordAudits(store, rejections, options.recordDenied)) }
  }
  return appendAll(store, r, d.events)
}
