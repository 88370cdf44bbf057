/**
 * The status vocabulary shared by every method: a normalised {@link StatusCode} that roll-ups
 * count, the traffic light it shows as, and the order in which statuses get worse.
 *
 * @module Status
 */

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
