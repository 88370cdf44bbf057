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
import { meets, type NumericCase } from './methods/NumericCase'

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
   * When the target would be met at this pace: the latest period's end if it is already met,
   * `null` if the pace never gets there.
   */
  readonly metOn: IsoDate | null
  readonly steps: ReadonlyArray<string>
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
    if (already) metOn = dateOfYearTime(c.latest.time)
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
  let metOn: IsoDate | null = already ? dateOfYearTime(c.latest.time) : null
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
