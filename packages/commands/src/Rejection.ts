/**
 * Typed rejections: every rule a command can break has a name, a one-line description (the
 * table in `docs/commands.md` lists them), and a message `path: expected …, got …`.
 *
 * @module Rejection
 */
import * as t from 'io-ts'
import { showValue } from '@progress-ledger/core'
import type { StreamedEvent } from './StreamedEvent'

/** What each rule demands. Keys are the rule names a {@link Rejected} carries. */
export const ruleDescriptions = {
  malformed: 'the command decodes against its codec (known type, required fields, field types)',
  'not-authorised':
    "the actor's role may issue the command; a reporter only for subjects its department answers for at the valid time",
  'plan-missing': 'the plan the command refers to is adopted',
  'category-missing': 'the category of an indicator is defined in its plan',
  'department-missing': 'every department named is registered',
  'indicator-missing': 'the indicator (or parent indicator) is defined',
  'target-missing': 'the target to revise or fill with a quota is set',
  'project-missing': 'the project is defined',
  'milestone-missing': 'the milestone whose forecast moves is planned',
  'task-missing': 'the task is defined',
  'already-defined': 'a plan is adopted once',
  redefinition:
    'a redefinition keeps the plan, the departments (use ReassignResponsibility) and, once values exist, the periodicity',
  'target-exists': 'a target id is set once; later changes are revisions',
  'plan-years': 'a plan covers base year <= start year <= end year and is adopted within them',
  'due-outside-plan': "a target's due year (and due date) lies within the plan's years",
  'period-kind': "a value's period is of the indicator's periodicity",
  'period-outside-plan':
    "a value's period lies within the plan's years (a baseline's no later than the start year)",
  'in-future': 'nothing is reported for a period, date or milestone that has not begun by today',
  'unit-mismatch':
    "a value's unit is the indicator's, or a conversion factor is given for another unit",
  'value-not-finite': 'a value (after conversion) is a finite number',
  'value-out-of-range':
    "a value (after conversion) lies within the ledger's bound ±1e15, which no outlier reason lifts",
  'implausible-value':
    'a value is plausible for its unit (a share 0–100 %, a count or amount >= 0) unless flagged as an outlier with a reason',
  'reason-required':
    'corrections, retractions, returns, target revisions, reassignments and outlier flags carry a non-blank reason',
  'not-in-force':
    'a correction, retraction, approval or return names the value event in force for its period',
  'value-locked':
    "a period with an approved figure is no longer reported or retracted, and only a plan-admin's correction changes its figure",
  'not-submitted':
    'only a figure in force that awaits approval (submitted) is approved or returned',
  'self-approval': 'nobody approves or returns a figure they reported themselves',
  'not-a-quota-target': 'a quota is assigned only to a target set as 完成上级下达任务 (quota)',
  'quota-pending': 'an assigned quota is a figure, not the pending quota itself',
  'met-before-planned':
    'a milestone is met only after it was planned, unless `unplanned: true` says so',
  'unplanned-but-planned':
    '`unplanned: true` is not claimed for a milestone planned by the day it was met',
  'already-met': "a met milestone's forecast no longer moves",
  'no-change': 'a reassignment changes who is responsible',
} as const

/** The name of a rule. */
export const Rule = t.keyof(ruleDescriptions, 'Rule')
/** The name of a rule. */
export type Rule = t.TypeOf<typeof Rule>

/** The rule names, in documentation order. */
export const rules: ReadonlyArray<Rule> = Object.keys(ruleDescriptions) as Rule[]

/**
 * A refused command. Nothing is appended; for a refusal on authorisation, `audit` is an
 * `AccessDenied` event the caller may append to record the attempt.
 */
export interface Rejected {
  readonly _tag: 'Rejected'
  readonly rule: Rule
  /** `path: expected …, got …`, the path relative to the command. */
  readonly message: string
  readonly audit?: StreamedEvent
}

/**
 * Builds a rejection whose message names the path, what was expected and what was given.
 *
 * @example
 * import { rejected } from '@progress-ledger/commands'
 * rejected('reason-required', 'reason', 'a non-blank reason', '').message // 'reason: expected a non-blank reason, got ""'
 */
export function rejected(rule: Rule, path: string, expected: string, got: unknown): Rejected {
  return { _tag: 'Rejected', rule, message: `${path}: expected ${expected}, got ${showValue(got)}` }
}

/** Is `d` a rejection? */
export function isRejected(d: { readonly _tag: string }): d is Rejected {
  return d._tag === 'Rejected'
}
