/**
 * Durable stores: append and read-and-fold rates of the SQLite and PostgreSQL stores on a prefix
 * of workload (a), through core's `EventStore` port (batches of 100, exact expected versions;
 * reads paged by 10,000 and folded with core's `replay`). Both packages are written in parallel:
 * they are loaded dynamically and a figure is `null` with the reason when one cannot be taken.
 *
 * @module measure/Stores
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  ledgerProjection,
  manualClock,
  replay,
  type Clock,
  type EventStore,
  type RecordedEvent,
} from '@progress-ledger/core'
import { anchorRequests, ANCHOR_1M } from '../workloads/Anchor'
import { perSecond, timed, type SuiteResult } from './Timing'

async function readEverything(store: EventStore): Promise<RecordedEvent[]> {
  const out: RecordedEvent[] = []
  for (;;) {
    const page = await store.readAll({ after: out.length, limit: 10_000 })
    if (page.length === 0) return out
    for (const e of page) out.push(e)
  }
}

async function measureStore(
  store: EventStore,
  events: number,
  clock: { advance: (ms: number) => void },
): Promise<{ append: number; read: number; fold: number }> {
  const requests = anchorRequests({ ...ANCHOR_1M, events })
  const start = performance.now()
  for (let i = 0; i < requests.length; i++) {
    clock.advance(1000)
    const r = await store.appendBatch([requests[i] as (typeof requests)[number]])
    if (r._tag !== 'Appended')
      throw new Error(`requests[${i}]: expected Appended, got ${JSON.stringify(r).slice(0, 200)}`)
  }
  const appendMs = performance.now() - start
  const readStart = performance.now()
  const all = await readEverything(store)
  const readMs = performance.now() - readStart
  const fold = timed(() => replay(ledgerProjection, all))
  if (fold.value.position !== events)
    throw new Error(`fold: expected position ${events}, got ${fold.value.position}`)
  return {
    append: perSecond(events, appendMs),
    read: perSecond(events, readMs),
    fold: perSecond(events, readMs + fold.ms),
  }
}

type OpenSqlite = (o: { path: string; clock: Clock }) => Promise<EventStore>

/** SQLite: a fresh database file in a temporary directory, default (durable) settings. */
export async function runSqliteSuite(events: number): Promise<SuiteResult> {
  const nulls = {
    events,
    sqlite_append_events_per_sec: null,
    sqlite_read_events_per_sec: null,
    sqlite_fold_events_per_sec: null,
  }
  let open: OpenSqlite | undefined
  try {
    open = ((await import('@progress-ledger/store-sqlite')) as Record<string, unknown>)[
      'openSqliteStore'
    ] as OpenSqlite | undefined
  } catch (e) {
    return {
      figures: nulls,
      notes: [
        `sqlite: @progress-ledger/store-sqlite does not load: ${(e as Error).message.slice(0, 200)}`,
      ],
    }
  }
  if (typeof open !== 'function')
    return {
      figures: nulls,
      notes: ['sqlite: @progress-ledger/store-sqlite does not export openSqliteStore yet'],
    }
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'))
  const clock = manualClock('2022-01-01')
  try {
    const store = await open({ path: join(dir, 'ledger.db'), clock })
    try {
      const r = await measureStore(store, events, clock)
      return {
        figures: {
          events,
          sqlite_append_events_per_sec: r.append,
          sqlite_read_events_per_sec: r.read,
          sqlite_fold_events_per_sec: r.fold,
        },
        notes: [],
      }
    } finally {
      await store.close()
    }
  } catch (e) {
    return { figures: nulls, notes: [`sqlite: ${(e as Error).message.slice(0, 300)}`] }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

interface PostgresModule {
  readonly pgClient: (pool: unknown, options: { owned: boolean }) => unknown
  readonly PostgresEventStore: {
    readonly open: (o: { client: unknown; clock: Clock; schema: string }) => Promise<EventStore>
  }
}

/** PostgreSQL at `PG_URL`: a fresh schema per run, dropped afterwards. */
export async function runPostgresSuite(
  events: number,
  url: string | undefined,
): Promise<SuiteResult> {
  const nulls = {
    events,
    pg_append_events_per_sec: null,
    pg_read_events_per_sec: null,
    pg_fold_events_per_sec: null,
  }
  if (url === undefined || url === '')
    return { figures: nulls, notes: ['postgres: PG_URL is not set'] }
  let mod: PostgresModule
  let Pool: new (o: { connectionString: string }) => {
    query: (sql: string) => Promise<unknown>
    end: () => Promise<void>
  }
  try {
    mod = (await import('@progress-ledger/store-postgres')) as unknown as PostgresModule
    // `pg` is a dependency of the store package, not of the bench: resolve it from there.
    const require = createRequire(import.meta.resolve('@progress-ledger/store-postgres'))
    Pool = (require('pg') as { Pool: typeof Pool }).Pool
  } catch (e) {
    return {
      figures: nulls,
      notes: [`postgres: the store or pg does not load: ${(e as Error).message.slice(0, 200)}`],
    }
  }
  const schema = `bench_${process.pid}`
  const clock = manualClock('2022-01-01')
  const admin = new Pool({ connectionString: url })
  try {
    const store = await mod.PostgresEventStore.open({
      client: mod.pgClient(new Pool({ connectionString: url }), { owned: true }),
      clock,
      schema,
    })
    try {
      const r = await measureStore(store, events, clock)
      return {
        figures: {
          events,
          pg_append_events_per_sec: r.append,
          pg_read_events_per_sec: r.read,
          pg_fold_events_per_sec: r.fold,
        },
        notes: [],
      }
    } finally {
      await store.close()
    }
  } catch (e) {
    return { figures: nulls, notes: [`postgres: ${(e as Error).message.slice(0, 300)}`] }
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined)
    await admin.end()
  }
}
