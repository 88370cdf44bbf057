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
import { type Forecast, forecast, pacedCase } from './Forecast'
import { formatNumber } from './Format'
import type { InferredFrom, Note } from './Note'
import type { Lang, MethodName, ResolvedOptions } from './Options'
import { explanationSentence, projectionDigits, withUnit } from './Sentence'
import { type Grade, lightOf, type Light, type RuleName, type StatusCode } from './Status'
import type { NaturalLimit } from './methods/Qualitative'
import type { NumericCase } from './methods/NumericCase'
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

/** How the direction of a plain-number target was inferred (it was not printed). */
export interface TargetInference {
  readonly direction: 'higher' | 'lower'
  readonly from: InferredFrom
  /** The other target's number it was compared with, or the baseline. */
  readonly other: number | null
}

/** A target as a report shows it. */
export interface TargetInfo {
  readonly targetId: string
  readonly role: TargetRole
  readonly dueYear: number
  readonly expression: TargetExpression
  /** The target in its canonical printed form (`14`, `95以上`, `稳步提升`) in the report language. */
  readonly label: string
  /** What the target means as a comparison (`≥14`, `≤0.54`), or the label when it has no number. */
  readonly meaning: string
  /** The target's number, if it has one. */
  readonly value: number | null
  readonly printed: string | null
  readonly cause: TargetCause
  readonly eventId: string
  /** Set when a plain number's direction was inferred rather than printed. */
  readonly inference: TargetInference | null
}

/** How far the latest value is from the target of the active segment. */
export interface Gap {
  readonly targetId: string
  readonly dueYear: number
  readonly target: number
  /** `d · (yT − yt)`: positive means short of the target by that much, zero or less means met. */
  readonly value: number
}

/** One indicator's evaluation. */
export interface IndicatorReport {
  readonly indicatorId: string
  readonly number: string | null
  readonly name: LocalizedText
  readonly unit: string
  /** The unit in English, when the plan gives it. */
  readonly unitEn: string | null
  readonly categoryId: string
  readonly attribute: 'evaluation' | 'observation'
  readonly selfSelected: boolean
  readonly direction: Direction
  /** Departments responsible on the as-of date. */
  readonly departments: ReadonlyArray<string>
  readonly status: StatusCode
  readonly light: Light
  readonly grade: Grade
  readonly method: RuleName
  /** On track or achieved today, but forecast to miss the due target at the current pace. */
  readonly atRisk: boolean
  /** One sentence, in the report language, saying why the indicator has its status. */
  readonly summary: string
  readonly baseline: ValuePoint | null
  readonly latest: ValuePoint | null
  readonly series: ReadonlyArray<ValuePoint>
  readonly targets: ReadonlyArray<TargetInfo>
  readonly segments: ReadonlyArray<SegmentReport>
  readonly explanation: Explanation
  readonly forecast: Forecast | null
  readonly gap: Gap | null
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
 * import { ledgerProjection, replay } from '@progress-ledger/core'
 * import { fixtures, recorded } from '@progress-ledger/testkit'
 * import { evaluateIndicator, resolveOptions } from '@progress-ledger/reporting'
 * const state = replay(ledgerProjection, recorded([...fixtures.gdpPlan, fixtures.valueReported('v21', '2021', 10.6)], { at: '2022-03-01' }))
 * const r = resolveOptions({ asOf: '2021-12-31', lang: 'en' })
 * const gdp = state.indicators.get('I01')
 * const report = r._tag === 'Resolved' && gdp !== undefined ? evaluateIndicator(gdp, r.options) : undefined
 * report?.grade // 'on-schedule'
 * report?.summary // 'By now 20% of the way should be done and 19% is done: 1 pp behind.'
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
  const targets: TargetInfo[] = ordered.map(({ target, current }, k) => {
    const other = ordered[ordered.length > 1 ? (k === 0 ? 1 : 0) : -1]?.current.expression
    const inference = inferenceOf(current.expression, other, baseline?.value)
    const value = numberOf(current.expression)
    const label = fmt(current.expression, options.lang)
    const op =
      current.expression.kind === 'comparison'
        ? SYMBOL[current.expression.op]
        : current.expression.kind === 'level'
          ? current.expression.direction === 'lower'
            ? '≤'
            : current.expression.direction === 'higher'
              ? '≥'
              : ''
          : ''
    return {
      targetId: target.targetId,
      role: target.role,
      dueYear: current.dueYear,
      expression: current.expression,
      label,
      meaning: value !== null && op !== '' ? `${op}${formatNumber(value)}` : label,
      value,
      printed: current.printed,
      cause: current.cause,
      eventId: current.eventId,
      inference,
    }
  })
  const method: MethodName = options.methodByIndicator[ind.indicatorId] ?? options.method
  const points = series.map(toPoint)
  const base = baseline === null ? undefined : toPoint(baseline)
  const defEvents = ind.definitions.map((d) => d.eventId)
  let explanation: Explanation
  let segments: SegmentReport[] = []
  let fc: Forecast | null = null
  let gap: Gap | null = null
  let activeCase: NumericCase | undefined
  const limit = naturalLimitOf(ind.indicatorId, def.unit, options)
  if (def.attribute === 'observation') {
    explanation = observe(
      base,
      points,
      def.direction,
      ordered[ordered.length - 1]?.current.expression,
    )
  } else {
    const plans: ReadonlyArray<SegmentPlan> = planSegments(ordered, base, points, options)
    const runs = plans.map((p) => runSegment(p, method, options, def.direction, limit))
    segments = runs.map((r) => r.report)
    const active = runs.find((r) => r.report.state === 'active')
    const closedRun = runs.filter((r) => r.report.state === 'closed').pop()
    const closed = closedRun?.report
    explanation = active?.report.explanation ?? noTarget(points)
    const showsClosed = explanation.status === 'no-data' && closed?.explanation != null
    if (showsClosed) {
      // The new segment has no value after its start yet: the headline is the segment just closed.
      explanation = {
        ...closed.explanation,
        notes: [
          ...closed.explanation.notes,
          { _tag: 'ClosedSegmentShown', dueYear: closed.dueYear },
        ],
      }
    }
    activeCase = active?.numericCase
    if (active?.numericCase !== undefined) {
      // A forecast looks ahead: none once the latest value is at or past the due time.
      // Paced between measured values only: never from an interim target (see pacedCase).
      const paced =
        active.numericCase.latest.time < active.numericCase.target.time
          ? pacedCase(active.numericCase, {
              fromTarget: active.report.start === 'interim-target',
              reported: points,
              baseline: base,
            })
          : undefined
      if (paced !== undefined) fc = forecast(paced, options.thresholds.linearWindow) ?? null
    }
    // The gap is to the target the headline status was graded against: the closed segment's
    // when the headline is that segment's (so a row met at the mid-term is not also "short").
    const graded = showsClosed ? closedRun : active
    if (graded?.numericCase !== undefined) gap = gapOf(graded.numericCase, graded.report.targetId)
    const activeTarget = targets.find((t) => t.targetId === active?.report.targetId)
    if (activeTarget?.inference != null && activeTarget.value !== null)
      explanation = {
        ...explanation,
        notes: [
          ...explanation.notes,
          {
            _tag: 'DirectionInferred',
            direction: activeTarget.inference.direction,
            from: activeTarget.inference.from,
            value: activeTarget.value,
            other: activeTarget.inference.other,
          } satisfies Note,
        ],
      }
  }
  // On track or met already today, but the current pace ends short of the due target: met
  // early and falling back is as much at risk as on track and slowing.
  const atRisk =
    (explanation.status === 'on-track' || explanation.status === 'achieved') &&
    fc !== null &&
    !fc.meetsByDue &&
    activeCase !== undefined &&
    activeCase.direction * (activeCase.target.value - fc.projected) >
      options.thresholds.atRisk.margin * Math.abs(activeCase.target.value - activeCase.base.value)
  const unit = options.lang === 'en' ? (def.unitEn ?? def.unit) : def.unit
  let summary = explanationSentence(explanation, options.lang, unit)
  if (atRisk && fc !== null) {
    const due = targets.find((t) => t.dueYear === fc?.dueYear)
    const op = due?.meaning.match(/^[≥≤><]/)?.[0] ?? ''
    const target = due?.value == null ? (due?.meaning ?? '') : `${op}${withUnit(due.value, unit)}`
    const projected = withUnit(
      fc.projected,
      unit,
      due?.value == null ? 2 : projectionDigits(fc.projected, due.value),
    )
    summary +=
      options.lang === 'zh'
        ? `但按当前速度${fc.dueYear}年预计为${projected}，达不到目标${target}。`
        : ` But at the current pace it reaches only ${projected} by ${fc.dueYear}, short of the target ${target}.`
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
    unitEn: def.unitEn ?? null,
    categoryId: def.categoryId,
    attribute: def.attribute,
    selfSelected: def.selfSelected,
    direction: def.direction,
    departments: [...responsibleOn(ind, options.asOf)],
    status: explanation.status,
    light: lightOf(explanation.status),
    grade: explanation.grade,
    method: explanation.method,
    atRisk,
    summary,
    baseline,
    latest: series[series.length - 1] ?? null,
    series,
    targets,
    segments,
    explanation,
    forecast: fc,
    gap,
    eventIds: [...ids].sort(),
  }
}

const SYMBOL: Readonly<Record<'ge' | 'gt' | 'le' | 'lt', string>> = {
  ge: '≥',
  gt: '>',
  le: '≤',
  lt: '<',
}

function numberOf(e: TargetExpression | undefined): number | null {
  return e !== undefined && (e.kind === 'level' || e.kind === 'comparison') ? e.value : null
}

/** Replays the plan package's rule for a plain number's direction, to say what it was read from. */
function inferenceOf(
  e: TargetExpression,
  other: TargetExpression | undefined,
  baseline: number | undefined,
): TargetInference | null {
  if (e.kind !== 'level' || !e.inferred) return null
  if (e.direction !== 'higher' && e.direction !== 'lower') return null
  const o = numberOf(other)
  if (o !== null && o !== e.value) {
    const rising = e.direction === 'higher'
    return { direction: e.direction, from: rising ? 'rising-targets' : 'falling-targets', other: o }
  }
  if (baseline !== undefined && baseline !== e.value)
    return { direction: e.direction, from: 'baseline', other: baseline }
  return { direction: e.direction, from: 'nothing', other: null }
}

/**
 * The natural limit of an indicator's values: set for the indicator (`naturalLimits`), else the
 * limit for its unit (`naturalLimitsByUnit`, by default 100 for `%` and 1000 for `‰`).
 *
 * @example
 * import { naturalLimitOf, resolveOptions } from '@progress-ledger/reporting'
 * const r = resolveOptions({ asOf: '2025-12-31', lang: 'en' })
 * r._tag === 'Resolved' && naturalLimitOf('I64', '%', r.options) // { value: 100, source: 'unit', unit: '%' }
 * r._tag === 'Resolved' && naturalLimitOf('I01', '万元', r.options) // undefined
 */
export function naturalLimitOf(
  indicatorId: string,
  unit: string,
  options: ResolvedOptions,
): NaturalLimit | undefined {
  const own = options.naturalLimits[indicatorId]
  if (own !== undefined) return { value: own, source: 'indicator', unit }
  const byUnit = options.naturalLimitsByUnit[unit.trim()]
  return byUnit === undefined ? undefined : { value: byUnit, source: 'unit', unit: unit.trim() }
}

function gapOf(c: NumericCase, targetId: string): Gap {
  return {
    targetId,
    dueYear: Math.round(c.target.time),
    target: c.target.value,
    // A difference of two decimals, without binary noise (14 − 11.8 is 2.2, not
    // 2.1999999999999993): twelve significant digits are more than any reported figure has.
    value: Number((c.direction * (c.target.value - c.latest.value)).toPrecision(12)),
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
    notes: [{ _tag: 'NoTarget' }],
    eventIds: [...new Set(ids)].sort(),
  }
}
