/**
 * Reducers of projects and their milestones: a project defined, a milestone planned, its forecast
 * moved, and it met (planned beforehand or recorded only once met, as chronicles often are).
 *
 * @module reducers/Project
 */
import type { RecordedOf } from '../Envelope'
import { EMPTY } from '../internal/Draft'
import type { Draft } from '../internal/LedgerDraft'
import type { LocalizedText } from '../Scalars'
import type { MilestoneDate, MilestoneState } from '../State'
import type { Reducers } from './Reducers'
import { stampOf } from './Reducers'
import { responsibilityOf } from './Responsibility'

type MilestoneEvent = RecordedOf<'MilestonePlanned' | 'MilestoneForecastMoved' | 'MilestoneMet'>

/**
 * The milestone of the event's project, writable: created (and put in the project's order) when
 * `title` is given and it does not exist; `undefined`, with the event kept as unattached, when
 * the project is not defined or the milestone is not planned.
 */
function milestoneOf(d: Draft, e: MilestoneEvent, title?: LocalizedText, kind?: string) {
  const { projectId, milestoneId } = e.data
  const project = d.projects.edit(projectId)
  if (project === undefined)
    return void d.unattached(e, `project ${JSON.stringify(projectId)} is not defined`)
  const found = project.entry('milestones', milestoneId)
  if (found !== undefined) return found
  if (title === undefined)
    return void d.unattached(
      e,
      `milestone ${JSON.stringify(milestoneId)} of project ${JSON.stringify(projectId)} is not planned`,
    )
  const fresh: MilestoneState = {
    milestoneId,
    title,
    kind: kind ?? 'other',
    planned: EMPTY,
    forecasts: EMPTY,
    met: EMPTY,
    source: null,
  }
  project.push('milestoneOrder', milestoneId)
  return project.create('milestones', milestoneId, fresh)
}

function dated(
  e: MilestoneEvent,
  date: MilestoneDate['date'],
  reason: string | null,
): MilestoneDate {
  return {
    eventId: e.id,
    position: e.position,
    validTime: e.validTime,
    recordedTime: e.recordedTime,
    actor: e.actor,
    date,
    reason,
  }
}

/** Projects and milestones. */
export const projectReducers: Reducers<'ProjectDefined' | MilestoneEvent['type']> = {
  ProjectDefined(d, e) {
    const data = e.data
    const existing = d.projects.get(data.projectId)
    d.projects.put(data.projectId, {
      ...stampOf(existing ?? e),
      projectId: data.projectId,
      definition: data,
      milestones: existing?.milestones ?? {},
      milestoneOrder: existing?.milestoneOrder ?? [],
      responsibility: existing?.responsibility ?? [responsibilityOf(e, data.departments, null)],
    })
  },
  MilestonePlanned(d, e) {
    const data = e.data
    const m = milestoneOf(d, e, data.title, data.kind)
    if (m === undefined) return
    m.set('title', data.title)
    m.set('kind', data.kind)
    if (data.source !== undefined) m.set('source', data.source)
    m.push('planned', dated(e, data.planned, null))
  },
  MilestoneForecastMoved(d, e) {
    milestoneOf(d, e)?.push('forecasts', dated(e, e.data.forecast, e.data.reason ?? null))
  },
  MilestoneMet(d, e) {
    const data = e.data
    const m = milestoneOf(
      d,
      e,
      data.unplanned ? (data.title ?? { zh: data.milestoneId }) : undefined,
      data.kind,
    )
    if (m === undefined) return
    if (data.source !== undefined && m.value.source === null) m.set('source', data.source)
    m.push('met', {
      eventId: e.id,
      position: e.position,
      validTime: e.validTime,
      recordedTime: e.recordedTime,
      actor: e.actor,
      date: data.met,
      unplanned: data.unplanned,
      facts: [...data.facts],
      scope: data.scope ?? null,
      source: data.source ?? null,
    })
  },
}
