/**
 * Deciding a list of commands as one unit (the CLI's `append`): each command is decided against
 * the state as the earlier accepted commands leave it. Either every command is accepted and all
 * their events are to be appended atomically, or the rejections are returned with their index
 * and nothing is to be appended.
 *
 * @module DecideAll
 */
import {
  apply,
  catalog,
  endOfDay,
  ledgerProjection,
  type LedgerState,
  type RecordedEvent,
} from '@progress-ledger/core'
import type { CommandContext } from './Context'
import { decideInput } from './Decide'
import type { Rejected } from './Rejection'
import type { StreamedEvent } from './StreamedEvent'

/** A rejection of the command at `index` of the list. */
export interface IndexedRejection {
  readonly index: number
  readonly rejection: Rejected
}

/**
 * Every command was accepted: the events in order, and the state they lead to. That state is
 * provisional: its events are stamped with positions after the state decided against, recorded
 * at the end of `today`, with no stream version (0) and no hash (`''`), since only the store
 * seals events.
 */
export interface BatchAccepted {
  readonly _tag: 'BatchAccepted'
  readonly events: ReadonlyArray<StreamedEvent>
  readonly state: LedgerState
}

/** Some commands were rejected; nothing is to be appended. */
export interface BatchRejected {
  readonly _tag: 'BatchRejected'
  readonly rejections: ReadonlyArray<IndexedRejection>
}

/** The outcome of {@link decideAll}. */
export type BatchDecision = BatchAccepted | BatchRejected

/**
 * Applies decided events to a state, stamping them provisionally (positions after the state's,
 * recorded at the end of `today`, no stream version and no hash) so that later commands of a
 * batch see them. The events were validated when decided; nothing is decoded or hashed here.
 *
 * @example
 * import { emptyLedger, isoDate } from '@progress-ledger/core'
 * import { applyDecided, decide, planAdmin, sequentialIds } from '@progress-ledger/commands'
 * const ctx = { actor: planAdmin('po'), today: isoDate('2021-08-10'), ids: sequentialIds('t') }
 * const d = decide(emptyLedger(), { type: 'AdoptPlan', planId: 'sz', name: { zh: '行动方案' }, adoptedOn: isoDate('2021-08-10'), baseYear: 2020, startYear: 2021, endYear: 2025 }, ctx)
 * const state = d._tag === 'Accepted' ? applyDecided(emptyLedger(), d.events, ctx.today) : emptyLedger()
 * state.plans.get('sz')?.adoptedOn // '2021-08-10'
 * state.position // 1
 */
export function applyDecided(
  state: LedgerState,
  events: ReadonlyArray<StreamedEvent>,
  today: CommandContext['today'],
): LedgerState {
  if (events.length === 0) return state
  return apply(ledgerProjection, state, provisionalEvents(state.position, events, today))
}

/**
 * Decided events stamped provisionally as the events after `position` (recorded at the end of
 * `today`, no stream version, no hash), for folding onto a state so that later commands of a
 * batch see them.
 *
 * @example
 * import { isoDate } from '@progress-ledger/core'
 * import { provisionalEvents } from '@progress-ledger/commands'
 * provisionalEvents(4, [], isoDate('2022-03-01')) // []
 */
export function provisionalEvents(
  position: number,
  events: ReadonlyArray<StreamedEvent>,
  today: CommandContext['today'],
): RecordedEvent[] {
  const recordedTime = endOfDay(today)
  return events.map(
    ({ streamId, event }, i) =>
      ({
        ...event,
        streamId,
        version: 0,
        position: position + i + 1,
        schemaVersion: catalog[event.type].schemaVersion,
        recordedTime,
        prevHash: '',
        hash: '',
      }) as RecordedEvent,
  )
}

/**
 * Decides every command of a list against an evolving state. Commands may be untrusted input:
 * malformed ones are rejected, never thrown on.
 *
 * @example
 * import { emptyLedger, isoDate } from '@progress-ledger/core'
 * import { decideAll, planAdmin, sequentialIds } from '@progress-ledger/commands'
 * const ctx = { actor: planAdmin('po'), today: isoDate('2022-03-01'), ids: sequentialIds('t') }
 * const r = decideAll(emptyLedger(), [
 *   { type: 'AdoptPlan', planId: 'sz', name: { zh: '行动方案' }, adoptedOn: '2021-08-10', baseYear: 2020, startYear: 2021, endYear: 2025 },
 *   { type: 'DefineCategory', planId: 'sz', categoryId: 'economy', name: { zh: '经济' }, order: 1 },
 * ], ctx)
 * r._tag === 'BatchAccepted' && r.events.map((e) => e.event.type) // ['PlanAdopted', 'CategoryDefined']
 * decideAll(emptyLedger(), [{ type: 'DefineCategory', planId: 'sz', categoryId: 'economy', name: { zh: '经济' }, order: 1 }], ctx)._tag // 'BatchRejected'
 */
export function decideAll(
  state: LedgerState,
  commands: ReadonlyArray<unknown>,
  context: CommandContext,
): BatchDecision {
  const rejections: IndexedRejection[] = []
  const events: StreamedEvent[] = []
  let current = state
  commands.forEach((command, index) => {
    const d = decideInput(current, command, context)
    if (d._tag === 'Rejected') {
      rejections.push({ index, rejection: d })
      return
    }
    events.push(...d.events)
    current = applyDecided(current, d.events, context.today)
  })
  return rejections.length > 0
    ? { _tag: 'BatchRejected', rejections }
    : { _tag: 'BatchAccepted', events, state: current }
}
