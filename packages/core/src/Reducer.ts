/**
 * The reducer: one total, exhaustive recipe over the event union. It is written in immer's
 * mutating style for clarity; {@link Replay} runs it on owned state during replay and inside a
 * single `produce` when updating published (frozen) state.
 *
 * @module Reducer
 */
import { castDraft, type Draft } from 'immer'
import type { RecordedEvent } from './Envelope'
import { slotFor, valueVersion } from './internal/PeriodSlots'
import type {
  IndicatorState,
  LedgerState,
  MilestoneState,
  PeriodValue,
  Responsibility,
  Stamp,
} from './State'

/** A reducer recipe: applies one event to a mutable (owned or immer-drafted) state. */
export type Recipe<S, E> = (draft: Draft<S>, event: E) => void

function absurd(x: never): never {
  throw new Error(`unhandled event: ${JSON.stringify(x)}`)
}

function stampOf(e: RecordedEvent): Stamp {
  return {
    eventId: e.id,
    position: e.position,
    validTime: e.validTime,
    recordedTime: e.recordedTime,
    actor: e.actor,
  }
}

/** The stamp fields of a state node (its first definition). */
function stampOnly(s: Stamp): Stamp {
  return {
    eventId: s.eventId,
    position: s.position,
    validTime: s.validTime,
    recordedTime: s.recordedTime,
    actor: s.actor,
  }
}

function unattached(s: Draft<LedgerState>, e: RecordedEvent, reason: string): void {
  s.unattached.push({
    eventId: e.id,
    position: e.position,
    validTime: e.validTime,
    recordedTime: e.recordedTime,
    actor: e.actor,
    type: e.type,
    reason,
  })
}

function indicatorOf(
  s: Draft<LedgerState>,
  e: RecordedEvent,
  id: string,
): Draft<IndicatorState> | undefined {
  const ind = s.indicators[id]
  if (ind === undefined) unattached(s, e, `indicator ${JSON.stringify(id)} is not defined`)
  return ind
}

function milestoneOf(
  s: Draft<LedgerState>,
  e: RecordedEvent,
  projectId: string,
  milestoneId: string,
  title?: MilestoneState['title'],
  kind?: string,
): Draft<MilestoneState> | undefined {
  const project = s.projects[projectId]
  if (project === undefined) {
    unattached(s, e, `project ${JSON.stringify(projectId)} is not defined`)
    return undefined
  }
  let m = project.milestones[milestoneId]
  if (m === undefined) {
    if (title === undefined) {
      unattached(
        s,
        e,
        `milestone ${JSON.stringify(milestoneId)} of project ${JSON.stringify(projectId)} is not planned`,
      )
      return undefined
    }
    m = {
      milestoneId,
      title,
      kind: kind ?? 'other',
      planned: [],
      forecasts: [],
      met: [],
      source: null,
    }
    project.milestones[milestoneId] = m
    project.milestoneOrder.push(milestoneId)
  }
  return m
}

function responsibilityOf(
  e: RecordedEvent,
  departments: ReadonlyArray<string>,
  reason: string | null,
): Draft<Responsibility> {
  return castDraft<Responsibility>({
    eventId: e.id,
    position: e.position,
    validTime: e.validTime,
    recordedTime: e.recordedTime,
    actor: e.actor,
    departments: [...departments],
    reason,
  })
}

/**
 * Applies one recorded event to the ledger state. Total: an event that refers to something not
 * defined is kept in `unattached` instead of throwing.
 */
export const evolve: Recipe<LedgerState, RecordedEvent> = (s, e) => {
  s.position = e.position
  s.head = e.hash
  switch (e.type) {
    case 'PlanAdopted': {
      const d = e.data
      const existing = s.plans[d.planId]
      // A re-adoption updates the plan but keeps the stamp of its first adoption: as-of views
      // show the plan from the day it first existed.
      s.plans[d.planId] = {
        ...(existing === undefined ? stampOf(e) : stampOnly(existing)),
        planId: d.planId,
        name: d.name,
        adoptedOn: d.adoptedOn,
        baseYear: d.baseYear,
        startYear: d.startYear,
        endYear: d.endYear,
        issuer: d.issuer ?? null,
        categories: existing?.categories ?? {},
      }
      return
    }
    case 'CategoryDefined': {
      const plan = s.plans[e.data.planId]
      if (plan === undefined)
        return unattached(s, e, `plan ${JSON.stringify(e.data.planId)} is not adopted`)
      plan.categories[e.data.categoryId] = {
        eventId: e.id,
        position: e.position,
        validTime: e.validTime,
        recordedTime: e.recordedTime,
        actor: e.actor,
        categoryId: e.data.categoryId,
        name: e.data.name,
        order: e.data.order,
      }
      return
    }
    case 'DepartmentRegistered':
      s.departments[e.data.departmentId] = {
        eventId: e.id,
        position: e.position,
        validTime: e.validTime,
        recordedTime: e.recordedTime,
        actor: e.actor,
        departmentId: e.data.departmentId,
        name: e.data.name,
        aliases: [...e.data.aliases],
      }
      return
    case 'IndicatorDefined': {
      const d = e.data
      const existing = s.indicators[d.indicatorId]
      if (existing === undefined) {
        s.indicators[d.indicatorId] = {
          indicatorId: d.indicatorId,
          definitions: [
            castDraft({
              eventId: e.id,
              position: e.position,
              validTime: e.validTime,
              recordedTime: e.recordedTime,
              actor: e.actor,
              definition: d,
            }),
          ],
          baselines: [],
          targets: {},
          values: [],
          responsibility: [responsibilityOf(e, d.departments, null)],
        }
      } else {
        existing.definitions.push(
          castDraft({
            eventId: e.id,
            position: e.position,
            validTime: e.validTime,
            recordedTime: e.recordedTime,
            actor: e.actor,
            definition: d,
          }),
        )
      }
      return
    }
    case 'BaselineSet': {
      const ind = indicatorOf(s, e, e.data.indicatorId)
      if (ind !== undefined)
        ind.baselines.push({
          eventId: e.id,
          position: e.position,
          validTime: e.validTime,
          recordedTime: e.recordedTime,
          actor: e.actor,
          period: e.data.period,
          value: e.data.value,
          illustrative: e.data.illustrative ?? false,
        })
      return
    }
    case 'TargetSet': {
      const d = e.data
      const ind = indicatorOf(s, e, d.indicatorId)
      if (ind === undefined) return
      const version = {
        eventId: e.id,
        position: e.position,
        validTime: e.validTime,
        recordedTime: e.recordedTime,
        actor: e.actor,
        cause: 'set' as const,
        expression: d.expression,
        printed: d.printed ?? null,
        dueYear: d.dueYear,
        dueDate: d.dueDate ?? null,
        reason: null,
        assignedBy: null,
      }
      const target = ind.targets[d.targetId]
      if (target === undefined)
        ind.targets[d.targetId] = { targetId: d.targetId, role: d.role, history: [version] }
      else target.history.push(version)
      return
    }
    case 'TargetRevised':
    case 'QuotaAssigned': {
      const d = e.data
      const ind = indicatorOf(s, e, d.indicatorId)
      if (ind === undefined) return
      const target = ind.targets[d.targetId]
      const previous = target?.history[target.history.length - 1]
      if (target === undefined || previous === undefined)
        return unattached(
          s,
          e,
          `target ${JSON.stringify(d.targetId)} of indicator ${JSON.stringify(d.indicatorId)} is not set`,
        )
      const revised = e.type === 'TargetRevised' ? e.data : undefined
      target.history.push({
        eventId: e.id,
        position: e.position,
        validTime: e.validTime,
        recordedTime: e.recordedTime,
        actor: e.actor,
        cause: revised === undefined ? 'quota' : 'revised',
        expression: d.expression,
        printed: d.printed ?? null,
        dueYear: revised?.dueYear ?? previous.dueYear,
        dueDate: revised?.dueDate ?? previous.dueDate,
        reason: revised?.reason ?? null,
        assignedBy: e.type === 'QuotaAssigned' ? e.data.assignedBy : null,
      })
      return
    }
    case 'ValueReported':
    case 'ValueCorrected': {
      const d = e.data
      const ind = indicatorOf(s, e, d.indicatorId)
      if (ind === undefined) return
      const slot = slotFor(ind.values as Draft<PeriodValue>[], d.period, true) as Draft<PeriodValue>
      slot.versions.push(
        valueVersion(e, {
          cause: e.type === 'ValueReported' ? 'reported' : 'corrected',
          value: d.value,
          status: d.status,
          reason: e.type === 'ValueCorrected' ? e.data.reason : null,
          replaces: e.type === 'ValueCorrected' ? e.data.corrects : null,
          illustrative: d.illustrative ?? false,
          outlier: d.outlier ?? null,
          source: d.source ?? null,
        }),
      )
      if (d.submitted === true)
        slot.approvals.push({
          eventId: e.id,
          position: e.position,
          validTime: e.validTime,
          recordedTime: e.recordedTime,
          actor: e.actor,
          state: 'submitted',
          reason: null,
        })
      return
    }
    case 'ValueRetracted': {
      const ind = indicatorOf(s, e, e.data.indicatorId)
      if (ind === undefined) return
      const slot = slotFor(ind.values as Draft<PeriodValue>[], e.data.period, false)
      if (slot === undefined)
        return unattached(s, e, `no value for period ${e.data.period} to retract`)
      slot.versions.push(
        valueVersion(e, {
          cause: 'retracted',
          value: null,
          status: null,
          reason: e.data.reason,
          replaces: e.data.retracts,
          illustrative: false,
          outlier: null,
          source: null,
        }),
      )
      return
    }
    case 'ValueApproved':
    case 'ValueReturned': {
      const ind = indicatorOf(s, e, e.data.indicatorId)
      if (ind === undefined) return
      const slot = slotFor(ind.values as Draft<PeriodValue>[], e.data.period, false)
      if (slot === undefined)
        return unattached(s, e, `no value for period ${e.data.period} to review`)
      slot.approvals.push({
        eventId: e.id,
        position: e.position,
        validTime: e.validTime,
        recordedTime: e.recordedTime,
        actor: e.actor,
        state: e.type === 'ValueApproved' ? 'approved' : 'returned',
        reason: e.type === 'ValueReturned' ? e.data.reason : null,
      })
      return
    }
    case 'ProjectDefined': {
      const d = e.data
      const existing = s.projects[d.projectId]
      s.projects[d.projectId] = {
        ...(existing === undefined ? stampOf(e) : stampOnly(existing)),
        projectId: d.projectId,
        definition: castDraft(d),
        milestones: existing?.milestones ?? {},
        milestoneOrder: existing?.milestoneOrder ?? [],
        responsibility: existing?.responsibility ?? [responsibilityOf(e, d.departments, null)],
      }
      return
    }
    case 'MilestonePlanned': {
      const d = e.data
      const m = milestoneOf(s, e, d.projectId, d.milestoneId, d.title, d.kind)
      if (m === undefined) return
      m.title = d.title
      m.kind = d.kind
      if (d.source !== undefined) m.source = d.source
      m.planned.push({
        eventId: e.id,
        position: e.position,
        validTime: e.validTime,
        recordedTime: e.recordedTime,
        actor: e.actor,
        date: d.planned,
        reason: null,
      })
      return
    }
    case 'MilestoneForecastMoved': {
      const d = e.data
      const m = milestoneOf(s, e, d.projectId, d.milestoneId)
      if (m !== undefined)
        m.forecasts.push({
          eventId: e.id,
          position: e.position,
          validTime: e.validTime,
          recordedTime: e.recordedTime,
          actor: e.actor,
          date: d.forecast,
          reason: d.reason ?? null,
        })
      return
    }
    case 'MilestoneMet': {
      const d = e.data
      const m = milestoneOf(
        s,
        e,
        d.projectId,
        d.milestoneId,
        d.unplanned ? (d.title ?? { zh: d.milestoneId }) : undefined,
        d.kind,
      )
      if (m === undefined) return
      if (d.source !== undefined && m.source === null) m.source = d.source
      m.met.push({
        eventId: e.id,
        position: e.position,
        validTime: e.validTime,
        recordedTime: e.recordedTime,
        actor: e.actor,
        date: d.met,
        unplanned: d.unplanned,
        facts: [...d.facts],
        scope: d.scope ?? null,
        source: d.source ?? null,
      })
      return
    }
    case 'TaskDefined': {
      const d = e.data
      const existing = s.tasks[d.taskId]
      s.tasks[d.taskId] = {
        ...(existing === undefined ? stampOf(e) : stampOnly(existing)),
        taskId: d.taskId,
        definition: castDraft(d),
        statuses: existing?.statuses ?? [],
        responsibility: existing?.responsibility ?? [responsibilityOf(e, d.departments, null)],
      }
      return
    }
    case 'TaskStatusReported': {
      const task = s.tasks[e.data.taskId]
      if (task === undefined)
        return unattached(s, e, `task ${JSON.stringify(e.data.taskId)} is not defined`)
      task.statuses.push({
        eventId: e.id,
        position: e.position,
        validTime: e.validTime,
        recordedTime: e.recordedTime,
        actor: e.actor,
        status: e.data.status,
        progress: e.data.progress ?? null,
        note: e.data.note ?? null,
      })
      return
    }
    case 'ResponsibilityReassigned': {
      const d = e.data
      const holder =
        d.subject === 'indicator'
          ? s.indicators[d.subjectId]
          : d.subject === 'task'
            ? s.tasks[d.subjectId]
            : s.projects[d.subjectId]
      if (holder === undefined)
        return unattached(s, e, `${d.subject} ${JSON.stringify(d.subjectId)} is not defined`)
      holder.responsibility.push(responsibilityOf(e, d.departments, d.reason))
      return
    }
    case 'AccessDenied':
      s.denied.push({
        eventId: e.id,
        position: e.position,
        validTime: e.validTime,
        recordedTime: e.recordedTime,
        actor: e.actor,
        command: e.data.command,
        reason: e.data.reason,
        subject: e.data.subject ?? null,
        subjectId: e.data.subjectId ?? null,
      })
      return
    default:
      return absurd(e)
  }
}
