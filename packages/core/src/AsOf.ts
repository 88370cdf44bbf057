/**
 * Bitemporal views: the ledger as of valid time V ("the world as of V") as known at recorded
 * time R ("what we knew at R"), either or both. Because the state keeps every version with its
 * stamp, a view is a filter over the state; no replay is needed. Unchanged parts are shared.
 *
 * @module AsOf
 */
import type { EntityMap, EntityMapEditor } from './EntityMap'
import { type Bounds, dayNumber, instantMs, visibleSpan } from './internal/VisibilityIndex'
import { isInstant, isIsoDate } from './Scalars'
import type {
  IndicatorState,
  LedgerState,
  MilestoneState,
  PeriodValue,
  PlanState,
  ProjectState,
  Stamp,
  TargetState,
  TaskState,
} from './State'

/** A bitemporal cut. Omitted parts do not filter. */
export interface Cut {
  /** Only facts that apply on or before this day, `YYYY-MM-DD` (the world as of V). */
  readonly validTime?: string
  /** Only facts recorded at or before this instant, `YYYY-MM-DDTHH:mm:ss.sssZ` (as known at R). */
  readonly recordedTime?: string
  /** Only events at or before this global position (an alternative to `recordedTime`). */
  readonly position?: number
}

type Visible = (s: Stamp) => boolean

function visibility(cut: Cut): Visible {
  if (cut.validTime !== undefined && !isIsoDate(cut.validTime))
    throw new Error(`validTime must be a date YYYY-MM-DD, got ${JSON.stringify(cut.validTime)}`)
  if (cut.recordedTime !== undefined && !isInstant(cut.recordedTime)) {
    throw new Error(
      `recordedTime must be an instant YYYY-MM-DDTHH:mm:ss.sssZ, got ${JSON.stringify(cut.recordedTime)}`,
    )
  }
  if (cut.position !== undefined && (!Number.isInteger(cut.position) || cut.position < 0))
    throw new Error(`position must be a whole number >= 0, got ${String(cut.position)}`)
  const v = cut.validTime
  const r = cut.recordedTime
  const p = cut.position
  // One comparison for a cut on one axis (the common case): this runs for every version viewed.
  if (p === undefined && v === undefined && r !== undefined) return (s) => s.recordedTime <= r
  if (p === undefined && r === undefined && v !== undefined) return (s) => s.validTime <= v
  if (r === undefined && v === undefined && p !== undefined) return (s) => s.position <= p
  return (s) =>
    (p === undefined || s.position <= p) &&
    (r === undefined || s.recordedTime <= r) &&
    (v === undefined || s.validTime <= v)
}

/** The visible items of a list, or the same list when all are visible. */
function keep<T extends Stamp>(items: ReadonlyArray<T>, visible: Visible): ReadonlyArray<T> {
  for (let i = 0; i < items.length; i++) {
    if (visible(items[i] as T)) continue
    // The first invisible item: copy the visible ones before it and filter the rest, in one
    // array (no `filter` on the frozen list: a slow path in V8).
    const out: T[] = []
    for (let j = 0; j < i; j++) out.push(items[j] as T)
    for (let j = i + 1; j < items.length; j++) if (visible(items[j] as T)) out.push(items[j] as T)
    return out
  }
  return items
}

function keepRecord<T>(
  record: Readonly<Record<string, T>>,
  view: (x: T, visible: Visible) => T | undefined,
  visible: Visible,
): Readonly<Record<string, T>> {
  let out: Record<string, T> | undefined
  // for-in allocates no key list; ledger records have plain prototypes, so it visits own keys.
  for (const key in record) {
    const before = record[key] as T
    const after = view(before, visible)
    if (after === before && out === undefined) continue
    if (out === undefined) {
      out = {}
      for (const k in record) {
        if (k === key) break
        out[k] = record[k] as T
      }
    }
    if (after !== undefined) out[key] = after
  }
  return out ?? record
}

function viewTarget(tg: TargetState, visible: Visible): TargetState | undefined {
  const history = keep(tg.history, visible)
  if (history.length === 0) return undefined
  return history === tg.history ? tg : { targetId: tg.targetId, role: tg.role, history }
}

function viewCategory<T extends Stamp>(c: T, visible: Visible): T | undefined {
  return visible(c) ? c : undefined
}

/** The entities of a map through `view` (undefined drops one); the same map when nothing changed. */
function keepMap<T>(map: EntityMap<T>, view: (x: T) => T | undefined): EntityMap<T> {
  let editor: EntityMapEditor<T> | undefined
  map.each((before, key) => {
    const after = view(before)
    if (after === before) return
    editor ??= map.edit()
    if (after === undefined) editor.delete(key)
    else editor.set(key, after)
  })
  return editor === undefined ? map : editor.done()
}

function viewIndicator(
  ind: IndicatorState,
  visible: Visible,
  cut: Bounds,
): IndicatorState | undefined {
  const definitions = keep(ind.definitions, visible)
  if (definitions.length === 0) return undefined
  const targets = keepRecord(ind.targets, viewTarget, visible)
  // A frozen list is indexed: its fully visible prefix is kept (sharing its chunks), its
  // invisible suffix dropped, and only the items between are inspected.
  const all = ind.values
  const span = visibleSpan(all, cut)
  const from = span === undefined ? 0 : span[0]
  const to = span === undefined ? all.length : span[1]
  let kept: number | undefined = from < all.length ? from : undefined
  const tail: PeriodValue[] = []
  for (let i = from; i < to; i++) {
    const pv = all.get(i) as PeriodValue
    const versions = keep(pv.versions, visible)
    const approvals = keep(pv.approvals, visible)
    const same = versions === pv.versions && approvals === pv.approvals
    if (same && kept === undefined) continue
    kept ??= i
    if (versions.length > 0) tail.push(same ? pv : { period: pv.period, versions, approvals })
  }
  const values = kept === undefined ? undefined : all.prefix(kept).concat(tail)
  const baselines = keep(ind.baselines, visible)
  const responsibility = keep(ind.responsibility, visible)
  if (
    definitions === ind.definitions &&
    targets === ind.targets &&
    values === undefined &&
    baselines === ind.baselines &&
    responsibility === ind.responsibility
  ) {
    return ind
  }
  return {
    indicatorId: ind.indicatorId,
    definitions,
    baselines,
    targets,
    values: values ?? ind.values,
    responsibility,
  }
}

function viewMilestone(m: MilestoneState, visible: Visible): MilestoneState | undefined {
  const planned = keep(m.planned, visible)
  const forecasts = keep(m.forecasts, visible)
  const met = keep(m.met, visible)
  if (planned.length === 0 && met.length === 0) return undefined
  if (planned === m.planned && forecasts === m.forecasts && met === m.met) return m
  return { ...m, planned, forecasts, met }
}

function viewProject(p: ProjectState, visible: Visible): ProjectState | undefined {
  if (!visible(p)) return undefined
  const milestones = keepRecord(p.milestones, viewMilestone, visible)
  const responsibility = keep(p.responsibility, visible)
  if (milestones === p.milestones && responsibility === p.responsibility) return p
  return {
    ...p,
    milestones,
    milestoneOrder: p.milestoneOrder.filter((id) => milestones[id] !== undefined),
    responsibility,
  }
}

function viewTask(task: TaskState, visible: Visible): TaskState | undefined {
  if (!visible(task)) return undefined
  const statuses = keep(task.statuses, visible)
  const responsibility = keep(task.responsibility, visible)
  return statuses === task.statuses && responsibility === task.responsibility
    ? task
    : { ...task, statuses, responsibility }
}

function viewPlan(plan: PlanState, visible: Visible): PlanState | undefined {
  if (!visible(plan)) return undefined
  const categories = keepRecord(plan.categories, viewCategory, visible)
  return categories === plan.categories ? plan : { ...plan, categories }
}

/**
 * The ledger as of a bitemporal cut. `asOf(state, {})` returns `state` itself.
 *
 * @example
 * import { asOf, emptyLedger } from '@progress-ledger/core'
 * const view = asOf(emptyLedger(), { validTime: '2021-12-31', recordedTime: '2022-03-01T00:00:00.000Z' })
 * view.indicators.size // 0
 */
export function asOf(state: LedgerState, cut: Cut): LedgerState {
  if (cut.validTime === undefined && cut.recordedTime === undefined && cut.position === undefined)
    return state
  const visible = visibility(cut)
  const bounds: Bounds = {
    position: cut.position,
    recordedTime: cut.recordedTime === undefined ? undefined : instantMs(cut.recordedTime),
    validTime: cut.validTime === undefined ? undefined : dayNumber(cut.validTime),
  }
  return {
    position: cut.position === undefined ? state.position : Math.min(cut.position, state.position),
    head: state.head,
    plans: keepMap(state.plans, (p) => viewPlan(p, visible)),
    departments: keepMap(state.departments, (d) => (visible(d) ? d : undefined)),
    indicators: keepMap(state.indicators, (i) => viewIndicator(i, visible, bounds)),
    projects: keepMap(state.projects, (p) => viewProject(p, visible)),
    tasks: keepMap(state.tasks, (task) => viewTask(task, visible)),
    denied: keep(state.denied, visible),
    unattached: keep(state.unattached, visible),
  }
}
