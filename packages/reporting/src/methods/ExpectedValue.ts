/**
 * Expected value at the deadline (UNSD 2023 method): project the latest value to the due year
 * at the growth seen so far and ask what share of the required change it reaches.
 *
 * @module methods/ExpectedValue
 */
import type { Explanation } from '../Explanation'
import { formatNumber as f } from '../Format'
import type { Thresholds } from '../Options'
import type { Grade, StatusCode } from '../Status'
import { cagr, cagrStep } from '../internal/Growth'
import { linear } from './Linear'
import { explainCase, type NumericCase, preliminary } from './NumericCase'

/**
 * Evaluates a case by `ŷT = yt · (1 + CAGR(y0, yt, t − t0))^(T − t)` and
 * `P = (ŷT − y0) / (yT − y0)`: `P ≥ 0.95` on track, `≥ 0.10` acceleration needed, else
 * stagnation or regression. An undefined growth rate falls back to {@link linear}.
 *
 * @example
 * import { expectedValue, defaultThresholds } from '@progress-ledger/reporting'
 * const c = { base: { time: 2020, value: 10, period: '2020', eventId: 'b' }, latest: { time: 2022, value: 11, period: '2022', eventId: 'v' },
 *   history: [], target: { value: 14, op: 'ge', time: 2025, period: '2025', eventId: 't', tolerance: 0 }, direction: 1, now: 2022 } as const
 * // ŷT = 11 · 1.0488^3 = 12.6906 and P = 0.6726:
 * expectedValue(c, defaultThresholds).grade // 'acceleration-needed'
 */
export function expectedValue(c: NumericCase, th: Thresholds): Explanation {
  const method = 'expected-value'
  const pre = preliminary(c, method)
  if (pre !== undefined) return pre
  const n = c.latest.time - c.base.time
  const r = cagr(c.base.value, c.latest.value, n)
  const step = cagrStep('r', c.base.value, c.latest.value, n, r)
  if (r === undefined)
    return linear(c, th.expectedValue, th.linearWindow, { from: method, steps: [step] })
  const years = c.target.time - c.latest.time
  const projected = c.latest.value * Math.pow(1 + r, years)
  const P = (projected - c.base.value) / (c.target.value - c.base.value)
  const e = th.expectedValue
  const [grade, status]: [Grade, StatusCode] =
    P >= e.onTrack
      ? ['on-track', 'on-track']
      : P >= e.acceleration
        ? ['acceleration-needed', 'needs-acceleration']
        : ['stagnation-or-regression', 'off-track']
  return explainCase(c, method, grade, status, {
    thresholds: [
      { name: 'on-track-p', value: e.onTrack },
      { name: 'acceleration-p', value: e.acceleration },
    ],
    numbers: { r, projected, P },
    steps: [
      step,
      `ŷT = yt · (1 + r)^(T − t) = ${f(c.latest.value)} · (1 + ${f(r)})^${f(years)} = ${f(projected)}`,
      `P = (ŷT − y0) / (yT − y0) = (${f(projected)} − ${f(c.base.value)}) / (${f(c.target.value)} − ${f(c.base.value)}) = ${f(P)}`,
    ],
  })
}
