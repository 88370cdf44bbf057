/**
 * Durable stores against their databases' own speed. Workload (a) with UUID event ids (as users
 * make them), appended through core's `EventStore` port in batches of 100 with exact expected
 * versions; then the same rows written by the raw floor (a prepared SQLite statement, PostgreSQL
 * `COPY`; no validation, no hashing), before and after the store, in the same process, so that
 * `*_vs_floor` (store time / mean floor time) is a ratio measured side by side. Reads are paged
 * by 10,000: the store's `readAll` (rows decoded into recorded events) against raw rows read
 * before and after it (their mean), and read + decode + replay into the ledger state. PostgreSQL's
 * table is vacuumed first, as autovacuum leaves a table after a bulk write: otherwise the first
 * read of freshly written rows also sets their hint bits, a cost of the write that whichever
 * read comes first would pay.
 *
 * @module measure/Stores
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type AppendRequest,
  type EventStore,
  InMemoryEventStore,
  type ManualClock,
  type RecordedEvent,
  ledgerProjection,
  manualClock,
  replay,
} from '@progress-ledger/core'
import { PostgresEventStore, pgClient } from '@progress-ledger/store-postgres'
import { openSqliteStore } from '@progress-ledger/store-sqlite'
import pg from 'pg'
import { copyBlocks, pgCopyFloor, pgReadFloor } from '../floors/PostgresFloor'
import { sqliteInsertFloor, sqliteReadFloor, sqliteRows } from '../floors/SqliteFloor'
import { ANCHOR_1M, anchorRequests } from '../workloads/Anchor'
import { type Figures, type SuiteResult, perSecond, timed } from './Timing'

const BATCH = ANCHOR_1M.blockSize
const PAGE = 10_000
const START = '2022-01-01'

/** The workload: `events` events of workload (a) in batches of 100, ids as UUIDs. */
function workload(events: number): AppendRequest[] {
  return anchorRequests({ ...ANCHOR_1M, events })
}

/** The events a store seals for the workload (the clock moves 1 s before each batch). */
function sealed(requests: ReadonlyArray<AppendRequest>): RecordedEvent[] {
  const clock = manualClock(START)
  const store = new InMemoryEventStore({ clock })
  for (const r of requests) {
    clock.advance(1000)
    store.appendNow([r])
  }
  return [...store.readAllNow()]
}

async function appendAll(
  store: EventStore,
  requests: ReadonlyArray<AppendRequest>,
  clock: ManualClock,
): Promise<number> {
  const start = performance.now()
  for (let i = 0; i < requests.length; i++) {
    clock.advance(1000)
    const r = await store.appendBatch([requests[i] as AppendRequest])
    if (r._tag !== 'Appended')
      throw new Error(`requests[${i}]: expected Appended, got ${JSON.stringify(r).slice(0, 200)}`)
  }
  return performance.now() - start
}

async function streamAll(
  store: EventStore,
  requests: ReadonlyArray<AppendRequest>,
): Promise<number> {
  const start = performance.now()
  const r = await store.appendStream(requests, { pageSize: 1000 })
  if (r._tag !== 'StreamAppended')
    throw new Error(`appendStream: expected StreamAppended, got ${JSON.stringify(r).slice(0, 200)}`)
  return performance.now() - start
}

async function readAllTimed(
  store: EventStore,
): Promise<{ readonly ms: number; readonly events: RecordedEvent[] }> {
  const start = performance.now()
  const events: RecordedEvent[] = []
  for (;;) {
    const page = await store.readAll({ after: events.length, limit: PAGE })
    if (page.length === 0) break
    for (const e of page) events.push(e)
  }
  return { ms: performance.now() - start, events }
}

/** Read + decode, and read + decode + replay, rates of a store holding `expected`. */
async function readFigures(
  store: EventStore,
  expected: ReadonlyArray<RecordedEvent>,
): Promise<{ readonly ms: number; readonly foldMs: number }> {
  const read = await readAllTimed(store)
  const last = read.events[read.events.length - 1]
  if (read.events.length !== expected.length || last?.hash !== expected[expected.length - 1]?.hash)
    throw new Error(`read: expected ${expected.length} events ending at the workload's head hash`)
  const fold = timed(() => replay(ledgerProjection, read.events))
  if (fold.value.position !== expected.length)
    throw new Error(`fold: expected position ${expected.length}, got ${fold.value.position}`)
  return { ms: read.ms, foldMs: read.ms + fold.ms }
}

/** Two reads of the raw floor as one: the rows of each (the same) and their mean time. */
function meanFloor(
  a: { readonly ms: number; readonly rows: number },
  b: { readonly ms: number; readonly rows: number },
): { readonly ms: number; readonly rows: number } {
  if (a.rows !== b.rows) throw new Error(`read floor: ${a.rows} rows, then ${b.rows}`)
  return { ms: (a.ms + b.ms) / 2, rows: a.rows }
}

function ratios(n: number, storeMs: number, floorMs: ReadonlyArray<number>) {
  const floor = floorMs.reduce((a, b) => a + b, 0) / floorMs.length
  return { store: perSecond(n, storeMs), floor: perSecond(n, floor), ratio: storeMs / floor }
}

/** SQLite: fresh files in a temporary directory; durable (`full`) and `normal` synchronous modes. */
export async function runSqliteSuite(events: number): Promise<SuiteResult> {
  const requests = workload(events)
  const history = sealed(requests)
  const rows = sqliteRows(history)
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'))
  let files = 0
  const open = (synchronous: 'full' | 'normal', clock = manualClock(START)) =>
    openSqliteStore({ path: join(dir, `l${++files}.db`), clock, synchronous })
  const floor = async (synchronous: 'full' | 'normal', batch: number): Promise<number> => {
    const target = await open(synchronous)
    try {
      return sqliteInsertFloor(target.db, rows, batch)
    } finally {
      await target.close()
    }
  }
  const figures: Figures = { events }
  try {
    for (const synchronous of ['full', 'normal'] as const) {
      const key = synchronous === 'full' ? 'sqlite_append' : 'sqlite_append_normal'
      const before = await floor(synchronous, BATCH)
      const clock = manualClock(START)
      const store = await open(synchronous, clock)
      try {
        const appendMs = await appendAll(store, requests, clock)
        const after = await floor(synchronous, BATCH)
        const r = ratios(events, appendMs, [before, after])
        figures[`${key}_events_per_sec`] = r.store
        figures[`${key}_floor_events_per_sec`] = r.floor
        figures[`${key}_vs_floor`] = r.ratio
        if (synchronous === 'full') {
          const rawBefore = sqliteReadFloor(store.db, PAGE)
          const read = await readFigures(store, history)
          const raw = meanFloor(rawBefore, sqliteReadFloor(store.db, PAGE))
          figures['sqlite_read_events_per_sec'] = perSecond(events, read.ms)
          figures['sqlite_read_floor_events_per_sec'] = perSecond(raw.rows, raw.ms)
          figures['sqlite_read_vs_floor'] = read.ms / raw.ms
          figures['sqlite_read_replay_events_per_sec'] = perSecond(events, read.foldMs)
        }
      } finally {
        await store.close()
      }
    }
    const streamed = await open('full')
    try {
      figures['sqlite_append_stream_events_per_sec'] = perSecond(
        events,
        await streamAll(streamed, requests),
      )
    } finally {
      await streamed.close()
    }
    figures['sqlite_bulk_insert_events_per_sec'] = perSecond(events, await floor('full', events))
    return { figures, notes: [] }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** PostgreSQL at `PG_URL`: fresh schemas per run, dropped afterwards. */
export async function runPostgresSuite(
  events: number,
  url: string | undefined,
): Promise<SuiteResult> {
  if (url === undefined || url === '')
    return { figures: { events }, notes: ['postgres: PG_URL is not set'] }
  const requests = workload(events)
  const history = sealed(requests)
  const blocks = copyBlocks(history, BATCH)
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  const schemas: string[] = []
  const open = async (clock = manualClock(START)): Promise<PostgresEventStore> => {
    const schema = `bench_${process.pid}_${schemas.length + 1}`
    schemas.push(schema)
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    return PostgresEventStore.open({ client: pgClient(pool), clock, schema })
  }
  const floor = async (): Promise<number> => {
    const target = await open()
    return pgCopyFloor(pool, target.schema, blocks)
  }
  const figures: Figures = { events }
  try {
    const before = await floor()
    const clock = manualClock(START)
    const store = await open(clock)
    const appendMs = await appendAll(store, requests, clock)
    const after = await floor()
    const r = ratios(events, appendMs, [before, after])
    figures['pg_append_events_per_sec'] = r.store
    figures['pg_append_floor_events_per_sec'] = r.floor
    figures['pg_append_vs_floor'] = r.ratio
    await pool.query(`VACUUM (ANALYZE) ${store.schema}.ledger_events`)
    const rawBefore = await pgReadFloor(pool, store.schema, PAGE)
    const read = await readFigures(store, history)
    const raw = meanFloor(rawBefore, await pgReadFloor(pool, store.schema, PAGE))
    figures['pg_read_events_per_sec'] = perSecond(events, read.ms)
    figures['pg_read_floor_events_per_sec'] = perSecond(raw.rows, raw.ms)
    figures['pg_read_vs_floor'] = read.ms / raw.ms
    figures['pg_read_replay_events_per_sec'] = perSecond(events, read.foldMs)
    figures['pg_append_stream_events_per_sec'] = perSecond(
      events,
      await streamAll(await open(), requests),
    )
    return { figures, notes: [] }
  } finally {
    for (const s of schemas)
      await pool.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`).catch(() => undefined)
    await pool.end()
  }
}
