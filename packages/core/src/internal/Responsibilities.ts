/**
 * Responsibility versions: which departments answer for an indicator, project or task from a
 * given event on, appended to the holder's list.
 *
 * @module internal/Responsibilities
 */
import type { RecordedEvent } from '../Envelope'
import type { Responsibility } from '../State'
import type { EntityWriter, LedgerDraft } from './LedgerDraft'
import { stampOf } from './Stamps'

/** A responsibility version stamped by its event. */
export function responsibilityOf(
  e: RecordedEvent,
  departments: ReadonlyArray<string>,
  reason: string | null,
): Responsibility {
  // A spread of the stamp, where hot paths write literals (see ./Stamps): responsibility changes
  // only with definitions and reassignments.
  return { ...stampOf(e), departments: [...departments], reason }
}

/** Appends a responsibility to the entity `id` of a map; false when there is no such entity. */
export function reassign<T extends { readonly responsibility: ReadonlyArray<Responsibility> }>(
  d: LedgerDraft,
  map: EntityWriter<T>,
  id: string,
  r: Responsibility,
): boolean {
  const holder = d.open(map, id)
  if (holder === undefined) return false
  holder.responsibility = d.push(holder.responsibility, r)
  return true
}
