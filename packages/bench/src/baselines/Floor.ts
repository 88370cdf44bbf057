/**
 * The floor of a fold: a hand-written loop over plain mutable `Map`s and arrays that holds the
 * same information as core's `LedgerState` — the same entities, every version of every
 * definition, target, value, approval, status and milestone date, period slots sorted by period,
 * the same unattached entries — and never converts it into core's structures. A version is the
 * recorded event itself (it carries the stamp and every field core copies out of it), so the
 * loop allocates only what the information needs that the events do not already hold: entities,
 * period slots and the lists that order them. No immer, no freezing, no generic dispatch, no
 * persistent containers: what a careful engineer would write for speed when nothing needs
 * sharing. `fold_vs_floor_ratio` is judged against it; the bench's test checks that
 * `floorLedgerJson` of its result (which derives core's version objects from the events, outside
 * the timed fold) equals the JSON of core's `replay`.
 *
 * @module baselines/Floor
 */
import { periodEnd, periodKind } from '@progress-ledger/core'
import type {
  LocalizedText,
  PeriodKey,
  RecordedEvent,
  RecordedOf,
  SourceRef,
  TargetRole,
} from '@progress-ledger/core'

/** One period's value events (its versions) and the events that stepped its approval. */
export interface FloorPeriod {
  readonly period: PeriodKey
  readonly versions: RecordedOf<'ValueReported'>[]
  /** `null` until the period has an approval step. */
  approvals: RecordedOf<'ValueReported'>[] | null
}

/** A target: its role and the events that set it. */
export interface FloorTarget {
  readonly targetId: string
  readonly role: TargetRole
  readonly history: RecordedOf<'TargetSet'>[]
}

/** An indicator: its events by kind, targets by id, period slots sorted by period. */
export interface FloorIndicator {
  readonly indicatorId: string
  readonly definitions: RecordedOf<'IndicatorDefined'>[]
  readonly baselines: RecordedOf<'BaselineSet'>[]
  readonly targets: Map<string, FloorTarget>
  readonly values: FloorPeriod[]
  /** The events that assigned responsibility (here: the first definition). */
  readonly responsibility: RecordedOf<'IndicatorDefined'>[]
}

/** A plan: the event that adopted it last, and its categories' events by id. */
export interface FloorPlan {
  adopted: RecordedOf<'PlanAdopted'>
  readonly categories: Map<string, RecordedOf<'CategoryDefined'>>
}

/** A task: its last definition, its status reports, who answers for it. */
export interface FloorTask {
  defined: RecordedOf<'TaskDefined'>
  readonly statuses: RecordedOf<'TaskStatusReported'>[]
  readonly responsibility: RecordedOf<'TaskDefined'>[]
}

/** A milestone: what its events leave in force (title, kind, source) and its dated events. */
export interface FloorMilestone {
  readonly milestoneId: string
  title: LocalizedText
  kind: string
  source: SourceRef | null
  readonly planned: RecordedOf<'MilestonePlanned'>[]
  readonly forecasts: RecordedOf<'MilestoneForecastMoved'>[]
  readonly met: RecordedOf<'MilestoneMet'>[]
}

/** A project: its last definition, its milestones by id and in first-recorded order. */
export interface FloorProject {
  defined: RecordedOf<'ProjectDefined'>
  readonly milestones: Map<string, FloorMilestone>
  readonly milestoneOrder: string[]
  readonly responsibility: RecordedOf<'ProjectDefined'>[]
}

/** An event that did not attach, and why. */
export interface FloorUnattached {
  readonly event: RecordedEvent
  readonly reason: string
}

/** The floor's ledger: entities by id in `Map`s. */
export interface FloorLedger {
  position: number
  head: string
  readonly plans: Map<string, FloorPlan>
  readonly departments: Map<string, RecordedOf<'DepartmentRegistered'>>
  readonly indicators: Map<string, FloorIndicator>
  readonly projects: Map<string, FloorProject>
  readonly tasks: Map<string, FloorTask>
  readonly denied: RecordedOf<'AccessDenied'>[]
  readonly unattached: FloorUnattached[]
}

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

function slot(values: FloorPeriod[], period: PeriodKey): FloorPeriod {
  const last = values[values.length - 1]
  if (last !== undefined && last.period === period) return last
  const key = orderKey(period)
  if (last === undefined || orderKey(last.period) < key) {
    const fresh: FloorPeriod = { period, versions: [], approvals: null }
    values.push(fresh)
    return fresh
  }
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (orderKey((values[mid] as FloorPeriod).period) < key) lo = mid + 1
    else hi = mid
  }
  const found = values[lo]
  if (found !== undefined && found.period === period) return found
  const fresh: FloorPeriod = { period, versions: [], approvals: null }
  values.splice(lo, 0, fresh)
  return fresh
}

function milestone(
  s: FloorLedger,
  e: RecordedEvent,
  projectId: string,
  milestoneId: string,
  title: LocalizedText | undefined,
  kind: string | undefined,
): FloorMilestone | undefined {
  const project = s.projects.get(projectId)
  if (project === undefined) {
    s.unattached.push({ event: e, reason: `project ${JSON.stringify(projectId)} is not defined` })
    return undefined
  }
  let m = project.milestones.get(milestoneId)
  if (m === undefined) {
    if (title === undefined) {
      s.unattached.push({
        event: e,
        reason: `milestone ${JSON.stringify(milestoneId)} of project ${JSON.stringify(projectId)} is not planned`,
      })
      return undefined
    }
    m = {
      milestoneId,
      title,
      kind: kind ?? 'other',
      source: null,
      planned: [],
      forecasts: [],
      met: [],
    }
    project.milestones.set(milestoneId, m)
    project.milestoneOrder.push(milestoneId)
  }
  return m
}

function indicatorOf(s: FloorLedger, e: RecordedEvent, id: string): FloorIndicator | undefined {
  const ind = s.indicators.get(id)
  if (ind === undefined)
    s.unattached.push({ event: e, reason: `indicator ${JSON.stringify(id)} is not defined` })
  return ind
}

/** Applies one event of a workload to the floor's ledger. */
function step(s: FloorLedger, e: RecordedEvent): void {
  switch (e.type) {
    case 'ValueReported': {
      const ind = indicatorOf(s, e, e.data.indicatorId)
      if (ind === undefined) return
      const pv = slot(ind.values, e.data.period)
      pv.versions.push(e)
      if (e.data.submitted === true) (pv.approvals ??= []).push(e)
      return
    }
    case 'TargetSet': {
      const ind = indicatorOf(s, e, e.data.indicatorId)
      if (ind === undefined) return
      const target = ind.targets.get(e.data.targetId)
      if (target === undefined)
        ind.targets.set(e.data.targetId, {
          targetId: e.data.targetId,
          role: e.data.role,
          history: [e],
        })
      else target.history.push(e)
      return
    }
    case 'IndicatorDefined': {
      const existing = s.indicators.get(e.data.indicatorId)
      if (existing !== undefined) existing.definitions.push(e)
      else
        s.indicators.set(e.data.indicatorId, {
          indicatorId: e.data.indicatorId,
          definitions: [e],
          baselines: [],
          targets: new Map(),
          values: [],
          responsibility: [e],
        })
      return
    }
    case 'BaselineSet': {
      indicatorOf(s, e, e.data.indicatorId)?.baselines.push(e)
      return
    }
    case 'PlanAdopted': {
      const plan = s.plans.get(e.data.planId)
      if (plan === undefined) s.plans.set(e.data.planId, { adopted: e, categories: new Map() })
      else plan.adopted = e
      return
    }
    case 'CategoryDefined': {
      const plan = s.plans.get(e.data.planId)
      if (plan === undefined)
        s.unattached.push({
          event: e,
          reason: `plan ${JSON.stringify(e.data.planId)} is not adopted`,
        })
      else plan.categories.set(e.data.categoryId, e)
      return
    }
    case 'TaskDefined': {
      const task = s.tasks.get(e.data.taskId)
      if (task === undefined)
        s.tasks.set(e.data.taskId, { defined: e, statuses: [], responsibility: [e] })
      else task.defined = e
      return
    }
    case 'TaskStatusReported': {
      const task = s.tasks.get(e.data.taskId)
      if (task === undefined)
        s.unattached.push({
          event: e,
          reason: `task ${JSON.stringify(e.data.taskId)} is not defined`,
        })
      else task.statuses.push(e)
      return
    }
    case 'ProjectDefined': {
      const project = s.projects.get(e.data.projectId)
      if (project === undefined)
        s.projects.set(e.data.projectId, {
          defined: e,
          milestones: new Map(),
          milestoneOrder: [],
          responsibility: [e],
        })
      else project.defined = e
      return
    }
    case 'MilestonePlanned': {
      const d = e.data
      const m = milestone(s, e, d.projectId, d.milestoneId, d.title, d.kind)
      if (m === undefined) return
      m.title = d.title
      m.kind = d.kind
      if (d.source !== undefined) m.source = d.source
      m.planned.push(e)
      return
    }
    case 'MilestoneForecastMoved': {
      milestone(s, e, e.data.projectId, e.data.milestoneId, undefined, undefined)?.forecasts.push(e)
      return
    }
    case 'MilestoneMet': {
      const d = e.data
      const title = d.unplanned ? (d.title ?? { zh: d.milestoneId }) : undefined
      const m = milestone(s, e, d.projectId, d.milestoneId, title, d.kind)
      if (m === undefined) return
      if (d.source !== undefined && m.source === null) m.source = d.source
      m.met.push(e)
      return
    }
    default:
      throw new Error(`floorFold: event type ${e.type} is not used by the workloads`)
  }
}

/** Folds events into a fresh {@link FloorLedger} with plain mutation (the floor). */
export function floorFold(events: ReadonlyArray<RecordedEvent>): FloorLedger {
  const s: FloorLedger = {
    position: 0,
    head: '',
    plans: new Map(),
    departments: new Map(),
    indicators: new Map(),
    projects: new Map(),
    tasks: new Map(),
    denied: [],
    unattached: [],
  }
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as RecordedEvent
    s.position = e.position
    s.head = e.hash
    step(s, e)
  }
  return s
}
