/**
 * The linear method (the German sustainability strategy's): the mean annual change over the
 * recent window, projected linearly to the due year. Works for values that are zero or
 * negative, so it is the fallback whenever a growth rate is undefined.
 *
 * @module methods/Linear
 */
import type { Explanation } from '../Explanation'
import { formatNumber as f } from '../Format'
import type { MethodName, Thresholds } from '../Options'
import type { Grade, StatusCode } from '../Status'
import { explainCase, type NumericCase, type Point, preliminary } from './NumericCase'

/** The earliest point of the history within `window` years before the latest (at least the baseline). */
export function windowStart(c: NumericCase, window: number): Point {
  for (const p of [c.base, ...c.history]) {
    if (p.time < c.latest.time && c.latest.time - p.time <= window + 1e-9) return p
  }
  return c.base
}

/** The mean annual change `(yt − ya) / (t − ta)` over the window. */
export function linearSlope(
  c: NumericCase,
  window: number,
): { readonly slope: number; readonly from: Point } {
  const from = windowStart(c, window)
  return { slope: (c.latest.value - from.value) / (c.latest.time - from.time), from }
}

/**
 * Evaluates a case linearly: `slope = (yt − ya) / (t − ta)` over the last `window` years,
 * `ŷT = yt + slope · (T − t)`, `P = (ŷT − y0) / (yT − y0)`, graded with the expected-value
 * thresholds (`P ≥ 0.95` on track, `≥ 0.10` acceleration needed, else stagnation or regression).
 *
 * @example
 * import { linear, defaultThresholds } from '@progress-ledger/reporting'
 * const c = { base: { time: 2020, value: -2, period: '2020', eventId: 'b' }, latest: { time: 2022, value: 0, period: '2022', eventId: 'v' },
 *   history: [], target: { value: 3, op: 'ge', time: 2025, period: '2025', eventId: 't', tolerance: 0 }, direction: 1, now: 2022 } as const
 * // slope 1 a year, ŷT = 0 + 1 · 3 = 3:
 * linear(c, defaultThresholds.expectedValue, 5).numbers.P // 1
 */
export function linear(
  c: NumericCase,
  th: Thresholds['expectedValue'],
  window: number,
  fallback?: { readonly from: MethodName; readonly steps: ReadonlyArray<string> },
): Explanation {
  const method = 'linear'
  const pre = preliminary(c, method)
  if (pre !== undefined) return pre
  const { slope, from } = linearSlope(c, window)
  const projected = c.latest.value + slope * (c.target.time - c.latest.time)
  const P = (projected - c.base.value) / (c.target.value - c.base.value)
  const [grade, status]: [Grade, StatusCode] =
    P >= th.onTrack
      ? ['on-track', 'on-track']
      : P >= th.acceleration
        ? ['acceleration-needed', 'needs-acceleration']
        : ['stagnation-or-regression', 'off-track']
  return explainCase(c, method, grade, status, {
    thresholds: [
      { name: 'on-track-p', value: th.onTrack },
      { name: 'acceleration-p', value: th.acceleration },
      { name: 'window-years', value: window },
    ],
    numbers: { slope, projected, P },
    steps: [
      ...(fallback?.steps ?? []),
      `slope = (yt − ya) / (t − ta) = (${f(c.latest.value)} − ${f(from.value)}) / (${f(c.latest.time)} − ${f(from.time)}) = ${f(slope)} (a = ${from.period})`,
      `ŷT = yt + slope · (T − t) = ${f(c.latest.value)} + ${f(slope)} · ${f(c.target.time - c.latest.time)} = ${f(projected)}`,
      `P = (ŷT − y0) / (yT − y0) = (${f(projected)} − ${f(c.base.value)}) / (${f(c.target.value)} − ${f(c.base.value)}) = ${f(P)}`,
    ],
    notes: fallback === undefined ? [] : [{ _tag: 'FellBackToLinear', from: fallback.from }],
  })
}
