/**
 * The copying floor: a hand-written loop over plain mutable `Map`s and arrays that builds, like
 * core, one version object per event (the event's stamp and fields copied), period slots sorted
 * by period, the same `unattached` entries, and never converts them into core's structures. It
 * sits between the floor, which keeps the events themselves, and core: its ratio separates what
 * making a version object per event costs from what core's persistent containers, draft and
 * freeze cost. The bench's test checks that `copyingLedgerJson` of its result equals the JSON of
 * core's `replay`.
 *
 * @module baselines/CopyingFloor
 */
import { periodEnd, periodKind } from '@progress-ledger/core'
import type {
  DefinitionVersion,
  MilestoneState,
  PeriodKey,
  RecordedEvent,
  Responsibility,
  Stamp,
  TargetVersion,
} from '@progress-ledger/core'
import {
  emptyCopyingLedger,
  type CopyingLedger,
  type CopyingMilestone,
  type CopyingPeriod,
} from './CopyingLedger'

const RANK: Readonly<Record<string, string>> = {
  year: '0',
  half: '1',
  quarter: '2',
  month: '3',
  day: '4',
}
const orderKeys = new Map<string, string>()
/** A string ordered as core orders periods: the period's last day, then longer periods first. */
function orderKey(p: PeriodKey): string {
  let k = orderKeys.get(p)
  if (k === undefined) {
    k = periodEnd(p) + (RANK[periodKind(p) as string] ?? '9')
    orderKeys.set(p, k)
  }
  return k
}

function slot(values: CopyingPeriod[], period: PeriodKey): CopyingPeriod {
  const last = values[values.length - 1]
  if (last !== undefined && last.period === period) return last
  const key = orderKey(period)
  if (last === undefined || orderKey(last.period) < key) {
    const fresh: CopyingPeriod = { period, versions: [], approvals: [] }
    values.push(fresh)
    return fresh
  }
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (orderKey((values[mid] as CopyingPeriod).period) < key) lo = mid + 1
    else hi = mid
  }
  const found = values[lo]
  if (found !== undefined && found.period === period) return found
  const fresh: CopyingPeriod = { period, versions: [], approvals: [] }
  values.splice(lo, 0, fresh)
  return fresh
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

function unattached(s: CopyingLedger, e: RecordedEvent, reason: string): void {
  s.unattached.push({ ...stampOf(e), type: e.type, reason })
}

function responsible(e: RecordedEvent, departments: ReadonlyArray<string>): Responsibility {
  return {
    ...stampOf(e),
    departments: [...departments],
    reason: null,
  }
}

function milestone(
  s: CopyingLedger,
  e: RecordedEvent,
  projectId: string,
  milestoneId: string,
  title: MilestoneState['title'] | undefined,
  kind: string | undefined,
): CopyingMilestone | undefined {
  const project = s.projects.get(projectId)
  if (project === undefined) {
    unattached(s, e, `project ${JSON.stringify(projectId)} is not defined`)
    return undefined
  }
  let m = project.milestones.get(milestoneId)
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
    project.milestones.set(milestoneId, m)
    project.milestoneOrder.push(milestoneId)
  }
  return m
}

/** Applies one event of a workload to the floor's ledger. */
function step(s: CopyingLedger, e: RecordedEvent): void {
  // Every version carries the event's stamp, written out field by field (no spread per version).
  const { id: eventId, position, validTime, recordedTime, actor } = e
  switch (e.type) {
    case 'ValueReported': {
      const d = e.data
      const ind = s.indicators.get(d.indicatorId)
      if (ind === undefined) {
        unattached(s, e, `indicator ${JSON.stringify(d.indicatorId)} is not defined`)
        return
      }
      const pv = slot(ind.values, d.period)
      pv.versions.push({
        eventId,
        position,
        validTime,
        recordedTime,
        actor,
        cause: 'reported',
        value: d.value,
        status: d.status,
        reason: null,
        replaces: null,
        illustrative: d.illustrative ?? false,
        outlier: d.outlier ?? null,
        source: d.source ?? null,
      })
      if (d.submitted === true)
        pv.approvals.push({
          eventId,
          position,
          validTime,
          recordedTime,
          actor,
          state: 'submitted',
          reason: null,
        })
      return
    }
    case 'TargetSet': {
      const d = e.data
      const ind = s.indicators.get(d.indicatorId)
      if (ind === undefined) {
        unattached(s, e, `indicator ${JSON.stringify(d.indicatorId)} is not defined`)
        return
      }
      const version: TargetVersion = {
        eventId,
        position,
        validTime,
        recordedTime,
        actor,
        cause: 'set',
        expression: d.expression,
        printed: d.printed ?? null,
        dueYear: d.dueYear,
        dueDate: d.dueDate ?? null,
        reason: null,
        assignedBy: null,
      }
      const target = ind.targets.get(d.targetId)
      if (target === undefined)
        ind.targets.set(d.targetId, { targetId: d.targetId, role: d.role, history: [version] })
      else target.history.push(version)
      return
    }
    case 'IndicatorDefined': {
      const d = e.data
      const existing = s.indicators.get(d.indicatorId)
      const def: DefinitionVersion = {
        eventId,
        position,
        validTime,
        recordedTime,
        actor,
        definition: d,
      }
      if (existing !== undefined) existing.definitions.push(def)
      else
        s.indicators.set(d.indicatorId, {
          indicatorId: d.indicatorId,
          definitions: [def],
          baselines: [],
          targets: new Map(),
          values: [],
          responsibility: [responsible(e, d.departments)],
        })
      return
    }
    case 'BaselineSet': {
      const d = e.data
      const ind = s.indicators.get(d.indicatorId)
      if (ind === undefined) {
        unattached(s, e, `indicator ${JSON.stringify(d.indicatorId)} is not defined`)
        return
      }
      ind.baselines.push({
        eventId,
        position,
        validTime,
        recordedTime,
        actor,
        period: d.period,
        value: d.value,
        illustrative: d.illustrative ?? false,
      })
      return
    }
    case 'PlanAdopted': {
      const d = e.data
      s.plans.set(d.planId, {
        eventId,
        position,
        validTime,
        recordedTime,
        actor,
        planId: d.planId,
        name: d.name,
        adoptedOn: d.adoptedOn,
        baseYear: d.baseYear,
        startYear: d.startYear,
        endYear: d.endYear,
        issuer: d.issuer ?? null,
        categories: s.plans.get(d.planId)?.categories ?? new Map(),
      })
      return
    }
    case 'CategoryDefined': {
      const d = e.data
      const plan = s.plans.get(d.planId)
      if (plan === undefined) unattached(s, e, `plan ${JSON.stringify(d.planId)} is not adopted`)
      else
        plan.categories.set(d.categoryId, {
          eventId,
          position,
          validTime,
          recordedTime,
          actor,
          categoryId: d.categoryId,
          name: d.name,
          order: d.order,
        })
      return
    }
    case 'TaskDefined': {
      const d = e.data
      const existing = s.tasks.get(d.taskId)
      s.tasks.set(d.taskId, {
        eventId,
        position,
        validTime,
        recordedTime,
        actor,
        taskId: d.taskId,
        definition: d,
        statuses: existing?.statuses ?? [],
        responsibility: existing?.responsibility ?? [responsible(e, d.departments)],
      })
      return
    }
    case 'TaskStatusReported': {
      const d = e.data
      const task = s.tasks.get(d.taskId)
      if (task === undefined) unattached(s, e, `task ${JSON.stringify(d.taskId)} is not defined`)
      else
        task.statuses.push({
          eventId,
          position,
          validTime,
          recordedTime,
          actor,
          status: d.status,
          progress: d.progress ?? null,
          note: d.note ?? null,
        })
      return
    }
    case 'ProjectDefined': {
      const d = e.data
      const existing = s.projects.get(d.projectId)
      s.projects.set(d.projectId, {
        eventId,
        position,
        validTime,
        recordedTime,
        actor,
        projectId: d.projectId,
        definition: d,
        milestones: existing?.milestones ?? new Map(),
        milestoneOrder: existing?.milestoneOrder ?? [],
        responsibility: existing?.responsibility ?? [responsible(e, d.departments)],
      })
      return
    }
    case 'MilestonePlanned': {
      const d = e.data
      const m = milestone(s, e, d.projectId, d.milestoneId, d.title, d.kind)
      if (m === undefined) return
      m.title = d.title
      m.kind = d.kind
      if (d.source !== undefined) m.source = d.source
      m.planned.push({
        eventId,
        position,
        validTime,
        recordedTime,
        actor,
        date: d.planned,
        reason: null,
      })
      return
    }
    case 'MilestoneForecastMoved': {
      const d = e.data
      const m = milestone(s, e, d.projectId, d.milestoneId, undefined, undefined)
      if (m !== undefined)
        m.forecasts.push({
          eventId,
          position,
          validTime,
          recordedTime,
          actor,
          date: d.forecast,
          reason: d.reason ?? null,
        })
      return
    }
    case 'MilestoneMet': {
      const d = e.data
      const title = d.unplanned ? (d.title ?? { zh: d.milestoneId }) : undefined
      const m = milestone(s, e, d.projectId, d.milestoneId, title, d.kind)
      if (m === undefined) return
      if (d.source !== undefined && m.source === null) m.source = d.source
      m.met.push({
        eventId,
        position,
        validTime,
        recordedTime,
        actor,
        date: d.met,
        unplanned: d.unplanned,
        facts: [...d.facts],
        scope: d.scope ?? null,
        source: d.source ?? null,
      })
      return
    }
    default:
      throw new Error(`copyingFloorFold: event type ${e.type} is not used by the workloads`)
  }
}

/** Folds events into a fresh {@link CopyingLedger} with plain mutation (the copying floor). */
export function copyingFloorFold(events: ReadonlyArray<RecordedEvent>): CopyingLedger {
  const s = emptyCopyingLedger()
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as RecordedEvent
    s.position = e.position
    s.head = e.hash
    step(s, e)
  }
  return s
}
