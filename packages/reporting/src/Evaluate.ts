/**
 * Evaluating one indicator as of a date: its targets segment by segment (interim, then final),
 * the method chosen for it, its forecast, or — for an observation indicator — its trend.
 *
 * @module Evaluate
 */
import {
  currentDefinition,
  type Direction,
  type IndicatorState,
  type LocalizedText,
  responsibleOn,
  type TargetExpression,
  targetsByDue,
  type TargetCause,
  type TargetRole,
} from '@progress-ledger/core'
import type { Explanation } from './Explanation'
import { type Forecast, forecast } from './Forecast'
import type { Lang, MethodName, ResolvedOptions } from './Options'
import { lightOf, type Light, type StatusCode } from './Status'
import { formatTarget } from '@progress-ledger/plan'
import { baselineOf, seriesOf, toPoint, type ValuePoint } from './internal/Series'
import {
  observe,
  type SegmentPlan,
  type SegmentReport,
  planSegments,
  runSegment,
} from './internal/Segments'

export type { ValuePoint } from './internal/Series'
export type { SegmentReport } from './internal/Segments'

/** A target as a report shows it. */
export interface TargetInfo {
  readonly targetId: string
  readonly role: TargetRole
  readonly dueYear: number
  readonly expression: TargetExpression
  readonly label: string
  readonly printed: string | null
  readonly cause: TargetCause
  readonly eventId: string
}

/** One indicator's evaluation. */
export interface IndicatorReport {
  readonly indicatorId: string
  readonly number: string | null
  readonly name: LocalizedText
  readonly unit: string
  readonly categoryId: string
  readonly attribute: 'evaluation' | 'observation'
  readonly selfSelected: boolean
  readonly direction: Direction
  /** Departments responsible on the as-of date. */
  readonly departments: ReadonlyArray<string>
  readonly status: StatusCode
  readonly light: Light
  readonly grade: string
  readonly method: string
  readonly baseline: ValuePoint | null
  readonly latest: ValuePoint | null
  readonly series: ReadonlyArray<ValuePoint>
  readonly targets: ReadonlyArray<TargetInfo>
  readonly segments: ReadonlyArray<SegmentReport>
  readonly explanation: Explanation
  readonly forecast: Forecast | null
  /** Every event the evaluation rests on (definition, baseline, targets, values), sorted. */
  readonly eventIds: ReadonlyArray<string>
}

/** Formats a target expression for a report (the plan package's `formatTarget` has this shape). */
export type TargetFormatter = (expr: TargetExpression, lang: Lang) => string

/** What an evaluation may take from its surroundings. */
export interface EvaluateContext {
  /** Formats target labels; defaults to `formatTarget` of `@progress-ledger/plan`. */
  readonly formatTarget?: TargetFormatter
}

/**
 * Evaluates one indicator with resolved options (see `resolveOptions`).
 *
 * @example
 * import { evaluateIndicator, resolveOptions } from '@progress-ledger/reporting'
 * // const r = resolveOptions({ asOf: '2022-12-31', lang: 'zh' })
 * // if (r._tag === 'Resolved') evaluateIndicator(state.indicators.get('I01'), r.options).status
 */
export function evaluateIndicator(
  ind: IndicatorState,
  options: ResolvedOptions,
  context: EvaluateContext = {},
): IndicatorReport {
  const fmt = context.formatTarget ?? formatTarget
  const def = currentDefinition(ind)
  const series = seriesOf(ind, options.asOf)
  const baseline = baselineOf(ind)
  const ordered = targetsByDue(ind)
  const targets: TargetInfo[] = ordered.map(({ target, current }) => ({
    targetId: target.targetId,
    role: target.role,
    dueYear: current.dueYear,
    expression: current.expression,
    label: fmt(current.expression, options.lang),
    printed: current.printed,
    cause: current.cause,
    eventId: current.eventId,
  }))
  const method: MethodName = options.methodByIndicator[ind.indicatorId] ?? options.method
  const points = series.map(toPoint)
  const base = baseline === null ? undefined : toPoint(baseline)
  const defEvents = ind.definitions.map((d) => d.eventId)
  let explanation: Explanation
  let segments: SegmentReport[] = []
  let fc: Forecast | null = null
  if (def.attribute === 'observation') {
    explanation = observe(
      base,
      points,
      def.direction,
      ordered[ordered.length - 1]?.current.expression,
    )
  } else {
    const plans: ReadonlyArray<SegmentPlan> = planSegments(ordered, base, points, options)
    const runs = plans.map((p) => runSegment(p, method, options, def.direction, ind.indicatorId))
    segments = runs.map((r) => r.report)
    const active = runs.find((r) => r.report.state === 'active')
    const closed = runs.filter((r) => r.report.state === 'closed').pop()?.report
    explanation = active?.report.explanation ?? noTarget(points)
    if (explanation.status === 'no-data' && closed?.explanation != null) {
      // The new segment has no value after its start yet: the headline is the segment just closed.
      explanation = {
        ...closed.explanation,
        notes: [
          ...closed.explanation.notes,
          `the ${closed.dueYear} segment is shown until the next segment has a value after its start`,
        ],
      }
    }
    if (active?.numericCase !== undefined)
      fc = forecast(active.numericCase, options.thresholds.linearWindow) ?? null
  }
  const ids = new Set<string>([
    ...defEvents,
    ...explanation.eventIds,
    ...targets.map((t) => t.eventId),
  ])
  for (const s of segments) for (const id of s.explanation?.eventIds ?? []) ids.add(id)
  if (baseline !== null) ids.add(baseline.eventId)
  return {
    indicatorId: ind.indicatorId,
    number: def.number ?? null,
    name: def.name,
    unit: def.unit,
    categoryId: def.categoryId,
    attribute: def.attribute,
    selfSelected: def.selfSelected,
    direction: def.direction,
    departments: [...responsibleOn(ind, options.asOf)],
    status: explanation.status,
    light: lightOf(explanation.status),
    grade: explanation.grade,
    method: explanation.method,
    baseline,
    latest: series[series.length - 1] ?? null,
    series,
    targets,
    segments,
    explanation,
    forecast: fc,
    eventIds: [...ids].sort(),
  }
}

function noTarget(points: ReadonlyArray<{ readonly eventId: string | null }>): Explanation {
  const ids = points.flatMap((p) => (p.eventId === null ? [] : [p.eventId]))
  return {
    method: 'none',
    grade: 'no-target',
    status: 'target-pending',
    inputs: [],
    thresholds: [],
    numbers: {},
    steps: [],
    notes: ['no target has been set'],
    eventIds: [...new Set(ids)].sort(),
  }
}
