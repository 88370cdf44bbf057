/**
 * An index over a (frozen) list of nodes with stamped versions — an indicator's period values —
 * that lets an as-of view skip the parts of the list a cut cannot change: the longest prefix
 * whose every version (of every versioned field) is visible, and the suffix where no version of
 * the fields that make a node present is visible.
 *
 * The index is kept per chunk of the list's storage (see {@link ChunkList.forEachChunk}): for
 * each chunk, the greatest position, recorded time and valid time of any version in it and the
 * least of the presence versions. The freezer writes a chunk's summary when it publishes the
 * chunk, while its items are in cache from being frozen; published chunks never change and are
 * shared by every later version of the list, so a summary is computed once and an update that
 * changes one value summarises one chunk. A query finds, by binary search over the chunks'
 * running maxima and minima, the one chunk where each bound falls and reads only that chunk's
 * items. The first as-of on a freshly published state therefore reads two chunks per list, not
 * every value of every list.
 *
 * @module internal/VisibilityIndex
 */
import type { ChunkList } from '../ChunkList'
import type { Stamp } from '../State'
import { compiled, read } from './Compile'
import { type AnyNode, fieldsOf } from './Shape'

/** Which fields of the items hold stamped versions, and which of them make an item present. */
export interface IndexFields {
  readonly all: ReadonlyArray<string>
  readonly presence: ReadonlyArray<string>
  /** The extent of a chunk of such items: compiled for the item node (see `internal/Compile`). */
  readonly summarise: (chunk: Chunk) => Extent
}

/** The index fields of a period list's item node: its versioned fields and its presence fields. */
export function indexFields(item: AnyNode): IndexFields {
  const all = fieldsOf(item)
    .filter(([, f]) => f.kind === 'versions')
    .map(([k]) => k)
  const presence = item.presence.kind === 'any' ? item.presence.of : []
  for (const key of presence)
    if (!all.includes(key))
      throw new Error(
        `${item.name}: presence field ${JSON.stringify(key)} of a period list's item must be a versions field`,
      )
  const fields = { all, presence }
  return { all, presence, summarise: compileSummary(fields) }
}

/**
 * A bitemporal cut, as `asOf` takes it (absent parts do not filter). Times are the validated
 * strings, whose order is their time order.
 */
export interface Bounds {
  readonly position?: number | undefined
  readonly recordedTime?: string | undefined
  readonly validTime?: string | undefined
}

type Item = Readonly<Record<string, unknown>>
type Chunk = ReadonlyArray<Item>

// Below every time string and above every one (times are ASCII digits and punctuation).
const EARLIEST = ''
const LATEST = '\uffff'

/** The greatest and least stamps of a run of items, on each axis. */
export class Extent {
  constructor(
    public maxPosition = -Infinity,
    public maxRecorded = EARLIEST,
    public maxValid = EARLIEST,
    public minPosition = Infinity,
    public minRecorded = LATEST,
    public minValid = LATEST,
  ) {}

  /** Widens the maxima by every version of `item`'s versioned fields. */
  widen(item: Item, fields: ReadonlyArray<string>): void {
    for (let f = 0; f < fields.length; f++) {
      const versions = item[fields[f] as string] as ReadonlyArray<Stamp>
      for (let j = 0; j < versions.length; j++) {
        const s = versions[j] as Stamp
        if (s.position > this.maxPosition) this.maxPosition = s.position
        if (s.recordedTime > this.maxRecorded) this.maxRecorded = s.recordedTime
        if (s.validTime > this.maxValid) this.maxValid = s.validTime
      }
    }
  }

  /** Narrows the minima by every version of `item`'s presence fields. */
  narrow(item: Item, fields: ReadonlyArray<string>): void {
    for (let f = 0; f < fields.length; f++) {
      const versions = item[fields[f] as string] as ReadonlyArray<Stamp>
      for (let j = 0; j < versions.length; j++) {
        const s = versions[j] as Stamp
        if (s.position < this.minPosition) this.minPosition = s.position
        if (s.recordedTime < this.minRecorded) this.minRecorded = s.recordedTime
        if (s.validTime < this.minValid) this.minValid = s.validTime
      }
    }
  }
}

/** What is known of each published chunk; a chunk here has all its items frozen. */
const summaries = new WeakMap<Chunk, Extent>()

function extent(
  maxP: number,
  maxR: string,
  maxV: string,
  minP: number,
  minR: string,
  minV: string,
): Extent {
  return new Extent(maxP, maxR, maxV, minP, minR, minV)
}

/**
 * The summariser of chunks of one item node, compiled for it: one pass over the items' versioned
 * fields, the running extremes in locals; a field that makes an item present narrows the minima
 * too. Consecutive versions mostly share their recorded time (one per appended batch): the
 * identity test skips comparing the characters.
 */
function compileSummary(fields: Pick<IndexFields, 'all' | 'presence'>): (chunk: Chunk) => Extent {
  const { all, presence } = fields
  const field = (key: string): string => `{
      const vs = ${read('item', key)}
      for (let j = 0; j < vs.length; j++) {
        const s = vs[j]
        const p = s.position
        const r = s.recordedTime
        const v = s.validTime
        if (p > maxP) maxP = p
        if (r !== maxR && r > maxR) maxR = r
        if (v !== maxV && v > maxV) maxV = v${
          presence.includes(key)
            ? `
        if (p < minP) minP = p
        if (r !== minR && r < minR) minR = r
        if (v !== minV && v < minV) minV = v`
            : ''
        }
      }
    }`
  return compiled<(chunk: Chunk) => Extent>(
    { extent, EARLIEST, LATEST },
    `return function summarise(chunk) {
      let maxP = -Infinity, maxR = EARLIEST, maxV = EARLIEST
      let minP = Infinity, minR = LATEST, minV = LATEST
      for (let i = 0; i < chunk.length; i++) {
        const item = chunk[i]
        ${all.map(field).join('\n')}
      }
      return extent(maxP, maxR, maxV, minP, minR, minV)
    }`,
    () => (chunk) => {
      const e = new Extent()
      for (let i = 0; i < chunk.length; i++) {
        e.widen(chunk[i] as Item, all)
        e.narrow(chunk[i] as Item, presence)
      }
      return e
    },
  )
}

/** Has this chunk been summarised (and so published, its items frozen)? */
export function isSummarised(chunk: Chunk): boolean {
  return summaries.has(chunk)
}

/**
 * Records the summary of chunk `c` (by ordinal) of `list`, which the freezer has just published,
 * every item frozen: what the list remembers of it when it still does (restored with a
 * checkpoint), else computed by `fields.summarise`. A chunk is summarised once: published chunks
 * never change.
 */
export function recordSummary(
  list: ChunkList<Item>,
  chunk: Chunk,
  c: number,
  fields: IndexFields,
): void {
  if (!summaries.has(chunk)) summaries.set(chunk, ownedSummaryOf(list, chunk, c, fields))
}

/** A chunk's summary; computed here (and kept only when its items are frozen) if the freezer did not. */
function summaryOf(chunk: Chunk, fields: IndexFields): Extent {
  const known = summaries.get(chunk)
  if (known !== undefined) return known
  const e = fields.summarise(chunk)
  if (chunk.every((item) => Object.isFrozen(item))) summaries.set(chunk, e)
  return e
}

/**
 * The summaries of a list's full chunks, in order, as a checkpoint stores them: known ones (a
 * frozen chunk's, or what an owned list remembers) or computed now.
 */
export function fullChunkSummaries(list: ChunkList<Item>, fields: IndexFields): Extent[] {
  const frozen = Object.isFrozen(list)
  const out: Extent[] = []
  list.forEachChunk((chunk, start) => {
    if (chunk.length < 32) return
    out.push(frozen ? summaryOf(chunk, fields) : ownedSummaryOf(list, chunk, start >>> 5, fields))
  })
  return out
}

/** A frozen list's chunks with their running maxima (from the start) and minima (from the end). */
interface ListIndex {
  readonly chunks: ReadonlyArray<Chunk>
  readonly starts: ReadonlyArray<number>
  readonly maxPosition: Float64Array
  readonly maxRecorded: ReadonlyArray<string>
  readonly maxValid: ReadonlyArray<string>
  readonly minPosition: Float64Array
  readonly minRecorded: ReadonlyArray<string>
  readonly minValid: ReadonlyArray<string>
}

const lists = new WeakMap<ChunkList<Item>, ListIndex>()

/**
 * What is known of chunk `c` (by ordinal) of a list its owner may still change: what the list
 * remembers of it (restored with a checkpoint, and still valid), else its summary computed now.
 */
function ownedSummaryOf(
  list: ChunkList<Item>,
  chunk: Chunk,
  c: number,
  fields: IndexFields,
): Extent {
  const remembered = list.chunkMemo(c)
  return remembered instanceof Extent ? remembered : fields.summarise(chunk)
}

function indexList(list: ChunkList<Item>, fields: IndexFields): ListIndex {
  const chunks: Chunk[] = []
  const starts: number[] = []
  const extents: Extent[] = []
  list.forEachChunk((chunk, start) => {
    chunks.push(chunk)
    starts.push(start)
    extents.push(summaryOf(chunk, fields))
  })
  const m = chunks.length
  const maxPosition = new Float64Array(m)
  const maxRecorded = new Array<string>(m)
  const maxValid = new Array<string>(m)
  const run = new Extent()
  for (let c = 0; c < m; c++) {
    const e = extents[c] as Extent
    run.maxPosition = Math.max(run.maxPosition, e.maxPosition)
    if (e.maxRecorded > run.maxRecorded) run.maxRecorded = e.maxRecorded
    if (e.maxValid > run.maxValid) run.maxValid = e.maxValid
    maxPosition[c] = run.maxPosition
    maxRecorded[c] = run.maxRecorded
    maxValid[c] = run.maxValid
  }
  const minPosition = new Float64Array(m)
  const minRecorded = new Array<string>(m)
  const minValid = new Array<string>(m)
  for (let c = m - 1; c >= 0; c--) {
    const e = extents[c] as Extent
    run.minPosition = Math.min(run.minPosition, e.minPosition)
    if (e.minRecorded < run.minRecorded) run.minRecorded = e.minRecorded
    if (e.minValid < run.minValid) run.minValid = e.minValid
    minPosition[c] = run.minPosition
    minRecorded[c] = run.minRecorded
    minValid[c] = run.minValid
  }
  return { chunks, starts, maxPosition, maxRecorded, maxValid, minPosition, minRecorded, minValid }
}

/** The first index whose (non-decreasing) entry exceeds `x`, or the length. */
function firstAbove<X>(xs: ArrayLike<X>, x: X): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((xs[mid] as X) > x) hi = mid
    else lo = mid + 1
  }
  return lo
}

type Axis = 0 | 1 | 2

function maxOn(e: Extent, axis: Axis): number | string {
  return axis === 0 ? e.maxPosition : axis === 1 ? e.maxRecorded : e.maxValid
}

function minOn(e: Extent, axis: Axis): number | string {
  return axis === 0 ? e.minPosition : axis === 1 ? e.minRecorded : e.minValid
}

/**
 * On one axis with cut `x`: `[k, j]` where `k` is the first item with a version after the cut
 * and `j` the first item from which no presence version is at or before it.
 */
function spanOn(
  ix: ListIndex,
  n: number,
  fields: IndexFields,
  axis: Axis,
  x: number | string,
): readonly [number, number] {
  const maxima = axis === 0 ? ix.maxPosition : axis === 1 ? ix.maxRecorded : ix.maxValid
  const minima = axis === 0 ? ix.minPosition : axis === 1 ? ix.minRecorded : ix.minValid
  let k = n
  const c = firstAbove<number | string>(maxima, x)
  if (c < ix.chunks.length) {
    // Every chunk before `c` is visible: the first item past the cut is in chunk `c`.
    const chunk = ix.chunks[c] as Chunk
    k = ix.starts[c] as number
    const e = new Extent()
    for (let i = 0; i < chunk.length; i++) {
      e.widen(chunk[i] as Item, fields.all)
      if (maxOn(e, axis) > x) {
        k = (ix.starts[c] as number) + i
        break
      }
    }
  }
  let j = 0
  const d = firstAbove<number | string>(minima, x)
  if (d > 0) {
    // Chunks from `d` on hold nothing at or before the cut; chunk `d - 1` does: after its last
    // item that does, nothing does.
    const chunk = ix.chunks[d - 1] as Chunk
    j = (ix.starts[d - 1] as number) + chunk.length
    for (let i = chunk.length - 1; i >= 0; i--) {
      const e = new Extent()
      e.narrow(chunk[i] as Item, fields.presence)
      if (minOn(e, axis) <= x) {
        j = (ix.starts[d - 1] as number) + i + 1
        break
      }
    }
  }
  return [k, j]
}

/** Is this version after the cut `x` on the axis? One per axis, so that each scan reads one field. */
const AFTER: ReadonlyArray<(s: Stamp, x: number | string) => boolean> = [
  (s, x) => s.position > (x as number),
  (s, x) => s.recordedTime > (x as string),
  (s, x) => s.validTime > (x as string),
]

/** Does `item` hold a version of `fields` that is after (`after` true) or not after the cut? */
function holds(
  item: Item,
  fields: ReadonlyArray<string>,
  isAfter: (s: Stamp, x: number | string) => boolean,
  x: number | string,
  after: boolean,
): boolean {
  for (let f = 0; f < fields.length; f++) {
    const versions = item[fields[f] as string] as ReadonlyArray<Stamp>
    for (let v = 0; v < versions.length; v++)
      if (isAfter(versions[v] as Stamp, x) === after) return true
  }
  return false
}

/**
 * {@link spanOn} without an index, for a list its owner may still change: `k` by a walk from the
 * front, then `j` by a walk from the back that stops at `k` (below it, `j` would not matter: the
 * span is `[k, max(k, j)]`). A full chunk whose summary the list remembers (restored with a
 * checkpoint, still valid) is passed over whole when it cannot hold the bound — every version in
 * it at or before the cut (front), or no presence version in it at or before the cut (back) —
 * and every other item is read once. Neither bound ever moves past where it truly is.
 */
function scanOn(
  values: ChunkList<Item>,
  n: number,
  fields: IndexFields,
  axis: Axis,
  x: number | string,
): readonly [number, number] {
  const isAfter = AFTER[axis] as (s: Stamp, x: number | string) => boolean
  const remembers = values.remembersChunks
  let k = 0
  while (k < n) {
    if (remembers && (k & 31) === 0 && k + 32 <= n) {
      const e = values.chunkMemo(k >>> 5)
      if (e instanceof Extent && maxOn(e, axis) <= x) {
        k += 32
        continue
      }
    }
    if (holds(values.get(k) as Item, fields.all, isAfter, x, true)) break
    k++
  }
  let j = n
  while (j > k) {
    if (remembers && (j & 31) === 0) {
      const e = values.chunkMemo((j >>> 5) - 1)
      if (e instanceof Extent && minOn(e, axis) > x) {
        j -= 32
        continue
      }
    }
    if (holds(values.get(j - 1) as Item, fields.presence, isAfter, x, false)) break
    j--
  }
  return [k, j]
}

/**
 * `[k, j]` such that every item before `k` is entirely visible under the cut (kept as is), and
 * no version of any item from `j` on is visible (dropped).
 */
export function visibleSpan(
  values: ChunkList<Item>,
  cut: Bounds,
  fields: IndexFields,
): readonly [number, number] {
  const n = values.length
  if (n === 0) return [0, 0]
  // A frozen list never changes: its index is built once and kept. A list its owner may still
  // change (a state restored from a checkpoint, or replayed without publishing) is walked on the
  // cut's axes instead, passing over the full chunks whose summaries it remembers (restored with
  // the checkpoint, kept valid by the list through writes in place): no index to build and
  // throw away per query.
  let ix: ListIndex | undefined
  if (Object.isFrozen(values)) {
    ix = lists.get(values)
    if (ix === undefined) {
      ix = indexList(values, fields)
      lists.set(values, ix)
    }
  }
  let k = n
  let j = n
  const axes: ReadonlyArray<readonly [Axis, number | string | undefined]> = [
    [0, cut.position],
    [1, cut.recordedTime],
    [2, cut.validTime],
  ]
  for (const [axis, x] of axes) {
    if (x === undefined) continue
    const [ka, ja] =
      ix === undefined ? scanOn(values, n, fields, axis, x) : spanOn(ix, n, fields, axis, x)
    k = Math.min(k, ka)
    j = Math.min(j, ja)
  }
  return [k, Math.max(k, j)]
}
