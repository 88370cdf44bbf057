/**
 * Explanations: every status carries the method, the inputs (values with their periods and the
 * events they came from), the thresholds, the derived numbers, the arithmetic (formulas, the
 * same in every language) and notes (tagged, printed in the report's language) — enough to check
 * the status by hand. `renderExplanation` prints one, a plain-language sentence first.
 *
 * @module Explanation
 */
import type { Note } from './Note'
import type { Grade, RuleName, StatusCode } from './Status'
import type { ThresholdName } from './Threshold'

/** One input of an evaluation: a named number, the period it is for and the event it came from. */
export interface ExplanationInput {
  /** `y0` baseline, `yt` latest, `yT` target, `t0`, `t`, `T` (year times), `d`, `y(2021)`, … */
  readonly name: string
  readonly value: number
  readonly period: string | null
  readonly eventId: string | null
}

/** A named threshold the status was compared with. */
export interface ExplanationThreshold {
  readonly name: ThresholdName
  readonly value: number
}

/** Why an indicator has its status. */
export interface Explanation {
  /** The method or rule that produced the status. */
  readonly method: RuleName
  /** The method's own grade (`fair-progress`, `behind`, `first-violation`, …). */
  readonly grade: Grade
  readonly status: StatusCode
  readonly inputs: ReadonlyArray<ExplanationInput>
  readonly thresholds: ReadonlyArray<ExplanationThreshold>
  /** Derived numbers by name (`tau`, `p`, `cr`, `projected`, …). */
  readonly numbers: Readonly<Record<string, number>>
  /** The arithmetic, one formula per step, e.g. `CR = 0.0488 / 0.0704 = 0.6932`. */
  readonly steps: ReadonlyArray<string>
  /** Remarks such as a fallback to the linear method or a first violating year. */
  readonly notes: ReadonlyArray<Note>
  /** Every event the evaluation used, sorted. */
  readonly eventIds: ReadonlyArray<string>
}
