/**
 * What an event is about: the one entity of the ledger state its reducer changes (a plan, a
 * department, an indicator, a project or a task), and, for an event that defines an entity, the
 * plan it places the entity in. Loading one plan's part of a ledger (see `loadLedger`'s `plans`)
 * uses it to tell the events of that plan from those of others.
 *
 * @module Subject
 */
import type { LedgerEvent } from './Catalog'
import { absurd } from './Exhaustive'

/** The kinds of entity the ledger state keeps, by the name of their map in `LedgerState`. */
export type EntityKind = 'plans' | 'departments' | 'indicators' | 'projects' | 'tasks'

/** The entity an event changes. */
export interface EventSubject {
  readonly kind: EntityKind
  readonly id: string
}

/**
 * The entity an event changes, or `null` for an event that changes none (an `AccessDenied`
 * record, kept in the ledger's audit list).
 *
 * @example
 * import { eventSubject } from '@progress-ledger/core'
 * eventSubject({ type: 'ValueApproved', data: { indicatorId: 'I01', period: '2022' } })
 * // { kind: 'indicators', id: 'I01' }
 * eventSubject({ type: 'AccessDenied', data: { command: 'ReportValue', reason: 'no role' } }) // null
 */
export function eventSubject(e: LedgerEvent): EventSubject | null {
  switch (e.type) {
    case 'PlanAdopted':
    case 'CategoryDefined':
      return { kind: 'plans', id: e.data.planId }
    case 'DepartmentRegistered':
      return { kind: 'departments', id: e.data.departmentId }
    case 'IndicatorDefined':
    case 'BaselineSet':
    case 'TargetSet':
    case 'TargetRevised':
    case 'QuotaAssigned':
    case 'ValueReported':
    case 'ValueCorrected':
    case 'ValueRetracted':
    case 'ValueApproved':
    case 'ValueReturned':
      return { kind: 'indicators', id: e.data.indicatorId }
    case 'ProjectDefined':
    case 'MilestonePlanned':
    case 'MilestoneForecastMoved':
    case 'MilestoneMet':
      return { kind: 'projects', id: e.data.projectId }
    case 'TaskDefined':
    case 'TaskStatusReported':
      return { kind: 'tasks', id: e.data.taskId }
    case 'ResponsibilityReassigned':
      return {
        kind:
          e.data.subject === 'indicator'
            ? 'indicators'
            : e.data.subject === 'task'
              ? 'tasks'
              : 'projects',
        id: e.data.subjectId,
      }
    case 'AccessDenied':
      return null
    default:
      return absurd(e)
  }
}

/**
 * For an event that defines its subject within a plan, the plan (`null` for a project defined
 * outside any plan); `undefined` for any other event.
 *
 * @example
 * import { definedInPlan } from '@progress-ledger/core'
 * definedInPlan({ type: 'TaskDefined', data: { planId: 'sz', taskId: 'T01', kind: 'key-task', name: { zh: '任务' }, departments: [] } }) // 'sz'
 * definedInPlan({ type: 'TaskStatusReported', data: { taskId: 'T01', status: 'completed' } }) // undefined
 */
export function definedInPlan(e: LedgerEvent): string | null | undefined {
  switch (e.type) {
    case 'PlanAdopted':
    case 'IndicatorDefined':
    case 'TaskDefined':
      return e.data.planId
    case 'ProjectDefined':
      return e.data.planId ?? null
    default:
      return undefined
  }
}
