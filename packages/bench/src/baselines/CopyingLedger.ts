/**
 * The copying floor's ledger: core's `LedgerState` in plain mutable `Map`s and arrays, with one
 * version object per event as core makes them (see baselines/CopyingFloor), and its conversion
 * to plain data for checking it.
 *
 * @module baselines/CopyingLedger
 */
import type {
  ApprovalStep,
  BaselineVersion,
  CategoryState,
  DefinitionVersion,
  DeniedAttempt,
  DepartmentState,
  MilestoneDate,
  MilestoneMetState,
  MilestoneState,
  PeriodKey,
  PlanState,
  ProjectState,
  Responsibility,
  TargetState,
  TargetVersion,
  TaskState,
  TaskStatusVersion,
  Unattached,
  ValueVersion,
} from '@progress-ledger/core'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** One period's versions and approval steps, in plain arrays. */
export interface CopyingPeriod {
  readonly period: PeriodKey
  readonly versions: ValueVersion[]
  readonly approvals: ApprovalStep[]
}

/** An indicator: targets in a `Map`, period slots in an array sorted by period. */
export interface CopyingIndicator {
  readonly indicatorId: string
  readonly definitions: DefinitionVersion[]
  readonly baselines: BaselineVersion[]
  readonly targets: Map<
    string,
    { targetId: string; role: TargetState['role']; history: TargetVersion[] }
  >
  readonly values: CopyingPeriod[]
  readonly responsibility: Responsibility[]
}

/** A plan: its categories in a `Map`. */
export type CopyingPlan = Omit<PlanState, 'categories'> & { categories: Map<string, CategoryState> }

/** A milestone with plain arrays. */
export type CopyingMilestone = Mutable<
  Omit<MilestoneState, 'planned' | 'forecasts' | 'met'> & {
    planned: MilestoneDate[]
    forecasts: MilestoneDate[]
    met: MilestoneMetState[]
  }
>

/** A project: its milestones in a `Map` and their order in an array. */
export type CopyingProject = Omit<
  ProjectState,
  'milestones' | 'milestoneOrder' | 'responsibility'
> & {
  milestones: Map<string, CopyingMilestone>
  milestoneOrder: string[]
  responsibility: Responsibility[]
}

/** A task with plain arrays. */
export type CopyingTask = Omit<TaskState, 'statuses' | 'responsibility'> & {
  statuses: TaskStatusVersion[]
  responsibility: Responsibility[]
}

/** The floor's ledger: entities by id in `Map`s. */
export interface CopyingLedger {
  position: number
  head: string
  readonly plans: Map<string, CopyingPlan>
  readonly departments: Map<string, DepartmentState>
  readonly indicators: Map<string, CopyingIndicator>
  readonly projects: Map<string, CopyingProject>
  readonly tasks: Map<string, CopyingTask>
  readonly denied: DeniedAttempt[]
  readonly unattached: Unattached[]
}

/** A fresh, empty floor ledger. */
export function emptyCopyingLedger(): CopyingLedger {
  return {
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
}

function byId<V, W>(m: ReadonlyMap<string, V>, f: (v: V) => W): Record<string, W> {
  const out: Record<string, W> = {}
  for (const [k, v] of m) out[k] = f(v)
  return out
}

/**
 * The copying floor's ledger as plain data, in the form `JSON.stringify` gives core's `LedgerState`
 * (entities and dictionaries as records by id, period slots as arrays): for checking that the
 * copying floor holds the same information. Not part of the floor's time.
 */
export function copyingLedgerJson(s: CopyingLedger): unknown {
  const same = <V>(v: V): V => v
  return {
    position: s.position,
    head: s.head,
    plans: byId(s.plans, (p) => ({ ...p, categories: byId(p.categories, same) })),
    departments: byId(s.departments, same),
    indicators: byId(s.indicators, (i) => ({ ...i, targets: byId(i.targets, same) })),
    projects: byId(s.projects, (p) => ({ ...p, milestones: byId(p.milestones, same) })),
    tasks: byId(s.tasks, same),
    denied: s.denied,
    unattached: s.unattached,
  }
}
