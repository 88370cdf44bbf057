// Finding what a command refers to, or the rejection that says it is not there.
import {
  currentDefinition,
  type IndicatorState,
  type LedgerState,
  type PlanState,
  type ProjectState,
  type TaskState,
  type TargetState,
} from '@progress-ledger/core'
import { rejected } from '../Rejection'
import type { Checked } from './Scope'

function known(ids: ReadonlyArray<string>): string {
  if (ids.length === 0) return 'none defined'
  const shown = ids.slice(0, 5).join(', ')
  return ids.length > 5 ? `${shown}, …` : shown
}

export function findPlan(state: LedgerState, planId: string, path = 'planId'): Checked<PlanState> {
  return (
    state.plans.get(planId) ??
    rejected('plan-missing', path, `an adopted plan (${known([...state.plans.keys()])})`, planId)
  )
}

export function findIndicator(
  state: LedgerState,
  indicatorId: string,
  path = 'indicatorId',
): Checked<IndicatorState> {
  return (
    state.indicators.get(indicatorId) ??
    rejected('indicator-missing', path, 'a defined indicator', indicatorId)
  )
}

/** The plan an indicator belongs to, per its definition in force. */
export function planOfIndicator(state: LedgerState, ind: IndicatorState): Checked<PlanState> {
  return findPlan(state, currentDefinition(ind).planId, 'indicatorId')
}

export function findTarget(ind: IndicatorState, targetId: string): Checked<TargetState> {
  return (
    ind.targets[targetId] ??
    rejected(
      'target-missing',
      'targetId',
      `a target set for ${ind.indicatorId} (${known(Object.keys(ind.targets))})`,
      targetId,
    )
  )
}

export function findProject(
  state: LedgerState,
  projectId: string,
  path = 'projectId',
): Checked<ProjectState> {
  return (
    state.projects.get(projectId) ??
    rejected('project-missing', path, 'a defined project', projectId)
  )
}

export function findTask(state: LedgerState, taskId: string, path = 'taskId'): Checked<TaskState> {
  return state.tasks.get(taskId) ?? rejected('task-missing', path, 'a defined task', taskId)
}

/** Every department named is registered. */
export function checkDepartments(
  state: LedgerState,
  departments: ReadonlyArray<string>,
  path = 'departments',
) {
  for (let i = 0; i < departments.length; i++) {
    const d = departments[i] as string
    if (state.departments.get(d) === undefined)
      return rejected('department-missing', `${path}[${i}]`, 'a registered department', d)
  }
  return undefined
}

/** Do two department lists name the same departments? */
export function sameDepartments(a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean {
  const sa = [...new Set(a)].sort()
  const sb = [...new Set(b)].sort()
  return sa.length === sb.length && sa.every((d, i) => d === sb[i])
}
