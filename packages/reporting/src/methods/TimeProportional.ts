/**
 * Time-proportional progress (序时进度): the share of the way done `p` against the share of the
 * time elapsed `τ`, with traffic lights and the national mid-term grades 提前实现 (achieved early)
 * / 快于预期 (ahead) / 基本符合预期 (on schedule) / 滞后 (behind).
 *
 * @module methods/TimeProportional
 */
import type { Explanation } from '../Explanation'
import { formatNumber as f } from '../Format'
import type { Thresholds } from '../Options'
import type { Grade, StatusCode } from '../Status'
import { explainCase, type NumericCase, preliminary } from './NumericCase'

/**
 * Evaluates a case by time-proportional progress. `τ = clamp((now − t0) / (T − t0), 0, 1)`,
 * `p = (yt − y0) / (yT − y0)`. The shortfall is `(τ − p) · 100` percentage points (or
 * `(τ − p) / τ · 100` percent of τ): below `yellow` green, up to `red` yellow, beyond red.
 * `p − τ` of at least `ahead` points is graded ahead.
 *
 * @example
 * import { timeProportional, defaultThresholds } from '@progress-ledger/reporting'
 * const c = { base: { time: 2020, value: 10, period: '2020', eventId: 'b' }, latest: { time: 2022, value: 11.4, period: '2022', eventId: 'v' },
 *   history: [], target: { value: 14, op: 'ge', time: 2025, period: '2025', eventId: 't', tolerance: 0 }, direction: 1, now: 2022 } as const
 * // τ = 0.4, p = 0.35: 5 points behind, within the 10-point yellow threshold:
 * timeProportional(c, defaultThresholds.timeProportional).grade // 'on-schedule'
 */
export function timeProportional(c: NumericCase, th: Thresholds['timeProportional']): Explanation {
  const method = 'time-proportional'
  const pre = preliminary(c, method)
  if (pre !== undefined) return pre
  const span = c.target.time - c.base.time
  const tauRaw = (c.now - c.base.time) / span
  const tau = Math.min(1, Math.max(0, tauRaw))
  const p = (c.latest.value - c.base.value) / (c.target.value - c.base.value)
  const relative = th.unit === 'percent-of-expected'
  const shortfall = relative ? (tau === 0 ? 0 : ((tau - p) / tau) * 100) : (tau - p) * 100
  const lead = (p - tau) * 100
  let grade: Grade
  let status: StatusCode
  if (lead >= th.ahead) {
    grade = 'ahead'
    status = 'on-track'
  } else if (shortfall < th.yellow) {
    grade = 'on-schedule'
    status = 'on-track'
  } else if (shortfall <= th.red) {
    grade = 'behind'
    status = 'needs-acceleration'
  } else {
    grade = 'behind'
    status = 'off-track'
  }
  const unit = relative ? '% of τ' : 'pp'
  const steps = [
    `τ = (now − t0) / (T − t0) = (${f(c.now)} − ${f(c.base.time)}) / (${f(c.target.time)} − ${f(c.base.time)}) = ${f(tauRaw)}${tau === tauRaw ? '' : ` → min(1, max(0, τ)) = ${f(tau)}`}`,
    `p = (yt − y0) / (yT − y0) = (${f(c.latest.value)} − ${f(c.base.value)}) / (${f(c.target.value)} − ${f(c.base.value)}) = ${f(p)}`,
    relative
      ? `shortfall = (τ − p) / τ · 100 = ${f(shortfall, 2)} ${unit}`
      : `shortfall = (τ − p) · 100 = ${f(shortfall, 2)} ${unit}; lead = (p − τ) · 100 = ${f(lead, 2)} pp`,
  ]
  return explainCase(c, method, grade, status, {
    thresholds: [
      { name: 'ahead-pp', value: th.ahead },
      { name: relative ? 'yellow-pct-of-tau' : 'yellow-pp', value: th.yellow },
      { name: relative ? 'red-pct-of-tau' : 'red-pp', value: th.red },
    ],
    numbers: { now: c.now, tau, p, shortfall, lead },
    steps,
  })
}
