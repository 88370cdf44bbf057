/**
 * The reducer: one total, exhaustive function over the event union, written in a mutating style.
 * It runs on a {@link LedgerDraft}: during replay the draft owns the state and every write is in
 * place; when updating published (frozen) state the draft copies a node the first time the reducer
 * asks to write it. The reducer asks explicitly, node by node (`d.open`, `d.own`, `d.owner`,
 * `d.push`), which is what immer's proxies do implicitly; see docs/architecture.md for why the
 * built-in ledger does it by hand while custom projections keep immer.
 *
 * @module Reducer
 */
import type { Draft } from 'immer'
import type { RecordedEvent } from './Envelope'
import { ChunkList } from './ChunkList'
import { LedgerDraft, type Mutable } from './internal/LedgerDraft'
import { milestoneOf } from './internal/Milestones'
import { slotOf, valueVersion } from './internal/PeriodSlots'
import { stampOf, stampOnly } from './internal/Stamps'
import { reassign, responsibilityOf } from './internal/Responsibilities'
import { missingIndicator, unattached } from './internal/Unattached'
import type { IndicatorState, LedgerState, TargetState, PeriodValue, TargetVersion } from './State'

/** A reducer recipe: applies one event to a mutable (owned or immer-drafted) state. */
export type Recipe<S, E> = (draft: Draft<S>, event: E) => void

/** Folding events onto one state: `step` per event, then `finish` for the result. */
export interface Fold<S> {
  readonly step: (event: RecordedEvent) => void
  readonly finish: () => S
}

function absurd(x: never): never {
  throw new Error(`unhandled event: ${JSON.stringify(x)}`)
}

/** Appends a version to a target of an indicator (the indicator and target exist). */
function pushTarget(d: LedgerDraft, indicatorId: string, targetId: string, v: TargetVersion): void {
  const ind = d.open(d.indicators, indicatorId) as Mutable<IndicatorState>
  const targets = (ind.targets = d.own(ind.targets))
  const target = d.own(targets[targetId] as TargetState)
  target.history = d.push(target.history, v)
  targets[targetId] = target
}

/** Applies one recorded event to a ledger draft. */
function step(d: LedgerDraft, e: RecordedEvent): void {
  d.position = e.position
  d.head = e.hash
  switch (e.type) {
    case 'PlanAdopted': {
      const data = e.data
      const existing = d.plans.get(data.planId)
      // A re-adoption updates the plan but keeps the stamp of its first adoption: as-of views
      // show the plan from the day it first existed.
      d.set(d.plans, data.planId, {
        ...(existing === undefined ? stampOf(e) : stampOnly(existing)),
        planId: data.planId,
        name: data.name,
        adoptedOn: data.adoptedOn,
        baseYear: data.baseYear,
        startYear: data.startYear,
        endYear: data.endYear,
        issuer: data.issuer ?? null,
        categories: existing?.categories ?? {},
      })
      return
    }
    case 'CategoryDefined': {
      const plan = d.open(d.plans, e.data.planId)
      if (plan === undefined)
        return unattached(d, e, `plan ${JSON.stringify(e.data.planId)} is not adopted`)
      const categories = (plan.categories = d.own(plan.categories))
      categories[e.data.categoryId] = d.sealed({
        eventId: e.id,
        position: e.position,
        validTime: e.validTime,
        recordedTime: e.recordedTime,
        actor: e.actor,
        categoryId: e.data.categoryId,
        name: e.data.name,
        order: e.data.order,
      })
      return
    }
    case 'DepartmentRegistered':
      d.set(d.departments, e.data.departmentId, {
        eventId: e.id,
        position: e.position,
        validTime: e.validTime,
        recordedTime: e.recordedTime,
        actor: e.actor,
        departmentId: e.data.departmentId,
        name: e.data.name,
        aliases: [...e.data.aliases],
      })
      return
    case 'IndicatorDefined': {
      const data = e.data
      const version = {
        eventId: e.id,
        position: e.position,
        validTime: e.validTime,
        recordedTime: e.recordedTime,
        actor: e.actor,
        definition: data,
      }
      const existing = d.open(d.indicators, data.indicatorId)
      if (existing === undefined) {
        d.set(d.indicators, data.indicatorId, {
          indicatorId: data.indicatorId,
          definitions: [version],
          baselines: [],
          targets: {},
          values: ChunkList.empty<PeriodValue>(),
          responsibility: [responsibilityOf(e, data.departments, null)],
        })
      } else existing.definitions = d.push(existing.definitions, version)
      return
    }
    case 'BaselineSet': {
      const ind = d.open(d.indicators, e.data.indicatorId)
      if (ind === undefined) return missingIndicator(d, e, e.data.indicatorId)
      ind.baselines = d.push(ind.baselines, {
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
      const data = e.data
      const ind = d.indicators.get(data.indicatorId)
      if (ind === undefined) return missingIndicator(d, e, data.indicatorId)
      const version: TargetVersion = {
        eventId: e.id,
        position: e.position,
        validTime: e.validTime,
        recordedTime: e.recordedTime,
        actor: e.actor,
        cause: 'set',
        expression: data.expression,
        printed: data.printed ?? null,
        dueYear: data.dueYear,
        dueDate: data.dueDate ?? null,
        reason: null,
        assignedBy: null,
      }
      if (ind.targets[data.targetId] !== undefined)
        return pushTarget(d, data.indicatorId, data.targetId, version)
      const w = d.open(d.indicators, data.indicatorId) as Mutable<IndicatorState>
      const targets = (w.targets = d.own(w.targets))
      targets[data.targetId] = d.sealed({
        targetId: data.targetId,
        role: data.role,
        history: [version],
      })
      return
    }
    case 'TargetRevised':
    case 'QuotaAssigned': {
      const data = e.data
      const ind = d.indicators.get(data.indicatorId)
      if (ind === undefined) return missingIndicator(d, e, data.indicatorId)
      const target = ind.targets[data.targetId]
      const previous = target?.history[target.history.length - 1]
      if (target === undefined || previous === undefined)
        return unattached(
          d,
          e,
          `target ${JSON.stringify(data.targetId)} of indicator ${JSON.stringify(data.indicatorId)} is not set`,
        )
      const revised = e.type === 'TargetRevised' ? e.data : undefined
      return pushTarget(d, data.indicatorId, data.targetId, {
        eventId: e.id,
        position: e.position,
        validTime: e.validTime,
        recordedTime: e.recordedTime,
        actor: e.actor,
        cause: revised === undefined ? 'quota' : 'revised',
        expression: data.expression,
        printed: data.printed ?? null,
        dueYear: revised?.dueYear ?? previous.dueYear,
        dueDate: revised?.dueDate ?? previous.dueDate,
        reason: revised?.reason ?? null,
        assignedBy: e.type === 'QuotaAssigned' ? e.data.assignedBy : null,
      })
    }
    case 'ValueReported':
    case 'ValueCorrected': {
      const data = e.data
      const ind = d.indicators.get(data.indicatorId)
      if (ind === undefined) return missingIndicator(d, e, data.indicatorId)
      const slot = slotOf(d, ind, data.period, true) as Mutable<PeriodValue>
      slot.versions = d.push(
        slot.versions,
        valueVersion(e, {
          cause: e.type === 'ValueReported' ? 'reported' : 'corrected',
          value: data.value,
          status: data.status,
          reason: e.type === 'ValueCorrected' ? e.data.reason : null,
          replaces: e.type === 'ValueCorrected' ? e.data.corrects : null,
          illustrative: data.illustrative ?? false,
          outlier: data.outlier ?? null,
          source: data.source ?? null,
        }),
      )
      if (data.submitted === true)
        slot.approvals = d.push(slot.approvals, {
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
      const ind = d.indicators.get(e.data.indicatorId)
      if (ind === undefined) return missingIndicator(d, e, e.data.indicatorId)
      const slot = slotOf(d, ind, e.data.period, false)
      if (slot === undefined)
        return unattached(d, e, `no value for period ${e.data.period} to retract`)
      slot.versions = d.push(
        slot.versions,
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
      const ind = d.indicators.get(e.data.indicatorId)
      if (ind === undefined) return missingIndicator(d, e, e.data.indicatorId)
      const slot = slotOf(d, ind, e.data.period, false)
      if (slot === undefined)
        return unattached(d, e, `no value for period ${e.data.period} to review`)
      slot.approvals = d.push(slot.approvals, {
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
      const data = e.data
      const existing = d.projects.get(data.projectId)
      d.set(d.projects, data.projectId, {
        ...(existing === undefined ? stampOf(e) : stampOnly(existing)),
        projectId: data.projectId,
        definition: data,
        milestones: existing?.milestones ?? {},
        milestoneOrder: existing?.milestoneOrder ?? [],
        responsibility: existing?.responsibility ?? [responsibilityOf(e, data.departments, null)],
      })
      return
    }
    case 'MilestonePlanned': {
      const data = e.data
      const m = milestoneOf(d, e, data.projectId, data.milestoneId, data.title, data.kind)
      if (m === undefined) return
      m.title = d.sealed(data.title)
      m.kind = data.kind
      if (data.source !== undefined) m.source = d.sealed(data.source)
      m.planned = d.push(m.planned, {
        eventId: e.id,
        position: e.position,
        validTime: e.validTime,
        recordedTime: e.recordedTime,
        actor: e.actor,
        date: data.planned,
        reason: null,
      })
      return
    }
    case 'MilestoneForecastMoved': {
      const data = e.data
      const m = milestoneOf(d, e, data.projectId, data.milestoneId)
      if (m !== undefined)
        m.forecasts = d.push(m.forecasts, {
          eventId: e.id,
          position: e.position,
          validTime: e.validTime,
          recordedTime: e.recordedTime,
          actor: e.actor,
          date: data.forecast,
          reason: data.reason ?? null,
        })
      return
    }
    case 'MilestoneMet': {
      const data = e.data
      const m = milestoneOf(
        d,
        e,
        data.projectId,
        data.milestoneId,
        data.unplanned ? (data.title ?? { zh: data.milestoneId }) : undefined,
        data.kind,
      )
      if (m === undefined) return
      if (data.source !== undefined && m.source === null) m.source = d.sealed(data.source)
      m.met = d.push(m.met, {
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
      return
    }
    case 'TaskDefined': {
      const data = e.data
      const existing = d.tasks.get(data.taskId)
      d.set(d.tasks, data.taskId, {
        ...(existing === undefined ? stampOf(e) : stampOnly(existing)),
        taskId: data.taskId,
        definition: data,
        statuses: existing?.statuses ?? [],
        responsibility: existing?.responsibility ?? [responsibilityOf(e, data.departments, null)],
      })
      return
    }
    case 'TaskStatusReported': {
      const task = d.open(d.tasks, e.data.taskId)
      if (task === undefined)
        return unattached(d, e, `task ${JSON.stringify(e.data.taskId)} is not defined`)
      task.statuses = d.push(task.statuses, {
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
      const data = e.data
      const r = responsibilityOf(e, data.departments, data.reason)
      const found =
        data.subject === 'indicator'
          ? reassign(d, d.indicators, data.subjectId, r)
          : data.subject === 'task'
            ? reassign(d, d.tasks, data.subjectId, r)
            : reassign(d, d.projects, data.subjectId, r)
      if (!found)
        return unattached(d, e, `${data.subject} ${JSON.stringify(data.subjectId)} is not defined`)
      return
    }
    case 'AccessDenied':
      d.denied = d.push(d.denied, {
        eventId: e.id,
        position: e.position,
        validTime: e.validTime,
        recordedTime: e.recordedTime,
        actor: e.actor,
        command: e.data.command,
        reason: e.data.reason,
        subject: e.data.subject ?? null,
        subjectId: e.data.subjectId ?? null,
        role: e.data.role ?? null,
        department: e.data.department ?? null,
      })
      return
    default:
      return absurd(e)
  }
}

/**
 * Starts folding events onto a ledger state. `owned`: the state is the caller's to change in
 * place (replay); otherwise it is left unchanged and the result shares what the events did not
 * touch (copy on write).
 */
export function beginLedger(state: LedgerState, owned: boolean): Fold<LedgerState> {
  return new LedgerFold(state, owned)
}

/** A fold of the ledger reducer over one draft (a class: no closures per fold). */
class LedgerFold implements Fold<LedgerState> {
  readonly #draft: LedgerDraft
  constructor(state: LedgerState, owned: boolean) {
    this.#draft = new LedgerDraft(state, owned)
  }
  step(e: RecordedEvent): void {
    step(this.#draft, e)
  }
  finish(): LedgerState {
    return this.#draft.finish()
  }
}

/**
 * Applies one recorded event to a ledger state the caller owns, in place. Total: an event that
 * refers to something not defined is kept in `unattached` instead of throwing. To fold many
 * events use `replay`; to update published state use `apply`.
 */
export const evolve: Recipe<LedgerState, RecordedEvent> = (s, e) => {
  const fold = beginLedger(s as unknown as LedgerState, true)
  fold.step(e)
  fold.finish()
}
