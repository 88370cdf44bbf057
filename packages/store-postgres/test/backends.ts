// The databases the tests run against: PGlite always (in-process, one instance per test file),
// and a real PostgreSQL server when PG_URL is set. Every store gets a fresh schema.
import { PGlite } from '@electric-sql/pglite'
import type { ChainKey, Clock } from '@progress-ledger/core'
import pg from 'pg'
import { PostgresEventStore } from '../src/PostgresEventStore'
import { pgClient, pgliteClient, type SqlClient } from '../src/SqlClient'

export type BackendName = 'pglite' | 'postgres'

/** A database for one test file. */
export interface Backend {
  readonly name: BackendName
  /** A client sharing the file's connection(s); closing it leaves them open. */
  readonly shared: () => Promise<SqlClient>
  /** A client with its own connections (a separate pool on a server; the same instance on PGlite). */
  readonly separate: () => Promise<SqlClient>
  /** A schema name unique to this process. */
  readonly freshSchema: () => string
  readonly dropSchema: (schema: string) => Promise<void>
  /** Releases the file's connections. */
  readonly close: () => Promise<void>
}

/** Backends enabled in this run: PGlite, plus a server when PG_URL is set. */
export const backendNames: ReadonlyArray<BackendName> = process.env.PG_URL
  ? ['pglite', 'postgres']
  : ['pglite']

let counter = 0
const freshSchema = (): string => `t${process.pid}_${Date.now().toString(36)}_${++counter}`

function pgliteBackend(): Backend {
  let db: Promise<PGlite> | undefined
  const get = (): Promise<PGlite> => (db ??= PGlite.create())
  const shared = async (): Promise<SqlClient> => pgliteClient(await get())
  return {
    name: 'pglite',
    shared,
    separate: shared,
    freshSchema,
    dropSchema: async (schema) => {
      await (await get()).exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    },
    close: async () => {
      if (db !== undefined) await (await db).close()
    },
  }
}

function postgresBackend(url: string): Backend {
  const pool = new pg.Pool({ connectionString: url, max: 8 })
  const pools: pg.Pool[] = []
  return {
    name: 'postgres',
    shared: () => Promise.resolve(pgClient(pool)),
    separate: () => {
      const own = new pg.Pool({ connectionString: url, max: 2 })
      pools.push(own)
      return Promise.resolve(pgClient(own))
    },
    freshSchema,
    dropSchema: async (schema) => {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    },
    close: async () => {
      await Promise.all(pools.map((p) => p.end().catch(() => undefined)))
      await pool.end()
    },
  }
}

/** The backend of a name (PG_URL must be set for `postgres`). */
export function backend(name: BackendName): Backend {
  if (name === 'pglite') return pgliteBackend()
  const url = process.env.PG_URL
  if (url === undefined)
    throw new Error('PG_URL: expected a postgres:// URL for the postgres backend, got nothing')
  return postgresBackend(url)
}

/** Opens a store on a fresh schema; `close` also drops the schema. */
export async function freshStore(
  b: Backend,
  clock: Clock,
  options: {
    readonly separate?: boolean
    readonly schema?: string
    readonly chainKey?: ChainKey
  } = {},
): Promise<{ store: PostgresEventStore; schema: string; close: () => Promise<void> }> {
  const schema = options.schema ?? b.freshSchema()
  const client = options.separate === true ? await b.separate() : await b.shared()
  const store = await PostgresEventStore.open({
    client,
    clock,
    schema,
    ...(options.chainKey === undefined ? {} : { chainKey: options.chainKey }),
  })
  return {
    store,
    schema,
    close: async () => {
      await store.close()
      await b.dropSchema(schema)
    },
  }
}
