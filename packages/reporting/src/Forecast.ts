/**
 * Forecast to the deadline: the value projected for the due year and the date the target would
 * be met at the current pace (compound growth where it is defined, otherwise linear).
 *
 * @module Forecast
 */
import type { IsoDate } from '@progress-ledger/core'
import { formatNumber as f } from './Format'
import { cagr } from './internal/Growth'
import { dateOfYearTime } from './internal/Time'
import { linearSlope } from './methods/Linear'
import { meets, type NumericCase, type Point } from './methods/NumericCase'

/** A forecast of one indicator against one target. */
export interface Forecast {
  /** `compound` (CAGR from the baseline) or `linear` (mean annual change over the window). */
  readonly pace: 'compound' | 'linear'
  /** Growth per year: a rate for `compound`, units per year for `linear`. */
  readonly rate: number
  readonly dueYear: number
  /** The value projected for the end of the due year. */
  readonly projected: number
  /** Would the projected value meet the target? */
  readonly meetsByDue: boolean
  /**
   * When the target is or would be met: if it is met already, the end of the first period of the
   * run of values that have met it without a break up to the latest (when it was reached, not
   * when it was last reported); else when this pace gets there, `null` if it never does.
   */
  readonly metOn: IsoDate | null
  readonly steps: ReadonlyArray<string>
}

/**
 * The year time from which the values have met the target without a break up to the latest one
 * (the latest's own, when only it does).
 */
function metSince(c: NumericCase): number {
  let since = c.latest.time
  const h = c.history
  for (let i = h.length - 1; i >= 0; i--) {
    const p = h[i] as NumericCase['latest']
    if (p.time >= since) continue
    if (!meets(p.value, c.target)) break
    since = p.time
  }
  return since
}

/**
 * The case a forecast projects: its pace is measured between values that were measured. A
 * segment that starts from the interim target — a number planned, not measured — is paced from
 * the latest measured value at or before that start (a reported value, else the baseline), or
 * lacking one from the earliest measured value within the segment: a growth rate between a target
 * and a measurement is not a pace. `undefined` when only one measured value remains (no pace);
 * `c` itself when its base is a measured value already.
 *
 * @example
 * import { pacedCase } from '@progress-ledger/reporting'
 * const p = (time: number, value: number) => ({ time, value, period: String(time), eventId: `v${time}` })
 * const target = { value: 19, op: 'ge', time: 2025, period: '2025', eventId: 't2025', tolerance: 0 } as const
 * // The 2025 segment starts from the 2022 interim target 15.6; values 20.1 (2021) and 21.5 (2023):
 * const c = { base: { ...p(2022, 15.6), eventId: 't2022' }, latest: p(2023, 21.5), history: [], target, direction: 1, now: 2023 } as const
 * pacedCase(c, { fromTarget: true, reported: [p(2021, 20.1), p(2023, 21.5)] })?.base.period // '2021'
 * pacedCase(c, { fromTarget: true, reported: [p(2023, 21.5)] }) // undefined
 */
export function pacedCase(
  c: NumericCase,
  segment: {
    /** Does the segment start from the interim target (not a measured value)? */
    readonly fromTarget: boolean
    /** Every reported value of the indicator, in time order. */
    readonly reported: ReadonlyArray<Point>
    /** The indicator's baseline, if it has one. */
    readonly baseline?: Point | undefined
  },
): NumericCase | undefined {
  if (!segment.fromTarget) return c
  const start = c.base.time
  let from: Point | undefined
  for (const p of segment.reported) if (p.time <= start) from = p
  if (from === undefined && segment.baseline !== undefined && segment.baseline.time <= start)
    from = segment.baseline
  if (from === undefined)
    for (const p of [
      ...segment.reported,
      ...(segment.baseline === undefined ? [] : [segment.baseline]),
    ])
      if (p.time > start && p.time < c.latest.time && (from === undefined || p.time < from.time))
        from = p
  if (from === undefined || !(from.time < c.latest.time)) return undefined
  const since = from
  return {
    ...c,
    base: since,
    history: [
      since,
      ...segment.reported.filter((p) => p.time > since.time && p.time <= c.latest.time),
    ],
  }
}

/**
 * Forecasts a case. Needs two points in time; `undefined` otherwise.
 *
 * @example
 * import { forecast } from '@progress-ledger/reporting'
 * const c = { base: { time: 2020, value: 10, period: '2020', eventId: 'b' }, latest: { time: 2022, value: 12, period: '2022', eventId: 'v' },
 *   history: [], target: { value: 14, op: 'ge', time: 2025, period: '2025', eventId: 't', tolerance: 0 }, direction: 1, now: 2022 } as const
 * // 9.54 % a year reaches 14 after 1.691 years:
 * forecast(c, 5)?.metOn // '2024-09-09'
 * // Met already: since the first value of the unbroken run that meets it (2021, not 2023).
 * const p = (time: number, value: number) => ({ time, value, period: String(time), eventId: `v${time}` })
 * const met = { ...c, history: [p(2020, 10), p(2021, 14.5), p(2022, 15), p(2023, 15.2)], latest: p(2023, 15.2), now: 2023 }
 * forecast(met, 5)?.metOn // '2021-12-31'
 * forecast({ ...met, history: [p(2020, 10), p(2021, 14.5), p(2022, 13), p(2023, 15.2)] }, 5)?.metOn // '2023-12-31'
 */
export function forecast(c: NumericCase, window: number): Forecast | undefined {
  const n = c.latest.time - c.base.time
  if (!(n > 0)) return undefined
  const T = c.target.time
  const dueYear = Math.round(T)
  const already = meets(c.latest.value, c.target)
  const r = cagr(c.base.value, c.latest.value, n)
  const goal = c.target.value
  if (r !== undefined && r > -1) {
    const projected = c.latest.value * Math.pow(1 + r, T - c.latest.time)
    let metOn: IsoDate | null = null
    const steps = [
      `r = ${f(r)}; ŷ(${dueYear}) = ${f(c.latest.value)} · (1 + ${f(r)})^${f(T - c.latest.time)} = ${f(projected)}`,
    ]
    if (already) metOn = dateOfYearTime(metSince(c))
    else if (r !== 0 && goal / c.latest.value > 0) {
      const x = Math.log(goal / c.latest.value) / Math.log(1 + r)
      if (x > 0) {
        metOn = dateOfYearTime(c.latest.time + x)
        steps.push(
          `Δt = ln(yT / yt) / ln(1 + r) = ln(${f(goal)} / ${f(c.latest.value)}) / ln(1 + ${f(r)}) = ${f(x)}`,
        )
      }
    }
    return {
      pace: 'compound',
      rate: r,
      dueYear,
      projected,
      meetsByDue: meets(projected, c.target),
      metOn,
      steps,
    }
  }
  const { slope, from } = linearSlope(c, window)
  const projected = c.latest.value + slope * (T - c.latest.time)
  let metOn: IsoDate | null = already ? dateOfYearTime(metSince(c)) : null
  const steps = [
    `slope = ${f(slope)} (a = ${from.period}); ŷ(${dueYear}) = ${f(c.latest.value)} + ${f(slope)} · ${f(T - c.latest.time)} = ${f(projected)}`,
  ]
  if (!already && slope !== 0) {
    const x = (goal - c.latest.value) / slope
    if (x > 0) {
      metOn = dateOfYearTime(c.latest.time + x)
      steps.push(
        `Δt = (yT − yt) / slope = (${f(goal)} − ${f(c.latest.value)}) / ${f(slope)} = ${f(x)}`,
      )
    }
  }
  return {
    pace: 'linear',
    rate: slope,
    dueYear,
    projected,
    meetsByDue: meets(projected, c.target),
    metOn,
    steps,
  }
}
