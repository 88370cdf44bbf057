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
  readonly chainKey?: ChainKey
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
export function openPostgresStore(options: OpenPostgresOptions): Promise<PostgresEventStore> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 4 })
  return PostgresEventStore.open({
    client: pgClient(pool, { owned: true }),
    clock: options.clock,
    ...(options.schema === undefined ? {} : { schema: options.schema }),
    ...(options.chainKey === undefined ? {} : { chainKey: options.chainKey }),
  })
}
