/**
 * A compact, columnar binary image of a state, encoded and decoded by its declared shape (the
 * representation of stored checkpoints). The shape fixes the order in which nodes are visited, so
 * the image holds only values:
 *
 * - one table per kind of node (per node shape), one column per scalar or data field, each
 *   column stored as the tightest array that holds all its values (Float64 numbers, string
 *   references, booleans, or, for anything else, a JSON array);
 * - a stream of counts (list lengths, map sizes) and a stream of keys (ids of maps and orders);
 *   after a period list's items, the summaries of its full chunks (the as-of index, see
 *   internal/VisibilityIndex): restored with the list, an as-of view of the restored state reads
 *   two chunks per list instead of every value;
 * - one table of the strings (each short one once; see `UNSHARED_LENGTH`) and of every distinct
 *   piece of event data (as JSON): the ASCII ones as one run of bytes with their lengths, read
 *   as one string that each is a slice of, the others (few: names and texts in Chinese) as a JSON
 *   array, parsed in one native call.
 *
 * Decoding walks the shape once more and builds each node with an object literal generated for
 * its kind (one hidden class per kind, the fields read straight from typed arrays), so it
 * allocates little besides the state's own objects. The measured comparison with JSON and
 * `v8.serialize` is in docs/architecture.md.
 *
 * @module internal/ShapeCodec
 */
import { ChunkList } from '../ChunkList'
import { EntityMap } from '../EntityMap'
import { type AnyNode, type AnyShape, fieldsOf } from './Shape'
import { EMPTY } from './Draft'
import { joinStrings, splitStrings } from './StringTable'
import { Extent, fullChunkSummaries, indexFields } from './VisibilityIndex'

/** How a column is stored. */
type ColumnKind = 'number' | 'nnumber' | 'string' | 'bool' | 'data' | 'json' | 'null'

const NONE = 0xffffffff

/** A growable array of numbers kept in a typed buffer (no JS array, no boxed numbers). */
class Numbers {
  buf: Float64Array
  length = 0
  constructor(capacity = 16) {
    this.buf = new Float64Array(capacity)
  }
  push(v: number): void {
    if (this.length === this.buf.length) {
      const grown = new Float64Array(this.buf.length * 2)
      grown.set(this.buf)
      this.buf = grown
    }
    this.buf[this.length++] = v
  }
}

// What a scalar column has held so far.
const NUM = 1
const STR = 2
const NUL = 4
const BOOL = 8

/**
 * One column being written. While its values are all of one kind (numbers, strings, booleans,
 * with or without nulls) they are kept in a typed buffer — a number, a string's reference, 0/1,
 * NaN for null — so a column of a million versions costs 8 bytes a row, not a JS array of boxed
 * values. A column that mixes kinds falls back to the values themselves (stored as JSON).
 */
class Column {
  readonly cells = new Numbers()
  seen = 0
  mixed: unknown[] | undefined

  constructor(readonly data: boolean) {}

  get rows(): number {
    return this.mixed?.length ?? this.cells.length
  }

  /** Appends a data field's reference. */
  ref(ref: number): void {
    this.cells.push(ref)
  }

  /** Appends a scalar value (`undefined` is stored as null). */
  push(v: unknown, w: Writer): void {
    if (this.mixed !== undefined) {
      this.mixed.push(v === undefined ? null : v)
      return
    }
    let flag: number
    let cell: number
    if (v === null || v === undefined) {
      flag = NUL
      cell = Number.NaN
    } else if (typeof v === 'number' && !Number.isNaN(v)) {
      flag = NUM
      // -0 is written as 0, as JSON writes it: a state replayed from stored events holds 0, and a
      // mixed column (JSON) would turn it into 0 too.
      cell = v === 0 ? 0 : v
    } else if (typeof v === 'string') {
      flag = STR
      cell = w.string(v)
    } else if (typeof v === 'boolean') {
      flag = BOOL
      cell = v ? 1 : 0
    } else {
      this.unmix(v)
      return
    }
    const seen = this.seen | flag
    if (
      seen === NUM ||
      seen === STR ||
      seen === BOOL ||
      (seen & ~NUL) === NUM ||
      (seen & ~NUL) === STR ||
      seen === NUL
    ) {
      this.seen = seen
      this.cells.push(cell)
    } else this.unmix(v)
  }

  /** Falls back to plain values: the column's rows so far, read back, then `v`. */
  private unmix(v: unknown): void {
    const { buf, length } = this.cells
    const out: unknown[] = []
    for (let i = 0; i < length; i++) {
      const c = buf[i] as number
      if (Number.isNaN(c)) out.push(null)
      else if (this.seen & STR) out.push(this.strings?.[c])
      else if (this.seen & BOOL) out.push(c === 1)
      else out.push(c)
    }
    out.push(v === undefined ? null : v)
    this.mixed = out
  }

  /** Set by the writer: the string table, to read string references back when a column mixes. */
  strings: ReadonlyArray<string> | undefined

  /** How the column is stored. */
  kind(): ColumnKind {
    if (this.data) return 'data'
    if (this.mixed !== undefined) return 'json'
    const seen = this.seen
    if (this.cells.length === 0 || seen === NUL) return 'null'
    if (seen === NUM) return 'number'
    if (seen === (NUM | NUL)) return 'nnumber'
    if ((seen & ~NUL) === STR) return 'string'
    return 'bool'
  }
}

/**
 * Strings this long or longer go into the string table without looking for an earlier copy: they
 * are event ids (36 characters) and texts, nearly every one unique — a million of them made the
 * table's index the costliest part of encoding a 1M-event state (2.4 s of 6.5), for a few
 * thousand repeats. Shorter strings (times, periods, entity ids, actors) recur and are shared.
 */
const UNSHARED_LENGTH = 36

/** Node tables, counts and keys being written. */
class Writer {
  readonly tables = new Map<AnyNode, Array<Column | undefined>>()
  readonly rows = new Map<AnyNode, number>()
  readonly counts = new Numbers(1024)
  readonly keys = new Numbers(1024)
  readonly strings: string[] = []
  readonly stringIndex = new Map<string, number>()
  readonly dataIndex = new Map<string, number>()

  table(node: AnyNode, data: ReadonlyArray<boolean | undefined>): Array<Column | undefined> {
    let t = this.tables.get(node)
    if (t === undefined) {
      t = data.map((d) => {
        if (d === undefined) return undefined
        const c = new Column(d)
        c.strings = this.strings
        return c
      })
      this.tables.set(node, t)
    }
    return t
  }
  string(s: string): number {
    if (s.length >= UNSHARED_LENGTH) {
      this.strings.push(s)
      return this.strings.length - 1
    }
    let i = this.stringIndex.get(s)
    if (i === undefined) {
      i = this.strings.length
      this.strings.push(s)
      this.stringIndex.set(s, i)
    }
    return i
  }
  data(x: unknown): number {
    if (x === null || x === undefined) return NONE
    const text = JSON.stringify(x)
    let i = this.dataIndex.get(text)
    if (i === undefined) {
      i = this.strings.length
      this.strings.push(text)
      this.dataIndex.set(text, i)
    }
    return i
  }
}

type Encoder = (x: unknown, w: Writer) => void

/**
 * A full chunk's summary (see internal/VisibilityIndex), after its list's items: a flag, the
 * greatest and least positions in the counts, the four times in the keys. The flag is 0, and
 * nothing follows, for a chunk whose extent is not a pair of stamps (a chunk without versions).
 */
function writeSummary(e: Extent, w: Writer): void {
  const { maxPosition: maxP, minPosition: minP } = e
  if (!(
    Number.isInteger(maxP) &&
    Number.isInteger(minP) &&
    maxP >= 0 &&
    minP >= 0 &&
    maxP < NONE
  )) {
    w.counts.push(0)
    return
  }
  w.counts.push(1)
  w.counts.push(maxP)
  w.counts.push(minP)
  w.keys.push(w.string(e.maxRecorded))
  w.keys.push(w.string(e.maxValid))
  w.keys.push(w.string(e.minRecorded))
  w.keys.push(w.string(e.minValid))
}

/** A full chunk's summary as {@link writeSummary} wrote it; `undefined` for none. */
function readSummary(r: Reader): Extent | undefined {
  if (r.nextCount() === 0) return undefined
  const maxP = r.nextCount()
  const minP = r.nextCount()
  const maxR = r.nextKey()
  const maxV = r.nextKey()
  const minR = r.nextKey()
  const minV = r.nextKey()
  return new Extent(maxP, maxR, maxV, minP, minR, minV)
}

function nodeEncoder(node: AnyNode): Encoder {
  const fields = fieldsOf(node)
  const width = fields.length
  const plan = fields.map(([key, f]) => ({
    key,
    column: f.kind === 'scalar' || f.kind === 'data' || f.kind === 'list' ? f.kind : undefined,
    inner: f.kind === 'scalar' || f.kind === 'data' || f.kind === 'list' ? undefined : f,
  }))
  const data = plan.map((p) => (p.column === undefined ? undefined : p.column !== 'scalar'))
  let inner: Array<Encoder | undefined> | undefined
  return (x, w) => {
    inner ??= plan.map((p) => (p.inner === undefined ? undefined : compileEncode(p.inner)))
    const o = x as Readonly<Record<string, unknown>>
    const table = w.table(node, data)
    w.rows.set(node, (w.rows.get(node) ?? 0) + 1)
    for (let i = 0; i < width; i++) {
      const p = plan[i] as (typeof plan)[number]
      const v = o[p.key]
      if (p.column === 'scalar') (table[i] as Column).push(v, w)
      else if (p.column !== undefined) (table[i] as Column).ref(w.data(v))
      else (inner[i] as Encoder)(v, w)
    }
  }
}

function compileEncode(s: AnyShape): Encoder {
  switch (s.kind) {
    case 'scalar':
    case 'data':
    case 'list':
      throw new Error(`checkpoint: a ${s.kind} is written as a column of its node`)
    case 'order':
      return (x, w) => {
        const ids = x as ReadonlyArray<string>
        w.counts.push(ids.length)
        for (const id of ids) w.keys.push(w.string(id))
      }
    case 'node':
      return nodeEncoder(s)
    case 'versions': {
      const item = nodeEncoder(s.item)
      return (x, w) => {
        const xs = x as ReadonlyArray<unknown>
        w.counts.push(xs.length)
        xs.forEach((v) => item(v, w))
      }
    }
    case 'periods': {
      const item = nodeEncoder(s.item)
      const fields = indexFields(s.item)
      return (x, w) => {
        const xs = x as ChunkList<Readonly<Record<string, unknown>>>
        w.counts.push(xs.length)
        xs.forEach((v) => item(v, w))
        for (const e of fullChunkSummaries(xs, fields)) writeSummary(e, w)
      }
    }
    case 'dict': {
      const value = nodeEncoder(s.value)
      return (x, w) => {
        const r = x as Readonly<Record<string, unknown>>
        const keys = Object.keys(r)
        w.counts.push(keys.length)
        for (const key of keys) {
          w.keys.push(w.string(key))
          value(r[key], w)
        }
      }
    }
    case 'entities': {
      const value = nodeEncoder(s.value)
      return (x, w) => {
        const m = x as EntityMap<unknown>
        w.counts.push(m.size)
        m.each((v, key) => {
          w.keys.push(w.string(key))
          value(v, w)
        })
      }
    }
  }
}

interface ColumnHead {
  readonly kind: ColumnKind
  /** Byte offset of the column's array (relative to the body), or an index into the JSON columns. */
  readonly at: number
}

interface Header {
  /** Per node table (in shape order): its row count and columns. */
  readonly tables: ReadonlyArray<{
    readonly rows: number
    readonly columns: ReadonlyArray<ColumnHead>
  }>
  readonly counts: { readonly at: number; readonly length: number }
  readonly keys: { readonly at: number; readonly length: number }
  /** The ASCII strings, one after another (the last section of the image). */
  readonly strings: { readonly at: number; readonly bytes: number }
  /** Per string of the table, its length when it is in `strings`, or NOT_IN_RUN (internal/StringTable) when in `others`. */
  readonly lengths: { readonly at: number; readonly length: number }
  /** The strings that are not ASCII, as a JSON array (UTF-8), in table order. */
  readonly others: { readonly at: number; readonly bytes: number }
  readonly json: ReadonlyArray<ReadonlyArray<unknown>>
}

/** Every node shape under `s`, in a fixed (depth-first, declaration) order. */
function nodesOf(s: AnyShape, out: AnyNode[] = []): AnyNode[] {
  switch (s.kind) {
    case 'node':
      if (!out.includes(s)) {
        out.push(s)
        for (const [, f] of fieldsOf(s)) nodesOf(f, out)
      }
      return out
    case 'versions':
    case 'periods':
      return nodesOf(s.item, out)
    case 'dict':
    case 'entities':
      return nodesOf(s.value, out)
    default:
      return out
  }
}

class Reader {
  count = 0
  key = 0
  readonly cache: unknown[]
  constructor(
    readonly counts: Uint32Array,
    readonly keys: Uint32Array,
    readonly strings: ReadonlyArray<string>,
  ) {
    this.cache = new Array<unknown>(strings.length)
  }
  nextCount(): number {
    return this.counts[this.count++] as number
  }
  nextKey(): string {
    return this.strings[this.keys[this.key++] as number] as string
  }
  data(ref: number): unknown {
    if (ref === NONE) return null
    let v = this.cache[ref]
    if (v === undefined) {
      v = JSON.parse(this.strings[ref] as string) as unknown
      this.cache[ref] = v
    }
    return v
  }
}

type Decoder = (r: Reader) => unknown
type Make = (row: number, r: Reader) => unknown

/**
 * The constructor of one kind of node: an object literal with the node's fields in declaration
 * order (so every node of a kind shares one hidden class), each read from its column or decoded
 * by its container's decoder.
 */
function generateMake(
  node: AnyNode,
  columns: ReadonlyArray<ColumnHead & { readonly array: unknown }>,
  inner: ReadonlyArray<Decoder | undefined>,
  strings: ReadonlyArray<string>,
): Make {
  const fields = fieldsOf(node)
  const parts = fields.map(([key, f], i) => {
    const k = JSON.stringify(key)
    if (f.kind !== 'scalar' && f.kind !== 'data' && f.kind !== 'list') return `${k}: inner[${i}](r)`
    const c = columns[i] as ColumnHead
    switch (c.kind) {
      case 'null':
        return `${k}: null`
      case 'number':
      case 'json':
        return `${k}: col${i}[row]`
      case 'nnumber':
        return `${k}: (v = col${i}[row], v !== v ? null : v)`
      case 'bool':
        return `${k}: col${i}[row] === 1`
      case 'string':
        return `${k}: (v = col${i}[row], v === ${NONE} ? null : S[v])`
      case 'data':
        return `${k}: r.data(col${i}[row])`
    }
  })
  const names = columns.map((_, i) => `col${i}`)
  const factory = new Function(
    'inner',
    'S',
    ...names,
    `return function make(row, r) { let v; return { ${parts.join(', ')} } }`,
  ) as (...args: unknown[]) => Make
  return factory(inner, strings, ...columns.map((c) => c.array))
}

const MAGIC = 0x504c434b // "PLCK"
const VERSION = 2

function pad8(n: number): number {
  return (n + 7) & ~7
}

/** The JSON in `length` bytes of `bytes` from `at`; a clear Error names `what` when unreadable. */
export function jsonAt(bytes: Uint8Array, at: number, length: number, what: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + at, length).toString('utf8'))
  } catch {
    throw new Error(`checkpoint: corrupt image (unreadable ${what})`)
  }
}

/** A codec for values of one shape. */
export interface ShapeCodec {
  readonly encode: (x: unknown) => Uint8Array
  /** Decodes an image; throws a clear Error for one that is truncated or not an image. */
  readonly decode: (bytes: Uint8Array) => unknown
}

/** The codec of a shape (see the module documentation). */
export function compileCodec(root: AnyShape): ShapeCodec {
  const nodes = nodesOf(root)
  const encodeRoot = compileEncode(root)
  return {
    encode(x) {
      const w = new Writer()
      encodeRoot(x, w)
      // Lay the body out first (every section's size is known from its rows), then write each
      // section straight into the one output buffer: no intermediate copy of any column.
      let size = 0
      const writes: Array<(body: ArrayBuffer, at: number) => void> = []
      const place = (bytes: number, write: (body: ArrayBuffer, at: number) => void): number => {
        const at = size
        writes.push((body, bodyAt) => write(body, bodyAt + at))
        size = pad8(at + bytes)
        return at
      }
      const json: Array<ReadonlyArray<unknown>> = []
      const tables = nodes.map((node) => {
        const table = w.tables.get(node)
        const rows = w.rows.get(node) ?? 0
        const columns = fieldsOf(node).map((_, i): ColumnHead => {
          const column = table?.[i]
          if (column === undefined) return { kind: 'null', at: 0 }
          const kind = column.kind()
          const { buf, length } = column.cells
          switch (kind) {
            case 'null':
              return { kind, at: 0 }
            case 'number':
            case 'nnumber':
              return {
                kind,
                at: place(8 * length, (body, at) =>
                  new Float64Array(body, at, length).set(buf.subarray(0, length)),
                ),
              }
            case 'bool':
              return {
                kind,
                at: place(length, (body, at) =>
                  new Uint8Array(body, at, length).set(buf.subarray(0, length)),
                ),
              }
            case 'string':
            case 'data':
              return {
                kind,
                at: place(4 * length, (body, at) => {
                  const out = new Uint32Array(body, at, length)
                  for (let r = 0; r < length; r++) {
                    const c = buf[r] as number
                    out[r] = Number.isNaN(c) ? NONE : c
                  }
                }),
              }
            case 'json':
              json.push(column.mixed as unknown[])
              return { kind, at: json.length - 1 }
          }
        })
        return { rows, columns }
      })
      const uint32s = (n: Numbers) => ({
        at: place(4 * n.length, (body, at) =>
          new Uint32Array(body, at, n.length).set(n.buf.subarray(0, n.length)),
        ),
        length: n.length,
      })
      const counts = uint32s(w.counts)
      const keys = uint32s(w.keys)
      const table = splitStrings(w.strings)
      const bytesAt = (b: Uint8Array) => ({
        at: place(b.byteLength, (body, at) => new Uint8Array(body).set(b, at)),
        bytes: b.byteLength,
      })
      const lengths = {
        at: bytesAt(new Uint8Array(table.lengths.buffer)).at,
        length: table.lengths.length,
      }
      const others = bytesAt(table.others)
      const strings = bytesAt(table.ascii)
      const header: Header = { tables, counts, keys, strings, lengths, others, json }
      const headerBytes = Buffer.from(JSON.stringify(header), 'utf8')
      const bodyAt = pad8(12 + headerBytes.byteLength)
      const out = new Uint8Array(bodyAt + strings.at + strings.bytes)
      const view = new DataView(out.buffer)
      view.setUint32(0, MAGIC, true)
      view.setUint32(4, VERSION, true)
      view.setUint32(8, headerBytes.byteLength, true)
      out.set(headerBytes, 12)
      for (const write of writes) write(out.buffer, bodyAt)
      return out
    },
    decode(input) {
      // Typed views need aligned offsets: a buffer read from a database may start anywhere.
      const bytes = input.byteOffset % 8 === 0 ? input : new Uint8Array(input)
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
      if (bytes.byteLength < 12 || view.getUint32(0, true) !== MAGIC)
        throw new Error('checkpoint: expected a checkpoint image, got other bytes')
      if (view.getUint32(4, true) !== VERSION)
        throw new Error(
          `checkpoint: expected image version ${VERSION}, got ${view.getUint32(4, true)}`,
        )
      const headerBytes = view.getUint32(8, true)
      const bodyAt = bytes.byteOffset + pad8(12 + headerBytes)
      const header = jsonAt(bytes, 12, headerBytes, 'header') as Header
      const end = bodyAt + header.strings.at + header.strings.bytes
      if (end !== bytes.byteOffset + bytes.byteLength)
        throw new Error(
          `checkpoint: expected ${end - bytes.byteOffset} bytes, got ${bytes.byteLength} (truncated or corrupt)`,
        )
      const strings = joinStrings(
        new Uint32Array(bytes.buffer, bodyAt + header.lengths.at, header.lengths.length),
        Buffer.from(bytes.buffer, bodyAt + header.strings.at, header.strings.bytes),
        jsonAt(bytes, bodyAt - bytes.byteOffset + header.others.at, header.others.bytes, 'strings'),
      )
      const r = new Reader(
        new Uint32Array(bytes.buffer, bodyAt + header.counts.at, header.counts.length),
        new Uint32Array(bytes.buffer, bodyAt + header.keys.at, header.keys.length),
        strings,
      )
      const makers = new Map<AnyNode, { make: Make; row: number }>()
      const decoders = new Map<AnyShape, Decoder>()
      const nodeDecoder = (node: AnyNode): Decoder => {
        // Looked up on first use: a node shared by several parents (a responsibility, a
        // milestone date) may be compiled after one of them.
        let entry: { make: Make; row: number } | undefined
        return (rd) => {
          entry ??= makers.get(node) as { make: Make; row: number }
          return entry.make(entry.row++, rd)
        }
      }
      const decoderOf = (s: AnyShape): Decoder => {
        let d = decoders.get(s)
        if (d !== undefined) return d
        d = compileDecode(s, nodeDecoder)
        decoders.set(s, d)
        return d
      }
      for (let t = nodes.length - 1; t >= 0; t--) {
        const node = nodes[t] as AnyNode
        const table = header.tables[t] as Header['tables'][number]
        const columns = table.columns.map((c) => {
          const rows = table.rows
          const at = bodyAt + c.at
          const array =
            c.kind === 'number' || c.kind === 'nnumber'
              ? new Float64Array(bytes.buffer, at, rows)
              : c.kind === 'string' || c.kind === 'data'
                ? new Uint32Array(bytes.buffer, at, rows)
                : c.kind === 'bool'
                  ? new Uint8Array(bytes.buffer, at, rows)
                  : c.kind === 'json'
                    ? header.json[c.at]
                    : undefined
          return { ...c, array }
        })
        const inner = fieldsOf(node).map(([, f]) =>
          f.kind === 'scalar' || f.kind === 'data' || f.kind === 'list' ? undefined : decoderOf(f),
        )
        makers.set(node, { make: generateMake(node, columns, inner, strings), row: 0 })
      }
      const value = decoderOf(root)(r)
      if (r.count !== header.counts.length || r.key !== header.keys.length)
        throw new Error('checkpoint: corrupt image (counts or keys not consumed exactly)')
      return value
    },
  }
}

function compileDecode(s: AnyShape, nodeDecoder: (node: AnyNode) => Decoder): Decoder {
  switch (s.kind) {
    case 'scalar':
    case 'data':
    case 'list':
      throw new Error(`checkpoint: a ${s.kind} is read as a column of its node`)
    case 'order':
      return (r) => {
        const n = r.nextCount()
        const out = new Array<string>(n)
        for (let i = 0; i < n; i++) out[i] = r.nextKey()
        return out
      }
    case 'node':
      return nodeDecoder(s)
    case 'versions': {
      const item = nodeDecoder(s.item)
      return (r) => {
        const n = r.nextCount()
        // The shared empty list, as the reducers store it: most values have no approvals, and a
        // million empty arrays are a million allocations the restore need not make.
        if (n === 0) return EMPTY
        // Nearly every list holds one version. An array literal has an allocation site, which
        // lets V8 learn that these arrays all survive and allocate them in the old generation
        // at once; arrays made by `new Array(n)` here were copied twice by young collections.
        // Longer lists grow from the literal too, so that every list is of one elements kind.
        const out = [item(r)]
        for (let i = 1; i < n; i++) out.push(item(r))
        return out
      }
    }
    case 'periods': {
      const item = nodeDecoder(s.item)
      return (r) => {
        const n = r.nextCount()
        const out = new Array<Readonly<Record<string, unknown>>>(n)
        for (let i = 0; i < n; i++) out[i] = item(r) as Readonly<Record<string, unknown>>
        const list = ChunkList.of(out)
        const full = n >>> 5
        if (full > 0) {
          const summaries = new Array<Extent | undefined>(full)
          for (let c = 0; c < full; c++) summaries[c] = readSummary(r)
          // Kept by the list while its owner changes it in place (see ChunkList.rememberChunks).
          list.rememberChunks(summaries)
        }
        return list
      }
    }
    case 'dict': {
      const value = nodeDecoder(s.value)
      return (r) => {
        const n = r.nextCount()
        const out: Record<string, unknown> = {}
        for (let i = 0; i < n; i++) {
          const key = r.nextKey()
          out[key] = value(r)
        }
        return out
      }
    }
    case 'entities': {
      const value = nodeDecoder(s.value)
      return (r) => {
        const n = r.nextCount()
        const editor = EntityMap.empty<unknown>().edit()
        for (let i = 0; i < n; i++) {
          const key = r.nextKey()
          editor.set(key, value(r))
        }
        return editor.done()
      }
    }
  }
}
