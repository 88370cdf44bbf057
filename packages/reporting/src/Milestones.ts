/**
 * Milestone schedule metrics: planned vs met, slip in days, overdue, share met, next due, and
 * the milestone trend history (each forecast date at each report date) from forecast events.
 *
 * @module Milestones
 */
import {
  type DateSpec,
  type Fact,
  forecastDate,
  type IsoDate,
  latestDay,
  type LocalizedText,
  metRecord,
  type MilestoneState,
  plannedDate,
  type ProjectState,
  responsibleOn,
} from '@progress-ledger/core'
import { daysBetween } from './internal/Time'

/** One point of a milestone trend chart: on `reportedOn`, the milestone was forecast for `forecast`. */
export interface ForecastPoint {
  readonly reportedOn: IsoDate
  readonly forecast: IsoDate
  readonly eventId: string
  readonly reason: string | null
}

/** A milestone's schedule as of a date. Dates are the latest day a date spec can mean. */
export interface MilestoneReport {
  readonly milestoneId: string
  readonly title: LocalizedText
  readonly kind: string
  readonly planned: IsoDate | null
  readonly forecast: IsoDate | null
  readonly met: IsoDate | null
  /** The met date as printed (precision kept: a month, late December, …). */
  readonly metSpec: DateSpec | null
  /** Recorded as met without ever being planned (as chronicles often do). */
  readonly unplanned: boolean
  /** Days late (positive) or early (negative): met, else forecast, else the as-of date when overdue, minus planned. */
  readonly slipDays: number | null
  readonly overdue: boolean
  readonly history: ReadonlyArray<ForecastPoint>
  readonly facts: ReadonlyArray<Fact>
  readonly eventIds: ReadonlyArray<string>
}

/** A project's milestones as of a date. */
export interface ProjectReport {
  readonly projectId: string
  readonly kind: 'flagship' | 'construction'
  readonly name: LocalizedText
  readonly departments: ReadonlyArray<string>
  readonly milestones: ReadonlyArray<MilestoneReport>
  readonly total: number
  readonly met: number
  readonly unplannedMet: number
  /** `met / total`, or `null` without milestones. */
  readonly shareMet: number | null
  readonly overdue: ReadonlyArray<string>
  readonly nextDue: { readonly milestoneId: string; readonly date: IsoDate } | null
  readonly eventIds: ReadonlyArray<string>
}

/**
 * The schedule of one milestone as of a day.
 *
 * @example
 * import { evaluateMilestone } from '@progress-ledger/reporting'
 * // evaluateMilestone(state.projects.get('hangtai').milestones['opened'], '2022-12-31' as IsoDate).slipDays
 */
export function evaluateMilestone(m: MilestoneState, asOf: IsoDate): MilestoneReport {
  const plannedSpec = plannedDate(m)
  const planned = plannedSpec === undefined ? null : latestDay(plannedSpec)
  const rec = metRecord(m)
  const met = rec === undefined || latestDay(rec.date) > asOf ? null : latestDay(rec.date)
  const forecastSpec = m.forecasts.length > 0 ? forecastDate(m) : undefined
  const forecast = forecastSpec === undefined ? null : latestDay(forecastSpec)
  const overdue = met === null && planned !== null && planned < asOf
  let ref: IsoDate | null = met ?? forecast
  if (overdue && (ref === null || ref < asOf)) ref = asOf
  const slipDays = planned === null || ref === null ? null : daysBetween(planned, ref)
  const history = m.forecasts.map((v) => ({
    reportedOn: v.validTime,
    forecast: latestDay(v.date),
    eventId: v.eventId,
    reason: v.reason,
  }))
  const ids = [...m.planned, ...m.forecasts, ...m.met].map((v) => v.eventId)
  return {
    milestoneId: m.milestoneId,
    title: m.title,
    kind: m.kind,
    planned,
    forecast,
    met,
    metSpec: met === null ? null : (rec?.date ?? null),
    unplanned: rec?.unplanned === true && m.planned.length === 0,
    slipDays,
    overdue,
    history,
    facts: rec?.facts ?? [],
    eventIds: [...new Set(ids)].sort(),
  }
}

/**
 * A project's schedule as of a day: share met, overdue milestones, the next one due.
 *
 * @example
 * import { evaluateProject } from '@progress-ledger/reporting'
 * // evaluateProject(state.projects.get('hangtai'), '2022-12-31' as IsoDate).shareMet
 */
export function evaluateProject(p: ProjectState, asOf: IsoDate): ProjectReport {
  const milestones = p.milestoneOrder.flatMap((id) => {
    const m = p.milestones[id]
    return m === undefined ? [] : [evaluateMilestone(m, asOf)]
  })
  const metCount = milestones.filter((m) => m.met !== null).length
  let nextDue: ProjectReport['nextDue'] = null
  for (const m of milestones) {
    const due = m.forecast ?? m.planned
    if (m.met !== null || due === null || due < asOf) continue
    if (
      nextDue === null ||
      due < nextDue.date ||
      (due === nextDue.date && m.milestoneId < nextDue.milestoneId)
    )
      nextDue = { milestoneId: m.milestoneId, date: due }
  }
  const ids = new Set<string>([p.eventId])
  for (const m of milestones) for (const id of m.eventIds) ids.add(id)
  return {
    projectId: p.projectId,
    kind: p.definition.kind,
    name: p.definition.name,
    departments: [...responsibleOn(p, asOf)],
    milestones,
    total: milestones.length,
    met: metCount,
    unplannedMet: milestones.filter((m) => m.met !== null && m.unplanned).length,
    shareMet: milestones.length === 0 ? null : metCount / milestones.length,
    overdue: milestones.filter((m) => m.overdue).map((m) => m.milestoneId),
    nextDue,
    eventIds: [...ids].sort(),
  }
}
