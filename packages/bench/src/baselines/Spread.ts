/**
 * The immutable-spread baseline: the reducer most TypeScript event-sourcing code is written as,
 * `(state, event) => ({ ...state, … })`, copying every object and array on the path to a change,
 * run in a plain loop. It builds the same `SpreadState` as core (the bench's test checks
 * deep equality), for the event types the workloads use.
 *
 * @module baselines/Spread
 */
import { comparePeriods } from '@progress-ledger/core'
import type {
  DepartmentState,
  IndicatorState,
  LedgerState,
  MilestoneState,
  PeriodValue,
  PlanState,
  ProjectState,
  RecordedEvent,
  Stamp,
  TaskState,
} from '@progress-ledger/core'
import { emptyPlain, persist } from './Persist'

/** An indicator as the spread reducer keeps it: its period values in a plain array. */
type SpreadIndicator = Omit<IndicatorState, 'values'> & {
  readonly values: ReadonlyArray<PeriodValue>
}

/** The spread reducer's state: `SpreadState` with plain records, the way such code is written. */
interface SpreadState extends Omit<
  LedgerState,
  'plans' | 'departments' | 'indicators' | 'projects' | 'tasks'
> {
  readonly plans: Readonly<Record<string, PlanState>>
  readonly departments: Readonly<Record<string, DepartmentState>>
  readonly indicators: Readonly<Record<string, SpreadIndicator>>
  readonly projects: Readonly<Record<string, ProjectState>>
  readonly tasks: Readonly<Record<string, TaskState>>
}

function stamp(e: RecordedEvent): Stamp {
  return {
    eventId: e.id,
    position: e.position,
    validTime: e.validTime,
    recordedTime: e.recordedTime,
    actor: e.actor,
  }
}

function unattached(s: SpreadState, e: RecordedEvent, reason: string): SpreadState {
  return { ...s, unattached: [...s.unattached, { ...stamp(e), type: e.type, reason }] }
}

function withIndicator(
  s: SpreadState,
  e: RecordedEvent,
  id: string,
  f: (ind: SpreadIndicator) => SpreadIndicator,
): SpreadState {
  const ind = s.indicators[id]
  if (ind === undefined) return unattached(s, e, `indicator ${JSON.stringify(id)} is not defined`)
  return { ...s, indicators: { ...s.indicators, [id]: f(ind) } }
}

function withValue(
  values: ReadonlyArray<PeriodValue>,
  period: PeriodValue['period'],
  f: (pv: PeriodValue) => PeriodValue,
): ReadonlyArray<PeriodValue> {
  const last = values[values.length - 1]
  if (last === undefined || comparePeriods(last.period, period) < 0)
    return [...values, f({ period, versions: [], approvals: [] })]
  const at = values.findIndex((pv) => comparePeriods(pv.period, period) >= 0)
  if (at === -1) return [...values, f({ period, versions: [], approvals: [] })]
  const found = values[at] as PeriodValue
  if (found.period === period) return values.map((pv, i) => (i === at ? f(pv) : pv))
  return [...values.slice(0, at), f({ period, versions: [], approvals: [] }), ...values.slice(at)]
}

function withMilestone(
  s: SpreadState,
  e: RecordedEvent,
  projectId: string,
  milestoneId: string,
  title: MilestoneState['title'] | undefined,
  kind: string | undefined,
  f: (m: MilestoneState) => MilestoneState,
): SpreadState {
  const project = s.projects[projectId]
  if (project === undefined)
    return unattached(s, e, `project ${JSON.stringify(projectId)} is not defined`)
  const existing = project.milestones[milestoneId]
  if (existing === undefined && title === undefined) {
    return unattached(
      s,
      e,
      `milestone ${JSON.stringify(milestoneId)} of project ${JSON.stringify(projectId)} is not planned`,
    )
  }
  const m = existing ?? {
    milestoneId,
    title: title as MilestoneState['title'],
    kind: kind ?? 'other',
    planned: [],
    forecasts: [],
    met: [],
    source: null,
  }
  const next: ProjectState = {
    ...project,
    milestones: { ...project.milestones, [milestoneId]: f(m) },
    milestoneOrder:
      existing === undefined ? [...project.milestoneOrder, milestoneId] : project.milestoneOrder,
  }
  return { ...s, projects: { ...s.projects, [projectId]: next } }
}

/** One event, applied by copying. */
export function spreadEvolve(s0: SpreadState, e: RecordedEvent): SpreadState {
  const s: SpreadState = { ...s0, position: e.position, head: e.hash }
  switch (e.type) {
    case 'ValueReported': {
      const d = e.data
      return withIndicator(s, e, d.indicatorId, (ind) => ({
        ...ind,
        values: withValue(ind.values, d.period, (pv) => ({
          ...pv,
          versions: [
            ...pv.versions,
            {
              ...stamp(e),
              cause: 'reported',
              value: d.value,
              status: d.status,
              reason: null,
              replaces: null,
              illustrative: d.illustrative ?? false,
              outlier: d.outlier ?? null,
              source: d.source ?? null,
            },
          ],
          approvals:
            d.submitted === true
              ? [...pv.approvals, { ...stamp(e), state: 'submitted', reason: null }]
              : pv.approvals,
        })),
      }))
    }
    case 'TargetSet': {
      const d = e.data
      return withIndicator(s, e, d.indicatorId, (ind) => {
        const version = {
          ...stamp(e),
          cause: 'set' as const,
          expression: d.expression,
          printed: d.printed ?? null,
          dueYear: d.dueYear,
          dueDate: d.dueDate ?? null,
          reason: null,
          assignedBy: null,
        }
        const target = ind.targets[d.targetId]
        return {
          ...ind,
          targets: {
            ...ind.targets,
            [d.targetId]:
              target === undefined
                ? { targetId: d.targetId, role: d.role, history: [version] }
                : { ...target, history: [...target.history, version] },
          },
        }
      })
    }
    case 'IndicatorDefined': {
      const d = e.data
      const existing = s.indicators[d.indicatorId]
      const def = { ...stamp(e), definition: d }
      const ind: SpreadIndicator =
        existing !== undefined
          ? { ...existing, definitions: [...existing.definitions, def] }
          : {
              indicatorId: d.indicatorId,
              definitions: [def],
              baselines: [],
              targets: {},
              values: [],
              responsibility: [{ ...stamp(e), departments: [...d.departments], reason: null }],
            }
      return { ...s, indicators: { ...s.indicators, [d.indicatorId]: ind } }
    }
    case 'BaselineSet': {
      const d = e.data
      return withIndicator(s, e, d.indicatorId, (ind) => ({
        ...ind,
        baselines: [
          ...ind.baselines,
          { ...stamp(e), period: d.period, value: d.value, illustrative: d.illustrative ?? false },
        ],
      }))
    }
    case 'PlanAdopted': {
      const d = e.data
      const plan = {
        ...stamp(e),
        planId: d.planId,
        name: d.name,
        adoptedOn: d.adoptedOn,
        baseYear: d.baseYear,
        startYear: d.startYear,
        endYear: d.endYear,
        issuer: d.issuer ?? null,
        categories: s.plans[d.planId]?.categories ?? {},
      }
      return { ...s, plans: { ...s.plans, [d.planId]: plan } }
    }
    case 'CategoryDefined': {
      const d = e.data
      const plan = s.plans[d.planId]
      if (plan === undefined)
        return unattached(s, e, `plan ${JSON.stringify(d.planId)} is not adopted`)
      const category = { ...stamp(e), categoryId: d.categoryId, name: d.name, order: d.order }
      return {
        ...s,
        plans: {
          ...s.plans,
          [d.planId]: { ...plan, categories: { ...plan.categories, [d.categoryId]: category } },
        },
      }
    }
    case 'TaskDefined': {
      const d = e.data
      const existing = s.tasks[d.taskId]
      const task = {
        ...stamp(e),
        taskId: d.taskId,
        definition: d,
        statuses: existing?.statuses ?? [],
        responsibility: existing?.responsibility ?? [
          { ...stamp(e), departments: [...d.departments], reason: null },
        ],
      }
      return { ...s, tasks: { ...s.tasks, [d.taskId]: task } }
    }
    case 'TaskStatusReported': {
      const d = e.data
      const task = s.tasks[d.taskId]
      if (task === undefined)
        return unattached(s, e, `task ${JSON.stringify(d.taskId)} is not defined`)
      const status = {
        ...stamp(e),
        status: d.status,
        progress: d.progress ?? null,
        note: d.note ?? null,
      }
      return {
        ...s,
        tasks: { ...s.tasks, [d.taskId]: { ...task, statuses: [...task.statuses, status] } },
      }
    }
    case 'ProjectDefined': {
      const d = e.data
      const existing = s.projects[d.projectId]
      const project: ProjectState = {
        ...stamp(e),
        projectId: d.projectId,
        definition: d,
        milestones: existing?.milestones ?? {},
        milestoneOrder: existing?.milestoneOrder ?? [],
        responsibility: existing?.responsibility ?? [
          { ...stamp(e), departments: [...d.departments], reason: null },
        ],
      }
      return { ...s, projects: { ...s.projects, [d.projectId]: project } }
    }
    case 'MilestonePlanned': {
      const d = e.data
      return withMilestone(s, e, d.projectId, d.milestoneId, d.title, d.kind, (m) => ({
        ...m,
        title: d.title,
        kind: d.kind,
        source: d.source ?? m.source,
        planned: [...m.planned, { ...stamp(e), date: d.planned, reason: null }],
      }))
    }
    case 'MilestoneForecastMoved': {
      const d = e.data
      return withMilestone(s, e, d.projectId, d.milestoneId, undefined, undefined, (m) => ({
        ...m,
        forecasts: [...m.forecasts, { ...stamp(e), date: d.forecast, reason: d.reason ?? null }],
      }))
    }
    case 'MilestoneMet': {
      const d = e.data
      return withMilestone(
        s,
        e,
        d.projectId,
        d.milestoneId,
        d.unplanned ? (d.title ?? { zh: d.milestoneId }) : undefined,
        d.kind,
        (m) => ({
          ...m,
          source: d.source !== undefined && m.source === null ? d.source : m.source,
          met: [
            ...m.met,
            {
              ...stamp(e),
              date: d.met,
              unplanned: d.unplanned,
              facts: [...d.facts],
              scope: d.scope ?? null,
              source: d.source ?? null,
            },
          ],
        }),
      )
    }
    default:
      throw new Error(`spreadEvolve: event type ${e.type} is not used by the workloads`)
  }
}

/** Folds events with the spread reducer in a plain loop. */
export function spreadFold(events: ReadonlyArray<RecordedEvent>): LedgerState {
  let s: SpreadState = emptyPlain<SpreadState>()
  for (let i = 0; i < events.length; i++) s = spreadEvolve(s, events[i] as RecordedEvent)
  return persist(s)
}
