/**
 * Opening a store from a connection string, for applications and the command-line tool.
 *
 * @module OpenUrl
 */
import type { ChainKey, Clock } from '@progress-ledger/core'
import pg from 'pg'
import { PostgresEventStore } from './PostgresEventStore'
import { pgClient } from './SqlClient'

/** Options of {@link openPostgresStore}. */
export interface OpenPostgresOptions {
  /** `postgres://user:password@host:port/database`. */
  readonly url: string
  /** Stamps recorded time. */
  readonly clock: Clock
  /** The schema holding the ledger (default `public`). */
  readonly schema?: string
  /** Connections in the pool (default 4). */
  readonly maxConnections?: number
  /** Makes the chain keyed (HMAC-SHA256 under this secret, never stored); see core's `ChainKey`. */
  readonly chainKey?: ChainKey | undefined
  /** Open without writing: the schema is checked, not created or migrated (see `PostgresStoreOptions`). */
  readonly readOnly?: boolean
  /**
   * How long a statement of this store's connections waits for a lock (PostgreSQL's
   * `lock_timeout`), in milliseconds; a write that waits longer for another writer's head lock
   * fails with `LedgerLockedError`, nothing written. Default: wait as long as it takes.
   */
  readonly lockTimeoutMs?: number
}

/**
 * Opens a PostgreSQL store over a connection pool that the store owns (closing the store ends
 * the pool).
 *
 * @example
 * import { fixedClock } from '@progress-ledger/core'
 * import { openPostgresStore } from '@progress-ledger/store-postgres'
 * const opened = openPostgresStore({ url: 'postgres://ledger@127.0.0.1:1/ledger', clock: fixedClock('2022-01-08T10:30:00.000Z') })
 * await opened.catch((e) => e.code) // 'ECONNREFUSED'
 */
export async function openPostgresStore(options: OpenPostgresOptions): Promise<PostgresEventStore> {
  const wait = options.lockTimeoutMs
  if (wait !== undefined && (!Number.isInteger(wait) || wait < 1))
    throw new Error(`lockTimeoutMs: expected a whole number >= 1, got ${String(wait)}`)
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 4,
    ...(wait === undefined ? {} : { options: `-c lock_timeout=${wait}` }),
  })
  const client = pgClient(pool, { owned: true })
  try {
    return await PostgresEventStore.open({
      client,
      clock: options.clock,
      ...(options.schema === undefined ? {} : { schema: options.schema }),
      ...(options.readOnly === undefined ? {} : { readOnly: options.readOnly }),
      ...(options.chainKey === undefined ? {} : { chainKey: options.chainKey }),
    })
  } catch (e) {
    // A store that could not be opened must not keep the pool (and the process) alive.
    await client.close()
    throw e
  }
}
