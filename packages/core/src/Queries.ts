/**
 * Reading the projected state: the version in force of a definition, target, value, milestone
 * date or task status. Apply {@link asOf} first to read as of a past date.
 *
 * @module Queries
 */
import type { DateSpec } from './DateSpec'
import type { IsoDate } from './Scalars'
import type {
  IndicatorDefinition,
  IndicatorState,
  MilestoneMetState,
  MilestoneState,
  PeriodValue,
  Responsibility,
  TargetState,
  TargetVersion,
  TaskStatusVersion,
  TaskState,
  ValueVersion,
  BaselineVersion,
} from './State'

function lastOf<T>(items: ReadonlyArray<T>): T | undefined {
  return items[items.length - 1]
}

/** The definition in force. Every visible indicator has at least one. */
export function currentDefinition(ind: IndicatorState): IndicatorDefinition {
  const d = lastOf(ind.definitions)
  if (d === undefined) throw new Error(`indicator ${ind.indicatorId} has no definition`)
  return d.definition
}

/** The baseline in force, if any. */
export function currentBaseline(ind: IndicatorState): BaselineVersion | undefined {
  return lastOf(ind.baselines)
}

/** The version of a target in force. */
export function currentTarget(target: TargetState): TargetVersion {
  const v = lastOf(target.history)
  if (v === undefined) throw new Error(`target ${target.targetId} has no version`)
  return v
}

/** The targets of an indicator ordered by due year (interim targets first). */
export function targetsByDue(
  ind: IndicatorState,
): ReadonlyArray<{ readonly target: TargetState; readonly current: TargetVersion }> {
  return Object.values(ind.targets)
    .map((target) => ({ target, current: currentTarget(target) }))
    .sort(
      (a, b) =>
        a.current.dueYear - b.current.dueYear || a.target.targetId.localeCompare(b.target.targetId),
    )
}

/** The version of a period's value in force, or `undefined` when it was retracted. */
export function currentVersion(pv: PeriodValue): ValueVersion | undefined {
  const v = lastOf(pv.versions)
  return v === undefined || v.cause === 'retracted' ? undefined : v
}

/** A value in force for a period. */
export interface CurrentValue {
  readonly period: PeriodValue['period']
  readonly value: number
  readonly version: ValueVersion
  /** How many versions the period has had (2 or more means it was corrected). */
  readonly revisions: number
}

/** The values in force, in period order. */
export function currentValues(ind: IndicatorState): ReadonlyArray<CurrentValue> {
  const out: CurrentValue[] = []
  for (const pv of ind.values) {
    const v = currentVersion(pv)
    if (v !== undefined && v.value !== null)
      out.push({ period: pv.period, value: v.value, version: v, revisions: pv.versions.length })
  }
  return out
}

/** The value of the latest period that has one in force. */
export function latestValue(ind: IndicatorState): CurrentValue | undefined {
  for (let i = ind.values.length - 1; i >= 0; i--) {
    const pv = ind.values.get(i) as PeriodValue
    const v = currentVersion(pv)
    if (v !== undefined && v.value !== null)
      return { period: pv.period, value: v.value, version: v, revisions: pv.versions.length }
  }
  return undefined
}

/** Where a period's value stands in the approval workflow (`null` if it was never submitted). */
export function approvalState(pv: PeriodValue): 'submitted' | 'approved' | 'returned' | null {
  return lastOf(pv.approvals)?.state ?? null
}

/** The departments responsible on a day (by default: now, the latest assignment). */
export function responsibleOn(
  holder: { readonly responsibility: ReadonlyArray<Responsibility> },
  day?: IsoDate,
): ReadonlyArray<string> {
  let found: Responsibility | undefined
  for (const r of holder.responsibility) {
    if (day !== undefined && r.validTime > day) continue
    if (found === undefined || r.validTime >= found.validTime) found = r
  }
  return found?.departments ?? holder.responsibility[0]?.departments ?? []
}

/** The planned date in force of a milestone. */
export function plannedDate(m: MilestoneState): DateSpec | undefined {
  return lastOf(m.planned)?.date
}

/** The latest forecast date of a milestone (falls back to its planned date). */
export function forecastDate(m: MilestoneState): DateSpec | undefined {
  return lastOf(m.forecasts)?.date ?? plannedDate(m)
}

/** The record of a milestone being met, if it was. */
export function metRecord(m: MilestoneState): MilestoneMetState | undefined {
  return lastOf(m.met)
}

/** The status in force of a task. */
export function taskStatus(task: TaskState): TaskStatusVersion | undefined {
  return lastOf(task.statuses)
}
