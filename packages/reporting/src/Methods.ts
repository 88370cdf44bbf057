/**
 * The registry of numeric status methods: one {@link Evaluator} per {@link MethodName}. The
 * evaluation dispatches through it and the property tests iterate it, so a new method is one
 * module plus one entry here (see docs/extending.md, "Adding a status method").
 *
 * @module Methods
 */
import type { Explanation } from './Explanation'
import type { MethodName, Thresholds } from './Options'
import { expectedValue } from './methods/ExpectedValue'
import { growthRatio } from './methods/GrowthRatio'
import { linear } from './methods/Linear'
import type { NumericCase } from './methods/NumericCase'
import { statCan } from './methods/StatCan'
import { timeProportional } from './methods/TimeProportional'

/** Grades a numeric case with the thresholds in force. */
export type Evaluator = (c: NumericCase, thresholds: Thresholds) => Explanation

/**
 * Every numeric method by name.
 *
 * @example
 * import { defaultThresholds, statusMethods } from '@progress-ledger/reporting'
 * const c = { base: { time: 2020, value: 10, period: '2020', eventId: 'b' }, latest: { time: 2022, value: 11, period: '2022', eventId: 'v' },
 *   history: [], target: { value: 14, op: 'ge', time: 2025, period: '2025', eventId: 't', tolerance: 0 }, direction: 1, now: 2022 } as const
 * statusMethods['growth-ratio'](c, defaultThresholds).grade // 'fair-progress'
 * Object.keys(statusMethods).length // 5
 */
export const statusMethods: Readonly<Record<MethodName, Evaluator>> = {
  'time-proportional': (c, th) => timeProportional(c, th.timeProportional),
  'growth-ratio': growthRatio,
  statcan: statCan,
  'expected-value': expectedValue,
  linear: (c, th) => linear(c, th.expectedValue, th.linearWindow),
}
