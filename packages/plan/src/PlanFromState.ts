/**
 * Reads a plan back out of the ledger's projected state: the inverse of {@link planToEvents}
 * for everything the ledger keeps (`planFromState(replay(planToEvents(p))) = ledgerView(p)`).
 * Current versions are used (the last definition, target version, baseline and status). Fields
 * core's state does not keep are absent (see `ledgerView`).
 *
 * @module PlanFromState
 */
import {
  currentBaseline,
  currentDefinition,
  currentTarget,
  type DateSpec,
  type IndicatorState,
  type LedgerState,
  type ProjectState,
  type TaskState,
  taskStatus,
} from '@progress-ledger/core'
import type { Indicator, IndicatorTarget } from './Indicator'
import type { Plan } from './Plan'
import type { Milestone, MilestoneForecast, Project } from './Project'
import type { Task } from './Task'

const byPosition = <A>(xs: ReadonlyArray<A>, pos: (a: A) => number): A[] =>
  [...xs].sort((a, b) => pos(a) - pos(b))
const opt = <K extends string, V>(k: K, v: V | null | undefined): { [P in K]?: V } =>
  v === null || v === undefined ? {} : ({ [k]: v } as { [P in K]: V })

function indicatorOf(ind: IndicatorState): Indicator {
  const d = currentDefinition(ind)
  const targets: IndicatorTarget[] = byPosition(
    Object.values(ind.targets),
    (x) => x.history[0]?.position ?? 0,
  ).map((x) => {
    const v = currentTarget(x)
    return {
      dueYear: v.dueYear,
      role: x.role,
      expression: v.expression,
      ...opt('printed', v.printed),
      ...opt('dueDate', v.dueDate),
    }
  })
  const b = currentBaseline(ind)
  return {
    id: ind.indicatorId,
    name: d.name,
    unit: d.unit,
    category: d.categoryId,
    attribute: d.attribute,
    selfSelected: d.selfSelected,
    departments: d.departments,
    direction: d.direction,
    periodicity: d.periodicity,
    targets,
    ...opt('number', d.number),
    ...opt('unitEn', d.unitEn),
    ...opt('parent', d.parentId),
    ...(b === undefined
      ? {}
      : {
          baseline: {
            period: b.period,
            value: b.value,
            ...(b.illustrative ? { illustrative: true } : {}),
          },
        }),
    ...opt('source', d.source),
  }
}

function taskOf(task: TaskState): Task {
  const d = task.definition
  const status = taskStatus(task)
  return {
    id: d.taskId,
    kind: d.kind,
    name: d.name,
    departments: d.departments,
    ...opt('number', d.number),
    ...opt('section', d.section),
    ...opt('summary', d.summary),
    ...opt('status', status?.status),
    ...opt('source', d.source),
  }
}

function projectOf(project: ProjectState): Project {
  const d = project.definition
  const milestones: Milestone[] = project.milestoneOrder.flatMap((mid) => {
    const m = project.milestones[mid]
    const planned = m?.planned[m.planned.length - 1]
    if (m === undefined || planned === undefined) return []
    const forecasts: MilestoneForecast[] = m.forecasts.map((f) => ({
      on: f.validTime,
      forecast: f.date as DateSpec,
      ...opt('reason', f.reason),
    }))
    return [
      {
        id: mid,
        title: m.title,
        kind: m.kind,
        planned: planned.date,
        ...(forecasts.length === 0 ? {} : { forecasts }),
        ...opt('source', m.source),
      },
    ]
  })
  return {
    id: d.projectId,
    kind: d.kind,
    name: d.name,
    departments: d.departments,
    facts: d.facts,
    milestones,
    ...opt('number', d.number),
    ...opt('section', d.section),
    ...opt('source', d.source),
  }
}

/**
 * The plan `planId` as the state knows it, or `undefined` if it was never adopted. Records come
 * in the order they were first recorded; departments are all departments of the ledger.
 *
 * @example
 * import { emptyLedger } from '@progress-ledger/core'
 * import { planFromState } from '@progress-ledger/plan'
 * planFromState(emptyLedger(), 'p') // undefined
 */
export function planFromState(state: LedgerState, planId: string): Plan | undefined {
  const p = state.plans.get(planId)
  if (p === undefined) return undefined
  const indicators = byPosition(
    state.indicators
      .toArray()
      .filter((ind) => ind.definitions.length > 0 && currentDefinition(ind).planId === planId),
    (ind) => ind.definitions[0]?.position ?? 0,
  )
  return {
    id: p.planId,
    name: p.name,
    adoptedOn: p.adoptedOn,
    baseYear: p.baseYear,
    startYear: p.startYear,
    endYear: p.endYear,
    categories: [...Object.values(p.categories)]
      .sort((a, b) => a.order - b.order)
      .map((c) => ({ id: c.categoryId, name: c.name })),
    departments: byPosition(state.departments.toArray(), (d) => d.position).map((d) => ({
      id: d.departmentId,
      name: d.name,
      aliases: d.aliases,
    })),
    indicators: indicators.map(indicatorOf),
    tasks: byPosition(
      state.tasks.toArray().filter((x) => x.definition.planId === planId),
      (x) => x.position,
    ).map(taskOf),
    projects: byPosition(
      state.projects.toArray().filter((x) => x.definition.planId === planId),
      (x) => x.position,
    ).map(projectOf),
    ...opt('issuer', p.issuer),
  }
}
