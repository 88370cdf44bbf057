// Rows of the events table, and their mapping to and from recorded events.
import type Database from 'better-sqlite3'
import { EventDecodeError, type RecordedEvent } from '@progress-ledger/core'
import { decodeStoredFields } from '@progress-ledger/core/adapter'

/** A row of `events` as better-sqlite3 returns it. */
export interface EventRow {
  readonly position: number
  readonly id: string
  readonly stream_id: string
  readonly version: number
  readonly type: string
  readonly schema_version: number
  readonly valid_time: string
  readonly recorded_time: string
  readonly actor: string
  readonly correlation_id: string | null
  readonly causation_id: string | null
  readonly data: string
  readonly prev_hash: string
  readonly hash: string
}

/** The columns in insert order. */
export const EVENT_COLUMNS =
  'position, id, stream_id, version, type, schema_version, valid_time, recorded_time, actor, correlation_id, causation_id, data, prev_hash, hash'

/**
 * The columns of a read in position order ({@link READ_COLUMNS}): as {@link EVENT_COLUMNS}, but
 * `prev_hash` only on the first row (its predecessor is not in the read). Every later row's
 * previous hash is the hash of the row before it, the string already read — not a second copy of
 * 64 characters per event to build and keep. The chain check does not lose anything: it hashes
 * each event over its predecessor's hash, never over a stored `prev_hash`.
 */
export const READ_COLUMNS = EVENT_COLUMNS.replace(
  'prev_hash',
  'CASE WHEN position = @after + 1 THEN prev_hash END AS prev_hash',
)

/** A row in {@link EVENT_COLUMNS} order, as a raw statement returns it. */
export type RawRow = readonly [
  number,
  string,
  string,
  number,
  string,
  number,
  string,
  string,
  string,
  string | null,
  string | null,
  string,
  string,
  string,
]

/** A row of a read in position order: {@link READ_COLUMNS}, `prev_hash` null after the first. */
export type ReadRow = { readonly [K in keyof RawRow]: K extends '12' ? string | null : RawRow[K] }

/** Inserts sealed events with the cached insert statement (no parameter arrays built). */
export function insertEvents(
  insert: Database.Statement,
  events: ReadonlyArray<RecordedEvent>,
): void {
  for (const e of events)
    insert.run(
      e.position,
      e.id,
      e.streamId,
      e.version,
      e.type,
      e.schemaVersion,
      e.validTime,
      e.recordedTime,
      e.actor,
      e.correlationId,
      e.causationId,
      JSON.stringify(e.data),
      e.prevHash,
      e.hash,
    )
}

function parseData(id: string, position: number, text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch (err) {
    throw new EventDecodeError(id, position, [
      `data: expected JSON, got ${JSON.stringify(text.slice(0, 80))} (${(err as Error).message})`,
    ])
  }
}

/** Decodes a raw row through core's `decodeStoredFields`; throws EventDecodeError naming id and position. */
export function fromRaw(r: RawRow): RecordedEvent {
  return fromRawAfter(r, r[12])
}

/** {@link fromRaw} with the previous hash given (see {@link READ_COLUMNS}). */
export function fromRawAfter(r: ReadRow, prevHash: string): RecordedEvent {
  return decodeStoredFields(
    r[1],
    r[2],
    r[3],
    r[0],
    r[4],
    r[5],
    r[6],
    r[7],
    r[8],
    r[9],
    r[10],
    parseData(r[1], r[0], r[11]),
    prevHash,
    r[13],
  )
}

/** Decodes a row object (see {@link fromRaw}). */
export function fromRow(row: EventRow): RecordedEvent {
  return decodeStoredFields(
    row.id,
    row.stream_id,
    row.version,
    row.position,
    row.type,
    row.schema_version,
    row.valid_time,
    row.recorded_time,
    row.actor,
    row.correlation_id,
    row.causation_id,
    parseData(row.id, row.position, row.data),
    row.prev_hash,
    row.hash,
  )
}
