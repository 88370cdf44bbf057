/**
 * Events about who answers for what, and the audit trail of refused commands.
 *
 * @module events/Responsibility
 */
import * as t from 'io-ts'
import { NonEmptyString } from '../Scalars'

/** What a responsibility attaches to. */
export const SubjectKind = t.keyof({ indicator: null, task: null, project: null }, 'SubjectKind')
/** What a responsibility attaches to. */
export type SubjectKind = t.TypeOf<typeof SubjectKind>

/**
 * Responsibility for an indicator, task or project passed to other departments from the event's
 * valid time on; history before then stays attributed to the departments responsible then.
 */
export const ResponsibilityReassigned = t.strict(
  {
    subject: SubjectKind,
    subjectId: NonEmptyString,
    departments: t.readonlyArray(NonEmptyString),
    reason: NonEmptyString,
  },
  'ResponsibilityReassigned',
)

/** A command was refused because its actor lacked the right; recorded for auditors. */
export const AccessDenied = t.exact(
  t.intersection([
    t.type({ command: NonEmptyString, reason: NonEmptyString }),
    t.partial({ subject: SubjectKind, subjectId: t.string }),
  ]),
  'AccessDenied',
)
