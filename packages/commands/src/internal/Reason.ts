// Reasons: corrections, retractions, returns, revisions and reassignments carry one.
import { rejected } from '../Rejection'
import type { Checked } from './Scope'

/** The reason, or a `reason-required` rejection when it is missing or blank. */
export function reasonOf(reason: string | undefined, path = 'reason'): Checked<string> {
  return reason === undefined || reason.trim() === ''
    ? rejected('reason-required', path, 'a non-blank reason', reason)
    : reason
}
