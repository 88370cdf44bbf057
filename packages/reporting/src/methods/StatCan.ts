/**
 * The Statistics Canada method as implemented by Open SDG, with a target and without one.
 *
 * @module methods/StatCan
 */
import type { Explanation } from '../Explanation'
import { formatNumber as f } from '../Format'
import type { Thresholds } from '../Options'
import type { Grade, StatusCode } from '../Status'
import { cagr, cagrStep } from '../internal/Growth'
import { linear } from './Linear'
import { explainCase, type NumericCase, preliminary } from './NumericCase'

const GUARD = 0.001

function grade(v: number, hi: number, mid: number, lo: number): [Grade, StatusCode] {
  if (v >= hi) return ['substantial-progress', 'on-track']
  if (v >= mid) return ['moderate-progress', 'needs-acceleration']
  if (v >= lo) return ['limited-progress', 'off-track']
  return ['deterioration', 'off-track']
}

/**
 * Evaluates a case by `v = s · d · CAGR(y0, yt, t − t0) / |CAGR(y0, yT, T − t0)|` (`s = −1` when
 * `y0 < 0`; a zero base or target is replaced by 0.001): `v ≥ 0.95` substantial, `≥ 0.60`
 * moderate, `≥ 0` limited progress, else deterioration. Fewer than one year between the points
 * gives no result; a sign change falls back to {@link linear}.
 *
 * @example
 * import { statCan, defaultThresholds } from '@progress-ledger/reporting'
 * const c = { base: { time: 2020, value: 10, period: '2020', eventId: 'b' }, latest: { time: 2022, value: 11, period: '2022', eventId: 'v' },
 *   history: [], target: { value: 14, op: 'ge', time: 2025, period: '2025', eventId: 't', tolerance: 0 }, direction: 1, now: 2022 } as const
 * // v = 0.7012:
 * statCan(c, defaultThresholds).grade // 'moderate-progress'
 */
export function statCan(c: NumericCase, th: Thresholds): Explanation {
  const method = 'statcan'
  const pre = preliminary(c, method)
  if (pre !== undefined) return pre
  const n = c.latest.time - c.base.time
  if (n < 1) {
    return explainCase(c, method, 'insufficient-data', 'no-data', {
      steps: [`t − t0 = ${f(n)} < 1`],
      notes: [{ _tag: 'LessThanOneYear' }],
    })
  }
  const y0 = c.base.value === 0 ? GUARD : c.base.value
  const yT = c.target.value === 0 ? GUARD : c.target.value
  const N = c.target.time - c.base.time
  const actual = cagr(y0, c.latest.value, n)
  const required = cagr(y0, yT, N)
  const steps = [
    cagrStep('actual', y0, c.latest.value, n, actual),
    cagrStep('required', y0, yT, N, required),
  ]
  if (actual === undefined || required === undefined || required === 0) {
    return linear(c, th.expectedValue, th.linearWindow, { from: method, steps })
  }
  const s = y0 < 0 ? -1 : 1
  const v = (s * c.direction * actual) / Math.abs(required)
  const k = th.statCan
  const [g, status] = grade(v, k.substantial, k.moderate, k.limited)
  return explainCase(c, method, g, status, {
    thresholds: [
      { name: 'substantial-v', value: k.substantial },
      { name: 'moderate-v', value: k.moderate },
      { name: 'limited-v', value: k.limited },
    ],
    numbers: { actual, required, s, v },
    steps: [
      ...steps,
      `v = s · d · actual / |required| = ${s} · ${c.direction} · ${f(actual)} / ${f(Math.abs(required))} = ${f(v)}`,
    ],
    notes: c.base.value === 0 || c.target.value === 0 ? [{ _tag: 'ZeroGuard' }] : [],
  })
}

/** The scale factor C near a natural limit L: `b = |y0|`; `b ≥ 2L → 1`; `b ≤ L → 1 − (b/L)^4.44`; else `1 − ((2L − b)/L)^4.44`. */
export function limitScale(y0: number, limit: number | undefined): number {
  if (limit === undefined) return 1
  const b = Math.abs(y0)
  if (b >= 2 * limit) return 1
  if (b <= limit) return 1 - Math.pow(b / limit, 4.44)
  return 1 - Math.pow((2 * limit - b) / limit, 4.44)
}

/**
 * The no-target variant: `v = s · d · CAGR(y0, yt, t − t0)` against `0.015 · C` / `0.005 · C` / 0.
 * Returns the grade, status, numbers and steps, or `undefined` when the growth rate is undefined.
 */
export function statCanNoTarget(
  y0: number,
  yt: number,
  years: number,
  direction: 1 | -1,
  th: Thresholds['statCan'],
  limit: number | undefined,
):
  | {
      readonly grade: Grade
      readonly status: StatusCode
      readonly numbers: Readonly<Record<string, number>>
      readonly steps: ReadonlyArray<string>
    }
  | undefined {
  const base = y0 === 0 ? GUARD : y0
  const r = cagr(base, yt, years)
  if (r === undefined) return undefined
  const s = base < 0 ? -1 : 1
  const v = s * direction * r
  const C = limitScale(base, limit)
  const [g, status] = grade(v, th.noTargetSubstantial * C, th.noTargetModerate * C, 0)
  return {
    grade: g,
    status,
    numbers: { r, s, v, C },
    steps: [
      cagrStep('r', base, yt, years, r),
      `v = s · d · r = ${s} · ${direction} · ${f(r)} = ${f(v)}; C = ${f(C)}`,
    ],
  }
}
