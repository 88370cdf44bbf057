// Rows of the events table, and their mapping to and from recorded events.
import { EventDecodeError, type RecordedEvent, decodeStored } from '@progress-ledger/core'

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

/** Bind parameters for inserting an event, in {@link EVENT_COLUMNS} order. */
export function toParams(e: RecordedEvent): unknown[] {
  return [
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
  ]
}

/** Decodes a row through core's `decodeStored`; throws EventDecodeError naming id and position. */
export function fromRow(row: EventRow): RecordedEvent {
  let data: unknown
  try {
    data = JSON.parse(row.data)
  } catch (err) {
    throw new EventDecodeError(row.id, row.position, [
      `data: expected JSON, got ${JSON.stringify(row.data.slice(0, 80))} (${(err as Error).message})`,
    ])
  }
  return decodeStored({
    id: row.id,
    streamId: row.stream_id,
    version: row.version,
    position: row.position,
    type: row.type,
    schemaVersion: row.schema_version,
    validTime: row.valid_time,
    recordedTime: row.recorded_time,
    actor: row.actor,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    data,
    prevHash: row.prev_hash,
    hash: row.hash,
  })
}
