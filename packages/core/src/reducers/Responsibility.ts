/**
 * Reducers of who answers for what: responsibility reassigned to other departments, and the audit
 * trail of refused commands.
 *
 * @module reducers/Responsibility
 */
import type { RecordedEvent } from '../Envelope'
import type { Responsibility } from '../State'
import type { Reducers } from './Reducers'
import { stampOf } from './Reducers'

/** A responsibility version stamped by its event. */
export function responsibilityOf(
  e: RecordedEvent,
  departments: ReadonlyArray<string>,
  reason: string | null,
): Responsibility {
  // A spread of the stamp, where hot paths write literals (see ./Reducers): responsibility
  // changes only with definitions and reassignments.
  return { ...stampOf(e), departments: [...departments], reason }
}

/** What answers for something: an indicator, task or project, writable. */
interface Holder {
  push(key: 'responsibility', r: Responsibility): void
}

/** Reassignments and refusals. */
export const responsibilityReducers: Reducers<'ResponsibilityReassigned' | 'AccessDenied'> = {
  ResponsibilityReassigned(d, e) {
    const data = e.data
    const id = data.subjectId
    const holder: Holder | undefined =
      data.subject === 'indicator'
        ? d.indicators.edit(id)
        : data.subject === 'task'
          ? d.tasks.edit(id)
          : d.projects.edit(id)
    if (holder === undefined)
      return d.unattached(e, `${data.subject} ${JSON.stringify(id)} is not defined`)
    holder.push('responsibility', responsibilityOf(e, data.departments, data.reason))
  },
  AccessDenied(d, e) {
    d.root.push('denied', {
      eventId: e.id,
      position: e.position,
      validTime: e.validTime,
      recordedTime: e.recordedTime,
      actor: e.actor,
      command: e.data.command,
      reason: e.data.reason,
      subject: e.data.subject ?? null,
      subjectId: e.data.subjectId ?? null,
      role: e.data.role ?? null,
      department: e.data.department ?? null,
    })
  },
}
