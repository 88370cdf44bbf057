/**
 * The UNSD ratio of growth rates (SDG Progress Chart 2020–2022): actual compound growth over
 * the growth the target requires.
 *
 * @module methods/GrowthRatio
 */
import type { Explanation } from '../Explanation'
import { formatNumber as f } from '../Format'
import type { Thresholds } from '../Options'
import type { Grade, StatusCode } from '../Status'
import { cagr, cagrStep } from '../internal/Growth'
import { linear } from './Linear'
import { explainCase, type NumericCase, preliminary } from './NumericCase'

/**
 * Evaluates a case by `CR = CAGR(y0, yt, t − t0) / CAGR(y0, yT, T − t0)`: `CR ≥ 0.95` on track,
 * `≥ 0.5` fair progress (acceleration needed), `≥ −0.1` limited or no progress, below that
 * deterioration. An undefined growth rate (zero or sign change) falls back to {@link linear}.
 *
 * @example
 * import { growthRatio, defaultThresholds } from '@progress-ledger/reporting'
 * const c = { base: { time: 2020, value: 10, period: '2020', eventId: 'b' }, latest: { time: 2022, value: 11, period: '2022', eventId: 'v' },
 *   history: [], target: { value: 14, op: 'ge', time: 2025, period: '2025', eventId: 't', tolerance: 0 }, direction: 1, now: 2022 } as const
 * // CR = 0.0488 / 0.0696 = 0.7012:
 * growthRatio(c, defaultThresholds).grade // 'fair-progress'
 */
export function growthRatio(c: NumericCase, th: Thresholds): Explanation {
  const method = 'growth-ratio'
  const pre = preliminary(c, method)
  if (pre !== undefined) return pre
  const n = c.latest.time - c.base.time
  const N = c.target.time - c.base.time
  const actual = cagr(c.base.value, c.latest.value, n)
  const required = cagr(c.base.value, c.target.value, N)
  const steps = [
    cagrStep('actual', c.base.value, c.latest.value, n, actual),
    cagrStep('required', c.base.value, c.target.value, N, required),
  ]
  if (actual === undefined || required === undefined) {
    return linear(c, th.expectedValue, th.linearWindow, { from: method, steps })
  }
  const cr = actual / required
  const g = th.growthRatio
  const [grade, status]: [Grade, StatusCode] =
    cr >= g.onTrack
      ? ['on-track', 'on-track']
      : cr >= g.fair
        ? ['fair-progress', 'needs-acceleration']
        : cr >= g.limited
          ? ['limited-progress', 'off-track']
          : ['deterioration', 'off-track']
  return explainCase(c, method, grade, status, {
    thresholds: [
      { name: 'on-track-cr', value: g.onTrack },
      { name: 'fair-cr', value: g.fair },
      { name: 'limited-cr', value: g.limited },
    ],
    numbers: { actual, required, cr },
    steps: [...steps, `CR = actual / required = ${f(actual)} / ${f(required)} = ${f(cr)}`],
  })
}
