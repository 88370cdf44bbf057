/**
 * The SQLite schema and its versioned migrations, applied on open. The schema version lives in
 * `PRAGMA user_version`; `PRAGMA application_id` marks the file as a progress-ledger ledger.
 *
 * @module Schema
 */
import type Database from 'better-sqlite3'

/** `PRAGMA application_id` of a progress-ledger file ("PLgr"). */
export const APPLICATION_ID = 0x504c6772

/** One forward migration: the SQL that takes the schema from `version - 1` to `version`. */
export interface Migration {
  readonly version: number
  readonly description: string
  readonly sql: string
}

/** Every migration, in order. Append new ones; never edit a released one. */
export const migrations: ReadonlyArray<Migration> = [
  {
    version: 1,
    description: 'events, snapshots and projection checkpoints',
    sql: `
      CREATE TABLE events (
        position       INTEGER PRIMARY KEY,
        id             TEXT    NOT NULL UNIQUE,
        stream_id      TEXT    NOT NULL,
        version        INTEGER NOT NULL,
        type           TEXT    NOT NULL,
        schema_version INTEGER NOT NULL,
        valid_time     TEXT    NOT NULL,
        recorded_time  TEXT    NOT NULL,
        actor          TEXT    NOT NULL,
        correlation_id TEXT,
        causation_id   TEXT,
        data           TEXT    NOT NULL,
        prev_hash      TEXT    NOT NULL,
        hash           TEXT    NOT NULL,
        UNIQUE (stream_id, version)
      ) STRICT;
      CREATE INDEX events_recorded_time ON events (recorded_time, position);
      CREATE TABLE snapshots (
        name           TEXT    NOT NULL,
        position       INTEGER NOT NULL,
        schema_version INTEGER NOT NULL,
        state          TEXT    NOT NULL,
        PRIMARY KEY (name, position)
      ) STRICT;
      CREATE TABLE projections (
        name           TEXT    PRIMARY KEY,
        position       INTEGER NOT NULL,
        schema_version INTEGER NOT NULL,
        state          TEXT    NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    description: 'checkpoints of the ledger state (binary images with their head and format)',
    sql: `
      CREATE TABLE checkpoints (
        name     TEXT    NOT NULL,
        position INTEGER NOT NULL,
        head     TEXT    NOT NULL,
        format   TEXT    NOT NULL,
        image    BLOB    NOT NULL,
        PRIMARY KEY (name, position)
      ) STRICT;
    `,
  },
]

/** The schema version this library writes. */
export const SCHEMA_VERSION: number = migrations[migrations.length - 1]?.version ?? 0

/** The file was written by a newer library, or is not a progress-ledger file. */
export class SchemaError extends Error {
  override readonly name = 'SchemaError'
}

/**
 * Brings a database to {@link SCHEMA_VERSION} inside one `BEGIN IMMEDIATE` transaction (so two
 * processes opening a new file at once migrate it once). Returns the version found before.
 * Throws {@link SchemaError} for a file written by a newer version or by another application.
 *
 * @example
 * import Database from 'better-sqlite3'
 * import { migrate, SCHEMA_VERSION } from '@progress-ledger/store-sqlite'
 * const db = new Database(':memory:')
 * migrate(db, ':memory:') // 0
 * db.pragma('user_version', { simple: true }) === SCHEMA_VERSION // true
 */
export function migrate(db: Database.Database, path: string): number {
  const run = db.transaction((): number => {
    const found = inspect(db, path)
    for (const m of migrations) if (m.version > found) db.exec(m.sql)
    if (found < SCHEMA_VERSION) {
      db.pragma(`application_id = ${APPLICATION_ID}`)
      db.pragma(`user_version = ${SCHEMA_VERSION}`)
    }
    return found
  })
  return run.immediate()
}

/**
 * The schema version of a file, reading it only: 0 for an empty file (a new ledger). Throws
 * {@link SchemaError} for a file written by a newer version or by another application, so that
 * such a file is refused before anything — the journal mode included — is written to it.
 *
 * @example
 * import Database from 'better-sqlite3'
 * import { inspect } from '@progress-ledger/store-sqlite'
 * const db = new Database(':memory:')
 * inspect(db, ':memory:') // 0
 * db.exec('CREATE TABLE customers (id INTEGER)')
 * const refusal = (() => { try { return inspect(db, 'shop.db') } catch (e) { return (e as Error).message } })()
 * refusal // 'shop.db: expected an empty file or a progress-ledger database, got a database with 1 other tables'
 */
export function inspect(db: Database.Database, path: string): number {
  const found = db.pragma('user_version', { simple: true }) as number
  const app = db.pragma('application_id', { simple: true }) as number
  if (app !== 0 && app !== APPLICATION_ID) {
    throw new SchemaError(
      `${path}: expected a progress-ledger database (application_id ${APPLICATION_ID}), got application_id ${app}`,
    )
  }
  if (found > SCHEMA_VERSION) {
    throw new SchemaError(
      `${path}: expected schema version ${SCHEMA_VERSION} or older, got ${found}: the file was written by a newer progress-ledger; upgrade @progress-ledger/store-sqlite to open it`,
    )
  }
  if (found === 0 && app === 0) {
    const tables = db
      .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'")
      .get() as { n: number }
    if (tables.n > 0)
      throw new SchemaError(
        `${path}: expected an empty file or a progress-ledger database, got a database with ${tables.n} other tables`,
      )
  }
  return found
}
