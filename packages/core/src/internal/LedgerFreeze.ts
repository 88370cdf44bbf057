/**
 * Freezing a replayed {@link LedgerState} by its shape. The generic {@link deepFreeze} asks of
 * every object what it is (frozen? array? plain? a persistent container?) and enumerates its keys;
 * here the shape is known, so each node is frozen and only the fields that hold objects are
 * visited. Values that come from event data (names, definitions, expressions, dates, sources)
 * are handed to `deepFreeze`, which returns at once when the event was frozen at append. A
 * subtree already frozen is skipped, as `deepFreeze` skips it. What it must reach is stated by
 * testkit's `publishedFrozenLaw`: everything reachable from a replayed state is frozen.
 *
 * @module internal/LedgerFreeze
 */
import type { ChunkList } from '../ChunkList'
import type { EntityMap } from '../EntityMap'
import type {
  CategoryState,
  DefinitionVersion,
  DepartmentState,
  IndicatorState,
  LedgerState,
  MilestoneDate,
  MilestoneMetState,
  MilestoneState,
  PeriodValue,
  PlanState,
  ProjectState,
  Responsibility,
  TargetState,
  TargetVersion,
  TaskState,
  ValueVersion,
} from '../State'
import { deepFreeze } from './Freeze'

const { freeze, isFrozen } = Object

/** Freezes a list and each item through `item` (a list already frozen is skipped). */
function list<T>(xs: ReadonlyArray<T>, item: (x: T) => void): void {
  if (isFrozen(xs)) return
  freeze(xs)
  for (let i = 0; i < xs.length; i++) item(xs[i] as T)
}

/** Freezes a record and each value through `value`. */
function record<T>(r: Readonly<Record<string, T>>, value: (x: T) => void): void {
  if (isFrozen(r)) return
  freeze(r)
  for (const key in r) value(r[key] as T)
}

/** Freezes an entity map and each entity through `entity`. */
function entities<T>(m: EntityMap<T>, entity: (x: T) => void): void {
  if (isFrozen(m)) return
  freeze(m)
  m.each(entity)
}

/** A node whose fields are all primitives. */
function flat(x: object): void {
  freeze(x)
}

function responsibility(r: Responsibility): void {
  if (isFrozen(r)) return
  freeze(r)
  deepFreeze(r.departments)
}

function category(c: CategoryState): void {
  if (isFrozen(c)) return
  freeze(c)
  deepFreeze(c.name)
}

function plan(p: PlanState): void {
  if (isFrozen(p)) return
  freeze(p)
  deepFreeze(p.name)
  record(p.categories, category)
}

function department(d: DepartmentState): void {
  if (isFrozen(d)) return
  freeze(d)
  deepFreeze(d.name)
  deepFreeze(d.aliases)
}

function definition(v: DefinitionVersion): void {
  if (isFrozen(v)) return
  freeze(v)
  deepFreeze(v.definition)
}

function targetVersion(v: TargetVersion): void {
  if (isFrozen(v)) return
  freeze(v)
  deepFreeze(v.expression)
}

function target(t: TargetState): void {
  if (isFrozen(t)) return
  freeze(t)
  list(t.history, targetVersion)
}

function valueVersion(v: ValueVersion): void {
  if (isFrozen(v)) return
  freeze(v)
  if (v.source !== null) deepFreeze(v.source)
}

function periodValue(pv: PeriodValue): void {
  if (isFrozen(pv)) return
  freeze(pv)
  list(pv.versions, valueVersion)
  list(pv.approvals, flat)
}

function periodValues(values: ChunkList<PeriodValue>): void {
  if (isFrozen(values)) return
  freeze(values)
  values.forEach(periodValue)
}

function indicator(i: IndicatorState): void {
  if (isFrozen(i)) return
  freeze(i)
  list(i.definitions, definition)
  list(i.baselines, flat)
  record(i.targets, target)
  periodValues(i.values)
  list(i.responsibility, responsibility)
}

function milestoneDate(d: MilestoneDate): void {
  if (isFrozen(d)) return
  freeze(d)
  deepFreeze(d.date)
}

function milestoneMet(m: MilestoneMetState): void {
  if (isFrozen(m)) return
  freeze(m)
  deepFreeze(m.date)
  deepFreeze(m.facts)
  if (m.source !== null) deepFreeze(m.source)
}

function milestone(m: MilestoneState): void {
  if (isFrozen(m)) return
  freeze(m)
  deepFreeze(m.title)
  if (m.source !== null) deepFreeze(m.source)
  list(m.planned, milestoneDate)
  list(m.forecasts, milestoneDate)
  list(m.met, milestoneMet)
}

function project(p: ProjectState): void {
  if (isFrozen(p)) return
  freeze(p)
  deepFreeze(p.definition)
  record(p.milestones, milestone)
  freeze(p.milestoneOrder)
  list(p.responsibility, responsibility)
}

function task(t: TaskState): void {
  if (isFrozen(t)) return
  freeze(t)
  deepFreeze(t.definition)
  list(t.statuses, flat)
  list(t.responsibility, responsibility)
}

/** Deep-freezes a ledger state in place and returns it (see the module documentation). */
export function freezeLedger(s: LedgerState): LedgerState {
  if (isFrozen(s)) return s
  freeze(s)
  entities(s.plans, plan)
  entities(s.departments, department)
  entities(s.indicators, indicator)
  entities(s.projects, project)
  entities(s.tasks, task)
  list(s.denied, flat)
  list(s.unattached, flat)
  return s
}
