/**
 * Rules for targets without a number (表1's 稳步提升, 逐步下降, 逐年下降, 保持稳定, 维持在合理区间,
 * 完成上级下达任务) and for range targets.
 *
 * @module methods/Qualitative
 */
import type { TargetExpression } from '@progress-ledger/core'
import type { Explanation, ExplanationInput } from '../Explanation'
import { formatNumber as f } from '../Format'
import type { Note } from '../Note'
import type { Thresholds, TrendMethod } from '../Options'
import type { Grade, RuleName, StatusCode } from '../Status'
import { cagr, cagrStep } from '../internal/Growth'
import type { Point } from './NumericCase'
import { statCanNoTarget } from './StatCan'

/** A target expression that is not judged by a numeric method. */
export type QualitativeTarget = Extract<
  TargetExpression,
  { kind: 'trend' | 'stable' | 'reasonable-range' | 'quota' | 'range' }
>

/** Everything a qualitative rule looks at. `points` start with the baseline, in time order. */
export interface QualitativeCase {
  readonly points: ReadonlyArray<Point>
  readonly targetEventId: string | null
  readonly thresholds: Thresholds
  readonly trendMethod: TrendMethod
  /** The natural limit of the indicator's values, and where it comes from (see `naturalLimitOf`). */
  readonly naturalLimit: NaturalLimit | undefined
}

/** A natural limit of an indicator's values: set for the indicator, or the default for its unit. */
export interface NaturalLimit {
  readonly value: number
  readonly source: 'indicator' | 'unit'
  readonly unit: string
}

function explain(
  q: QualitativeCase,
  method: RuleName,
  grade: Grade,
  status: StatusCode,
  parts: {
    inputs?: ReadonlyArray<ExplanationInput>
    thresholds?: Explanation['thresholds']
    numbers?: Explanation['numbers']
    steps?: ReadonlyArray<string>
    notes?: ReadonlyArray<Note>
  },
): Explanation {
  const ids = new Set<string>()
  for (const p of q.points) if (p.eventId !== null) ids.add(p.eventId)
  if (q.targetEventId !== null) ids.add(q.targetEventId)
  return {
    method,
    grade,
    status,
    inputs:
      parts.inputs ??
      q.points.map((p) => ({
        name: `y(${p.period})`,
        value: p.value,
        period: p.period,
        eventId: p.eventId,
      })),
    thresholds: parts.thresholds ?? [],
    numbers: parts.numbers ?? {},
    steps: parts.steps ?? [],
    notes: parts.notes ?? [],
    eventIds: [...ids].sort(),
  }
}

function trend(q: QualitativeCase, d: 1 | -1, first: Point, last: Point): Explanation {
  const years = last.time - first.time
  if (q.trendMethod === 'statcan') {
    const r = statCanNoTarget(
      first.value,
      last.value,
      years,
      d,
      q.thresholds.statCan,
      q.naturalLimit?.value,
    )
    if (r !== undefined) {
      const k = q.thresholds.statCan
      const limit = q.naturalLimit
      return explain(q, 'trend-statcan', r.grade, r.status, {
        thresholds: [
          { name: 'substantial-v', value: k.noTargetSubstantial },
          { name: 'moderate-v', value: k.noTargetModerate },
        ],
        numbers: r.numbers,
        steps: r.steps,
        notes:
          limit === undefined
            ? []
            : [
                {
                  _tag: 'NaturalLimit',
                  limit: limit.value,
                  source: limit.source,
                  unit: limit.unit,
                },
              ],
      })
    }
  } else {
    const r = cagr(first.value, last.value, years)
    if (r !== undefined) {
      const e = q.thresholds.expectedValue
      const g = d * r
      const [grade, status]: [Grade, StatusCode] =
        g >= e.noTargetOnTrack
          ? ['on-track', 'on-track']
          : g >= e.noTargetAcceleration
            ? ['acceleration-needed', 'needs-acceleration']
            : ['stagnation-or-regression', 'off-track']
      return explain(q, 'trend-expected-value', grade, status, {
        thresholds: [
          { name: 'on-track-dr', value: e.noTargetOnTrack },
          { name: 'acceleration-dr', value: e.noTargetAcceleration },
        ],
        numbers: { r, directed: g },
        steps: [
          cagrStep('r', first.value, last.value, years, r),
          `d · r = ${d} · ${f(r)} = ${f(g)}`,
        ],
      })
    }
  }
  const slope = (last.value - first.value) / years
  const ok = d * slope > 0
  return explain(
    q,
    'trend-sign',
    ok ? 'moving-in-direction' : 'not-moving-in-direction',
    ok ? 'on-track' : 'off-track',
    {
      numbers: { slope },
      steps: [
        `slope = (${f(last.value)} − ${f(first.value)}) / ${f(years)} = ${f(slope)}; d · slope ${ok ? '>' : '≤'} 0`,
      ],
      notes: [{ _tag: 'SignOfSlope' }],
    },
  )
}

/**
 * One point per calendar year: the last value of each (the year-end figure, or the latest so far
 * in the current year). A 逐年 target compares years; a monthly or quarterly series compared
 * month by month would turn one seasonal dip into a violated year.
 */
function yearEnds(points: ReadonlyArray<Point>): ReadonlyArray<Point> {
  const out: Point[] = []
  for (const p of points) {
    const prev = out[out.length - 1]
    if (prev !== undefined && prev.period.slice(0, 4) === p.period.slice(0, 4))
      out[out.length - 1] = p
    else out.push(p)
  }
  return out
}

function yearly(q: QualitativeCase, d: 1 | -1): Explanation {
  const steps: string[] = []
  const points = yearEnds(q.points)
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1] as Point
    const b = points[i] as Point
    const ok = d * (b.value - a.value) > 0
    steps.push(
      `${b.period}: ${f(b.value)} − ${f(a.value)} = ${f(b.value - a.value)} ${ok ? '✓' : '✗'}`,
    )
    if (!ok) {
      return explain(q, 'every-year', 'first-violation', 'off-track', {
        steps,
        notes: [{ _tag: 'FirstViolation', period: b.period.slice(0, 4) }],
        numbers: { firstViolation: Number(b.period.slice(0, 4)), d },
      })
    }
  }
  return explain(q, 'every-year', 'every-year-held', 'on-track', { steps, numbers: { d } })
}

function stable(q: QualitativeCase, first: Point, last: Point): Explanation {
  const s = q.thresholds.stable
  const band = s.relative ? (Math.abs(first.value) * s.tolerance) / 100 : s.tolerance
  const deviation = last.value - first.value
  const ok = Math.abs(deviation) <= band
  return explain(
    q,
    'stable-band',
    ok ? 'within-band' : 'outside-band',
    ok ? 'on-track' : 'off-track',
    {
      thresholds: [{ name: s.relative ? 'tolerance-pct' : 'tolerance-units', value: s.tolerance }],
      numbers: { band, deviation },
      steps: [
        `band = ${s.relative ? `|${f(first.value)}| · ${f(s.tolerance)}% = ` : ''}${f(band)}; |yt − y0| = |${f(last.value)} − ${f(first.value)}| = ${f(Math.abs(deviation))} ${ok ? '≤' : '>'} ${f(band)}`,
      ],
    },
  )
}

function inRange(
  q: QualitativeCase,
  method: 'range' | 'reasonable-range',
  last: Point,
  min: number | undefined,
  max: number | undefined,
  inside: [Grade, StatusCode],
): Explanation {
  if (min === undefined && max === undefined) {
    return explain(q, method, 'range-pending', 'target-pending', {
      notes: [{ _tag: 'RangePending' }],
    })
  }
  const lo = min ?? Number.NEGATIVE_INFINITY
  const hi = max ?? Number.POSITIVE_INFINITY
  const ok = last.value >= lo && last.value <= hi
  return explain(q, method, ok ? inside[0] : 'outside-range', ok ? inside[1] : 'off-track', {
    thresholds: [
      ...(min === undefined ? [] : [{ name: 'min' as const, value: min }]),
      ...(max === undefined ? [] : [{ name: 'max' as const, value: max }]),
    ],
    steps: [`${f(lo)} ≤ ${f(last.value)} ≤ ${f(hi)} ${ok ? '✓' : '✗'}`],
  })
}

/**
 * Judges a qualitative target: trends by the no-target growth method (StatCan by default),
 * 逐年 targets by every year-over-year change (the first violating year is reported), 保持稳定
 * by a band around the baseline, ranges by their bounds (pending until given), quotas as
 * pending. Fewer than two points give `no-data` (quotas and unset ranges stay pending).
 *
 * @example
 * import { evaluateQualitative, defaultThresholds } from '@progress-ledger/reporting'
 * const pts = [{ time: 2020, value: 30, period: '2020', eventId: 'a' }, { time: 2021, value: 29, period: '2021', eventId: 'b' }, { time: 2022, value: 29.5, period: '2022', eventId: 'c' }]
 * const e = evaluateQualitative({ kind: 'trend', direction: 'fall', pace: 'yearly' },
 *   { points: pts, targetEventId: 't', thresholds: defaultThresholds, trendMethod: 'statcan', naturalLimit: undefined })
 * e.grade // 'first-violation'
 * e.notes // [{ _tag: 'FirstViolation', period: '2022' }]
 * // A monthly series is judged by its year-end values: a dip within a year is no violation.
 * const month = (period: string, value: number) => ({ time: Number(period.slice(0, 4)) + Number(period.slice(5)) / 12 - 1, value, period, eventId: period })
 * const monthly = [month('2021-12', 30), month('2022-02', 31), month('2022-12', 29), month('2023-05', 28)]
 * const m = evaluateQualitative({ kind: 'trend', direction: 'fall', pace: 'yearly' },
 *   { points: monthly, targetEventId: 't', thresholds: defaultThresholds, trendMethod: 'statcan', naturalLimit: undefined })
 * m.grade // 'every-year-held'
 * m.steps // ['2022-12: 29 − 30 = -1 ✓', '2023-05: 28 − 29 = -1 ✓']
 */
export function evaluateQualitative(target: QualitativeTarget, q: QualitativeCase): Explanation {
  if (target.kind === 'quota')
    return explain(q, 'quota', 'quota-pending', 'target-pending', {
      notes: [{ _tag: 'QuotaPending' }],
    })
  const first = q.points[0]
  const last = q.points[q.points.length - 1]
  if (target.kind === 'reasonable-range' && target.min === undefined && target.max === undefined) {
    return inRange(
      q,
      'reasonable-range',
      last ?? { time: 0, value: 0, period: '', eventId: null },
      undefined,
      undefined,
      ['within-range', 'on-track'],
    )
  }
  if (first === undefined || last === undefined)
    return explain(
      q,
      target.kind === 'stable' ? 'stable-band' : target.kind,
      'insufficient-data',
      'no-data',
      {
        notes: [{ _tag: 'NoValues' }],
      },
    )
  switch (target.kind) {
    case 'range':
      return inRange(q, 'range', last, target.min, target.max, ['achieved', 'achieved'])
    case 'reasonable-range':
      return inRange(q, 'reasonable-range', last, target.min, target.max, [
        'within-range',
        'on-track',
      ])
    case 'stable':
      return q.points.length < 2
        ? explain(q, 'stable-band', 'insufficient-data', 'no-data', {
            notes: [{ _tag: 'SinglePoint' }],
          })
        : stable(q, first, last)
    case 'trend': {
      if (q.points.length < 2 || last.time <= first.time)
        return explain(q, 'trend', 'insufficient-data', 'no-data', {
          notes: [{ _tag: 'SinglePoint' }],
        })
      const d = target.direction === 'rise' ? 1 : -1
      return target.pace === 'yearly' ? yearly(q, d) : trend(q, d, first, last)
    }
  }
}
