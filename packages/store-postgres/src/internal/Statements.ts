// The append path's SQL, a few round trips per batch: (1) lock the head and, in the same
// statement, look up the batch's ids and stream versions; (2) insert every event from column
// arrays and move the head, in one statement.
import type { Instant, RecordedEvent } from '@progress-ledger/core'
import type { Head } from '@progress-ledger/core/adapter'
import type { SqlQueryable } from '../SqlClient'
import {
  EVENT_COLUMNS,
  type EventRow,
  type RawRow,
  columnArrays,
  fromRaw,
  rawOf,
  unnestColumns,
} from './EventRow'

/** What one lookup found: the ids already stored and each stream's current version. */
export interface Found {
  readonly ids: ReadonlyArray<string>
  readonly versions: ReadonlyMap<string, number>
}

interface LookupRow {
  readonly found: ReadonlyArray<string> | null
  readonly versions: ReadonlyArray<number | string> | null
}

function lookupColumns(s: string): string {
  return `(SELECT array_agg(e.id) FROM ${s}.ledger_events e WHERE e.id = ANY($1::text[])) AS found,
    (SELECT array_agg(coalesce((SELECT max(e.version) FROM ${s}.ledger_events e WHERE e.stream_id = x.s), 0) ORDER BY x.n)
       FROM unnest($2::text[]) WITH ORDINALITY AS x(s, n)) AS versions`
}

function found(row: LookupRow | undefined, streams: ReadonlyArray<string>): Found {
  const versions = new Map<string, number>()
  const vs = row?.versions ?? []
  for (let i = 0; i < streams.length; i++) versions.set(streams[i] as string, Number(vs[i] ?? 0))
  return { ids: row?.found ?? [], versions }
}

/**
 * Takes the head lock and looks up ids and versions in one statement. The lookups see the
 * statement's snapshot; they are complete only if no writer moved the head while this one waited
 * for the lock (`fresh`): otherwise the caller looks up again, under the lock.
 */
export async function lockAndLookup(
  tx: SqlQueryable,
  s: string,
  ids: ReadonlyArray<string>,
  streams: ReadonlyArray<string>,
): Promise<{ readonly head: Head; readonly fresh: boolean; readonly found: Found }> {
  const r = await tx.query<
    LookupRow & {
      position: number | string
      hash: string
      recorded_time: string | null
      seen: number | string | null
    }
  >(
    `WITH locked AS (SELECT position, hash, recorded_time FROM ${s}.ledger_head WHERE singleton FOR UPDATE)
     SELECT l.position, l.hash, l.recorded_time,
       (SELECT h.position FROM ${s}.ledger_head h WHERE h.singleton) AS seen,
       ${lookupColumns(s)}
     FROM locked l`,
    [ids, streams],
  )
  const row = r.rows[0]
  if (row === undefined)
    throw new Error(
      `${s}.ledger_head: expected one row, got none (the schema was altered outside the store)`,
    )
  return {
    head: {
      position: Number(row.position),
      hash: row.hash,
      recordedTime: row.recorded_time as Instant | null,
    },
    fresh: row.seen !== null && Number(row.seen) === Number(row.position),
    found: found(row, streams),
  }
}

/** Looks up ids and versions (under a lock already held: a new statement sees every commit). */
export async function lookup(
  tx: SqlQueryable,
  s: string,
  ids: ReadonlyArray<string>,
  streams: ReadonlyArray<string>,
): Promise<Found> {
  const r = await tx.query<LookupRow>(`SELECT ${lookupColumns(s)}`, [ids, streams])
  return found(r.rows[0], streams)
}

/** Takes the head lock (for a streamed append or an import). */
export async function lockHead(tx: SqlQueryable, s: string): Promise<Head> {
  const r = await tx.query<{
    position: number | string
    hash: string
    recorded_time: string | null
  }>(`SELECT position, hash, recorded_time FROM ${s}.ledger_head WHERE singleton FOR UPDATE`)
  const row = r.rows[0]
  if (row === undefined)
    throw new Error(
      `${s}.ledger_head: expected one row, got none (the schema was altered outside the store)`,
    )
  return {
    position: Number(row.position),
    hash: row.hash,
    recordedTime: row.recorded_time as Instant | null,
  }
}

/** Rows, as arrays, of a statement whose columns are {@link EVENT_COLUMNS}. */
export async function eventRows(
  on: SqlQueryable,
  sql: string,
  params: ReadonlyArray<unknown>,
): Promise<ReadonlyArray<RawRow>> {
  if (on.queryArrays !== undefined)
    return (await on.queryArrays(sql, params)).rows as ReadonlyArray<RawRow>
  return (await on.query<EventRow>(sql, params)).rows.map(rawOf)
}

/** The stored events with these ids (only needed when a lookup found some: a re-send). */
export async function storedEvents(
  tx: SqlQueryable,
  s: string,
  ids: ReadonlyArray<string>,
): Promise<Map<string, RecordedEvent>> {
  const out = new Map<string, RecordedEvent>()
  if (ids.length === 0) return out
  const rows = await eventRows(
    tx,
    `SELECT ${EVENT_COLUMNS} FROM ${s}.ledger_events WHERE id = ANY($1::text[])`,
    [ids],
  )
  for (const row of rows) out.set(row[1], fromRaw(row))
  return out
}

/** Inserts sealed events from column arrays; with `moveHead`, moves the head in the same statement. */
export async function insertEvents(
  tx: SqlQueryable,
  s: string,
  events: ReadonlyArray<RecordedEvent>,
  moveHead: boolean,
): Promise<void> {
  const last = events[events.length - 1]
  if (last === undefined) return
  const insert = `INSERT INTO ${s}.ledger_events (${EVENT_COLUMNS}) SELECT * FROM ${unnestColumns(1)}`
  if (!moveHead) {
    await tx.query(insert, columnArrays(events))
    return
  }
  await tx.query(
    `WITH inserted AS (${insert} RETURNING 1)
     UPDATE ${s}.ledger_head SET position = $15, hash = $16, recorded_time = $17 WHERE singleton`,
    [...columnArrays(events), last.position, last.hash, last.recordedTime],
  )
}

/** Moves the head to a position, hash and recorded time. */
export async function moveHead(tx: SqlQueryable, s: string, head: Head): Promise<void> {
  await tx.query(
    `UPDATE ${s}.ledger_head SET position = $1, hash = $2, recorded_time = $3 WHERE singleton`,
    [head.position, head.hash, head.recordedTime],
  )
}
