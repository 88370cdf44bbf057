// How a recorded event maps to a row of ledger_events and back. Reads always go through core's
// decodeStored, so a row that does not decode is reported with its id and position.
import { decodeStored, type RecordedEvent, type DecodeIssue } from '@progress-ledger/core'

/** The columns of ledger_events, in the order the store selects them. */
export const EVENT_COLUMNS =
  'position, id, stream_id, version, type, schema_version, valid_time, recorded_time, actor, correlation_id, causation_id, prev_hash, hash, data'

/** The record type `json_to_recordset` builds rows from, matching {@link toRowJson}. */
export const EVENT_RECORD =
  'position bigint, id text, stream_id text, version integer, type text, schema_version integer, valid_time text, recorded_time text, actor text, correlation_id text, causation_id text, prev_hash text, hash text, data text'

/** A row as the drivers return it (bigints may come back as strings). */
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

function parseData(row: EventRow): unknown {
  try {
    return JSON.parse(row.data) as unknown
  } catch {
    return row.data
  }
}

/** Decodes a row through core's `decodeStored` (throws `EventDecodeError` on corruption). */
export function fromRow(row: EventRow): RecordedEvent {
  return decodeStored({
    id: row.id,
    streamId: row.stream_id,
    version: Number(row.version),
    position: Number(row.position),
    type: row.type,
    schemaVersion: Number(row.schema_version),
    validTime: row.valid_time,
    recordedTime: row.recorded_time,
    actor: row.actor,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    prevHash: row.prev_hash,
    hash: row.hash,
    data: parseData(row),
  })
}

/** The sealed events of a batch as one JSON parameter for `json_to_recordset`. */
export function toRowJson(events: ReadonlyArray<RecordedEvent>): string {
  return JSON.stringify(
    events.map((e) => ({
      position: e.position,
      id: e.id,
      stream_id: e.streamId,
      version: e.version,
      type: e.type,
      schema_version: e.schemaVersion,
      valid_time: e.validTime,
      recorded_time: e.recordedTime,
      actor: e.actor,
      correlation_id: e.correlationId,
      causation_id: e.causationId,
      prev_hash: e.prevHash,
      hash: e.hash,
      data: JSON.stringify(e.data),
    })),
  )
}

/**
 * PostgreSQL text cannot hold the NUL character; such envelope strings are refused up front as
 * invalid input (with their path) instead of failing inside the transaction. `data` is stored as
 * JSON text, where NUL is escaped, so it is unaffected.
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
): DecodeIssue[] {
  const issues: DecodeIssue[] = []
  const expected = 'a string without NUL characters (PostgreSQL text cannot store them)'
  const check = (path: string, v: string | null | undefined): void => {
    if (typeof v === 'string' && v.includes('\u0000'))
      issues.push({
        path,
        expected,
        got: JSON.stringify(v),
        message: `${path}: expected ${expected}, got ${JSON.stringify(v)}`,
      })
  }
  let index = 0
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
