/**
 * Who issues a command: an actor with a role. Plan administrators define and revise the plan
 * and review submitted figures; a department's reporter reports values, task statuses and
 * milestones only for what its department answers for; auditors read and issue nothing.
 *
 * @module Actor
 */
import * as t from 'io-ts'
import { NonEmptyString } from '@progress-ledger/core'

/** The roles an actor can have. */
export const Role = t.keyof({ 'plan-admin': null, reporter: null, auditor: null }, 'Role')
/** The roles an actor can have. */
export type Role = t.TypeOf<typeof Role>

/** A plan administrator (规划管理员): defines, revises, assigns, reviews. */
export const PlanAdmin = t.strict(
  { id: NonEmptyString, role: t.literal('plan-admin') },
  'PlanAdmin',
)
/** A reporter for one responsible department (责任单位). */
export const Reporter = t.strict(
  { id: NonEmptyString, role: t.literal('reporter'), department: NonEmptyString },
  'Reporter',
)
/** An auditor: reads only. */
export const Auditor = t.strict({ id: NonEmptyString, role: t.literal('auditor') }, 'Auditor')

/** An actor, as an application's configuration or a session states it. */
export const Actor = t.union([PlanAdmin, Reporter, Auditor], 'Actor')
/** An actor. */
export type Actor = t.TypeOf<typeof Actor>

/**
 * A plan administrator.
 *
 * @example
 * import { planAdmin } from '@progress-ledger/commands'
 * planAdmin('plan-office') // { id: 'plan-office', role: 'plan-admin' }
 */
export function planAdmin(id: string): Actor {
  return { id, role: 'plan-admin' }
}

/**
 * A reporter for a department.
 *
 * @example
 * import { reporter } from '@progress-ledger/commands'
 * reporter('fgj-clerk', 'fgj') // { id: 'fgj-clerk', role: 'reporter', department: 'fgj' }
 */
export function reporter(id: string, department: string): Actor {
  return { id, role: 'reporter', department }
}

/**
 * An auditor.
 *
 * @example
 * import { auditor } from '@progress-ledger/commands'
 * auditor('audit-office').role // 'auditor'
 */
export function auditor(id: string): Actor {
  return { id, role: 'auditor' }
}

/**
 * Describes an actor for messages: `plan-admin "plan-office"`, `reporter "clerk" of fgj`.
 *
 * @example
 * import { describeActor, reporter } from '@progress-ledger/commands'
 * describeActor(reporter('clerk', 'fgj')) // 'reporter "clerk" of fgj'
 */
export function describeActor(actor: Actor): string {
  return actor.role === 'reporter'
    ? `reporter ${JSON.stringify(actor.id)} of ${actor.department}`
    : `${actor.role} ${JSON.stringify(actor.id)}`
}
