/**
 * The plan report: every indicator evaluated, roll-ups by category, department and plan,
 * tasks, reforms and projects, as of one date. Deterministic: the same state and options give
 * the same report, with no clock read.
 *
 * @module Report
 */
import {
  currentDefinition,
  type DecodeIssue,
  type IsoDate,
  type LedgerState,
  type LocalizedText,
  responsibleOn,
  taskStatus,
} from '@progress-ledger/core'
import { type Attention, attentionOf } from './Attention'
import { evaluateIndicator, type EvaluateContext, type IndicatorReport } from './Evaluate'
import { evaluateProject, type ProjectReport } from './Milestones'
import { type Lang, type ResolvedOptions, resolveOptions } from './Options'
import {
  byCategory,
  byTaskKind,
  type CategoryRollup,
  type DepartmentScore,
  scorecard,
  type Tally,
  tally,
  type TaskRollup,
} from './Rollup'
import type { TaskReport } from './Task'
import { yearTime } from './internal/Time'

/** Everything a report says about a plan as of a date. */
export interface PlanReport {
  readonly planId: string
  readonly name: LocalizedText
  readonly asOf: IsoDate
  readonly lang: Lang
  readonly adoptedOn: IsoDate
  readonly baseYear: number
  readonly startYear: number
  readonly endYear: number
  /** Share of the plan period elapsed on the as-of date, from the end of the base year (0–1). */
  readonly elapsed: number
  /** The ledger position the state reflected. */
  readonly position: number
  readonly options: ResolvedOptions
  readonly indicators: ReadonlyArray<IndicatorReport>
  readonly categories: ReadonlyArray<CategoryRollup>
  readonly departments: ReadonlyArray<DepartmentScore>
  readonly overall: Tally
  readonly tasks: ReadonlyArray<TaskReport>
  readonly taskRollup: ReadonlyArray<TaskRollup>
  readonly projects: ReadonlyArray<ProjectReport>
  /** What needs attention first: red, yellow and at-risk indicators, delayed tasks, overdue projects. */
  readonly attention: Attention
  /** Does the report show any illustrative value (baselines or values marked so)? */
  readonly illustrative: boolean
  /** Names of the departments the report mentions. */
  readonly departmentNames: Readonly<Record<string, LocalizedText>>
  /**
   * What the reader must know before trusting the figures (e.g. the ledger's hash chain does
   * not verify), as plain sentences from `options.warnings`; every renderer shows them first.
   */
  readonly warnings: ReadonlyArray<string>
}

/** The result of {@link evaluatePlan}. */
export type ReportResult =
  | { readonly _tag: 'Report'; readonly report: PlanReport }
  | { readonly _tag: 'InvalidOptions'; readonly issues: ReadonlyArray<DecodeIssue> }
  | { readonly _tag: 'PlanNotFound'; readonly message: string }

/** Orders printed numbers `1, 2, 10, 14a` numerically, then as text. */
function compareNumbers(a: string | null, b: string | null): number {
  const na = a === null ? Number.MAX_SAFE_INTEGER : parseInt(a, 10)
  const nb = b === null ? Number.MAX_SAFE_INTEGER : parseInt(b, 10)
  const x = Number.isNaN(na) ? Number.MAX_SAFE_INTEGER : na
  const y = Number.isNaN(nb) ? Number.MAX_SAFE_INTEGER : nb
  return x - y || byId(a ?? '', b ?? '')
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Plans a message names before it counts the rest. */
const PLANS_NAMED = 10

function named(plans: ReadonlyArray<{ readonly planId: string }>): string {
  return plans.map((p) => JSON.stringify(p.planId)).join(', ')
}

/**
 * Evaluates a plan as of `options.asOf`. Cut the state first with core's `asOf` to see what the
 * ledger knew at a recorded time. Options are validated (errors name `options.<path>`); a
 * state without the plan gives `PlanNotFound`.
 *
 * @example
 * import { emptyLedger } from '@progress-ledger/core'
 * import { evaluatePlan } from '@progress-ledger/reporting'
 * evaluatePlan(emptyLedger(), { asOf: '2022-12-31', lang: 'zh' })._tag // 'PlanNotFound'
 * @example
 * import { ledgerProjection, replay } from '@progress-ledger/core'
 * import { fixtures, recorded } from '@progress-ledger/testkit'
 * import { evaluatePlan } from '@progress-ledger/reporting'
 * const state = replay(ledgerProjection, recorded(fixtures.gdpPlan))
 * const warned = evaluatePlan(state, { asOf: '2021-12-31', lang: 'en', warnings: ['the hash chain is broken at position 2'] })
 * warned._tag === 'Report' && warned.report.warnings // ['the hash chain is broken at position 2']
 */
export function evaluatePlan(
  state: LedgerState,
  options: unknown,
  context: EvaluateContext = {},
): ReportResult {
  const resolved = resolveOptions(options)
  if (resolved._tag === 'InvalidOptions') return resolved
  const o = resolved.options
  const plans = state.plans.toArray().sort((a, b) => byId(a.planId, b.planId))
  const plan = o.planId === null ? plans[0] : state.plans.get(o.planId)
  if (plan === undefined || (o.planId === null && plans.length > 1)) {
    const message =
      o.planId === null
        ? plans.length === 0
          ? 'options.planId: expected a plan in the ledger, got none adopted'
          : `options.planId: expected ${plans.length > PLANS_NAMED ? `one of ${plans.length} plans (${named(plans.slice(0, PLANS_NAMED))}, …)` : `one of ${named(plans)} (the ledger holds several plans)`}, got nothing`
        : `options.planId: expected an adopted plan, got ${JSON.stringify(o.planId)}`
    return { _tag: 'PlanNotFound', message }
  }
  const order = new Map(Object.values(plan.categories).map((c) => [c.categoryId, c.order]))
  const indicators = state.indicators
    .toArray()
    .filter((i) => currentDefinition(i).planId === plan.planId)
    .map((i) => evaluateIndicator(i, o, context))
    .sort(
      (a, b) =>
        (order.get(a.categoryId) ?? 1e9) - (order.get(b.categoryId) ?? 1e9) ||
        compareNumbers(a.number, b.number) ||
        byId(a.indicatorId, b.indicatorId),
    )
  const taskStates = state.tasks.toArray().filter((t) => t.definition.planId === plan.planId)
  const tasks: TaskReport[] = taskStates
    .map((t) => {
      const s = taskStatus(t)
      return {
        taskId: t.taskId,
        kind: t.definition.kind,
        number: t.definition.number ?? null,
        name: t.definition.name,
        departments: [...responsibleOn(t, o.asOf)],
        status: s?.status ?? ('unreported' as const),
        progress: s?.progress ?? null,
        eventIds: [t.eventId, ...t.statuses.map((v) => v.eventId)].sort(),
      }
    })
    .sort(
      (a, b) =>
        byId(a.kind, b.kind) || compareNumbers(a.number, b.number) || byId(a.taskId, b.taskId),
    )
  const projects = state.projects
    .toArray()
    .filter((p) => p.definition.planId === undefined || p.definition.planId === plan.planId)
    .sort((a, b) => byId(a.projectId, b.projectId))
    .map((p) => evaluateProject(p, o.asOf))
  const departmentNames: Record<string, LocalizedText> = {}
  for (const id of [
    ...indicators.flatMap((i) => i.departments),
    ...tasks.flatMap((t) => t.departments),
    ...projects.flatMap((p) => p.departments),
  ].sort(byId)) {
    departmentNames[id] = state.departments.get(id)?.name ?? { zh: id }
  }
  const span = plan.endYear - plan.baseYear
  const elapsed =
    span <= 0 ? 1 : Math.min(1, Math.max(0, (yearTime(o.asOf) - plan.baseYear) / span))
  return {
    _tag: 'Report',
    report: {
      planId: plan.planId,
      name: plan.name,
      asOf: o.asOf,
      lang: o.lang,
      adoptedOn: plan.adoptedOn,
      baseYear: plan.baseYear,
      startYear: plan.startYear,
      endYear: plan.endYear,
      elapsed,
      position: state.position,
      options: o,
      indicators,
      categories: byCategory(plan, indicators),
      departments: scorecard(state.departments, indicators),
      overall: tally(indicators),
      tasks,
      taskRollup: byTaskKind(taskStates),
      projects,
      attention: attentionOf(indicators, tasks, projects),
      illustrative: indicators.some(
        (i) => i.baseline?.illustrative === true || i.series.some((v) => v.illustrative),
      ),
      departmentNames,
      warnings: o.warnings,
    },
  }
}
