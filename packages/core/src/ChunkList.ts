/**
 * `ChunkList`: the persistent list that holds an indicator's period values. Items are stored in
 * chunks of 32; every chunk but the last is full. A new version copies the chunk index and the
 * one chunk it changes and shares the others, so appending to a list of 1,800 daily values copies
 * about 90 pointers instead of 1,800, and a prefix (what an as-of view keeps) shares its full
 * chunks outright.
 *
 * Writes take an optional `owner`: `true` when the caller owns the whole state (replay: change in
 * place), or the set of arrays and lists the caller created in the current draft (those may be
 * changed in place; anything else is copied first and the copy added to the set). Without an
 * owner every write returns a new list and leaves this one as it was.
 *
 * @module ChunkList
 */

const CHUNK = 32

/**
 * The nodes one writer made (and may change in place). A writer makes a handful per update, so
 * they are kept in a plain array and found by a scan: no hash table to allocate per update.
 */
export class OwnedNodes implements Iterable<object> {
  readonly #items: object[] = []
  /** Did this writer make `x`? */
  has(x: object): boolean {
    return this.#items.includes(x)
  }
  /** Records that this writer made `x`. */
  add(x: object): void {
    this.#items.push(x)
  }
  [Symbol.iterator](): Iterator<object> {
    return this.#items[Symbol.iterator]()
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

/** Iterates the items of a list's chunks (a class, not a generator: this runs per item). */
class ChunkIterator<T> implements Iterator<T> {
  #chunk = 0
  #index = 0
  constructor(private readonly chunks: ReadonlyArray<ReadonlyArray<T>>) {}
  next(): IteratorResult<T> {
    for (;;) {
      const chunk = this.chunks[this.#chunk]
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
 * import { ChunkList } from '@progress-ledger/core'
 * const a = ChunkList.of([1, 2, 3])
 * const b = a.push(4)
 * ;[a.length, b.length, b.get(3)] // [3, 4, 4]
 */
export class ChunkList<T> implements Iterable<T> {
  #chunks: T[][]
  #length: number

  private constructor(chunks: T[][], length: number) {
    this.#chunks = chunks
    this.#length = length
  }

  /** A new empty list. */
  static empty<T>(): ChunkList<T> {
    return new ChunkList<T>([], 0)
  }

  /** A list of the given items, in order. */
  static of<T>(items: Iterable<T>): ChunkList<T> {
    const all = Array.isArray(items) ? (items as T[]) : [...items]
    const chunks: T[][] = []
    for (let i = 0; i < all.length; i += CHUNK) chunks.push(all.slice(i, i + CHUNK))
    return new ChunkList(chunks, all.length)
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
    return (this.#chunks[index >>> 5] as T[])[index & 31]
  }

  /** The item at `index`, counting from the end when negative (like `Array.prototype.at`). */
  at(index: number): T | undefined {
    return this.get(index < 0 ? this.#length + index : index)
  }

  [Symbol.iterator](): Iterator<T> {
    return new ChunkIterator(this.#chunks)
  }

  /** Calls `fn` for each item in order (cheaper than iterating). */
  forEach(fn: (item: T, index: number) => void): void {
    let i = 0
    for (const chunk of this.#chunks) for (let j = 0; j < chunk.length; j++) fn(chunk[j] as T, i++)
  }

  /** The items as a new array. */
  toArray(): T[] {
    const out = new Array<T>(this.#length)
    let i = 0
    for (const chunk of this.#chunks) for (const item of chunk) out[i++] = item
    return out
  }

  /** `Array.prototype.map` over the items. */
  map<U>(fn: (item: T, index: number) => U): U[] {
    const out = new Array<U>(this.#length)
    let i = 0
    for (const chunk of this.#chunks)
      for (const item of chunk) {
        out[i] = fn(item, i)
        i++
      }
    return out
  }

  /** The items for which `fn` holds, as an array. */
  filter(fn: (item: T, index: number) => boolean): T[] {
    const out: T[] = []
    let i = 0
    for (const chunk of this.#chunks) for (const item of chunk) if (fn(item, i++)) out.push(item)
    return out
  }

  /** The first item for which `fn` holds. */
  find(fn: (item: T, index: number) => boolean): T | undefined {
    let i = 0
    for (const chunk of this.#chunks) for (const item of chunk) if (fn(item, i++)) return item
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
    const chunks = this.#chunks.slice(0, full)
    const rest = n & 31
    if (rest > 0) chunks.push((this.#chunks[full] as T[]).slice(0, rest))
    return new ChunkList(chunks, n)
  }

  /** This list with `items` appended. */
  concat(items: ReadonlyArray<T>): ChunkList<T> {
    if (items.length === 0) return this
    const owner = new OwnedNodes()
    let out = this.push(items[0] as T, owner)
    for (let i = 1; i < items.length; i++) out = out.push(items[i] as T, owner)
    return out
  }

  /** A writable version of this list for `owner`: itself when owned, else a copy of its index. */
  #writable(owner: ListOwner | undefined): ChunkList<T> {
    if (mine(owner, this)) return this
    return claim(owner, new ChunkList(claim(owner, [...this.#chunks]), this.#length))
  }

  /** This list with `item` appended (in place when `owner` owns it). */
  push(item: T, owner?: ListOwner): ChunkList<T> {
    const out = this.#writable(owner)
    const chunks = out.#chunks
    const k = chunks.length - 1
    const last = chunks[k]
    if (last === undefined || last.length === CHUNK) chunks.push(claim(owner, [item]))
    else if (mine(owner, last)) last.push(item)
    else chunks[k] = claim(owner, [...last, item])
    out.#length++
    return out
  }

  /** This list with the item at `index` replaced (in place when `owner` owns it). */
  set(index: number, item: T, owner?: ListOwner): ChunkList<T> {
    if (index < 0 || index >= this.#length)
      throw new RangeError(`ChunkList.set: index ${index} is outside 0..${this.#length - 1}`)
    if (this.get(index) === item) return this
    const out = this.#writable(owner)
    const c = index >>> 5
    const chunk = out.#chunks[c] as T[]
    if (mine(owner, chunk)) chunk[index & 31] = item
    else {
      const copy = claim(owner, [...chunk])
      copy[index & 31] = item
      out.#chunks[c] = copy
    }
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
    const out = this.#writable(owner)
    const first = index >>> 5
    const chunks = out.#chunks
    chunks.length = first
    for (let i = first * CHUNK; i < items.length; i += CHUNK)
      chunks.push(claim(owner, items.slice(i, i + CHUNK)))
    out.#length++
    return out
  }

  get [Symbol.toStringTag](): string {
    return 'ChunkList'
  }
}
