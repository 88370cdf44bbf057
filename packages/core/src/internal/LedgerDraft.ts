/**
 * A writable draft of a {@link LedgerState}, in one of two modes:
 *
 * - **owned** (replay): the state belongs to the engine; every node is changed in place, and the
 *   entity maps are edited through editors that change their own nodes in place.
 * - **published** (apply): the state is shared and frozen; a node is copied the first time the
 *   reducer asks to write it (and only then), so the result shares everything else.
 *
 * The reducer asks for write access explicitly (`own`, `list`, `open`), node by node, on the path
 * to a change, and hands new nodes it will go on writing to `adopt`. In published mode the result
 * is frozen as it is built: items appended with `push` or stored with `set` are deep-frozen then,
 * and `finish` freezes the copied and adopted nodes, so nothing old is walked again. That is what immer's proxies do implicitly; doing it by hand keeps an update to one
 * indicator of thousands in the microseconds (no proxy per access, no copy of wide records).
 *
 * @module internal/LedgerDraft
 */
import type { EntityMap, EntityMapEditor } from '../EntityMap'
import { deepFreeze } from './Freeze'
import type {
  DeniedAttempt,
  DepartmentState,
  IndicatorState,
  LedgerState,
  PlanState,
  ProjectState,
  TaskState,
  Unattached,
} from '../State'

/** `T` with its own properties writable (one level deep). */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** Copies a list. Spread, not `slice`: V8's `slice` takes a slow path on frozen arrays. */
function copyList<T>(list: ReadonlyArray<T>): T[] {
  return [...list]
}

/** See the module documentation. */
export class LedgerDraft {
  position: number
  head: string
  denied: ReadonlyArray<DeniedAttempt>
  unattached: ReadonlyArray<Unattached>
  readonly #base: LedgerState
  /** Published mode: the nodes copied in this draft (writable from then on). */
  readonly #fresh: Set<object> | undefined
  #plans: EntityMapEditor<PlanState> | undefined
  #departments: EntityMapEditor<DepartmentState> | undefined
  #indicators: EntityMapEditor<IndicatorState> | undefined
  #projects: EntityMapEditor<ProjectState> | undefined
  #tasks: EntityMapEditor<TaskState> | undefined

  constructor(base: LedgerState, owned: boolean) {
    this.#base = base
    this.#fresh = owned ? undefined : new Set()
    this.position = base.position
    this.head = base.head
    this.denied = base.denied
    this.unattached = base.unattached
  }

  get plans(): EntityMapEditor<PlanState> {
    return (this.#plans ??= this.#base.plans.edit())
  }

  get departments(): EntityMapEditor<DepartmentState> {
    return (this.#departments ??= this.#base.departments.edit())
  }

  get indicators(): EntityMapEditor<IndicatorState> {
    return (this.#indicators ??= this.#base.indicators.edit())
  }

  get projects(): EntityMapEditor<ProjectState> {
    return (this.#projects ??= this.#base.projects.edit())
  }

  get tasks(): EntityMapEditor<TaskState> {
    return (this.#tasks ??= this.#base.tasks.edit())
  }

  /** `x` made writable: itself when owned or already copied in this draft, else a shallow copy. */
  own<T extends object>(x: T): Mutable<T> {
    const fresh = this.#fresh
    if (fresh === undefined || fresh.has(x)) return x
    const copy = { ...x }
    fresh.add(copy)
    return copy
  }

  /** Marks a node the reducer created and will go on writing (published mode freezes it at the end). */
  adopt<T extends object>(x: T): T {
    this.#fresh?.add(x)
    return x
  }

  /** Stores an entity in a map; in published mode the entity is frozen first. */
  set<T>(map: EntityMapEditor<T>, id: string, value: T): void {
    map.set(id, this.#fresh === undefined ? value : deepFreeze(value))
  }

  /** `list` made writable, on the same terms as {@link own}. */
  list<T>(list: ReadonlyArray<T>): T[] {
    const fresh = this.#fresh
    if (fresh === undefined || fresh.has(list)) return list as T[]
    const copy = copyList(list)
    fresh.add(copy)
    return copy
  }

  /** `list` with `item` appended, to store back where `list` was. */
  push<T>(list: ReadonlyArray<T>, item: T): ReadonlyArray<T> {
    const out = this.list(list)
    out.push(this.#fresh === undefined ? item : deepFreeze(item))
    return out
  }

  /** The entity `id` of a map, writable and stored back in the map; undefined if absent. */
  open<T extends object>(map: EntityMapEditor<T>, id: string): Mutable<T> | undefined {
    const x = map.get(id)
    if (x === undefined) return undefined
    const w = this.own(x)
    if (w !== x) map.set(id, w as T)
    return w
  }

  /**
   * Closes the draft. Owned mode writes the result into the base object and returns it (unfrozen:
   * replay freezes once at the end); published mode returns a new, frozen state.
   */
  finish(): LedgerState {
    const b = this.#base
    const fresh = this.#fresh
    const done = <V>(e: EntityMapEditor<V> | undefined, m: EntityMap<V>): EntityMap<V> =>
      e === undefined ? m : e.done()
    const next: LedgerState = {
      position: this.position,
      head: this.head,
      plans: done(this.#plans, b.plans),
      departments: done(this.#departments, b.departments),
      indicators: done(this.#indicators, b.indicators),
      projects: done(this.#projects, b.projects),
      tasks: done(this.#tasks, b.tasks),
      denied: this.denied,
      unattached: this.unattached,
    }
    if (fresh === undefined) return Object.assign(b as Mutable<LedgerState>, next)
    // Copied and adopted lists hold only frozen items (pushed ones were frozen as they came, and
    // adopted or copied nodes are frozen here), so a shallow freeze suffices; records are few-keyed.
    // Lists first, so that freezing a record does not walk into a (long) list it holds.
    for (const x of fresh) if (Array.isArray(x)) Object.freeze(x)
    for (const x of fresh) if (!Array.isArray(x)) deepFreeze(x)
    Object.freeze(next.plans)
    Object.freeze(next.departments)
    Object.freeze(next.indicators)
    Object.freeze(next.projects)
    Object.freeze(next.tasks)
    return Object.freeze(next)
  }
}
