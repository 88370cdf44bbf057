/**
 * Durable projections kept in the ledger's own SQLite file: each page of events is folded and
 * the projection's state and checkpoint are written in ONE transaction, so a crash at any moment
 * leaves state and checkpoint in step: no event is ever applied twice or skipped.
 *
 * @module ProjectionRunner
 */
import type Database from 'better-sqlite3'
import {
  type Projection,
  type RecordedEvent,
  replayOwned,
  stateFromJson,
} from '@progress-ledger/core'
import type { SqliteEventStore } from './SqliteEventStore'

/** A projection's durable state and the position of the last event folded into it. */
export interface Checkpointed<S> {
  readonly name: string
  readonly position: number
  readonly state: S
}

/** Options of {@link runProjection}. */
export interface RunProjectionOptions {
  /** The checkpoint's name (default: the projection's name). */
  readonly name?: string
  /** Events per transaction (default 1000). */
  readonly pageSize?: number
  /** Version of the state's shape; a stored state of another version is rebuilt from scratch (default 1). */
  readonly schemaVersion?: number
}

interface CheckpointRow {
  readonly position: number
  readonly schema_version: number
  readonly state: string
}

function checkPageSize(pageSize: number): void {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new Error(`pageSize: expected a whole number >= 1, got ${String(pageSize)}`)
}

/**
 * The stored state of a projection, or `undefined` if it never ran. Pass the projection to have
 * its state rebuilt through its `fromJson` (the ledger's entity maps and period lists); without
 * it the state is the parsed JSON.
 *
 * @example
 * import { fixedClock, ledgerProjection } from '@progress-ledger/core'
 * import { loadProjection, openSqliteStore, runProjection } from '@progress-ledger/store-sqlite'
 * const store = await openSqliteStore({ path: ':memory:', clock: fixedClock('2022-01-08T10:30:00.000Z') })
 * await store.append('department-fgj', [{ id: 'e1', type: 'DepartmentRegistered', validTime: '2021-08-10',
 *   actor: 'office', data: { departmentId: 'fgj', name: { zh: '市发改局' }, aliases: [] } }], 'no-stream')
 * loadProjection(store, 'ledger') // undefined
 * await runProjection(store, ledgerProjection)
 * loadProjection(store, 'ledger', ledgerProjection)?.state.departments.has('fgj') // true
 */
export function loadProjection<S>(
  store: SqliteEventStore,
  name: string,
  projection?: Projection<S>,
): Checkpointed<S> | undefined {
  const row = store.db
    .prepare('SELECT position, schema_version, state FROM projections WHERE name = ?')
    .get(name) as CheckpointRow | undefined
  return row === undefined
    ? undefined
    : {
        name,
        position: row.position,
        state:
          projection === undefined
            ? (JSON.parse(row.state) as S)
            : stateFromJson(projection, JSON.parse(row.state)),
      }
}

/**
 * Brings a projection stored in the database up to the ledger's head, a page per transaction.
 * If another runner advanced the same checkpoint meanwhile, reloads and continues from there.
 *
 * @example
 * import { fixedClock, ledgerProjection } from '@progress-ledger/core'
 * import { openSqliteStore, runProjection } from '@progress-ledger/store-sqlite'
 * const store = await openSqliteStore({ path: ':memory:', clock: fixedClock('2022-01-08T10:30:00.000Z') })
 * await store.append('department-fgj', [{ id: 'e1', type: 'DepartmentRegistered', validTime: '2021-08-10',
 *   actor: 'office', data: { departmentId: 'fgj', name: { zh: '市发改局' }, aliases: [] } }], 'no-stream')
 * const { position, state } = await runProjection(store, ledgerProjection)
 * position // 1
 * state.position // 1
 */
export async function runProjection<S>(
  store: SqliteEventStore,
  projection: Projection<S>,
  options: RunProjectionOptions = {},
): Promise<Checkpointed<S>> {
  const name = options.name ?? projection.name
  const pageSize = options.pageSize ?? 1000
  const schemaVersion = options.schemaVersion ?? 1
  checkPageSize(pageSize)
  const db = store.db
  const read = db.prepare('SELECT position, schema_version, state FROM projections WHERE name = ?')
  const write = db.prepare(
    'INSERT INTO projections (name, position, schema_version, state) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position, schema_version = excluded.schema_version, state = excluded.state',
  )
  const load = (): { position: number; state: S } => {
    const row = read.get(name) as CheckpointRow | undefined
    if (row === undefined || row.schema_version !== schemaVersion)
      return { position: 0, state: projection.initial() }
    return { position: row.position, state: stateFromJson(projection, JSON.parse(row.state)) }
  }
  const commit = db.transaction((from: number, to: number, state: S): boolean => {
    const row = read.get(name) as CheckpointRow | undefined
    const stored = row === undefined || row.schema_version !== schemaVersion ? 0 : row.position
    if (stored !== from) return false
    write.run(name, to, schemaVersion, JSON.stringify(state))
    return true
  }).immediate
  let current = await store.busy(load)
  for (;;) {
    const page = await store.readAll({ after: current.position, limit: pageSize })
    if (page.length === 0) return { name, position: current.position, state: current.state }
    const to = (page[page.length - 1] as RecordedEvent).position
    const state = replayOwned(projection, current.state, page, { freeze: false })
    const committed = await store.busy(() => commit(current.position, to, state))
    current = committed ? { position: to, state } : await store.busy(load)
  }
}

/** Options of {@link runCheckpointed}. */
export interface RunCheckpointedOptions {
  /** The checkpoint's name. */
  readonly name: string
  /** Events per transaction (default 1000). */
  readonly pageSize?: number
  /** Writes a page's effects into the projection's own tables, through `db`, inside the transaction. */
  readonly handle: (page: ReadonlyArray<RecordedEvent>, db: Database.Database) => void
}

/**
 * Runs a table-backed projection: for each page, one `BEGIN IMMEDIATE` transaction reads the
 * checkpoint, the events after it, lets `handle` write its tables, and advances the checkpoint.
 * Resolves with the final checkpoint.
 *
 * @example
 * import { fixedClock } from '@progress-ledger/core'
 * import { openSqliteStore, runCheckpointed } from '@progress-ledger/store-sqlite'
 * const store = await openSqliteStore({ path: ':memory:', clock: fixedClock('2022-01-08T10:30:00.000Z') })
 * await store.append('department-fgj', [{ id: 'e1', type: 'DepartmentRegistered', validTime: '2021-08-10',
 *   actor: 'office', data: { departmentId: 'fgj', name: { zh: '市发改局' }, aliases: [] } }], 'no-stream')
 * store.db.exec('CREATE TABLE seen (id TEXT PRIMARY KEY)')
 * const insert = store.db.prepare('INSERT INTO seen (id) VALUES (?)')
 * await runCheckpointed(store, { name: 'seen', handle: (page) => { for (const e of page) insert.run(e.id) } }) // 1
 * store.db.prepare('SELECT id FROM seen').all() // [{ id: 'e1' }]
 */
export async function runCheckpointed(
  store: SqliteEventStore,
  options: RunCheckpointedOptions,
): Promise<number> {
  const pageSize = options.pageSize ?? 1000
  checkPageSize(pageSize)
  const db = store.db
  const read = db.prepare('SELECT position FROM projections WHERE name = ?')
  const write = db.prepare(
    "INSERT INTO projections (name, position, schema_version, state) VALUES (?, ?, 0, 'null') ON CONFLICT (name) DO UPDATE SET position = excluded.position",
  )
  const step = db.transaction((): number | undefined => {
    // The checkpoint and the page are read inside the write transaction: nobody else can advance it meanwhile.
    const position = (read.get(options.name) as { position: number } | undefined)?.position ?? 0
    const page = store.readAllNow({ after: position, limit: pageSize })
    if (page.length === 0) return position
    options.handle(page, db)
    write.run(options.name, (page[page.length - 1] as RecordedEvent).position)
    return undefined
  }).immediate
  for (;;) {
    const done = await store.busy(step)
    if (done !== undefined) return done
  }
}
