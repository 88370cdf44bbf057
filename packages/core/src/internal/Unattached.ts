/**
 * Events the reducer cannot attach (a value for an undefined indicator, a milestone of an
 * unknown project): kept in `unattached` with the reason, so that the reducer stays total and
 * replay never stops halfway.
 *
 * @module internal/Unattached
 */
import type { RecordedEvent } from '../Envelope'
import type { LedgerDraft } from './LedgerDraft'

/** Keeps `e` in the draft's `unattached` list with `reason`. */
export function unattached(d: LedgerDraft, e: RecordedEvent, reason: string): void {
  d.unattached = d.push(d.unattached, {
    eventId: e.id,
    position: e.position,
    validTime: e.validTime,
    recordedTime: e.recordedTime,
    actor: e.actor,
    type: e.type,
    reason,
  })
}

/** Keeps `e` as unattached: it names an indicator that is not defined. */
export function missingIndicator(d: LedgerDraft, e: RecordedEvent, id: string): void {
  unattached(d, e, `indicator ${JSON.stringify(id)} is not defined`)
}
