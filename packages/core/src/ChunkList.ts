/**
 * `ChunkList`: the persistent list that holds an indicator's period values. Items are stored in
 * full chunks of 32 and a tail of the last 0–31. Appending copies only the tail (and the chunk
 * index once every 32 appends, when the tail becomes a chunk); changing an earlier item copies
 * the index and the one chunk it is in and shares the others. So appending to a list of 1,800
 * daily values copies at most 31 pointers (and 57 more once every 32 appends) instead of 1,800,
 * and a prefix (what an as-of view keeps) shares its full chunks outright.
 *
 * Writes take an optional `owner`: `true` when the caller owns the whole state (replay: change in
 * place), or the set of arrays and lists the caller created in the current draft (those may be
 * changed in place; anything else is copied first and the copy added to the set). Without an
 * owner every write returns a new list and leaves this one as it was.
 *
 * The chunk arrays are private storage, like an {@link EntityMap}'s trie nodes: freezing a list
 * freezes the list object, never its chunks. No caller can reach a chunk, a frozen list refuses
 * in-place writes even from owner `true`, and a draft changes only the chunks it made. Keeping
 * chunks unfrozen keeps every chunk the same kind of array, so reads and copies stay on V8's
 * fast paths (a frozen array is another elements kind: reading a mix of both made code
 * polymorphic, and copying a frozen chunk with one item appended took a slow, growing path; the
 * measurements are in docs/architecture.md).
 *
 * @module ChunkList
 */

const CHUNK = 32

/** How many nodes `OwnedNodes.has` scans before it keeps a set of them. */
const SCAN_AT_MOST = 32

/**
 * The nodes one writer made (and may change in place). A writer makes a handful per update, so
 * they are kept in plain arrays and found by a scan: no hash table to allocate per update. A
 * writer that makes more (one draft folding thousands of events onto published state) gets a set
 * beside them. Iterating gives the nodes to freeze when the writer publishes; private storage
 * (chunks) is recorded apart and never frozen.
 */
export class OwnedNodes implements Iterable<object> {
  // Arrays allocated at a small fixed length and filled up to a count: an update makes a handful
  // of nodes, and an array grown from empty by `push` would allocate room for 17.
  #items: object[] = new Array<object>(8)
  #count = 0
  #storage: object[] | undefined
  #stored = 0
  // Past a few dozen nodes (a draft folding many events onto published state), a set answers
  // `has`: scanning the arrays would make each step cost as much as all the steps before it.
  #index: Set<object> | undefined
  /** Did this writer make `x` (a node or storage)? */
  has(x: object): boolean {
    if (this.#index !== undefined) return this.#index.has(x)
    for (let i = 0; i < this.#count; i++) if (this.#items[i] === x) return true
    const storage = this.#storage
    if (storage !== undefined)
      for (let i = 0; i < this.#stored; i++) if (storage[i] === x) return true
    return false
  }
  /** Records that this writer made `x`, a node it publishes (frozen when published). */
  add(x: object): void {
    this.#items[this.#count++] = x
    this.#indexed(x)
  }
  /** Records that this writer made `x`, private storage of a node (not frozen when published). */
  addStorage(x: object): void {
    ;(this.#storage ??= new Array<object>(4))[this.#stored++] = x
    this.#indexed(x)
  }
  #indexed(x: object): void {
    if (this.#index !== undefined) this.#index.add(x)
    else if (this.#count + this.#stored > SCAN_AT_MOST) {
      const index = new Set<object>()
      for (let i = 0; i < this.#count; i++) index.add(this.#items[i] as object)
      for (let i = 0; i < this.#stored; i++) index.add((this.#storage as object[])[i] as object)
      this.#index = index
    }
  }
  /** Calls `fn` with each published node this writer made (not its private storage). */
  forEach(fn: (x: object) => void): void {
    for (let i = 0; i < this.#count; i++) fn(this.#items[i] as object)
  }
  /** The published nodes this writer made (not its private storage). */
  [Symbol.iterator](): Iterator<object> {
    return this.#items.slice(0, this.#count)[Symbol.iterator]()
  }
}

/** Who may change what in place; see the module documentation. */
export type ListOwner = true | OwnedNodes

function mine(owner: ListOwner | undefined, x: object): boolean {
  return owner === true || (owner !== undefined && owner.has(x))
}

function claim<T extends object>(owner: ListOwner | undefined, x: T): T {
  if (owner !== undefined && owner !== true) owner.add(x)
  return x
}

function claimStorage<T extends object>(owner: ListOwner | undefined, x: T): T {
  if (owner !== undefined && owner !== true) owner.addStorage(x)
  return x
}

/** A copy of `items` with `item` appended, allocated once at its final length. */
function appended<T>(items: ReadonlyArray<T>, item: T): T[] {
  const n = items.length
  const out = new Array<T>(n + 1)
  for (let i = 0; i < n; i++) out[i] = items[i] as T
  out[n] = item
  return out
}

/** Iterates the items of a list's full chunks, then its tail (a class, not a generator: this runs per item). */
class ChunkIterator<T> implements Iterator<T> {
  #chunk = 0
  #index = 0
  constructor(
    private readonly chunks: ReadonlyArray<ReadonlyArray<T>>,
    private readonly tail: ReadonlyArray<T>,
  ) {}
  next(): IteratorResult<T> {
    for (;;) {
      const chunk =
        this.chunks[this.#chunk] ?? (this.#chunk === this.chunks.length ? this.tail : undefined)
      if (chunk === undefined) return { done: true, value: undefined }
      if (this.#index < chunk.length) return { done: false, value: chunk[this.#index++] as T }
      this.#chunk++
      this.#index = 0
    }
  }
  [Symbol.iterator](): Iterator<T> {
    return this
  }
}

/**
 * An immutable list with structural sharing between versions (see the module documentation).
 *
 * @example
 * import { ChunkList } from '@progress-ledger/core/collections'
 * const a = ChunkList.of([1, 2, 3])
 * const b = a.push(4)
 * ;[a.length, b.length, b.get(3)] // [3, 4, 4]
 */
export class ChunkList<T> implements Iterable<T> {
  /** Full chunks of 32 items. */
  #chunks: T[][]
  /** The last 0 to 31 items, kept apart so that appending copies neither the index nor a full chunk. */
  #tail: T[]
  #length: number
  /** What an index remembers of each full chunk, by ordinal; see {@link ChunkList.rememberChunks}. */
  #memo: unknown[] | undefined

  private constructor(chunks: T[][], tail: T[], length: number) {
    this.#chunks = chunks
    this.#tail = tail
    this.#length = length
    this.#memo = undefined
  }

  /** A new empty list. */
  static empty<T>(): ChunkList<T> {
    return new ChunkList<T>([], [], 0)
  }

  /** A list of the given items, in order. */
  static of<T>(items: Iterable<T>): ChunkList<T> {
    const all = Array.isArray(items) ? (items as T[]) : [...items]
    const full = all.length - (all.length & 31)
    const chunks: T[][] = []
    for (let i = 0; i < full; i += CHUNK) chunks.push(all.slice(i, i + CHUNK))
    return new ChunkList(chunks, all.slice(full), all.length)
  }

  /** A list from its JSON (an array), naming `path` when it is not one. */
  static fromJSON<T>(json: unknown, path: string): ChunkList<T> {
    if (!Array.isArray(json))
      throw new Error(`${path}: expected an array, got ${JSON.stringify(json)}`)
    return ChunkList.of(json as T[])
  }

  /** The number of items. */
  get length(): number {
    return this.#length
  }

  /** The item at `index` (0-based), or undefined outside the list. */
  get(index: number): T | undefined {
    if (index < 0 || index >= this.#length) return undefined
    const base = this.#chunks.length << 5
    return index >= base ? this.#tail[index - base] : (this.#chunks[index >>> 5] as T[])[index & 31]
  }

  /** The item at `index`, counting from the end when negative (like `Array.prototype.at`). */
  at(index: number): T | undefined {
    return this.get(index < 0 ? this.#length + index : index)
  }

  [Symbol.iterator](): Iterator<T> {
    return new ChunkIterator(this.#chunks, this.#tail)
  }

  /** Calls `fn` for each item in order (cheaper than iterating). */
  forEach(fn: (item: T, index: number) => void): void {
    let i = 0
    for (const chunk of this.#chunks) for (let j = 0; j < chunk.length; j++) fn(chunk[j] as T, i++)
    const tail = this.#tail
    for (let j = 0; j < tail.length; j++) fn(tail[j] as T, i++)
  }

  /**
   * Calls `fn` with each chunk of the list's storage — the full chunks of 32 items, then the tail
   * when it is not empty — and the index of its first item. The arrays are the list's own storage,
   * passed so that an index may remember what it learned of a chunk by the array's identity: a
   * published (frozen) list's chunks never change, and later versions of the list share them.
   * Read them; never change them.
   *
   * @example
   * import { ChunkList } from '@progress-ledger/core/collections'
   * const starts: number[] = []
   * ChunkList.of(Array.from({ length: 40 }, (_, i) => i)).forEachChunk((_, start) => starts.push(start))
   * starts // [0, 32]
   */
  forEachChunk(fn: (items: ReadonlyArray<T>, start: number) => void): void {
    const chunks = this.#chunks
    for (let c = 0; c < chunks.length; c++) fn(chunks[c] as T[], c << 5)
    if (this.#tail.length > 0) fn(this.#tail, chunks.length << 5)
  }

  /**
   * Remembers, for an index over this list, one entry per full chunk (`memo[c]` for the chunk of
   * items `32c` to `32c + 31`), e.g. summaries restored with a checkpoint, so that an owned list —
   * which is not frozen, and so cannot key what an index learned by its chunks' identity — need
   * not be read again. The list keeps the entries valid: a write in place forgets the entry of
   * every full chunk it changes, and a list derived by a write that is not in place starts with
   * none. An owner that changes an item in place (not through the list) says so with
   * {@link ChunkList.changedAt}.
   *
   * @example
   * import { ChunkList } from '@progress-ledger/core/collections'
   * const list = ChunkList.of(Array.from({ length: 70 }, (_, i) => i))
   * list.rememberChunks(['first', 'second'])
   * list.set(40, -1, true)
   * ;[list.chunkMemo(0), list.chunkMemo(1)] // ['first', undefined]
   */
  rememberChunks(memo: ReadonlyArray<unknown>): void {
    this.#memo = memo.slice(0, this.#chunks.length)
  }

  /** The entry remembered for full chunk `c` (by ordinal), or `undefined` when none or forgotten. */
  chunkMemo(c: number): unknown {
    return this.#memo?.[c]
  }

  /** Does this list remember anything of its chunks? */
  get remembersChunks(): boolean {
    return this.#memo !== undefined
  }

  /**
   * Tells the list that its owner changed the item at `index` in place (its fields, not which
   * item is there): what was remembered of that item's chunk is forgotten.
   */
  changedAt(index: number): void {
    const memo = this.#memo
    if (memo !== undefined && index >>> 5 < memo.length) memo[index >>> 5] = undefined
  }

  /** The items as a new array. */
  toArray(): T[] {
    const out = new Array<T>(this.#length)
    let i = 0
    for (const chunk of this.#chunks) for (const item of chunk) out[i++] = item
    for (const item of this.#tail) out[i++] = item
    return out
  }

  /** `Array.prototype.map` over the items. */
  map<U>(fn: (item: T, index: number) => U): U[] {
    const out = new Array<U>(this.#length)
    this.forEach((item, i) => {
      out[i] = fn(item, i)
    })
    return out
  }

  /** The items for which `fn` holds, as an array. */
  filter(fn: (item: T, index: number) => boolean): T[] {
    const out: T[] = []
    this.forEach((item, i) => {
      if (fn(item, i)) out.push(item)
    })
    return out
  }

  /** The first item for which `fn` holds. */
  find(fn: (item: T, index: number) => boolean): T | undefined {
    let i = 0
    for (const chunk of this.#chunks) for (const item of chunk) if (fn(item, i++)) return item
    for (const item of this.#tail) if (fn(item, i++)) return item
    return undefined
  }

  /** What `JSON.stringify` writes: the items as an array. */
  toJSON(): T[] {
    return this.toArray()
  }

  /** The first `n` items, sharing this list's full chunks. */
  prefix(n: number): ChunkList<T> {
    if (n >= this.#length) return this
    if (n <= 0) return ChunkList.empty()
    const full = n >>> 5
    const rest = n & 31
    const from = full < this.#chunks.length ? (this.#chunks[full] as T[]) : this.#tail
    return new ChunkList(this.#chunks.slice(0, full), rest > 0 ? from.slice(0, rest) : [], n)
  }

  /** This list with `items` appended. */
  concat(items: ReadonlyArray<T>): ChunkList<T> {
    if (items.length === 0) return this
    const owner = new OwnedNodes()
    let out = this.push(items[0] as T, owner)
    for (let i = 1; i < items.length; i++) out = out.push(items[i] as T, owner)
    return out
  }

  /** May `owner` change this list in place? A frozen list refuses even owner `true`. */
  #mine(owner: ListOwner | undefined): boolean {
    if (owner === true && Object.isFrozen(this))
      throw new TypeError('ChunkList: a frozen (published) list cannot be changed in place')
    return mine(owner, this)
  }

  /** A new list for `owner` over an index and tail (its storage: new, or shared until written). */
  #derived(owner: ListOwner | undefined, chunks: T[][], tail: T[], length: number): ChunkList<T> {
    return claim(owner, new ChunkList(chunks, tail, length))
  }

  /** This list changed in place (`inPlace`) to the given index and tail, else a new list of them. */
  #update(
    owner: ListOwner | undefined,
    inPlace: boolean,
    chunks: T[][],
    tail: T[],
    length: number,
  ): ChunkList<T> {
    if (!inPlace) return this.#derived(owner, chunks, tail, length)
    this.#chunks = chunks
    this.#tail = tail
    this.#length = length
    return this
  }

  /** This list with `item` appended (in place when `owner` owns it). */
  push(item: T, owner?: ListOwner): ChunkList<T> {
    const inPlace = this.#mine(owner)
    let chunks = this.#chunks
    let tail = this.#tail
    if (inPlace && mine(owner, tail)) tail.push(item)
    else tail = claimStorage(owner, appended(tail, item))
    if (tail.length === CHUNK) {
      // The tail is full: it becomes a chunk of the index, and the new tail is empty.
      if (inPlace && mine(owner, chunks)) chunks.push(tail)
      else chunks = claimStorage(owner, appended(chunks, tail))
      tail = claimStorage(owner, [] as T[])
    }
    return this.#update(owner, inPlace, chunks, tail, this.#length + 1)
  }

  /** This list with the item at `index` replaced (in place when `owner` owns it). */
  set(index: number, item: T, owner?: ListOwner): ChunkList<T> {
    if (index < 0 || index >= this.#length)
      throw new RangeError(`ChunkList.set: index ${index} is outside 0..${this.#length - 1}`)
    if (this.get(index) === item) return this
    const out = this.#mine(owner)
      ? this
      : this.#derived(owner, this.#chunks, this.#tail, this.#length)
    const base = out.#chunks.length << 5
    if (index >= base) {
      if (mine(owner, out.#tail)) out.#tail[index - base] = item
      else {
        const copy = claimStorage(owner, [...out.#tail])
        copy[index - base] = item
        out.#tail = copy
      }
      return out
    }
    const c = index >>> 5
    const chunk = out.#chunks[c] as T[]
    if (out === this) this.changedAt(index)
    if (mine(owner, chunk)) {
      chunk[index & 31] = item
      return out
    }
    const copy = claimStorage(owner, [...chunk])
    copy[index & 31] = item
    if (!mine(owner, out.#chunks)) out.#chunks = claimStorage(owner, [...out.#chunks])
    out.#chunks[c] = copy
    return out
  }

  /**
   * This list with `item` inserted before `index` (`length` appends). Appending is cheap; an
   * insertion earlier in the list rebuilds the chunks after it.
   */
  insert(index: number, item: T, owner?: ListOwner): ChunkList<T> {
    if (index === this.#length) return this.push(item, owner)
    if (index < 0 || index > this.#length)
      throw new RangeError(`ChunkList.insert: index ${index} is outside 0..${this.#length}`)
    const items = this.toArray()
    items.splice(index, 0, item)
    const first = index >>> 5
    const full = items.length - (items.length & 31)
    const inPlace = this.#mine(owner)
    const chunks =
      inPlace && mine(owner, this.#chunks)
        ? this.#chunks
        : claimStorage(owner, this.#chunks.slice(0, first))
    chunks.length = first
    for (let i = first * CHUNK; i < full; i += CHUNK)
      chunks.push(claimStorage(owner, items.slice(i, i + CHUNK)))
    const tail = claimStorage(owner, items.slice(full))
    if (inPlace && this.#memo !== undefined && this.#memo.length > first) this.#memo.length = first
    return this.#update(owner, inPlace, chunks, tail, items.length)
  }

  get [Symbol.toStringTag](): string {
    return 'ChunkList'
  }
}
