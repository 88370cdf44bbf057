/**
 * The status vocabulary shared by every method: a normalised {@link StatusCode} that roll-ups
 * count, the traffic light it shows as, and the order in which statuses get worse.
 *
 * @module Status
 */

import { MethodName } from './Options'

/**
 * Where an indicator stands, whatever method graded it:
 * `achieved` the target comparison holds · `on-track` · `needs-acceleration` ·
 * `off-track` (behind, deteriorating, or the due year passed unmet) · `target-pending`
 * (quota not assigned, range not given) · `no-data` (too few data points) · `observed`
 * (an observation indicator: trended, not graded).
 */
export type StatusCode =
  | 'achieved'
  | 'on-track'
  | 'needs-acceleration'
  | 'off-track'
  | 'target-pending'
  | 'no-data'
  | 'observed'

/** Every status code, best first; the order reports list them in. */
export const statusCodes: ReadonlyArray<StatusCode> = [
  'achieved',
  'on-track',
  'needs-acceleration',
  'off-track',
  'target-pending',
  'no-data',
  'observed',
]

/** A traffic light (亮灯). `grey` means not graded. */
export type Light = 'green' | 'yellow' | 'red' | 'grey'

/**
 * The traffic light of a status.
 *
 * @example
 * import { lightOf } from '@progress-ledger/reporting'
 * lightOf('needs-acceleration') // 'yellow'
 */
export function lightOf(s: StatusCode): Light {
  switch (s) {
    case 'achieved':
    case 'on-track':
      return 'green'
    case 'needs-acceleration':
      return 'yellow'
    case 'off-track':
      return 'red'
    case 'target-pending':
    case 'no-data':
    case 'observed':
      return 'grey'
  }
}

/**
 * The rank of a graded status, 0 best: `achieved` 0, `on-track` 1, `needs-acceleration` 2,
 * `off-track` 3; `undefined` for statuses that are not grades.
 *
 * @example
 * import { gradeRank } from '@progress-ledger/reporting'
 * gradeRank('on-track') // 1
 */
export function gradeRank(s: StatusCode): number | undefined {
  switch (s) {
    case 'achieved':
      return 0
    case 'on-track':
      return 1
    case 'needs-acceleration':
      return 2
    case 'off-track':
      return 3
    case 'target-pending':
    case 'no-data':
    case 'observed':
      return undefined
  }
}

/**
 * Does a status count as "on schedule" for scorecards (achieved or on track)?
 *
 * @example
 * import { onSchedule } from '@progress-ledger/reporting'
 * onSchedule('achieved') // true
 */
export function onSchedule(s: StatusCode): boolean {
  return s === 'achieved' || s === 'on-track'
}

const GRADES = {
  'achieved-early': null,
  achieved: null,
  ahead: null,
  'on-schedule': null,
  behind: null,
  missed: null,
  deterioration: null,
  'insufficient-data': null,
  'on-track': null,
  'fair-progress': null,
  'limited-progress': null,
  'substantial-progress': null,
  'moderate-progress': null,
  'acceleration-needed': null,
  'stagnation-or-regression': null,
  'first-violation': null,
  'every-year-held': null,
  'within-band': null,
  'outside-band': null,
  'within-range': null,
  'outside-range': null,
  'range-pending': null,
  'quota-pending': null,
  rising: null,
  falling: null,
  flat: null,
  'moving-in-direction': null,
  'not-moving-in-direction': null,
  'no-target': null,
} as const

/**
 * A method's own grade, finer than the {@link StatusCode} it maps to: 提前实现 `achieved-early`,
 * 快于预期 `ahead`, 基本符合预期 `on-schedule`, 滞后 `behind` (time-proportional); the UNSD and
 * Statistics Canada grades; the grades of the qualitative rules; `rising`/`falling`/`flat` for
 * observation indicators.
 */
export type Grade = keyof typeof GRADES

/**
 * Every grade.
 *
 * @example
 * import { grades } from '@progress-ledger/reporting'
 * grades.includes('on-schedule') // true
 */
export const grades: ReadonlyArray<Grade> = Object.keys(GRADES) as Grade[]

const OTHER_RULES = {
  'trend-statcan': null,
  'trend-expected-value': null,
  'trend-sign': null,
  'every-year': null,
  'stable-band': null,
  range: null,
  'reasonable-range': null,
  quota: null,
  trend: null,
  observation: null,
  none: null,
} as const

/**
 * The method or rule that produced a status: one of the five numeric methods, the no-target
 * trend methods (`trend-statcan`, `trend-expected-value`, `trend-sign` when the growth rate is
 * undefined), the qualitative rules (`every-year`, `stable-band`, `range`, `reasonable-range`,
 * `quota`, `trend` with too few points), `observation`, or `none` (no target, or no values).
 */
export type RuleName = MethodName | keyof typeof OTHER_RULES

/**
 * Every rule name: the numeric methods first, then the other rules.
 *
 * @example
 * import { ruleNames } from '@progress-ledger/reporting'
 * ruleNames.slice(0, 2) // ['time-proportional', 'growth-ratio']
 */
export const ruleNames: ReadonlyArray<RuleName> = [
  ...(Object.keys(MethodName.keys) as MethodName[]),
  ...(Object.keys(OTHER_RULES) as Array<keyof typeof OTHER_RULES>),
]
