// Deciders for milestones, task statuses and reassignments of responsibility.
import {
  earliestDay,
  latestDay,
  type LedgerState,
  type Responsibility,
  responsibleOn,
  streams,
  type SubjectKind,
  showValue,
} from '@progress-ledger/core'
import { authoriseSubject } from '../../Authorisation'
import type { CommandOf } from '../../Command'
import type { Decision } from '../../Decision'
import { rejected } from '../../Rejection'
import { checkDepartments, findIndicator, findProject, findTask, sameDepartments } from '../Lookup'
import { compact } from '../Optional'
import { plausible } from '../Plausibility'
import { reasonOf } from '../Reason'
import { accept, type Checked, failed, type Scope } from '../Scope'

export function planMilestone(s: Scope, c: CommandOf<'PlanMilestone'>): Decision {
  const project = findProject(s.state, c.projectId)
  if (failed(project)) return project
  const data = compact({
    projectId: c.projectId,
    milestoneId: c.milestoneId,
    title: c.title,
    kind: c.kind,
    planned: c.planned,
    source: c.source,
  })
  return accept(
    s,
    c.id,
    streams.project(c.projectId),
    'MilestonePlanned',
    data,
    c.validTime ?? s.ctx.today,
  )
}

export function moveMilestoneForecast(s: Scope, c: CommandOf<'MoveMilestoneForecast'>): Decision {
  const project = findProject(s.state, c.projectId)
  if (failed(project)) return project
  const validTime = c.validTime ?? s.ctx.today
  const denied = authoriseSubject(
    s.ctx.actor,
    project,
    validTime,
    'a project',
    'projectId',
    c.projectId,
  )
  if (denied !== undefined) return denied
  const m = project.milestones[c.milestoneId]
  if (m === undefined || m.planned.length === 0) {
    return rejected(
      'milestone-missing',
      'milestoneId',
      `a milestone planned for project ${showValue(c.projectId)}`,
      c.milestoneId,
    )
  }
  const met = m.met[m.met.length - 1]
  if (met !== undefined)
    return rejected(
      'already-met',
      'milestoneId',
      `a milestone not yet met (met by event ${showValue(met.eventId)})`,
      c.milestoneId,
    )
  const data = compact({
    projectId: c.projectId,
    milestoneId: c.milestoneId,
    forecast: c.forecast,
    reason: c.reason,
  })
  return accept(s, c.id, streams.project(c.projectId), 'MilestoneForecastMoved', data, validTime)
}

export function meetMilestone(s: Scope, c: CommandOf<'MeetMilestone'>): Decision {
  const project = findProject(s.state, c.projectId)
  if (failed(project)) return project
  const day = latestDay(c.met)
  const denied = authoriseSubject(s.ctx.actor, project, day, 'a project', 'projectId', c.projectId)
  if (denied !== undefined) return denied
  if (earliestDay(c.met) > s.ctx.today)
    return rejected('in-future', 'met', `a date begun by today (${s.ctx.today})`, c.met)
  const m = project.milestones[c.milestoneId]
  const plannedBy = m?.planned.some((p) => p.validTime <= day) ?? false
  const unplanned = c.unplanned ?? false
  if (!plannedBy && !unplanned) {
    const later = m?.planned[0]
    const why =
      later === undefined ? 'it was never planned' : `it was planned only on ${later.validTime}`
    return rejected(
      'met-before-planned',
      'unplanned',
      `true for a milestone not planned by ${day} (${why})`,
      c.unplanned,
    )
  }
  if (plannedBy && unplanned) {
    return rejected(
      'unplanned-but-planned',
      'unplanned',
      `false: the milestone was planned by ${day}`,
      c.unplanned,
    )
  }
  const data = compact({
    projectId: c.projectId,
    milestoneId: c.milestoneId,
    met: c.met,
    unplanned,
    facts: c.facts ?? [],
    title: c.title,
    kind: c.kind,
    scope: c.scope,
    source: c.source,
  })
  return accept(s, c.id, streams.project(c.projectId), 'MilestoneMet', data, day)
}

export function reportTaskStatus(s: Scope, c: CommandOf<'ReportTaskStatus'>): Decision {
  const task = findTask(s.state, c.taskId)
  if (failed(task)) return task
  const validTime = c.validTime ?? s.ctx.today
  const denied = authoriseSubject(s.ctx.actor, task, validTime, 'a task', 'taskId', c.taskId)
  if (denied !== undefined) return denied
  if (validTime > s.ctx.today)
    return rejected(
      'in-future',
      'validTime',
      `a date no later than today (${s.ctx.today})`,
      validTime,
    )
  if (c.progress !== undefined) {
    if (!Number.isFinite(c.progress))
      return rejected('value-not-finite', 'progress', 'a finite number', c.progress)
    const bad = plausible(c.progress, 'share', '%', 'progress', '')
    if (bad !== undefined) return bad
  }
  const data = compact({ taskId: c.taskId, status: c.status, progress: c.progress, note: c.note })
  return accept(s, c.id, streams.task(c.taskId), 'TaskStatusReported', data, validTime)
}

function holderOf(
  state: LedgerState,
  subject: SubjectKind,
  id: string,
): Checked<{ readonly responsibility: ReadonlyArray<Responsibility> }> {
  switch (subject) {
    case 'indicator':
      return findIndicator(state, id, 'subjectId')
    case 'task':
      return findTask(state, id, 'subjectId')
    case 'project':
      return findProject(state, id, 'subjectId')
  }
}

export function reassignResponsibility(s: Scope, c: CommandOf<'ReassignResponsibility'>): Decision {
  const holder = holderOf(s.state, c.subject, c.subjectId)
  if (failed(holder)) return holder
  if (c.departments.length === 0)
    return rejected('department-missing', 'departments', 'at least one department', c.departments)
  const unknown = checkDepartments(s.state, c.departments)
  if (unknown !== undefined) return unknown
  const reason = reasonOf(c.reason)
  if (failed(reason)) return reason
  const before = responsibleOn(holder, c.validTime)
  // A re-sent command (its own id already recorded) is decided as the first time was: the
  // store recognises the event and writes nothing.
  const retry = c.id !== undefined && holder.responsibility.some((r) => r.eventId === c.id)
  if (!retry && sameDepartments(before, c.departments)) {
    return rejected(
      'no-change',
      'departments',
      `departments other than those responsible on ${c.validTime} [${before.join(', ')}]`,
      c.departments,
    )
  }
  const data = { subject: c.subject, subjectId: c.subjectId, departments: c.departments, reason }
  return accept(
    s,
    c.id,
    streams[c.subject](c.subjectId),
    'ResponsibilityReassigned',
    data,
    c.validTime,
  )
}
