/**
 * Events about who answers for what, and the audit trail of refused commands.
 *
 * @module events/Responsibility
 */
import * as t from 'io-ts'
import { EntityId, Label, Name, NonEmptyString } from '../Scalars'

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
    subjectId: EntityId,
    departments: t.readonlyArray(EntityId),
    reason: NonEmptyString,
  },
  'ResponsibilityReassigned',
)

/** The role of an actor: plan administrator, a department's reporter, or auditor. */
export const ActorRole = t.keyof({ 'plan-admin': null, reporter: null, auditor: null }, 'ActorRole')
/** The role of an actor. */
export type ActorRole = t.TypeOf<typeof ActorRole>

/**
 * A command was refused because its actor lacked the right; recorded for auditors. The envelope's
 * actor is the actor's id; `role` and `department` (a reporter's) say in which capacity it acted
 * (absent in records written before they were kept).
 */
export const AccessDenied = t.exact(
  t.intersection([
    t.type({ command: Name, reason: NonEmptyString }),
    t.partial({ subject: SubjectKind, subjectId: Label, role: ActorRole, department: EntityId }),
  ]),
  'AccessDenied',
)
