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
