/**
 * Explanations: every status carries the method, the inputs (values with their periods and the
 * events they came from), the thresholds, the derived numbers and the arithmetic as text —
 * enough to check the status by hand. {@link renderExplanation} prints one.
 *
 * @module Explanation
 */
import type { Lang } from './Options'
import type { StatusCode } from './Status'

/** One input of an evaluation: a named number, the period it is for and the event it came from. */
export interface ExplanationInput {
  /** `y0` baseline, `yt` latest, `yT` target, `t0`, `t`, `T` (year times), … */
  readonly name: string
  readonly value: number
  readonly period: string | null
  readonly eventId: string | null
}

/** A named threshold the status was compared with. */
export interface ExplanationThreshold {
  readonly name: string
  readonly value: number
}

/** Why an indicator has its status. */
export interface Explanation {
  /** The method or rule that produced the status (`time-proportional`, `trend`, `quota`, …). */
  readonly method: string
  /** The method's own grade (`fair-progress`, `behind`, `first-violation`, …). */
  readonly grade: string
  readonly status: StatusCode
  readonly inputs: ReadonlyArray<ExplanationInput>
  readonly thresholds: ReadonlyArray<ExplanationThreshold>
  /** Derived numbers by name (`tau`, `p`, `cr`, `projected`, …). */
  readonly numbers: Readonly<Record<string, number>>
  /** The arithmetic, one line per step, e.g. `CR = 0.0488 / 0.0704 = 0.6932`. */
  readonly steps: ReadonlyArray<string>
  /** Remarks such as a fallback to the linear method or a first violating year. */
  readonly notes: ReadonlyArray<string>
  /** Every event the evaluation used, sorted. */
  readonly eventIds: ReadonlyArray<string>
}

/**
 * A number as explanations and reports print it: at most `digits` decimals, trailing zeros
 * dropped, `-0` as `0`, never exponent notation for ordinary magnitudes.
 *
 * @example
 * import { formatNumber } from '@progress-ledger/reporting'
 * formatNumber(0.693211) // '0.6932'
 * formatNumber(14) // '14'
 */
export function formatNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x)
  const s = x.toFixed(digits)
  const trimmed = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s
  return trimmed === '-0' ? '0' : trimmed
}

const HEAD: Readonly<
  Record<
    Lang,
    Readonly<
      Record<
        'method' | 'grade' | 'status' | 'inputs' | 'thresholds' | 'steps' | 'notes' | 'events',
        string
      >
    >
  >
> = {
  zh: {
    method: '方法',
    grade: '等级',
    status: '状态',
    inputs: '输入',
    thresholds: '阈值',
    steps: '计算',
    notes: '说明',
    events: '依据事件',
  },
  en: {
    method: 'Method',
    grade: 'Grade',
    status: 'Status',
    inputs: 'Inputs',
    thresholds: 'Thresholds',
    steps: 'Arithmetic',
    notes: 'Notes',
    events: 'Events',
  },
}

/**
 * Renders an explanation as plain text, one fact per line.
 *
 * @example
 * import { renderExplanation } from '@progress-ledger/reporting'
 * renderExplanation({ method: 'quota', grade: 'pending', status: 'target-pending', inputs: [], thresholds: [],
 *   numbers: {}, steps: [], notes: ['quota not yet assigned'], eventIds: ['I03-target-2025'] }, 'en')
 * // 'Method: quota\nGrade: pending\nStatus: target-pending\nNotes: quota not yet assigned\nEvents: I03-target-2025'
 */
export function renderExplanation(e: Explanation, lang: Lang): string {
  const h = HEAD[lang]
  const lines = [`${h.method}: ${e.method}`, `${h.grade}: ${e.grade}`, `${h.status}: ${e.status}`]
  if (e.inputs.length > 0) {
    const parts = e.inputs.map(
      (i) =>
        `${i.name} = ${formatNumber(i.value)}${i.period === null ? '' : ` (${i.period})`}${i.eventId === null ? '' : ` [${i.eventId}]`}`,
    )
    lines.push(`${h.inputs}: ${parts.join('; ')}`)
  }
  if (e.thresholds.length > 0)
    lines.push(
      `${h.thresholds}: ${e.thresholds.map((x) => `${x.name} = ${formatNumber(x.value)}`).join('; ')}`,
    )
  for (const s of e.steps) lines.push(`${h.steps}: ${s}`)
  for (const n of e.notes) lines.push(`${h.notes}: ${n}`)
  if (e.eventIds.length > 0) lines.push(`${h.events}: ${e.eventIds.join(', ')}`)
  return lines.join('\n')
}
