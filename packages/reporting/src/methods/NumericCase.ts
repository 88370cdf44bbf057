/**
 * The input every numeric method works on: a baseline point, the latest point, the history in
 * between, a target with its comparison and due time, and the direction that is better.
 *
 * @module methods/NumericCase
 */
import type { Explanation, ExplanationInput, ExplanationThreshold } from '../Explanation'
import { formatNumber as f } from '../Format'
import type { Note } from '../Note'
import type { Grade, RuleName, StatusCode } from '../Status'

/** A value at a year time (see `yearTime`: the end of year Y is `Y`). */
export interface Point {
  readonly time: number
  readonly value: number
  readonly period: string
  readonly eventId: string | null
}

/** How a value is compared with the target number: `eq` means within `tolerance` of it. */
export type TargetOp = 'ge' | 'gt' | 'le' | 'lt' | 'eq'

/** A numeric target: its number, comparison and due time (the end of the due year). */
export interface NumericTarget {
  readonly value: number
  readonly op: TargetOp
  readonly time: number
  readonly period: string
  readonly eventId: string | null
  readonly tolerance: number
}

/** What a numeric method evaluates. `history` runs from `base` to `latest`, in time order. */
export interface NumericCase {
  readonly base: Point
  readonly latest: Point
  readonly history: ReadonlyArray<Point>
  readonly target: NumericTarget
  /** `+1` higher is better, `−1` lower is better. */
  readonly direction: 1 | -1
  /** "Now" for time-proportional progress (year time). */
  readonly now: number
}

/** Does `value` satisfy the target comparison? */
export function meets(
  value: number,
  target: Pick<NumericTarget, 'value' | 'op' | 'tolerance'>,
): boolean {
  switch (target.op) {
    case 'ge':
      return value >= target.value
    case 'gt':
      return value > target.value
    case 'le':
      return value <= target.value
    case 'lt':
      return value < target.value
    case 'eq':
      return Math.abs(value - target.value) <= target.tolerance
  }
}

const OP_TEXT: Readonly<Record<TargetOp, string>> = { ge: '≥', gt: '>', le: '≤', lt: '<', eq: '≈' }

/** The comparison as a formula: `11.8 ≥ 14 ✗` (✓ when it holds). */
export function meetsStep(value: number, target: NumericTarget): string {
  return `yt ${OP_TEXT[target.op]} yT: ${f(value)} ${OP_TEXT[target.op]} ${f(target.value)} ${meets(value, target) ? '✓' : '✗'}`
}

/** The standard inputs of a case: y0, yt, yT with their periods and events, and t0, t, T. */
export function caseInputs(c: NumericCase): ReadonlyArray<ExplanationInput> {
  return [
    { name: 'y0', value: c.base.value, period: c.base.period, eventId: c.base.eventId },
    { name: 'yt', value: c.latest.value, period: c.latest.period, eventId: c.latest.eventId },
    { name: 'yT', value: c.target.value, period: c.target.period, eventId: c.target.eventId },
    { name: 't0', value: c.base.time, period: null, eventId: null },
    { name: 't', value: c.latest.time, period: null, eventId: null },
    { name: 'T', value: c.target.time, period: null, eventId: null },
    { name: 'd', value: c.direction, period: null, eventId: null },
  ]
}

/** The events a case rests on. */
export function caseEvents(c: NumericCase): ReadonlyArray<string> {
  const ids = new Set<string>()
  for (const p of [c.base, c.latest, c.target, ...c.history])
    if (p.eventId !== null) ids.add(p.eventId)
  return [...ids].sort()
}

/** Assembles an explanation for a case; the first step is always the target comparison. */
export function explainCase(
  c: NumericCase,
  method: RuleName,
  grade: Grade,
  status: StatusCode,
  parts: {
    thresholds?: ReadonlyArray<ExplanationThreshold>
    numbers?: Readonly<Record<string, number>>
    steps?: ReadonlyArray<string>
    notes?: ReadonlyArray<Note>
  },
): Explanation {
  const first = meetsStep(c.latest.value, c.target)
  const steps = parts.steps ?? []
  return {
    method,
    grade,
    status,
    inputs: caseInputs(c),
    thresholds: parts.thresholds ?? [],
    numbers: parts.numbers ?? {},
    steps: steps[0] === first ? steps : [first, ...steps],
    notes: parts.notes ?? [],
    eventIds: caseEvents(c),
  }
}

/**
 * The checks every method makes first, in this order: the target already met → `achieved`;
 * the latest value is the baseline (a single data point) → `no-data`; the due year passed
 * unmet → `off-track` (`missed`); no progress required (the baseline already beyond the target,
 * or the target equal to it) yet the target is not met → `off-track` (`deterioration`).
 * Returns `undefined` when the method proper must decide.
 */
export function preliminary(c: NumericCase, method: RuleName): Explanation | undefined {
  const steps = [meetsStep(c.latest.value, c.target)]
  if (meets(c.latest.value, c.target)) {
    const grade = c.latest.time < c.target.time ? 'achieved-early' : 'achieved'
    return explainCase(c, method, grade, 'achieved', { steps })
  }
  if (c.latest.time <= c.base.time) {
    return explainCase(c, method, 'insufficient-data', 'no-data', {
      steps,
      notes: [{ _tag: 'SinglePoint' }],
    })
  }
  if (c.latest.time >= c.target.time) {
    return explainCase(c, method, 'missed', 'off-track', {
      steps: [...steps, `t ≥ T: ${f(c.latest.time)} ≥ ${f(c.target.time)}`],
      notes: [{ _tag: 'DueYearPassed', dueYear: Math.round(c.target.time) }],
    })
  }
  const required = c.direction * (c.target.value - c.base.value)
  if (required <= 0) {
    return explainCase(c, method, 'deterioration', 'off-track', {
      steps: [...steps, `d · (yT − y0) = ${f(required)} ≤ 0`],
      notes: [{ _tag: 'NoProgressRequired', equal: required === 0 }],
    })
  }
  return undefined
}
