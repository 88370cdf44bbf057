/**
 * The store's tables and their versioned migrations, applied on open inside one transaction
 * under an advisory lock, so that many processes opening the same database at once migrate it
 * exactly once. A database migrated by a newer version of this package is refused.
 *
 * @module Schema
 */
import type { SqlClient, SqlQueryable } from './SqlClient'

/** One migration: the statements that take the schema from `version - 1` to `version`. */
export interface Migration {
  readonly version: number
  readonly description: string
  readonly statements: (schema: string) => ReadonlyArray<string>
}

/** The store's migrations, in order. Append new ones; never edit a released one. */
export const migrations: ReadonlyArray<Migration> = [
  {
    version: 1,
    description: 'events, head, snapshots, projections',
    statements: (s) => [
      `CREATE TABLE IF NOT EXISTS ${s}.ledger_events (
        position bigint PRIMARY KEY,
        id text NOT NULL UNIQUE,
        stream_id text NOT NULL,
        version integer NOT NULL,
        type text NOT NULL,
        schema_version integer NOT NULL,
        valid_time text COLLATE "C" NOT NULL,
        recorded_time text COLLATE "C" NOT NULL,
        actor text NOT NULL,
        correlation_id text,
        causation_id text,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        data text NOT NULL,
        UNIQUE (stream_id, version)
      )`,
      `CREATE INDEX IF NOT EXISTS ledger_events_recorded ON ${s}.ledger_events (recorded_time, position)`,
      `CREATE TABLE IF NOT EXISTS ${s}.ledger_head (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        position bigint NOT NULL,
        hash text NOT NULL,
        recorded_time text COLLATE "C"
      )`,
      `INSERT INTO ${s}.ledger_head (singleton, position, hash, recorded_time) VALUES (true, 0, '', NULL) ON CONFLICT (singleton) DO NOTHING`,
      `CREATE TABLE IF NOT EXISTS ${s}.ledger_snapshots (
        name text NOT NULL,
        position bigint NOT NULL,
        schema_version integer NOT NULL,
        state text NOT NULL,
        PRIMARY KEY (name, position)
      )`,
      `CREATE TABLE IF NOT EXISTS ${s}.ledger_projections (
        name text PRIMARY KEY,
        position bigint NOT NULL,
        state text
      )`,
    ],
  },
  {
    version: 2,
    description: 'checkpoints of the ledger state (binary images with their head and format)',
    statements: (s) => [
      `CREATE TABLE IF NOT EXISTS ${s}.ledger_checkpoints (
        name text NOT NULL,
        position bigint NOT NULL,
        head text NOT NULL,
        format text NOT NULL,
        image bytea NOT NULL,
        PRIMARY KEY (name, position)
      )`,
    ],
  },
]

/** The schema version this package writes. */
export const SCHEMA_VERSION: number = migrations.length

/** The database was migrated by a newer version of this package. */
export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError'
  constructor(
    readonly schema: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `schema ${schema}: expected a ledger schema at version ${supported} or older (this library's), got version ${found}, written by a newer @progress-ledger/store-postgres; upgrade the package to open it`,
    )
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/

/** Is `name` one of PostgreSQL's own schemas (`information_schema`, `pg_catalog`, any `pg_*`)? */
function isSystemSchema(name: string): boolean {
  return name === 'information_schema' || name.startsWith('pg_')
}

/** A schema name the store cannot use (see {@link schemaName}); its message names the name. */
export class InvalidSchemaNameError extends Error {
  override readonly name = 'InvalidSchemaNameError'
}

/**
 * Checks a schema name: a lower-case SQL identifier, used unquoted in statements, and not one of
 * PostgreSQL's system schemas (`information_schema`, `pg_catalog`, `pg_toast`, any `pg_*`);
 * throws {@link InvalidSchemaNameError} otherwise.
 *
 * @example
 * import { schemaName } from '@progress-ledger/store-postgres'
 * schemaName('ledger') // 'ledger'
 */
export function schemaName(name: string): string {
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) {
    throw new InvalidSchemaNameError(
      `schema: expected a lower-case SQL identifier (a-z, 0-9, _; at most 63 characters), got ${JSON.stringify(name)}`,
    )
  }
  if (isSystemSchema(name))
    throw new InvalidSchemaNameError(
      `schema: expected a schema of your own, not a PostgreSQL system schema (information_schema, pg_*), got ${JSON.stringify(name)}`,
    )
  return name
}

async function currentVersion(tx: SqlQueryable, schema: string): Promise<number> {
  const r = await tx.query<{ v: number | string | null }>(
    `SELECT max(version) AS v FROM ${schema}.ledger_schema`,
  )
  return Number(r.rows[0]?.v ?? 0)
}

/** The schema is missing or older than this library (a read-only open cannot migrate it). */
export class SchemaNotReadyError extends Error {
  override readonly name = 'SchemaNotReadyError'
  constructor(
    readonly schema: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `schema ${schema}: expected a ledger schema at version ${supported}, got ${found === 0 ? 'none' : `version ${found}`}; open it once read-write (on the primary) to migrate it`,
    )
  }
}

/**
 * Checks, without writing, that a schema is exactly at {@link SCHEMA_VERSION} (for read-only
 * opens, e.g. on a replica).
 *
 * @example
 * import { PGlite } from '@electric-sql/pglite'
 * import { checkSchema, migrate, pgliteClient } from '@progress-ledger/store-postgres'
 * const client = pgliteClient(await PGlite.create(), { owned: true })
 * await checkSchema(client, 'ledger').catch((e) => e.name) // 'SchemaNotReadyError'
 * await migrate(client, 'ledger', '2024-01-01T00:00:00.000Z')
 * await checkSchema(client, 'ledger') // undefined
 * await client.close()
 */
export async function checkSchema(
  client: SqlClient,
  schema: string,
  supported: number = SCHEMA_VERSION,
): Promise<void> {
  const s = schemaName(schema)
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass($1)::text AS t`, [
    `${s}.ledger_schema`,
  ])
  const found = exists.rows[0]?.t == null ? 0 : await currentVersion(client, s)
  if (found > supported) throw new SchemaTooNewError(s, found, supported)
  // Tables under the ledger's names that no migration made are another application's: not a
  // ledger to create here (migrate would refuse them too).
  if (found === 0) await refuseForeignTables(client, s)
  if (found < supported) throw new SchemaNotReadyError(s, found, supported)
}

/** The tables the migrations create (besides `ledger_schema`). */
const LEDGER_TABLES = [
  'ledger_events',
  'ledger_head',
  'ledger_snapshots',
  'ledger_projections',
  'ledger_checkpoints',
]

/**
 * A schema no migration has run in must not hold tables under the ledger's names: `CREATE TABLE
 * IF NOT EXISTS` would keep another application's table and a later statement fail on it.
 */
async function refuseForeignTables(tx: SqlQueryable, schema: string): Promise<void> {
  const r = await tx.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.tables
     WHERE table_schema = $1 AND table_name = ANY($2::text[]) ORDER BY table_name`,
    [schema, LEDGER_TABLES],
  )
  if (r.rows.length > 0)
    throw new Error(
      `schema ${schema}: expected an empty schema or a progress-ledger ledger, got table(s) ${r.rows.map((x) => x.t).join(', ')} that no progress-ledger migration created (another application's?); choose another schema with ?schema=NAME`,
    )
}

/** What {@link migrateSchema} found and did. */
export interface Migrated {
  /** The schema version found before (0: no ledger was there). */
  readonly found: number
  /** The schema did not exist: this migration created it. */
  readonly createdSchema: boolean
}

/**
 * Brings a schema up to {@link SCHEMA_VERSION}; returns the version found before. Throws
 * {@link SchemaTooNewError} for a schema written by a newer version. `appliedAt` is recorded
 * with each migration (time is an input).
 *
 * @example
 * import { PGlite } from '@electric-sql/pglite'
 * import { migrate, pgliteClient } from '@progress-ledger/store-postgres'
 * const client = pgliteClient(await PGlite.create(), { owned: true })
 * await migrate(client, 'ledger', '2024-01-01T00:00:00.000Z') // 0
 * await migrate(client, 'ledger', '2024-01-02T00:00:00.000Z') // 2
 * await client.close()
 */
export async function migrate(
  client: SqlClient,
  schema: string,
  appliedAt: string,
  target: ReadonlyArray<Migration> = migrations,
): Promise<number> {
  return (await migrateSchema(client, schema, appliedAt, target)).found
}

/**
 * {@link migrate}, saying also whether the schema itself was created (see
 * {@link dropEmptyLedger}).
 *
 * @example
 * import { PGlite } from '@electric-sql/pglite'
 * import { migrateSchema, pgliteClient } from '@progress-ledger/store-postgres'
 * const client = pgliteClient(await PGlite.create(), { owned: true })
 * await migrateSchema(client, 'ledger', '2024-01-01T00:00:00.000Z') // { found: 0, createdSchema: true }
 * await client.close()
 */
export async function migrateSchema(
  client: SqlClient,
  schema: string,
  appliedAt: string,
  target: ReadonlyArray<Migration> = migrations,
): Promise<Migrated> {
  const s = schemaName(schema)
  return client.transaction(async (tx) => {
    // One migrator at a time per schema, across processes; released at commit.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`progress-ledger:${s}`])
    const existed = await tx.query<{ n: string | null }>(`SELECT to_regnamespace($1)::text AS n`, [
      s,
    ])
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${s}`)
    await tx.query(
      `CREATE TABLE IF NOT EXISTS ${s}.ledger_schema (version integer PRIMARY KEY, description text NOT NULL, applied_at text NOT NULL)`,
    )
    const found = await currentVersion(tx, s)
    if (found > target.length) throw new SchemaTooNewError(s, found, target.length)
    if (found === 0) await refuseForeignTables(tx, s)
    for (const m of target) {
      if (m.version <= found) continue
      for (const statement of m.statements(s)) await tx.query(statement)
      await tx.query(
        `INSERT INTO ${s}.ledger_schema (version, description, applied_at) VALUES ($1, $2, $3)`,
        [m.version, m.description, appliedAt],
      )
    }
    return { found, createdSchema: existed.rows[0]?.n == null }
  })
}

/**
 * Removes a ledger that holds no event — its tables, and its schema too when `schemaToo` and
 * nothing else is left in it (never `public`) — for a ledger made by mistake, under a misspelt
 * schema name, by a write that then wrote nothing. Keeps it, returning `false`, once it holds an
 * event (another writer may have written meanwhile: the check and the drop are one transaction
 * under the head lock).
 *
 * @example
 * import { PGlite } from '@electric-sql/pglite'
 * import { dropEmptyLedger, migrateSchema, pgliteClient } from '@progress-ledger/store-postgres'
 * const client = pgliteClient(await PGlite.create(), { owned: true })
 * await migrateSchema(client, 'typo', '2024-01-01T00:00:00.000Z') // { found: 0, createdSchema: true }
 * await dropEmptyLedger(client, 'typo', true) // true
 * (await client.query("SELECT to_regnamespace('typo') AS n")).rows[0] // { n: null }
 * await client.close()
 */
export async function dropEmptyLedger(
  client: SqlClient,
  schema: string,
  schemaToo: boolean,
): Promise<boolean> {
  const s = schemaName(schema)
  return client.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`progress-ledger:${s}`])
    const head = await tx.query<{ position: number | string }>(
      `SELECT position FROM ${s}.ledger_head WHERE singleton FOR UPDATE`,
    )
    const any = await tx.query(`SELECT 1 FROM ${s}.ledger_events LIMIT 1`)
    if (Number(head.rows[0]?.position ?? 0) !== 0 || any.rows.length > 0) return false
    for (const t of ['ledger_schema', ...LEDGER_TABLES]) await tx.query(`DROP TABLE ${s}.${t}`)
    if (schemaToo && s !== 'public') {
      const left = await tx.query(
        `SELECT 1 FROM pg_class WHERE relnamespace = $1::regnamespace
         UNION ALL SELECT 1 FROM pg_proc WHERE pronamespace = $1::regnamespace
         UNION ALL SELECT 1 FROM pg_type WHERE typnamespace = $1::regnamespace AND typrelid = 0 LIMIT 1`,
        [s],
      )
      if (left.rows.length === 0) await tx.query(`DROP SCHEMA ${s}`)
    }
    return true
  })
}
