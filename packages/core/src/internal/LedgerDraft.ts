/**
 * A writable draft of a {@link LedgerState}, in one of two modes:
 *
 * - **owned** (replay): the state belongs to the engine; every node is changed in place, and the
 *   entity maps are edited through editors that change their own nodes in place.
 * - **published** (apply): the state is shared and frozen; a node is copied the first time the
 *   reducer asks to write it (and only then), so the result shares everything else.
 *
 * The reducer asks for write access explicitly (`open`, `own`, `push`, and `owner` for period
 * lists), node by node, on the path to a change, and hands new nodes it will go on writing to
 * `adopt`. In published mode the result is frozen as it is built: items appended with `push` or
 * stored with `set` or `sealed` are deep-frozen then, and `finish` freezes the copied and adopted
 * nodes, so nothing old is walked again. That is what immer's proxies do implicitly; doing it by
 * hand keeps an update to one indicator of thousands in the microseconds (no proxy per access, no
 * copy of wide records).
 *
 * @module internal/LedgerDraft
 */
import { OwnedNodes, type ListOwner } from '../ChunkList'
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

/** What the reducer needs of an entity map while it writes: an editor, or a cached one. */
export interface EntityWriter<V> {
  get(id: string): V | undefined
  set(id: string, value: V): unknown
}

/**
 * An editor with a native `Map` in front, for owned mode. Replay reads the same entities millions
 * of times; a trie lookup chases a pointer per level (about a microsecond at 68,000 entities, most
 * of it cache misses), a `Map` lookup costs a hash probe. Entities are changed in place in owned
 * mode, so a cached entry never goes stale; `set` writes through.
 */
class CachedWriter<V> implements EntityWriter<V> {
  readonly #cache = new Map<string, V>()
  constructor(readonly editor: EntityMapEditor<V>) {}
  get(id: string): V | undefined {
    let v = this.#cache.get(id)
    if (v === undefined) {
      v = this.editor.get(id)
      if (v !== undefined) this.#cache.set(id, v)
    }
    return v
  }
  set(id: string, value: V): void {
    this.#cache.set(id, value)
    this.editor.set(id, value)
  }
}

type Writer<V> = EntityMapEditor<V> | CachedWriter<V>

function editorOf<V>(w: Writer<V> | undefined): EntityMapEditor<V> | undefined {
  return w instanceof CachedWriter ? w.editor : w
}

/** `T` with its own properties writable (one level deep). */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * The empty list new nodes start with: shared and frozen, so a node adopted in published mode
 * holds no unfrozen empty list; `list`, `push` and `insert` replace it by a new list on write.
 */
export const NONE: ReadonlyArray<never> = Object.freeze([])

/** See the module documentation. */
export class LedgerDraft {
  position: number
  head: string
  denied: ReadonlyArray<DeniedAttempt>
  unattached: ReadonlyArray<Unattached>
  readonly #base: LedgerState
  /** Published mode: the nodes copied in this draft (writable from then on). */
  readonly #fresh: OwnedNodes | undefined
  #plans: Writer<PlanState> | undefined
  #departments: Writer<DepartmentState> | undefined
  #indicators: Writer<IndicatorState> | undefined
  #projects: Writer<ProjectState> | undefined
  #tasks: Writer<TaskState> | undefined

  constructor(base: LedgerState, owned: boolean) {
    this.#base = base
    this.#fresh = owned ? undefined : new OwnedNodes()
    this.position = base.position
    this.head = base.head
    this.denied = base.denied
    this.unattached = base.unattached
  }

  get plans(): EntityWriter<PlanState> {
    return (this.#plans ??= this.#writer(this.#base.plans))
  }

  get departments(): EntityWriter<DepartmentState> {
    return (this.#departments ??= this.#writer(this.#base.departments))
  }

  get indicators(): EntityWriter<IndicatorState> {
    return (this.#indicators ??= this.#writer(this.#base.indicators))
  }

  get projects(): EntityWriter<ProjectState> {
    return (this.#projects ??= this.#writer(this.#base.projects))
  }

  get tasks(): EntityWriter<TaskState> {
    return (this.#tasks ??= this.#writer(this.#base.tasks))
  }

  #writer<V>(map: EntityMap<V>): Writer<V> {
    const editor = map.edit()
    return this.#fresh === undefined ? new CachedWriter(editor) : editor
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

  /**
   * A new value the reducer stores directly into a writable node (not through `push` or `set`)
   * and will not write again: frozen in published mode.
   */
  sealed<T>(value: T): T {
    return this.#fresh === undefined ? value : deepFreeze(value)
  }

  /** Stores an entity in a map; in published mode the entity is frozen first. */
  set<T>(map: EntityWriter<T>, id: string, value: T): void {
    map.set(id, this.#fresh === undefined ? value : deepFreeze(value))
  }

  /** Who may change a {@link ChunkList} in place: everything when owned, else what this draft made. */
  get owner(): ListOwner {
    return this.#fresh ?? true
  }

  /** `list` with `item` appended, to store back where `list` was. */
  push<T>(list: ReadonlyArray<T>, item: T): ReadonlyArray<T> {
    const fresh = this.#fresh
    if (fresh === undefined) {
      if (list === NONE) return [item]
      ;(list as T[]).push(item)
      return list
    }
    if (fresh.has(list)) {
      ;(list as T[]).push(deepFreeze(item))
      return list
    }
    // Most lists written here are empty (a period's first version): `[item]` is one small array,
    // where a spread of the shared empty list takes V8's generic path. A longer list is copied
    // by a spread (not `slice`, which V8 runs slowly on frozen arrays).
    const out = list.length === 0 ? [deepFreeze(item)] : [...list, deepFreeze(item)]
    fresh.add(out)
    return out
  }

  /** The entity `id` of a map, writable and stored back in the map; undefined if absent. */
  open<T extends object>(map: EntityWriter<T>, id: string): Mutable<T> | undefined {
    const x = map.get(id)
    return x === undefined ? undefined : this.openFound(map, id, x)
  }

  /** {@link open} for an entity `x` just read from the map under `id` (saves a lookup). */
  openFound<T extends object>(map: EntityWriter<T>, id: string, x: T): Mutable<T> {
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
    const next: LedgerState = {
      position: this.position,
      head: this.head,
      plans: done(editorOf(this.#plans), b.plans),
      departments: done(editorOf(this.#departments), b.departments),
      indicators: done(editorOf(this.#indicators), b.indicators),
      projects: done(editorOf(this.#projects), b.projects),
      tasks: done(editorOf(this.#tasks), b.tasks),
      denied: this.denied,
      unattached: this.unattached,
    }
    if (fresh === undefined) return Object.assign(b as Mutable<LedgerState>, next)
    // Every value reachable from a copied or adopted node is old (frozen), frozen as it was
    // stored (`push`, `set`, `sealed`), or itself copied or adopted: a shallow freeze suffices.
    // (A `ChunkList`'s chunks are private storage, reachable only through the frozen list.)
    fresh.forEach(Object.freeze)
    Object.freeze(next.plans)
    Object.freeze(next.departments)
    Object.freeze(next.indicators)
    Object.freeze(next.projects)
    Object.freeze(next.tasks)
    return Object.freeze(next)
  }
}

function done<V>(editor: EntityMapEditor<V> | undefined, map: EntityMap<V>): EntityMap<V> {
  return editor === undefined ? map : editor.done()
}
