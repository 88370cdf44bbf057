// How a recorded event maps to a row of ledger_events and back. Reads always go through core's
// decodeStoredFields, so a row that does not decode is reported with its id and position.
import { type DecodeIssue, type RecordedEvent } from '@progress-ledger/core'
import { decodeStoredFields } from '@progress-ledger/core/adapter'

/** The columns of ledger_events, in the order the store selects them. */
export const EVENT_COLUMNS =
  'position, id, stream_id, version, type, schema_version, valid_time, recorded_time, actor, correlation_id, causation_id, prev_hash, hash, data'

/**
 * The columns of a read in position order after position `$1`: as {@link EVENT_COLUMNS}, but
 * `prev_hash` only on the first row. Every later row's previous hash is the hash of the row
 * before it (the read returns a gap-free run), the string already read — not a second copy of 64
 * characters per event to transfer, parse and keep. The chain check loses nothing: it hashes each
 * event over its predecessor's hash, never over a stored `prev_hash`.
 */
export const READ_COLUMNS = EVENT_COLUMNS.replace(
  'prev_hash',
  'CASE WHEN position = $1::bigint + 1 THEN prev_hash END AS prev_hash',
)

/** The array types of {@link EVENT_COLUMNS}, for `unnest($1::bigint[], …)`. */
const ARRAY_TYPES = [
  'bigint',
  'text',
  'text',
  'integer',
  'text',
  'integer',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
]

/** `unnest($n::bigint[], $n+1::text[], …)` over the column arrays, parameters from `$first`. */
export function unnestColumns(first: number): string {
  return `unnest(${ARRAY_TYPES.map((t, i) => `$${first + i}::${t}[]`).join(', ')})`
}

/** A row as the drivers return it in array mode: {@link EVENT_COLUMNS} order, bigints may be strings. */
export type RawRow = readonly [
  number | string,
  string,
  string,
  number | string,
  string,
  number | string,
  string,
  string,
  string,
  string | null,
  string | null,
  string,
  string,
  string,
]

/** A row as the drivers return it in object mode. */
export interface EventRow {
  readonly position: number | string
  readonly id: string
  readonly stream_id: string
  readonly version: number | string
  readonly type: string
  readonly schema_version: number | string
  readonly valid_time: string
  readonly recorded_time: string
  readonly actor: string
  readonly correlation_id: string | null
  readonly causation_id: string | null
  readonly prev_hash: string
  readonly hash: string
  readonly data: string
}

function parseData(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** Decodes a row in array mode (throws `EventDecodeError` on corruption). */
export function fromRaw(r: RawRow): RecordedEvent {
  return fromRawAfter(r, r[11])
}

/** {@link fromRaw} with the previous hash given (see {@link READ_COLUMNS}). */
export function fromRawAfter(r: RawRow, prevHash: string): RecordedEvent {
  return decodeStoredFields(
    r[1],
    r[2],
    typeof r[3] === 'number' ? r[3] : Number(r[3]),
    typeof r[0] === 'number' ? r[0] : Number(r[0]),
    r[4],
    typeof r[5] === 'number' ? r[5] : Number(r[5]),
    r[6],
    r[7],
    r[8],
    r[9],
    r[10],
    parseData(r[13]),
    prevHash,
    r[12],
  )
}

/** The row of an object-mode result as an array in {@link EVENT_COLUMNS} order. */
export function rawOf(row: EventRow): RawRow {
  return [
    row.position,
    row.id,
    row.stream_id,
    row.version,
    row.type,
    row.schema_version,
    row.valid_time,
    row.recorded_time,
    row.actor,
    row.correlation_id,
    row.causation_id,
    row.prev_hash,
    row.hash,
    row.data,
  ]
}

/** Sealed events as 14 column arrays, the parameters of {@link unnestColumns}. */
export function columnArrays(events: ReadonlyArray<RecordedEvent>): unknown[][] {
  const n = events.length
  const cols: unknown[][] = Array.from({ length: 14 }, () => new Array<unknown>(n))
  for (let i = 0; i < n; i++) {
    const e = events[i] as RecordedEvent
    ;(cols[0] as unknown[])[i] = e.position
    ;(cols[1] as unknown[])[i] = e.id
    ;(cols[2] as unknown[])[i] = e.streamId
    ;(cols[3] as unknown[])[i] = e.version
    ;(cols[4] as unknown[])[i] = e.type
    ;(cols[5] as unknown[])[i] = e.schemaVersion
    ;(cols[6] as unknown[])[i] = e.validTime
    ;(cols[7] as unknown[])[i] = e.recordedTime
    ;(cols[8] as unknown[])[i] = e.actor
    ;(cols[9] as unknown[])[i] = e.correlationId
    ;(cols[10] as unknown[])[i] = e.causationId
    ;(cols[11] as unknown[])[i] = e.prevHash
    ;(cols[12] as unknown[])[i] = e.hash
    ;(cols[13] as unknown[])[i] = JSON.stringify(e.data)
  }
  return cols
}

const NUL_EXPECTED = 'a string without NUL characters (PostgreSQL text cannot store them)'

const NUL_FIELDS = ['id', 'streamId', 'actor', 'correlationId', 'causationId'] as const

/** The envelope field of an event that holds a NUL character, if any (data is JSON text: unaffected). */
export function nulField(e: {
  readonly id: string
  readonly streamId?: string
  readonly actor: string
  readonly correlationId?: string | null
  readonly causationId?: string | null
}): (typeof NUL_FIELDS)[number] | undefined {
  const fields = NUL_FIELDS
  for (const f of fields) {
    const v = e[f]
    if (typeof v === 'string' && v.includes('\u0000')) return f
  }
  return undefined
}

/** Why an event cannot be stored here, for an import (`undefined` when it can). */
export function unstorable(e: RecordedEvent): string | undefined {
  const f = nulField(e)
  return f === undefined ? undefined : `${f}: expected ${NUL_EXPECTED}, got ${JSON.stringify(e[f])}`
}

/**
 * PostgreSQL text cannot hold the NUL character; such envelope strings are refused up front as
 * invalid input (with their path) instead of failing inside the transaction. Paths are numbered
 * from `firstIndex`.
 */
export function nulIssues(
  requests: ReadonlyArray<{
    readonly streamId: string
    readonly events: ReadonlyArray<{
      readonly id: string
      readonly actor: string
      readonly correlationId?: string | null
      readonly causationId?: string | null
    }>
  }>,
  firstIndex = 0,
): DecodeIssue[] {
  const issues: DecodeIssue[] = []
  const check = (path: string, v: string | null | undefined): void => {
    if (typeof v === 'string' && v.includes('\u0000'))
      issues.push({
        path,
        expected: NUL_EXPECTED,
        got: JSON.stringify(v),
        message: `${path}: expected ${NUL_EXPECTED}, got ${JSON.stringify(v)}`,
      })
  }
  let index = firstIndex
  for (const r of requests) {
    check(`events[${index}].streamId`, r.streamId)
    for (const e of r.events) {
      const path = `events[${index}]`
      check(`${path}.id`, e.id)
      check(`${path}.actor`, e.actor)
      check(`${path}.correlationId`, e.correlationId)
      check(`${path}.causationId`, e.causationId)
      index++
    }
  }
  return issues
}
