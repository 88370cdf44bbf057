/**
 * `EntityMap`: the persistent map from ids to entities that holds a ledger's plans, departments,
 * indicators, projects and tasks. It is a hash array mapped trie (HAMT): a new version shares
 * everything but the few small nodes on the path to the change, so updating one indicator of
 * 68,000 costs about as much as updating one of ten.
 *
 * It implements `ReadonlyMap<string, V>` and iterates in id order (UTF-16 code-unit order, the
 * order of `<` on strings), whatever order the entities arrived in: two maps with the same
 * entries iterate alike, and `JSON.stringify` writes a plain object with the ids in that order.
 *
 * Many changes at once go through an {@link EntityMapEditor} (a "transient"): it changes in place
 * the nodes it created itself and copies the others once, then hands back an immutable map.
 *
 * @module EntityMap
 */

/** One entry, stored in a node's slot. */
interface Leaf<V> {
  readonly key: string
  readonly hash: number
  readonly value: V
}

/** Identity of the editor that may change a node in place; `null` for nodes nobody may change. */
type Owner = object | null

/** A node of 32 possible children, of which `bitmap` says which are present. */
class Branch<V> {
  constructor(
    public owner: Owner,
    public bitmap: number,
    public slots: Array<Leaf<V> | Branch<V> | Bucket<V>>,
  ) {}
}

/** Entries whose keys have the same 32-bit hash, sorted by key. */
class Bucket<V> {
  constructor(
    public owner: Owner,
    public readonly hash: number,
    public leaves: Array<Leaf<V>>,
  ) {}
}

type Slot<V> = Leaf<V> | Branch<V> | Bucket<V>

const BITS = 5
const MASK = 31
/** Shifts past this have used all 32 bits of the hash. */
const LAST_SHIFT = 30

/** FNV-1a over UTF-16 code units. */
function hashOf(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number
}

function isLeaf<V>(s: Slot<V>): s is Leaf<V> {
  return !(s instanceof Branch) && !(s instanceof Bucket)
}

function lookup<V>(root: Branch<V> | undefined, key: string): Leaf<V> | undefined {
  if (root === undefined) return undefined
  const h = hashOf(key)
  let node: Slot<V> = root
  let shift = 0
  for (;;) {
    if (node instanceof Branch) {
      const bit = 1 << ((h >>> shift) & MASK)
      if ((node.bitmap & bit) === 0) return undefined
      node = node.slots[popcount(node.bitmap & (bit - 1))] as Slot<V>
      shift += BITS
    } else if (node instanceof Bucket) {
      for (const leaf of node.leaves) if (leaf.key === key) return leaf
      return undefined
    } else {
      return node.key === key ? node : undefined
    }
  }
}

/** What a change did, filled in by the recursive functions. */
interface Effect {
  added: boolean
  removed: boolean
}

/** Two leaves that share the path so far, in the smallest subtree that tells them apart. */
function merge<V>(a: Leaf<V>, b: Leaf<V>, shift: number, owner: Owner): Branch<V> | Bucket<V> {
  if (a.hash === b.hash || shift > LAST_SHIFT)
    return new Bucket(owner, a.hash, a.key < b.key ? [a, b] : [b, a])
  const fa = (a.hash >>> shift) & MASK
  const fb = (b.hash >>> shift) & MASK
  if (fa === fb) return new Branch(owner, 1 << fa, [merge(a, b, shift + BITS, owner)])
  return new Branch(owner, (1 << fa) | (1 << fb), fa < fb ? [a, b] : [b, a])
}

function setInBucket<V>(node: Bucket<V>, leaf: Leaf<V>, owner: Owner, fx: Effect): Bucket<V> {
  const i = node.leaves.findIndex((l) => l.key === leaf.key)
  if (i >= 0 && (node.leaves[i] as Leaf<V>).value === leaf.value) return node
  const leaves = owner !== null && node.owner === owner ? node.leaves : [...node.leaves]
  if (i >= 0) leaves[i] = leaf
  else {
    fx.added = true
    leaves.push(leaf)
    leaves.sort((a, b) => (a.key < b.key ? -1 : 1))
  }
  if (leaves === node.leaves) return node
  return new Bucket(owner, node.hash, leaves)
}

function setIn<V>(
  node: Branch<V>,
  shift: number,
  leaf: Leaf<V>,
  owner: Owner,
  fx: Effect,
): Branch<V> {
  const bit = 1 << ((leaf.hash >>> shift) & MASK)
  const i = popcount(node.bitmap & (bit - 1))
  const inPlace = owner !== null && node.owner === owner
  if ((node.bitmap & bit) === 0) {
    fx.added = true
    if (inPlace) {
      node.slots.splice(i, 0, leaf)
      node.bitmap |= bit
      return node
    }
    const slots = node.slots.slice(0, i)
    slots.push(leaf)
    for (let j = i; j < node.slots.length; j++) slots.push(node.slots[j] as Slot<V>)
    return new Branch(owner, node.bitmap | bit, slots)
  }
  const slot = node.slots[i] as Slot<V>
  let next: Slot<V>
  if (slot instanceof Branch) next = setIn(slot, shift + BITS, leaf, owner, fx)
  else if (slot instanceof Bucket) next = setInBucket(slot, leaf, owner, fx)
  else if (slot.key === leaf.key) next = slot.value === leaf.value ? slot : leaf
  else {
    fx.added = true
    next = merge(slot, leaf, shift + BITS, owner)
  }
  if (next === slot) return node
  if (inPlace) {
    node.slots[i] = next
    return node
  }
  const slots = [...node.slots]
  slots[i] = next
  return new Branch(owner, node.bitmap, slots)
}

/** Removes `key` below `node`; returns the replacement (a lone leaf moves up), or undefined if empty. */
function deleteIn<V>(
  node: Branch<V>,
  shift: number,
  key: string,
  hash: number,
  owner: Owner,
  fx: Effect,
): Slot<V> | undefined {
  const bit = 1 << ((hash >>> shift) & MASK)
  if ((node.bitmap & bit) === 0) return node
  const i = popcount(node.bitmap & (bit - 1))
  const slot = node.slots[i] as Slot<V>
  let next: Slot<V> | undefined
  if (slot instanceof Branch) next = deleteIn(slot, shift + BITS, key, hash, owner, fx)
  else if (slot instanceof Bucket) {
    const leaves = slot.leaves.filter((l) => l.key !== key)
    next =
      leaves.length === slot.leaves.length
        ? slot
        : leaves.length === 1
          ? leaves[0]
          : new Bucket(owner, slot.hash, leaves)
  } else next = slot.key === key ? undefined : slot
  if (next === slot) return node
  fx.removed = true
  const slots = owner !== null && node.owner === owner ? node.slots : [...node.slots]
  let bitmap = node.bitmap
  if (next === undefined) {
    slots.splice(i, 1)
    bitmap &= ~bit
  } else slots[i] = next
  if (slots.length === 0) return undefined
  const only = slots[0] as Slot<V>
  if (shift > 0 && slots.length === 1 && isLeaf(only)) return only
  if (slots === node.slots) {
    node.bitmap = bitmap
    return node
  }
  return new Branch(owner, bitmap, slots)
}

function visit<V>(node: Slot<V>, fn: (leaf: Leaf<V>) => void): void {
  if (node instanceof Branch) for (const s of node.slots) visit(s, fn)
  else if (node instanceof Bucket) for (const l of node.leaves) fn(l)
  else fn(node)
}

/**
 * An immutable map from ids to entities, with structural sharing between versions.
 *
 * @example
 * import { EntityMap } from '@progress-ledger/core/collections'
 * const a = EntityMap.of({ I02: 'second', I01: 'first' })
 * const b = a.set('I03', 'third')
 * ;[...b.keys()] // ['I01', 'I02', 'I03']
 * a.size // 2
 */
export class EntityMap<V> implements ReadonlyMap<string, V> {
  readonly #root: Branch<V> | undefined
  readonly #size: number
  /** Leaves in key order, computed on first iteration (the map itself never changes). */
  #ordered: ReadonlyArray<Leaf<V>> | undefined

  private constructor(root: Branch<V> | undefined, size: number) {
    this.#root = root
    this.#size = size
  }

  /** The empty map. */
  static empty<V>(): EntityMap<V> {
    return new EntityMap<V>(undefined, 0)
  }

  /** A map of the given entries (later duplicates win), or of a plain object's own properties. */
  static of<V>(
    entries: Iterable<readonly [string, V]> | Readonly<Record<string, V>>,
  ): EntityMap<V> {
    const editor = EntityMap.empty<V>().edit()
    if (Symbol.iterator in entries) {
      for (const [k, v] of entries as Iterable<readonly [string, V]>) editor.set(k, v)
    } else {
      for (const k of Object.keys(entries)) editor.set(k, (entries as Record<string, V>)[k] as V)
    }
    return editor.done()
  }

  /** Builds a map from the entry list a restored snapshot holds (see {@link EntityMap.toJSON}). */
  static fromJSON<V>(
    json: unknown,
    path: string,
    revive: (v: unknown, id: string) => V,
  ): EntityMap<V> {
    if (typeof json !== 'object' || json === null || Array.isArray(json))
      throw new Error(`${path}: expected an object of entities by id, got ${JSON.stringify(json)}`)
    const editor = EntityMap.empty<V>().edit()
    for (const [k, v] of Object.entries(json)) editor.set(k, revive(v, k))
    return editor.done()
  }

  /** The number of entries. */
  get size(): number {
    return this.#size
  }

  /** The entity with this id, if any. */
  get(key: string): V | undefined {
    return lookup(this.#root, key)?.value
  }

  /** Is there an entity with this id? */
  has(key: string): boolean {
    return lookup(this.#root, key) !== undefined
  }

  /** A new map with `key` set to `value` (this map when it already holds exactly that). */
  set(key: string, value: V): EntityMap<V> {
    const leaf = lookup(this.#root, key)
    if (leaf !== undefined && leaf.value === value) return this
    return this.edit().set(key, value).done()
  }

  /** A new map without `key` (this map when it has no such key). */
  delete(key: string): EntityMap<V> {
    if (!this.has(key)) return this
    const editor = this.edit()
    editor.delete(key)
    return editor.done()
  }

  /** An editor that starts from this map; this map is left unchanged. */
  edit(): EntityMapEditor<V> {
    return new EntityMapEditor(this, this.#root, this.#size, EntityMap.#make)
  }

  static #make<V>(root: Branch<V> | undefined, size: number): EntityMap<V> {
    return new EntityMap(root, size)
  }

  #leaves(): ReadonlyArray<Leaf<V>> {
    if (this.#ordered === undefined) {
      const out: Leaf<V>[] = []
      if (this.#root !== undefined) visit(this.#root, (l) => out.push(l))
      out.sort((a, b) => (a.key < b.key ? -1 : 1))
      this.#ordered = out
    }
    return this.#ordered
  }

  /** Calls `fn` for every entry in storage order: cheaper than iterating, which sorts by id once. */
  each(fn: (value: V, key: string) => void): void {
    if (this.#root !== undefined) visit(this.#root, (l) => fn(l.value, l.key))
  }

  /** The ids, in id order. */
  keys(): MapIterator<string> {
    const keys = this.#leaves().map((l) => l.key)
    return keys[Symbol.iterator]()
  }

  /** The entities, in id order. */
  values(): MapIterator<V> {
    const values = this.#leaves().map((l) => l.value)
    return values[Symbol.iterator]()
  }

  /** `[id, entity]` pairs, in id order. */
  entries(): MapIterator<[string, V]> {
    const entries = this.#leaves().map((l): [string, V] => [l.key, l.value])
    return entries[Symbol.iterator]()
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries()
  }

  /** Calls `fn` for each entry, in id order. */
  forEach(
    fn: (value: V, key: string, map: ReadonlyMap<string, V>) => void,
    thisArg?: unknown,
  ): void {
    for (const l of this.#leaves()) fn.call(thisArg, l.value, l.key, this)
  }

  /** The entities, in id order, as an array. */
  toArray(): V[] {
    return this.#leaves().map((l) => l.value)
  }

  /** A plain object of the entries, ids in id order: what `JSON.stringify` writes. */
  toJSON(): Record<string, V> {
    const out: Record<string, V> = {}
    for (const l of this.#leaves()) out[l.key] = l.value
    return out
  }

  get [Symbol.toStringTag](): string {
    return 'EntityMap'
  }
}

/**
 * Changes an {@link EntityMap} many times cheaply: nodes the editor created are changed in place;
 * nodes it shares with the map it started from are copied once. `done()` hands back the result
 * as an immutable map and closes the editor.
 *
 * @example
 * import { EntityMap } from '@progress-ledger/core/collections'
 * const editor = EntityMap.empty<number>().edit()
 * for (let i = 0; i < 3; i++) editor.set(`k${i}`, i)
 * editor.done().size // 3
 */
export class EntityMapEditor<V> {
  #root: Branch<V> | undefined
  #size: number
  #open = true
  readonly #owner: object = {}
  readonly #make: (root: Branch<V> | undefined, size: number) => EntityMap<V>
  readonly #origin: EntityMap<V>
  readonly #originRoot: Branch<V> | undefined

  /** Use {@link EntityMap.edit}. */
  constructor(
    origin: EntityMap<V>,
    root: Branch<V> | undefined,
    size: number,
    make: (root: Branch<V> | undefined, size: number) => EntityMap<V>,
  ) {
    this.#origin = origin
    this.#originRoot = root
    this.#root = root
    this.#size = size
    this.#make = make
  }

  #check(): void {
    if (!this.#open) throw new Error('EntityMapEditor: used after done()')
  }

  /** The number of entries now. */
  get size(): number {
    return this.#size
  }

  /** The entity with this id now, if any. */
  get(key: string): V | undefined {
    return lookup(this.#root, key)?.value
  }

  /** Is there an entity with this id now? */
  has(key: string): boolean {
    return lookup(this.#root, key) !== undefined
  }

  /** Sets `key` to `value`. */
  set(key: string, value: V): this {
    this.#check()
    const leaf: Leaf<V> = { key, hash: hashOf(key), value }
    const fx: Effect = { added: false, removed: false }
    if (this.#root === undefined) {
      this.#root = new Branch(this.#owner, 1 << (leaf.hash & MASK), [leaf])
      fx.added = true
    } else this.#root = setIn(this.#root, 0, leaf, this.#owner, fx)
    if (fx.added) this.#size++
    return this
  }

  /** Removes `key`; says whether it was there. */
  delete(key: string): boolean {
    this.#check()
    if (this.#root === undefined) return false
    const fx: Effect = { added: false, removed: false }
    // At the root a lone leaf never moves up (see deleteIn), so the result is a branch or nothing.
    this.#root = deleteIn(this.#root, 0, key, hashOf(key), this.#owner, fx) as Branch<V> | undefined
    if (fx.removed) this.#size--
    return fx.removed
  }

  /** The result, as an immutable map (the original when nothing changed). The editor is closed. */
  done(): EntityMap<V> {
    this.#check()
    this.#open = false
    // A new editor owns none of the original's nodes, so any change replaced the root.
    if (this.#root === this.#originRoot) return this.#origin
    return this.#make(this.#root, this.#size)
  }
}
