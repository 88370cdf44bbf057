/**
 * Who issues a command: an actor with a role. Plan administrators define and revise the plan
 * and review submitted figures; a department's reporter reports values, task statuses and
 * milestones only for what its department answers for; auditors read and issue nothing.
 *
 * @module Actor
 */
import * as t from 'io-ts'
import { ActorRole, EntityId, formatErrors, showValue } from '@progress-ledger/core'
import type { Rejected } from './Rejection'

/** The roles an actor can have (core's `ActorRole`, which audit records keep). */
export const Role = ActorRole
/** The roles an actor can have. */
export type Role = t.TypeOf<typeof Role>

/** A plan administrator (规划管理员): defines, revises, assigns, reviews. */
export const PlanAdmin = t.strict({ id: EntityId, role: t.literal('plan-admin') }, 'PlanAdmin')
/** A reporter for one responsible department (责任单位). */
export const Reporter = t.strict(
  { id: EntityId, role: t.literal('reporter'), department: EntityId },
  'Reporter',
)
/** An auditor: reads only. */
export const Auditor = t.strict({ id: EntityId, role: t.literal('auditor') }, 'Auditor')

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
    ? `reporter ${showValue(actor.id)} of ${actor.department}`
    : `${actor.role} ${showValue(actor.id)}`
}

/** The result of decoding an actor. */
export type ActorDecoding = { readonly _tag: 'Decoded'; readonly actor: Actor } | Rejected

/**
 * Decodes an actor from untrusted input (a session, a command-line option): a `malformed`
 * rejection names the path under `prefix` and the value.
 *
 * @example
 * import { decodeActor } from '@progress-ledger/commands'
 * decodeActor({ id: 'clerk', role: 'reporter', department: 'fgj' })._tag // 'Decoded'
 * decodeActor({ id: 'clerk\u202e', role: 'plan-admin' }, 'actor') // { _tag: 'Rejected', rule: 'malformed', message: 'actor.id: expected an id without control, bidi or invisible characters, got "clerk\\u202e"' }
 */
export function decodeActor(u: unknown, prefix = ''): ActorDecoding {
  const role = typeof u === 'object' && u !== null ? (u as { role?: unknown }).role : undefined
  // Decode against the member the role names, so that problems name the field, not the union.
  const codec =
    role === 'plan-admin'
      ? PlanAdmin
      : role === 'reporter'
        ? Reporter
        : role === 'auditor'
          ? Auditor
          : Actor
  const r = codec.decode(u)
  if (r._tag === 'Right') return { _tag: 'Decoded', actor: r.right }
  return {
    _tag: 'Rejected',
    rule: 'malformed',
    message: formatErrors(r.left, prefix)
      .map((i) => i.message)
      .join('; '),
  }
}
