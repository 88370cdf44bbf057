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
  /**
   * The milestones known on the as-of date, by date (met, else forecast, else planned): every
   * planned one, and the unplanned ones recorded as met by then.
   */
  readonly milestones: ReadonlyArray<MilestoneReport>
  /** `plannedTotal + unplannedMet`. */
  readonly total: number
  readonly met: number
  /** Milestones that were planned (or forecast) before they were met, met or not. */
  readonly plannedTotal: number
  readonly plannedMet: number
  /** Milestones recorded as met without a plan (they count from the day they were met). */
  readonly unplannedMet: number
  /** `plannedMet / plannedTotal`, or `null` without planned milestones. */
  readonly shareMet: number | null
  readonly overdue: ReadonlyArray<string>
  readonly nextDue: { readonly milestoneId: string; readonly date: IsoDate } | null
  readonly eventIds: ReadonlyArray<string>
}

/**
 * The schedule of one milestone as of a day.
 *
 * @example
 * import { isoDate, ledgerProjection, replay } from '@progress-ledger/core'
 * import { fixtures, recorded } from '@progress-ledger/testkit'
 * import { evaluateMilestone } from '@progress-ledger/reporting'
 * const state = replay(ledgerProjection, recorded([fixtures.railwayDefined, fixtures.tunnelPlanned, fixtures.tunnelForecast, fixtures.tunnelMet]))
 * const tunnel = state.projects.get('hangtai')?.milestones['tunnel']
 * const m = tunnel === undefined ? undefined : evaluateMilestone(tunnel, isoDate('2019-12-31'))
 * m?.planned // '2019-06-30'
 * m?.met // '2019-09-30'
 * m?.slipDays // 92
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
 * import { isoDate, ledgerProjection, replay } from '@progress-ledger/core'
 * import { fixtures, recorded } from '@progress-ledger/testkit'
 * import { evaluateProject } from '@progress-ledger/reporting'
 * const state = replay(ledgerProjection, recorded([fixtures.railwayDefined, fixtures.tunnelPlanned, fixtures.tunnelMet, fixtures.lineOpened]))
 * const rail = state.projects.get('hangtai')
 * const before = rail === undefined ? undefined : evaluateProject(rail, isoDate('2019-06-01'))
 * const after = rail === undefined ? undefined : evaluateProject(rail, isoDate('2022-12-31'))
 * [before?.plannedTotal, before?.met, before?.total] // [1, 0, 1]
 * [after?.plannedTotal, after?.plannedMet, after?.unplannedMet, after?.total] // [1, 1, 1, 2]
 * after?.milestones.map((m) => m.milestoneId) // ['tunnel', 'opened']
 */
export function evaluateProject(p: ProjectState, asOf: IsoDate): ProjectReport {
  const milestones = p.milestoneOrder
    .flatMap((id) => {
      const m = p.milestones[id]
      return m === undefined ? [] : [evaluateMilestone(m, asOf)]
    })
    .filter((m) => m.planned !== null || m.forecast !== null || m.met !== null)
    .sort(byDate)
  const metCount = milestones.filter((m) => m.met !== null).length
  const planned = milestones.filter((m) => !m.unplanned)
  const plannedMet = planned.filter((m) => m.met !== null).length
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
    plannedTotal: planned.length,
    plannedMet,
    unplannedMet: milestones.filter((m) => m.met !== null && m.unplanned).length,
    shareMet: planned.length === 0 ? null : plannedMet / planned.length,
    overdue: milestones.filter((m) => m.overdue).map((m) => m.milestoneId),
    nextDue,
    eventIds: [...ids].sort(),
  }
}

/**
 * The date a milestone is shown at (and sorted by): met, else forecast, else planned.
 *
 * @example
 * import { isoDate, ledgerProjection, replay } from '@progress-ledger/core'
 * import { fixtures, recorded } from '@progress-ledger/testkit'
 * import { evaluateMilestone, milestoneDate } from '@progress-ledger/reporting'
 * const state = replay(ledgerProjection, recorded([fixtures.railwayDefined, fixtures.tunnelPlanned, fixtures.tunnelForecast]))
 * const tunnel = state.projects.get('hangtai')?.milestones['tunnel']
 * tunnel === undefined ? undefined : milestoneDate(evaluateMilestone(tunnel, isoDate('2019-03-31'))) // '2019-09-30'
 */
export function milestoneDate(m: MilestoneReport): IsoDate | null {
  return m.met ?? m.forecast ?? m.planned
}

function byDate(a: MilestoneReport, b: MilestoneReport): number {
  const x = milestoneDate(a)
  const y = milestoneDate(b)
  if (x !== y) return x === null ? 1 : y === null ? -1 : x < y ? -1 : 1
  return a.milestoneId < b.milestoneId ? -1 : a.milestoneId > b.milestoneId ? 1 : 0
}
