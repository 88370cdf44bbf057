// Deciders for definitions: plan, category, department, indicator, baseline, project, task.
import {
  currentDefinition,
  type LedgerState,
  periodEnd,
  periodYear,
  type Responsibility,
  responsibleOn,
  streams,
  showValue,
} from '@progress-ledger/core'
import type { CommandOf } from '../../Command'
import type { Decision } from '../../Decision'
import { rejected, type Rejected } from '../../Rejection'
import {
  checkDepartments,
  findIndicator,
  findPlan,
  planOfIndicator,
  sameDepartments,
} from '../Lookup'
import { compact } from '../Optional'
import { checkFigure } from '../Plausibility'
import { accept, failed, type Scope } from '../Scope'

export function adoptPlan(s: Scope, c: CommandOf<'AdoptPlan'>): Decision {
  if (s.state.plans.get(c.planId) !== undefined)
    return rejected('already-defined', 'planId', 'a plan not yet adopted', c.planId)
  if (c.baseYear > c.startYear)
    return rejected(
      'plan-years',
      'baseYear',
      `a year no later than startYear ${c.startYear}`,
      c.baseYear,
    )
  if (c.startYear > c.endYear)
    return rejected(
      'plan-years',
      'endYear',
      `a year no earlier than startYear ${c.startYear}`,
      c.endYear,
    )
  const adopted = Number(c.adoptedOn.slice(0, 4))
  if (adopted < c.baseYear || adopted > c.endYear) {
    return rejected(
      'plan-years',
      'adoptedOn',
      `a date within the plan's years ${c.baseYear}–${c.endYear}`,
      c.adoptedOn,
    )
  }
  const data = compact({
    planId: c.planId,
    name: c.name,
    adoptedOn: c.adoptedOn,
    baseYear: c.baseYear,
    startYear: c.startYear,
    endYear: c.endYear,
    issuer: c.issuer,
    source: c.source,
  })
  return accept(s, c.id, streams.plan(c.planId), 'PlanAdopted', data, c.adoptedOn)
}

export function defineCategory(s: Scope, c: CommandOf<'DefineCategory'>): Decision {
  const plan = findPlan(s.state, c.planId)
  if (failed(plan)) return plan
  const data = { planId: c.planId, categoryId: c.categoryId, name: c.name, order: c.order }
  return accept(
    s,
    c.id,
    streams.plan(c.planId),
    'CategoryDefined',
    data,
    c.validTime ?? plan.adoptedOn,
  )
}

export function registerDepartment(s: Scope, c: CommandOf<'RegisterDepartment'>): Decision {
  const data = compact({
    departmentId: c.departmentId,
    name: c.name,
    aliases: c.aliases ?? [],
    note: c.note,
  })
  return accept(
    s,
    c.id,
    streams.department(c.departmentId),
    'DepartmentRegistered',
    data,
    c.validTime ?? s.ctx.today,
  )
}

/** A redefinition keeps the departments in force: responsibility moves only by reassignment. */
function keepsDepartments(
  state: LedgerState,
  holder: { readonly responsibility: ReadonlyArray<Responsibility> } | undefined,
  departments: ReadonlyArray<string>,
): Rejected | undefined {
  if (holder === undefined) return checkDepartments(state, departments)
  const current = responsibleOn(holder)
  if (sameDepartments(current, departments)) return undefined
  return rejected(
    'redefinition',
    'departments',
    `the departments in force [${current.join(', ')}] (use ReassignResponsibility to change them)`,
    departments,
  )
}

export function defineIndicator(s: Scope, c: CommandOf<'DefineIndicator'>): Decision {
  const plan = findPlan(s.state, c.planId)
  if (failed(plan)) return plan
  if (plan.categories[c.categoryId] === undefined) {
    return rejected(
      'category-missing',
      'categoryId',
      `a category of plan ${showValue(c.planId)} (${Object.keys(plan.categories).join(', ') || 'none defined'})`,
      c.categoryId,
    )
  }
  if (c.parentId !== undefined) {
    const parent = findIndicator(s.state, c.parentId, 'parentId')
    if (failed(parent)) return parent
  }
  const existing = s.state.indicators.get(c.indicatorId)
  if (existing !== undefined) {
    const before = currentDefinition(existing)
    if (before.planId !== c.planId)
      return rejected(
        'redefinition',
        'planId',
        `the indicator's plan ${showValue(before.planId)}`,
        c.planId,
      )
    if (before.periodicity !== c.periodicity && existing.values.length > 0) {
      return rejected(
        'redefinition',
        'periodicity',
        `the periodicity ${before.periodicity} its reported values have`,
        c.periodicity,
      )
    }
  }
  const deps = keepsDepartments(s.state, existing, c.departments)
  if (deps !== undefined) return deps
  const data = compact({
    planId: c.planId,
    indicatorId: c.indicatorId,
    name: c.name,
    unit: c.unit,
    categoryId: c.categoryId,
    attribute: c.attribute,
    selfSelected: c.selfSelected,
    departments: c.departments,
    direction: c.direction,
    periodicity: c.periodicity,
    number: c.number,
    unitEn: c.unitEn,
    parentId: c.parentId,
    source: c.source,
  })
  return accept(
    s,
    c.id,
    streams.indicator(c.indicatorId),
    'IndicatorDefined',
    data,
    c.validTime ?? plan.adoptedOn,
  )
}

export function setBaseline(s: Scope, c: CommandOf<'SetBaseline'>): Decision {
  const ind = findIndicator(s.state, c.indicatorId)
  if (failed(ind)) return ind
  const plan = planOfIndicator(s.state, ind)
  if (failed(plan)) return plan
  if (periodYear(c.period) > plan.startYear) {
    return rejected(
      'period-outside-plan',
      'period',
      `a baseline period no later than the plan's start year ${plan.startYear}`,
      c.period,
    )
  }
  const figure = checkFigure(
    { value: c.value, ...compact({ unit: c.unit, factor: c.factor }) },
    currentDefinition(ind),
    '',
  )
  if (failed(figure)) return figure
  const data = compact({
    indicatorId: c.indicatorId,
    period: c.period,
    value: figure.value,
    illustrative: c.illustrative,
    source: c.source,
  })
  return accept(s, c.id, streams.indicator(c.indicatorId), 'BaselineSet', data, periodEnd(c.period))
}

export function defineProject(s: Scope, c: CommandOf<'DefineProject'>): Decision {
  let validTime = c.validTime ?? s.ctx.today
  if (c.planId !== undefined) {
    const plan = findPlan(s.state, c.planId)
    if (failed(plan)) return plan
    validTime = c.validTime ?? plan.adoptedOn
  }
  const existing = s.state.projects.get(c.projectId)
  // A project of a plan stays in it: another plan's project of the same id is a new project,
  // which needs its own id (a redefinition would move the project and its milestones away).
  const own = existing?.definition.planId
  if (own !== undefined && own !== c.planId)
    return rejected('redefinition', 'planId', `the project's plan ${showValue(own)}`, c.planId)
  const deps = keepsDepartments(s.state, existing, c.departments)
  if (deps !== undefined) return deps
  const data = compact({
    projectId: c.projectId,
    kind: c.kind,
    name: c.name,
    departments: c.departments,
    facts: c.facts ?? [],
    planId: c.planId,
    number: c.number,
    section: c.section,
    source: c.source,
  })
  return accept(s, c.id, streams.project(c.projectId), 'ProjectDefined', data, validTime)
}

export function defineTask(s: Scope, c: CommandOf<'DefineTask'>): Decision {
  const plan = findPlan(s.state, c.planId)
  if (failed(plan)) return plan
  const existing = s.state.tasks.get(c.taskId)
  if (existing !== undefined && existing.definition.planId !== c.planId) {
    return rejected(
      'redefinition',
      'planId',
      `the task's plan ${showValue(existing.definition.planId)}`,
      c.planId,
    )
  }
  const deps = keepsDepartments(s.state, existing, c.departments)
  if (deps !== undefined) return deps
  const data = compact({
    planId: c.planId,
    taskId: c.taskId,
    kind: c.kind,
    name: c.name,
    departments: c.departments,
    number: c.number,
    section: c.section,
    summary: c.summary,
    source: c.source,
  })
  return accept(s, c.id, streams.task(c.taskId), 'TaskDefined', data, c.validTime ?? plan.adoptedOn)
}
