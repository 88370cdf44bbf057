/**
 * The persistent floor, a second baseline beside the true floor (baselines/Floor): a
 * hand-written loop that mutates plain records in place, then converts the result into exactly
 * core's `LedgerState` (entities in `EntityMap`s, period values in `ChunkList`s, through core's
 * `ledgerFromJson`) for the event types the workloads use. It measures what core's containers
 * cost over plain records when built once; the conversion is part of its time. The bench's test
 * checks that its result deep-equals core's `replay`.
 *
 * @module baselines/PersistentFloor
 */
import { periodEnd, periodKind } from '@progress-ledger/core'
import type {
  LedgerState,
  MilestoneState,
  PeriodKey,
  ProjectState,
  RecordedEvent,
  TaskState,
} from '@progress-ledger/core'
import { emptyPlain, persist } from './Persist'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }
interface MIndicator {
  indicatorId: string
  definitions: unknown[]
  baselines: unknown[]
  values: MPeriod[]
  responsibility: unknown[]
  targets: Record<string, { targetId: string; role: string; history: unknown[] }>
}
type MPeriod = { period: PeriodKey; versions: unknown[]; approvals: unknown[] }
type MProject = Mutable<ProjectState> & {
  milestones: Record<string, MMilestone>
  milestoneOrder: string[]
  responsibility: unknown[]
}
type MMilestone = Mutable<MilestoneState> & {
  planned: unknown[]
  forecasts: unknown[]
  met: unknown[]
}
type MTask = Mutable<TaskState> & { statuses: unknown[]; responsibility: unknown[] }
interface MState {
  position: number
  head: string
  plans: Record<string, { categories: Record<string, unknown> } & Record<string, unknown>>
  departments: Record<string, unknown>
  indicators: Record<string, MIndicator>
  projects: Record<string, MProject>
  tasks: Record<string, MTask>
  denied: unknown[]
  unattached: unknown[]
}

const RANK: Readonly<Record<string, string>> = {
  year: '0',
  half: '1',
  quarter: '2',
  month: '3',
  day: '4',
}
const orderKeys = new Map<string, string>()
function orderKey(p: PeriodKey): string {
  let k = orderKeys.get(p)
  if (k === undefined) {
    k = periodEnd(p) + (RANK[periodKind(p) as string] ?? '9')
    orderKeys.set(p, k)
  }
  return k
}

function slot(values: MPeriod[], period: PeriodKey): MPeriod {
  const last = values[values.length - 1]
  if (last !== undefined && last.period === period) return last
  if (last === undefined || orderKey(last.period) < orderKey(period)) {
    const fresh: MPeriod = { period, versions: [], approvals: [] }
    values.push(fresh)
    return fresh
  }
  const key = orderKey(period)
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (orderKey((values[mid] as MPeriod).period) < key) lo = mid + 1
    else hi = mid
  }
  const found = values[lo]
  if (found !== undefined && found.period === period) return found
  const fresh: MPeriod = { period, versions: [], approvals: [] }
  values.splice(lo, 0, fresh)
  return fresh
}

function unattached(s: MState, e: RecordedEvent, reason: string): void {
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

function milestone(
  s: MState,
  e: RecordedEvent,
  projectId: string,
  milestoneId: string,
  title: MilestoneState['title'] | undefined,
  kind: string | undefined,
): MMilestone | undefined {
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

/**
 * Folds events into plain records with plain mutation, then into a `LedgerState` (the persistent
 * floor).
 */
export function persistentFloorFold(events: ReadonlyArray<RecordedEvent>): LedgerState {
  const s: MState = emptyPlain<MState>()
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as RecordedEvent
    s.position = e.position
    s.head = e.hash
    const id = e.id,
      position = e.position,
      validTime = e.validTime,
      recordedTime = e.recordedTime,
      actor = e.actor
    switch (e.type) {
      case 'ValueReported': {
        const d = e.data
        const ind = s.indicators[d.indicatorId]
        if (ind === undefined) {
          unattached(s, e, `indicator ${JSON.stringify(d.indicatorId)} is not defined`)
          break
        }
        const pv = slot(ind.values, d.period)
        pv.versions.push({
          eventId: id,
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
            eventId: id,
            position,
            validTime,
            recordedTime,
            actor,
            state: 'submitted',
            reason: null,
          })
        break
      }
      case 'TargetSet': {
        const d = e.data
        const ind = s.indicators[d.indicatorId]
        if (ind === undefined) {
          unattached(s, e, `indicator ${JSON.stringify(d.indicatorId)} is not defined`)
          break
        }
        const version = {
          eventId: id,
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
        const target = ind.targets[d.targetId]
        if (target === undefined)
          ind.targets[d.targetId] = { targetId: d.targetId, role: d.role, history: [version] }
        else target.history.push(version)
        break
      }
      case 'IndicatorDefined': {
        const d = e.data
        const existing = s.indicators[d.indicatorId]
        const def = { eventId: id, position, validTime, recordedTime, actor, definition: d }
        if (existing !== undefined) {
          existing.definitions.push(def)
          break
        }
        s.indicators[d.indicatorId] = {
          indicatorId: d.indicatorId,
          definitions: [def],
          baselines: [],
          targets: {},
          values: [],
          responsibility: [
            {
              eventId: id,
              position,
              validTime,
              recordedTime,
              actor,
              departments: [...d.departments],
              reason: null,
            },
          ],
        }
        break
      }
      case 'BaselineSet': {
        const d = e.data
        const ind = s.indicators[d.indicatorId]
        if (ind === undefined) {
          unattached(s, e, `indicator ${JSON.stringify(d.indicatorId)} is not defined`)
          break
        }
        ind.baselines.push({
          eventId: id,
          position,
          validTime,
          recordedTime,
          actor,
          period: d.period,
          value: d.value,
          illustrative: d.illustrative ?? false,
        })
        break
      }
      case 'PlanAdopted': {
        const d = e.data
        const existing = s.plans[d.planId]
        s.plans[d.planId] = {
          eventId: id,
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
          categories: existing?.categories ?? {},
        }
        break
      }
      case 'CategoryDefined': {
        const d = e.data
        const plan = s.plans[d.planId]
        if (plan === undefined) {
          unattached(s, e, `plan ${JSON.stringify(d.planId)} is not adopted`)
          break
        }
        plan.categories[d.categoryId] = {
          eventId: id,
          position,
          validTime,
          recordedTime,
          actor,
          categoryId: d.categoryId,
          name: d.name,
          order: d.order,
        }
        break
      }
      case 'TaskDefined': {
        const d = e.data
        const existing = s.tasks[d.taskId]
        s.tasks[d.taskId] = {
          eventId: id,
          position,
          validTime,
          recordedTime,
          actor,
          taskId: d.taskId,
          definition: d,
          statuses: existing?.statuses ?? [],
          responsibility: existing?.responsibility ?? [
            {
              eventId: id,
              position,
              validTime,
              recordedTime,
              actor,
              departments: [...d.departments],
              reason: null,
            },
          ],
        } as MTask
        break
      }
      case 'TaskStatusReported': {
        const d = e.data
        const task = s.tasks[d.taskId]
        if (task === undefined) {
          unattached(s, e, `task ${JSON.stringify(d.taskId)} is not defined`)
          break
        }
        task.statuses.push({
          eventId: id,
          position,
          validTime,
          recordedTime,
          actor,
          status: d.status,
          progress: d.progress ?? null,
          note: d.note ?? null,
        })
        break
      }
      case 'ProjectDefined': {
        const d = e.data
        const existing = s.projects[d.projectId]
        s.projects[d.projectId] = {
          eventId: id,
          position,
          validTime,
          recordedTime,
          actor,
          projectId: d.projectId,
          definition: d,
          milestones: existing?.milestones ?? {},
          milestoneOrder: existing?.milestoneOrder ?? [],
          responsibility: existing?.responsibility ?? [
            {
              eventId: id,
              position,
              validTime,
              recordedTime,
              actor,
              departments: [...d.departments],
              reason: null,
            },
          ],
        } as MProject
        break
      }
      case 'MilestonePlanned': {
        const d = e.data
        const m = milestone(s, e, d.projectId, d.milestoneId, d.title, d.kind)
        if (m === undefined) break
        m.title = d.title
        m.kind = d.kind
        if (d.source !== undefined) m.source = d.source
        m.planned.push({
          eventId: id,
          position,
          validTime,
          recordedTime,
          actor,
          date: d.planned,
          reason: null,
        })
        break
      }
      case 'MilestoneForecastMoved': {
        const d = e.data
        const m = milestone(s, e, d.projectId, d.milestoneId, undefined, undefined)
        if (m !== undefined)
          m.forecasts.push({
            eventId: id,
            position,
            validTime,
            recordedTime,
            actor,
            date: d.forecast,
            reason: d.reason ?? null,
          })
        break
      }
      case 'MilestoneMet': {
        const d = e.data
        const m = milestone(
          s,
          e,
          d.projectId,
          d.milestoneId,
          d.unplanned ? (d.title ?? { zh: d.milestoneId }) : undefined,
          d.kind,
        )
        if (m === undefined) break
        if (d.source !== undefined && m.source === null) m.source = d.source
        m.met.push({
          eventId: id,
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
        break
      }
      default:
        throw new Error(`persistentFloorFold: event type ${e.type} is not used by the workloads`)
    }
  }
  return persist(s)
}
