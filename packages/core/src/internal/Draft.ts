/**
 * The typed draft the ledger's reducers write through. A reducer names what it changes —
 * `d.indicators.edit(id)`, `ind.push('baselines', v)`, `plan.entry('categories', id)`,
 * `ind.period('values', period, true)` — and the draft decides how: in place while replaying
 * (the engine owns the state), or copy on write when updating published, frozen state (each node
 * on the path to a change is copied once, the rest is shared, and what is new is frozen as it is
 * stored, so publishing freezes only the copied nodes). The copy-on-write protocol lives in
 * {@link Writes} and is not visible to reducers.
 *
 * @module internal/Draft
 */
import { type ListOwner, OwnedNodes, type ChunkList } from '../ChunkList'
import type { EntityMap, EntityMapEditor } from '../EntityMap'
import type { PeriodKey } from '../Period'
import { deepFreeze } from './Freeze'
import { slotIndex } from './PeriodOrder'

/** `T` with its own properties writable (one level deep). */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * The empty list a new node's list fields start with: shared and frozen, replaced by a list of
 * exactly one item on the first `push` (an array grown from `[]` would reserve room for 17).
 */
export const EMPTY: ReadonlyArray<never> = Object.freeze([])

/** The copy-on-write protocol of one draft (see the module documentation). */
export class Writes {
  /** Published mode: the nodes copied or created in this draft (writable from then on). */
  readonly fresh: OwnedNodes | undefined

  constructor(owned: boolean) {
    this.fresh = owned ? undefined : new OwnedNodes()
  }

  /** `x` made writable: itself when owned or already copied in this draft, else a shallow copy. */
  own<T extends object>(x: T): Mutable<T> {
    const fresh = this.fresh
    if (fresh === undefined || fresh.has(x)) return x
    const copy = { ...x }
    fresh.add(copy)
    return copy
  }

  /**
   * A new node the reducer stores and may go on writing: in published mode its fields are frozen
   * now and the node itself when the draft finishes.
   */
  adopt<T extends object>(x: T): Mutable<T> {
    const fresh = this.fresh
    if (fresh === undefined) return x
    for (const key in x) deepFreeze(x[key])
    fresh.add(x)
    return x
  }

  /** A finished value stored as it is: frozen in published mode. */
  sealed<T>(value: T): T {
    return this.fresh === undefined ? value : deepFreeze(value)
  }

  /** Who may change a `ChunkList` in place: everything when owned, else what this draft made. */
  get owner(): ListOwner {
    return this.fresh ?? true
  }

  /** `list` with `item` appended, to store back where `list` was. */
  push<T>(list: ReadonlyArray<T>, item: T): ReadonlyArray<T> {
    const fresh = this.fresh
    if (fresh === undefined) {
      if (list === EMPTY) return [item]
      ;(list as T[]).push(item)
      return list
    }
    if (fresh.has(list)) {
      ;(list as T[]).push(deepFreeze(item))
      return list
    }
    // `[item]` for an empty list (a spread of the shared empty list takes V8's generic path); a
    // spread, not `slice`, for a longer one (slice is slow on frozen arrays).
    const out = list.length === 0 ? [deepFreeze(item)] : [...list, deepFreeze(item)]
    fresh.add(out)
    return out
  }

  /** Freezes, shallowly, every node this draft copied or created (their contents are frozen already). */
  freezeFresh(): void {
    this.fresh?.forEach(Object.freeze)
  }
}

type ArrayKey<T> = {
  [K in keyof T]-?: T[K] extends ReadonlyArray<unknown> ? K : never
}[keyof T]
type ItemOf<L> = L extends ReadonlyArray<infer I> ? I : never
type DictKey<T> = {
  [K in keyof T]-?: T[K] extends ReadonlyArray<unknown> | ChunkList<unknown> | null
    ? never
    : T[K] extends Readonly<Record<string, object>>
      ? K
      : never
}[keyof T]
type DictValue<D> = D extends Readonly<Record<string, infer V>> ? V : never
type PeriodsKey<T> = {
  [K in keyof T]-?: T[K] extends ChunkList<{ readonly period: PeriodKey }> ? K : never
}[keyof T]
type PeriodItem<L> = L extends ChunkList<infer I> ? I : never

/** Write access to one node of the draft. */
export class Editor<T extends object> {
  readonly #w: Writes
  readonly #node: Mutable<T>

  constructor(w: Writes, node: Mutable<T>) {
    this.#w = w
    this.#node = node
  }

  /** The node as it stands (read it; write through the methods). */
  get value(): T {
    return this.#node
  }

  /** Stores a finished value in a field. */
  set<K extends keyof T>(key: K, value: T[K]): void {
    this.#node[key] = this.#w.sealed(value)
  }

  /** Appends an item to a list field. */
  push<K extends ArrayKey<T>>(key: K, item: ItemOf<T[K]>): void {
    const node = this.#node as Record<K, ReadonlyArray<ItemOf<T[K]>>>
    node[key] = this.#w.push(node[key], item)
  }

  /** The entry `id` of a record field, writable; `undefined` when there is none. */
  entry<K extends DictKey<T>>(key: K, id: string): Editor<DictValue<T[K]> & object> | undefined {
    type V = DictValue<T[K]> & object
    const node = this.#node as unknown as Record<string, Record<string, V>>
    const k = key as string
    const found = (node[k] as Record<string, V>)[id]
    if (found === undefined) return undefined
    const dict = (node[k] = this.#w.own(node[k] as Record<string, V>))
    const w = this.#w.own(found)
    dict[id] = w as V
    return new Editor<V>(this.#w, w)
  }

  /** Stores a new entry `id` in a record field and returns it, writable. */
  create<K extends DictKey<T>>(
    key: K,
    id: string,
    value: DictValue<T[K]> & object,
  ): Editor<DictValue<T[K]> & object> {
    type V = DictValue<T[K]> & object
    const node = this.#node as unknown as Record<string, Record<string, V>>
    const k = key as string
    const dict = (node[k] = this.#w.own(node[k] as Record<string, V>))
    const w = this.#w.adopt(value)
    dict[id] = w as V
    return new Editor<V>(this.#w, w)
  }

  /** The item of `period` in a list field sorted by period, writable, created by `make` where it belongs when there is none. */
  period<K extends PeriodsKey<T>>(
    key: K,
    period: PeriodKey,
    make: (period: PeriodKey) => PeriodItem<T[K]>,
  ): Editor<PeriodItem<T[K]> & object>
  /** The item of `period` in a list field sorted by period, writable, or `undefined` when there is none. */
  period<K extends PeriodsKey<T>>(
    key: K,
    period: PeriodKey,
  ): Editor<PeriodItem<T[K]> & object> | undefined
  period<K extends PeriodsKey<T>>(
    key: K,
    period: PeriodKey,
    make?: (period: PeriodKey) => PeriodItem<T[K]>,
  ): Editor<PeriodItem<T[K]> & object> | undefined {
    type I = PeriodItem<T[K]> & object & { readonly period: PeriodKey }
    const node = this.#node as Record<K, ChunkList<I>>
    const list = node[key]
    const i = slotIndex(list, period)
    const hit = list.get(i)
    if (hit !== undefined && hit.period === period) {
      const w = this.#w.own(hit) as I
      // Changed in place (owned, or made in this draft): the list forgets what an index
      // remembered of its chunk. A copy is stored through the list, which does the same.
      if (w === hit) list.changedAt(i)
      else node[key] = list.set(i, w, this.#w.owner)
      return new Editor<I>(this.#w, w)
    }
    if (make === undefined) return undefined
    const w = this.#w.adopt(make(period) as I) as I
    node[key] = list.insert(i, w, this.#w.owner)
    return new Editor<I>(this.#w, w)
  }
}

/** What a reducer needs of an entity map while it writes: an editor, or a cached one. */
interface EntityWriter<V> {
  get(id: string): V | undefined
  set(id: string, value: V): unknown
}

/**
 * An editor with a native `Map` in front, for owned mode. Replay reads the same entities millions
 * of times; a trie lookup chases a pointer per level (about a microsecond at 68,000 entities, most
 * of it cache misses), a `Map` lookup costs a hash probe. Entities are changed in place in owned
 * mode, so a cached entry never goes stale; `set` writes through.
 */
class CachedWriter<V extends object> implements EntityWriter<V> {
  readonly #cache = new Map<string, V>()
  /** Editors of the entities edited so far: valid as long as the entity is not replaced. */
  readonly #editors = new Map<string, Editor<V>>()
  constructor(readonly map: EntityMapEditor<V>) {}
  /** An editor of `id` (owned mode writes in place, so one editor per entity serves every event). */
  editor(id: string, w: Writes): Editor<V> | undefined {
    let ed = this.#editors.get(id)
    if (ed === undefined) {
      const v = this.get(id)
      if (v === undefined) return undefined
      ed = new Editor(w, v)
      this.#editors.set(id, ed)
    }
    return ed
  }
  get(id: string): V | undefined {
    let v = this.#cache.get(id)
    if (v === undefined) {
      v = this.map.get(id)
      if (v !== undefined) this.#cache.set(id, v)
    }
    return v
  }
  set(id: string, value: V): void {
    this.#cache.set(id, value)
    this.#editors.delete(id)
    this.map.set(id, value)
  }
}

/** Write access to one entity map of the draft. */
export class Entities<V extends object> {
  readonly #w: Writes
  readonly #base: EntityMap<V>
  #writer: EntityMapEditor<V> | CachedWriter<V> | undefined

  constructor(w: Writes, base: EntityMap<V>) {
    this.#w = w
    this.#base = base
  }

  #open(): EntityWriter<V> {
    if (this.#writer === undefined) {
      const editor = this.#base.edit()
      this.#writer = this.#w.fresh === undefined ? new CachedWriter(editor) : editor
    }
    return this.#writer
  }

  /** The entity `id` as it stands (read only), or `undefined`. */
  get(id: string): V | undefined {
    return this.#open().get(id)
  }

  /** Stores a finished entity under `id`, replacing any. */
  put(id: string, value: V): void {
    this.#open().set(id, this.#w.sealed(value))
  }

  /** The entity `id`, writable, or `undefined` when there is none. */
  edit(id: string): Editor<V> | undefined {
    const writer = this.#open()
    if (writer instanceof CachedWriter) return writer.editor(id, this.#w)
    const x = writer.get(id)
    if (x === undefined) return undefined
    const w = this.#w.own(x)
    if (w !== x) writer.set(id, w)
    return new Editor(this.#w, w)
  }

  /** The map after this draft's writes (the base map itself when nothing was written). */
  done(): EntityMap<V> {
    const writer = this.#writer
    if (writer === undefined) return this.#base
    return (writer instanceof CachedWriter ? writer.map : writer).done()
  }
}
