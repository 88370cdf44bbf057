/**
 * The outcome of deciding a command: the events to append, or a typed rejection.
 *
 * @module Decision
 */
import type { Rejected } from './Rejection'
import type { StreamedEvent } from './StreamedEvent'

/** The command was accepted: these events, in order, are to be appended. */
export interface Accepted {
  readonly _tag: 'Accepted'
  readonly events: ReadonlyArray<StreamedEvent>
}

/** Accepted or rejected. */
export type Decision = Accepted | Rejected

/**
 * Is a decision an acceptance?
 *
 * @example
 * import { isAccepted } from '@progress-ledger/commands'
 * isAccepted({ _tag: 'Accepted', events: [] }) // true
 */
export function isAccepted(d: Decision): d is Accepted {
  return d._tag === 'Accepted'
}
