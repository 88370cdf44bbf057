/**
 * The projected state of a ledger. It keeps the whole bitemporal history: every version of a
 * definition, target, value, milestone date and task status carries the {@link Stamp} of the
 * event that produced it, so that {@link asOf} can show the ledger as of any valid time and any
 * recorded time without replaying.
 *
 * @module State
 */
import type * as t from 'io-ts'
import type { ChunkList } from './ChunkList'
import { EntityMap } from './EntityMap'
import { compileFreeze } from './internal/ShapeFreeze'
import { compileRestamp, type Restamp } from './internal/ShapeRestamp'
import { compileRevive } from './internal/ShapeRevive'
import { describeShape, shape, type NodeShape } from './internal/Shape'
import type { DateSpec } from './DateSpec'
import type { IsoDate, Instant, Fact, LocalizedText, SourceRef } from './Scalars'
import type { PeriodKey } from './Period'
import type { TargetExpression } from './TargetExpression'
import type { IndicatorDefined } from './events/Indicator'
import type { ProjectDefined } from './events/Project'
import type { TaskDefined, TaskStatus } from './events/Task'
import type { TargetRole } from './events/Target'
import type { ValueStatus } from './events/Value'
import type { ActorRole, SubjectKind } from './events/Responsibility'

/** The event a piece of state came from: its id, position, valid and recorded time, and actor. */
export interface Stamp {
  readonly eventId: string
  readonly position: number
  readonly validTime: IsoDate
  readonly recordedTime: Instant
  readonly actor: string
}

/** Who answered for something from a valid time on. */
export interface Responsibility extends Stamp {
  readonly departments: ReadonlyArray<string>
  readonly reason: string | null
}

/** A plan and its categories. */
export interface PlanState extends Stamp {
  readonly planId: string
  readonly name: LocalizedText
  readonly adoptedOn: IsoDate
  readonly baseYear: number
  readonly startYear: number
  readonly endYear: number
  readonly issuer: string | null
  readonly categories: Readonly<Record<string, CategoryState>>
}

/** A category of a plan. */
export interface CategoryState extends Stamp {
  readonly categoryId: string
  readonly name: LocalizedText
  readonly order: number
}

/** A registered department and its other names. */
export interface DepartmentState extends Stamp {
  readonly departmentId: string
  readonly name: LocalizedText
  readonly aliases: ReadonlyArray<string>
}

/** An indicator's definition as one event stated it. */
export type IndicatorDefinition = t.TypeOf<typeof IndicatorDefined>

/** One version of an indicator's definition. */
export interface DefinitionVersion extends Stamp {
  readonly definition: IndicatorDefinition
}

/** One version of a baseline. */
export interface BaselineVersion extends Stamp {
  readonly period: PeriodKey
  readonly value: number
  readonly illustrative: boolean
}

/** How a target version came about. */
export type TargetCause = 'set' | 'revised' | 'quota'

/** One version of a target; the last visible one is in force. */
export interface TargetVersion extends Stamp {
  readonly cause: TargetCause
  readonly expression: TargetExpression
  readonly printed: string | null
  readonly dueYear: number
  readonly dueDate: IsoDate | null
  readonly reason: string | null
  readonly assignedBy: string | null
}

/** A target of an indicator (interim or final) with its full lineage. */
export interface TargetState {
  readonly targetId: string
  readonly role: TargetRole
  readonly history: ReadonlyArray<TargetVersion>
}

/** How a value version came about. */
export type ValueCause = 'reported' | 'corrected' | 'retracted'

/** One version of a period's value. A `retracted` version withdraws the figure. */
export interface ValueVersion extends Stamp {
  readonly cause: ValueCause
  readonly value: number | null
  readonly status: ValueStatus | null
  readonly reason: string | null
  /** For a correction or retraction, the event id it replaces. */
  readonly replaces: string | null
  readonly illustrative: boolean
  readonly outlier: string | null
  readonly source: SourceRef | null
}

/** Where a submitted value stands in the approval workflow. */
export interface ApprovalStep extends Stamp {
  readonly state: 'submitted' | 'approved' | 'returned'
  readonly reason: string | null
}

/** Every version of the value for one period, and its approval steps. */
export interface PeriodValue {
  readonly period: PeriodKey
  readonly versions: ReadonlyArray<ValueVersion>
  readonly approvals: ReadonlyArray<ApprovalStep>
}

/** An indicator: definitions, baselines, targets, values by period, responsibility. */
export interface IndicatorState {
  readonly indicatorId: string
  readonly definitions: ReadonlyArray<DefinitionVersion>
  readonly baselines: ReadonlyArray<BaselineVersion>
  readonly targets: Readonly<Record<string, TargetState>>
  /**
   * Sorted by period (see `comparePeriods`), whatever order values arrived in. A persistent
   * {@link ChunkList}, so that a new value shares the rest of the list.
   */
  readonly values: ChunkList<PeriodValue>
  readonly responsibility: ReadonlyArray<Responsibility>
}

/** One dated version of a milestone's planned or forecast date. */
export interface MilestoneDate extends Stamp {
  readonly date: DateSpec
  readonly reason: string | null
}

/** A milestone met, with its facts. */
export interface MilestoneMetState extends Stamp {
  readonly date: DateSpec
  readonly unplanned: boolean
  readonly facts: ReadonlyArray<Fact>
  readonly scope: string | null
  readonly source: SourceRef | null
}

/** A milestone: its planned dates, forecasts over time, and when it was met. */
export interface MilestoneState {
  readonly milestoneId: string
  readonly title: LocalizedText
  readonly kind: string
  readonly planned: ReadonlyArray<MilestoneDate>
  readonly forecasts: ReadonlyArray<MilestoneDate>
  readonly met: ReadonlyArray<MilestoneMetState>
  readonly source: SourceRef | null
}

/** A project's definition as its event stated it. */
export type ProjectDefinition = t.TypeOf<typeof ProjectDefined>

/** A project and its milestones (in the order they were first recorded). */
export interface ProjectState extends Stamp {
  readonly projectId: string
  readonly definition: ProjectDefinition
  readonly milestones: Readonly<Record<string, MilestoneState>>
  readonly milestoneOrder: ReadonlyArray<string>
  readonly responsibility: ReadonlyArray<Responsibility>
}

/** A task's definition as its event stated it. */
export type TaskDefinition = t.TypeOf<typeof TaskDefined>

/** One reported status of a task. */
export interface TaskStatusVersion extends Stamp {
  readonly status: TaskStatus
  readonly progress: number | null
  readonly note: string | null
}

/** A key task, reform or action item with its status history. */
export interface TaskState extends Stamp {
  readonly taskId: string
  readonly definition: TaskDefinition
  readonly statuses: ReadonlyArray<TaskStatusVersion>
  readonly responsibility: ReadonlyArray<Responsibility>
}

/** A refused command, kept for auditors. */
export interface DeniedAttempt extends Stamp {
  readonly command: string
  readonly reason: string
  readonly subject: SubjectKind | null
  readonly subjectId: string | null
  /** The actor's role, when the record keeps it. */
  readonly role: ActorRole | null
  /** A reporter's department, when the record keeps it. */
  readonly department: string | null
}

/** An event the reducer could not attach (e.g. a value for an undefined indicator). */
export interface Unattached extends Stamp {
  readonly type: string
  readonly reason: string
}

/**
 * The whole projected ledger. The five kinds of entity are kept in {@link EntityMap}s (persistent
 * maps iterating in id order), so that a change to one entity shares the rest.
 */
export interface LedgerState {
  /** Position of the last event applied (0 before any). */
  readonly position: number
  /** Hash of the last event applied (`''` before any). */
  readonly head: string
  readonly plans: EntityMap<PlanState>
  readonly departments: EntityMap<DepartmentState>
  readonly indicators: EntityMap<IndicatorState>
  readonly projects: EntityMap<ProjectState>
  readonly tasks: EntityMap<TaskState>
  readonly denied: ReadonlyArray<DeniedAttempt>
  readonly unattached: ReadonlyArray<Unattached>
}

// ─── The declaration ────────────────────────────────────────────────────────────────────────
// Every node of the state once more, as data: what kind each field is (see internal/Shape). The
// freeze, the as-of view, the JSON revival and the checkpoint fingerprint are derived from it;
// the compiler checks that it describes every field of the types above.

const stamp = {
  eventId: shape.scalar,
  position: shape.scalar,
  validTime: shape.scalar,
  recordedTime: shape.scalar,
  actor: shape.scalar,
} as const

/** A node that is a stamped version: visible when its stamp is. */
function version<T extends Stamp>(
  name: string,
  fields: Omit<NodeShape<T>['fields'], keyof Stamp>,
): NodeShape<T> {
  return shape.node<T>(name, { kind: 'stamp' }, { ...stamp, ...fields } as NodeShape<T>['fields'])
}

const responsibility = version<Responsibility>('Responsibility', {
  departments: shape.list,
  reason: shape.scalar,
})

const plan = version<PlanState>('Plan', {
  planId: shape.scalar,
  name: shape.data,
  adoptedOn: shape.scalar,
  baseYear: shape.scalar,
  startYear: shape.scalar,
  endYear: shape.scalar,
  issuer: shape.scalar,
  categories: shape.dict(
    version<CategoryState>('Category', {
      categoryId: shape.scalar,
      name: shape.data,
      order: shape.scalar,
    }),
  ),
})

const department = version<DepartmentState>('Department', {
  departmentId: shape.scalar,
  name: shape.data,
  aliases: shape.list,
})

const target = shape.node<TargetState>(
  'Target',
  { kind: 'any', of: ['history'] },
  {
    targetId: shape.scalar,
    role: shape.scalar,
    history: shape.versions(
      version<TargetVersion>('TargetVersion', {
        cause: shape.scalar,
        expression: shape.data,
        printed: shape.scalar,
        dueYear: shape.scalar,
        dueDate: shape.scalar,
        reason: shape.scalar,
        assignedBy: shape.scalar,
      }),
    ),
  },
)

const periodValue = shape.node<PeriodValue>(
  'PeriodValue',
  { kind: 'any', of: ['versions'] },
  {
    period: shape.scalar,
    versions: shape.versions(
      version<ValueVersion>('ValueVersion', {
        cause: shape.scalar,
        value: shape.scalar,
        status: shape.scalar,
        reason: shape.scalar,
        replaces: shape.scalar,
        illustrative: shape.scalar,
        outlier: shape.scalar,
        source: shape.data,
      }),
    ),
    approvals: shape.versions(
      version<ApprovalStep>('ApprovalStep', { state: shape.scalar, reason: shape.scalar }),
    ),
  },
)

const indicator = shape.node<IndicatorState>(
  'Indicator',
  { kind: 'any', of: ['definitions'] },
  {
    indicatorId: shape.scalar,
    definitions: shape.versions(
      version<DefinitionVersion>('DefinitionVersion', { definition: shape.data }),
    ),
    baselines: shape.versions(
      version<BaselineVersion>('BaselineVersion', {
        period: shape.scalar,
        value: shape.scalar,
        illustrative: shape.scalar,
      }),
    ),
    targets: shape.dict(target),
    values: shape.periods(periodValue),
    responsibility: shape.versions(responsibility),
  },
)

const milestoneDate = version<MilestoneDate>('MilestoneDate', {
  date: shape.data,
  reason: shape.scalar,
})

const milestone = shape.node<MilestoneState>(
  'Milestone',
  { kind: 'any', of: ['planned', 'met'] },
  {
    milestoneId: shape.scalar,
    title: shape.data,
    kind: shape.scalar,
    planned: shape.versions(milestoneDate),
    forecasts: shape.versions(milestoneDate),
    met: shape.versions(
      version<MilestoneMetState>('MilestoneMet', {
        date: shape.data,
        unplanned: shape.scalar,
        facts: shape.list,
        scope: shape.scalar,
        source: shape.data,
      }),
    ),
    source: shape.data,
  },
)

const project = version<ProjectState>('Project', {
  projectId: shape.scalar,
  definition: shape.data,
  milestones: shape.dict(milestone),
  milestoneOrder: shape.order('milestones'),
  responsibility: shape.versions(responsibility),
})

const task = version<TaskState>('Task', {
  taskId: shape.scalar,
  definition: shape.data,
  statuses: shape.versions(
    version<TaskStatusVersion>('TaskStatus', {
      status: shape.scalar,
      progress: shape.scalar,
      note: shape.scalar,
    }),
  ),
  responsibility: shape.versions(responsibility),
})

/** The shape of the whole ledger state: the one declaration everything that walks it is derived from. */
export const ledgerShape: NodeShape<LedgerState> = shape.node<LedgerState>(
  'Ledger',
  { kind: 'always' },
  {
    position: shape.scalar,
    head: shape.scalar,
    plans: shape.entities(plan),
    departments: shape.entities(department),
    indicators: shape.entities(indicator),
    projects: shape.entities(project),
    tasks: shape.entities(task),
    denied: shape.versions(
      version<DeniedAttempt>('DeniedAttempt', {
        command: shape.scalar,
        reason: shape.scalar,
        subject: shape.scalar,
        subjectId: shape.scalar,
        role: shape.scalar,
        department: shape.scalar,
      }),
    ),
    unattached: shape.versions(
      version<Unattached>('Unattached', { type: shape.scalar, reason: shape.scalar }),
    ),
  },
)

/**
 * A fresh, empty ledger state.
 *
 * @example
 * import { emptyLedger } from '@progress-ledger/core'
 * emptyLedger().position // 0
 */
export function emptyLedger(): LedgerState {
  return {
    position: 0,
    head: '',
    plans: EntityMap.empty(),
    departments: EntityMap.empty(),
    indicators: EntityMap.empty(),
    projects: EntityMap.empty(),
    tasks: EntityMap.empty(),
    denied: [],
    unattached: [],
  }
}

const reviveLedger = compileRevive(ledgerShape, 'ledger state')

/**
 * A ledger state rebuilt from plain data: its JSON (as `JSON.stringify` writes it, e.g. in a
 * snapshot), or plain records by id with period values in arrays. The entity maps come back as
 * {@link EntityMap}s and period lists as {@link ChunkList}s; a container of the wrong kind is an
 * error naming its path. The result is owned by the caller (not frozen).
 *
 * @example
 * import { emptyLedger, ledgerFromJson } from '@progress-ledger/core'
 * ledgerFromJson(JSON.parse(JSON.stringify(emptyLedger()))).indicators.size // 0
 */
export function ledgerFromJson(json: unknown): LedgerState {
  const state = reviveLedger(json) as LedgerState
  if (typeof state.position !== 'number' || typeof state.head !== 'string')
    throw new Error(
      `ledger state: expected a number position and a string head, got ${JSON.stringify([state.position, state.head])}`,
    )
  return state
}

const freezeByShape = compileFreeze(ledgerShape) as (s: unknown) => void

/** Deep-freezes a ledger state in place, by its shape, and returns it. */
export function freezeLedger(s: LedgerState): LedgerState {
  freezeByShape(s)
  return s
}

const restampByShape = compileRestamp(ledgerShape) as (s: unknown, r: Restamp) => void

/**
 * Settles a state the caller owns (unfrozen) that was folded from provisional events — events
 * decided and applied before the store recorded them: every stamp after position `after` gets the
 * recorded time the store gave them, and the head becomes the hash of the last one. The result
 * is the state a replay of the stored events gives (and can be checkpointed as such), provided
 * the events were stored, in that order, at the positions they were applied at, in one batch
 * with one recorded time.
 *
 * @example
 * import { emptyLedger, settleProvisional } from '@progress-ledger/core'
 * const s = emptyLedger()
 * settleProvisional(s, { after: 0, recordedTime: '2022-03-01T09:00:00.000Z', head: '' }).position // 0
 */
export function settleProvisional(
  state: LedgerState,
  settled: { readonly after: number; readonly recordedTime: string; readonly head: string },
): LedgerState {
  restampByShape(state, { after: settled.after, recordedTime: settled.recordedTime })
  ;(state as { head: string }).head = settled.head
  return state
}

/** A canonical description of the state's shape: it changes whenever the shape does. */
export const ledgerShapeText: string = describeShape(ledgerShape)
