/**
 * SQLite's own speed, the floor the store is judged against: the store's exact rows inserted
 * with one prepared better-sqlite3 statement (no validation, no hashing, no lookups), and read
 * back as raw rows (no JSON parsing, no decoding), in a database the store itself opened — same
 * schema, same pragmas.
 *
 * @module floors/SqliteFloor
 */
import type { SqliteEventStore } from '@progress-ledger/store-sqlite'
import type { RecordedEvent } from '@progress-ledger/core'

const COLUMNS =
  'position, id, stream_id, version, type, schema_version, valid_time, recorded_time, actor, correlation_id, causation_id, data, prev_hash, hash'

/** A row as bind parameters, in the store's column order. */
export type SqliteRow = ReadonlyArray<string | number | null>

/** The rows the store writes for these events (built before timing). */
export function sqliteRows(events: ReadonlyArray<RecordedEvent>): SqliteRow[] {
  return events.map((e) => [
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
  ])
}

/** Inserts `rows` with one prepared statement, one transaction per `batch` rows; returns ms. */
export function sqliteInsertFloor(
  db: SqliteEventStore['db'],
  rows: ReadonlyArray<SqliteRow>,
  batch: number,
): number {
  const insert = db.prepare(
    `INSERT INTO events (${COLUMNS}) VALUES (${COLUMNS.split(',')
      .map(() => '?')
      .join(', ')})`,
  )
  const write = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) insert.run(rows[i])
  })
  const start = performance.now()
  for (let i = 0; i < rows.length; i += batch) write.immediate(i, Math.min(rows.length, i + batch))
  return performance.now() - start
}

/** Reads every row as a raw array, in pages of `page` positions; returns ms and the row count. */
export function sqliteReadFloor(
  db: SqliteEventStore['db'],
  page: number,
): { readonly ms: number; readonly rows: number } {
  const select = db
    .prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`)
    .raw(true)
  const start = performance.now()
  let after = 0
  let rows = 0
  for (;;) {
    const got = select.all(after, page) as unknown[][]
    if (got.length === 0) break
    rows += got.length
    after = (got[got.length - 1] as unknown[])[0] as number
  }
  return { ms: performance.now() - start, rows }
}
