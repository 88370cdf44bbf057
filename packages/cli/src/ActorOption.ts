/**
 * The `--actor` option: who issues commands, with their role.
 * `plan-admin:ID`, `reporter:ID@DEPARTMENT`, `auditor:ID`.
 *
 * @module ActorOption
 */
import { type Actor, auditor, planAdmin, reporter } from '@progress-ledger/commands'
import { UsageError } from './Failure'

/**
 * Parses an `--actor` value.
 *
 * @example
 * import { parseActor } from '@progress-ledger/cli'
 * parseActor('reporter:clerk@fgj') // { id: 'clerk', role: 'reporter', department: 'fgj' }
 */
export function parseActor(value: string): Actor {
  const m = /^(plan-admin|reporter|auditor):([^@\s]+)(?:@(\S+))?$/.exec(value)
  if (m !== null) {
    const [, role, id, department] = m as unknown as [string, string, string, string | undefined]
    if (role === 'reporter' && department !== undefined) return reporter(id, department)
    if (role === 'plan-admin' && department === undefined) return planAdmin(id)
    if (role === 'auditor' && department === undefined) return auditor(id)
  }
  throw new UsageError(
    `--actor: expected plan-admin:ID, reporter:ID@DEPARTMENT or auditor:ID, got ${JSON.stringify(value)}`,
  )
}

/**
 * A hint for refusals of a reporter whose department the ledger does not register (a misspelt
 * `@DEPARTMENT` makes every line "an indicator nosuch answers for"), or `undefined`.
 */
export function unknownDepartmentHint(
  actor: Actor,
  departments: { has(id: string): boolean; readonly size: number; keys(): Iterable<string> },
): string | undefined {
  if (actor.role !== 'reporter' || departments.has(actor.department)) return undefined
  const known = [...departments.keys()].slice(0, 10)
  return `hint: department ${JSON.stringify(actor.department)} of --actor is not registered in the ledger${known.length === 0 ? '' : ` (it registers ${known.join(', ')}${departments.size > known.length ? ', …' : ''}; \`progress-ledger list departments\` lists them)`}\n`
}
