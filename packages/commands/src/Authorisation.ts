/**
 * Who may issue what. Every command type has a right: `admin` (plan administrators only) or
 * `responsible` (plan administrators, and reporters of a department responsible for the subject
 * on the command's valid time, per core's `responsibleOn`). Auditors issue nothing.
 *
 * @module Authorisation
 */
import { type IsoDate, type Responsibility, responsibleOn, showValue } from '@progress-ledger/core'
import { type Actor, describeActor } from './Actor'
import type { CommandType } from './Command'
import type { Rejected } from './Rejection'

/** The right a command type needs. */
export type Right = 'admin' | 'responsible'

/** The right each command type needs. Adding a command fails to compile until it has one. */
export const commandRights: Readonly<Record<CommandType, Right>> = {
  AdoptPlan: 'admin',
  DefineCategory: 'admin',
  RegisterDepartment: 'admin',
  DefineIndicator: 'admin',
  SetBaseline: 'admin',
  SetTarget: 'admin',
  ReviseTarget: 'admin',
  AssignQuota: 'admin',
  ReportValue: 'responsible',
  CorrectValue: 'responsible',
  RetractValue: 'responsible',
  ApproveValue: 'admin',
  ReturnValue: 'admin',
  DefineProject: 'admin',
  PlanMilestone: 'admin',
  MoveMilestoneForecast: 'responsible',
  MeetMilestone: 'responsible',
  DefineTask: 'admin',
  ReportTaskStatus: 'responsible',
  ReassignResponsibility: 'admin',
}

/**
 * May the actor's role issue a command of this type at all? (A reporter still has to be
 * responsible for the subject; see {@link isResponsible}.)
 *
 * @example
 * import { mayIssue, planAdmin, reporter, auditor } from '@progress-ledger/commands'
 * mayIssue(planAdmin('po'), 'ReviseTarget') // true
 * mayIssue(reporter('clerk', 'fgj'), 'ReviseTarget') // false
 * mayIssue(reporter('clerk', 'fgj'), 'ReportValue') // true
 * mayIssue(auditor('au'), 'ReportValue') // false
 */
export function mayIssue(actor: Actor, type: CommandType): boolean {
  switch (actor.role) {
    case 'plan-admin':
      return true
    case 'reporter':
      return commandRights[type] === 'responsible'
    case 'auditor':
      return false
  }
}

/**
 * Does the actor answer for a subject on a day? Plan administrators answer for everything; a
 * reporter when its department is among those responsible on that day.
 *
 * @example
 * import { isResponsible, reporter } from '@progress-ledger/commands'
 * import { instant, isoDate } from '@progress-ledger/core'
 * const since = { eventId: 'd1', position: 1, validTime: isoDate('2021-08-10'), recordedTime: instant('2021-08-10'), actor: 'po' }
 * const holder = { responsibility: [{ ...since, departments: ['fgj'], reason: null }] }
 * isResponsible(reporter('clerk', 'fgj'), holder, isoDate('2021-12-31')) // true
 * isResponsible(reporter('clerk', 'jxj'), holder, isoDate('2021-12-31')) // false
 */
export function isResponsible(
  actor: Actor,
  holder: { readonly responsibility: ReadonlyArray<Responsibility> },
  day: IsoDate,
): boolean {
  switch (actor.role) {
    case 'plan-admin':
      return true
    case 'reporter':
      return responsibleOn(holder, day).includes(actor.department)
    case 'auditor':
      return false
  }
}

/** The role-level check: a rejection when the actor's role may not issue the command. */
export function authoriseRole(actor: Actor, type: CommandType): Rejected | undefined {
  if (mayIssue(actor, type)) return undefined
  const who =
    commandRights[type] === 'admin'
      ? 'a plan-admin'
      : "a plan-admin or a responsible department's reporter"
  return {
    _tag: 'Rejected',
    rule: 'not-authorised',
    message: `actor: expected ${who} to issue ${type}, got ${describeActor(actor)}`,
  }
}

/**
 * The subject-level check: a rejection when a reporter's department does not answer for the
 * subject on `day`. `what` names the subject (`an indicator`), `path` and `id` the field.
 */
export function authoriseSubject(
  actor: Actor,
  holder: { readonly responsibility: ReadonlyArray<Responsibility> },
  day: IsoDate,
  what: string,
  path: string,
  id: string,
): Rejected | undefined {
  if (isResponsible(actor, holder, day)) return undefined
  const dept = actor.role === 'reporter' ? actor.department : actor.role
  const responsible = responsibleOn(holder, day)
  return {
    _tag: 'Rejected',
    rule: 'not-authorised',
    message: `${path}: expected ${what} ${dept} answers for on ${day} (responsible: ${responsible.length === 0 ? 'none' : responsible.join(', ')}), got ${showValue(id)}`,
  }
}
