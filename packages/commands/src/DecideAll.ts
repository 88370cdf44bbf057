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
  endOfDay,
  ledgerProjection,
  type LedgerState,
  validateInput,
} from '@progress-ledger/core'
import { sealWrites, type StreamWrite } from '@progress-ledger/core/adapter'
import type { CommandContext } from './Context'
import { decideInput } from './Decide'
import type { Rejected } from './Rejection'
import type { StreamedEvent } from './StreamedEvent'

/** A rejection of the command at `index` of the list. */
export interface IndexedRejection {
  readonly index: number
  readonly rejection: Rejected
}

/** Every command was accepted: the events in order, and the state they lead to (provisional stamps). */
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
 * recorded at the end of `today`) so that later commands of the batch see them.
 */
export function applyDecided(
  state: LedgerState,
  events: ReadonlyArray<StreamedEvent>,
  today: CommandContext['today'],
): LedgerState {
  if (events.length === 0) return state
  const writes: StreamWrite[] = events.map((e, i) => {
    const v = validateInput(e.event, `events[${i}]`)
    // A decider that emits an event its codec refuses is a bug, not a user error.
    if (v._tag === 'Invalid')
      throw new Error(`decided an invalid event: ${v.issues.map((x) => x.message).join('; ')}`)
    return { streamId: e.streamId, fromVersion: 0, events: [v.event] }
  })
  const sealed = sealWrites(
    writes,
    { position: state.position, hash: state.head, recordedTime: null },
    endOfDay(today),
  )
  return apply(ledgerProjection, state, sealed)
}

/**
 * Decides every command of a list against an evolving state. Commands may be untrusted input:
 * malformed ones are rejected, never thrown on.
 *
 * @example
 * import { emptyLedger } from '@progress-ledger/core'
 * import { decideAll, planAdmin, sequentialIds } from '@progress-ledger/commands'
 * const ctx = { actor: planAdmin('po'), today: '2022-03-01' as never, ids: sequentialIds('t') }
 * const r = decideAll(emptyLedger(), [
 *   { type: 'AdoptPlan', planId: 'sz', name: { zh: '行动方案' }, adoptedOn: '2021-08-10', baseYear: 2020, startYear: 2021, endYear: 2025 },
 *   { type: 'DefineCategory', planId: 'sz', categoryId: 'economy', name: { zh: '经济' }, order: 1 },
 * ], ctx)
 * // r._tag === 'BatchAccepted'; r.events.length === 2
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
