/**
 * The one seam between the store's SQL and a database driver: a client that runs a query or a
 * transaction. Two implementations keep the same SQL running on a real server (`pg`) and on
 * PGlite (PostgreSQL compiled to WebAssembly, in-process), so a user without a server still runs
 * every statement the store issues.
 *
 * @module SqlClient
 */
import type { Pool, PoolClient } from 'pg'

/** The rows of one statement. */
export interface SqlResult<R> {
  readonly rows: ReadonlyArray<R>
}

/** Runs statements with `$1`-style parameters. */
export interface SqlQueryable {
  readonly query: <R = Record<string, unknown>>(
    sql: string,
    params?: ReadonlyArray<unknown>,
  ) => Promise<SqlResult<R>>
  /**
   * Optional: the same, with each row as an array of its columns in select order (no object per
   * row). The store uses it for bulk reads when present.
   */
  readonly queryArrays?: (
    sql: string,
    params?: ReadonlyArray<unknown>,
  ) => Promise<SqlResult<ReadonlyArray<unknown>>>
}

/** A database the store can use: statements, transactions, and release of resources. */
export interface SqlClient extends SqlQueryable {
  /**
   * Runs `fn` in one transaction (READ COMMITTED) on one connection: commits when it resolves,
   * rolls back when it rejects. A connection that failed is discarded, never reused.
   */
  readonly transaction: <T>(fn: (tx: SqlQueryable) => Promise<T>) => Promise<T>
  /** Releases the client (ends the pool if the client owns it). */
  readonly close: () => Promise<void>
}

/**
 * A thrown error's SQLSTATE code (`'23505'`, `'40001'`…), if it carries one.
 *
 * @example
 * import { sqlState } from '@progress-ledger/store-postgres'
 * sqlState({ code: '23505' }) // '23505'
 */
export function sqlState(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined
  const code = (e as { code?: unknown }).code
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined
}

/**
 * Serialization failure or deadlock: the transaction may simply be run again.
 *
 * @example
 * import { isRetryable } from '@progress-ledger/store-postgres'
 * isRetryable({ code: '40P01' }) // true
 */
export function isRetryable(e: unknown): boolean {
  const code = sqlState(e)
  return code === '40001' || code === '40P01'
}

function ignore(): void {}

/**
 * The connection to the server failed (terminated, reset, shut down) while a transaction ran.
 * `during` says whether COMMIT had been sent: before it, nothing of the transaction persists;
 * during it, the outcome is unknown to the client.
 */
export class ConnectionLostError extends Error {
  override readonly name = 'ConnectionLostError'
  constructor(
    readonly during: 'transaction' | 'commit',
    override readonly cause: unknown,
  ) {
    super(
      `connection lost during ${during === 'commit' ? 'COMMIT' : 'the transaction'}: ${cause instanceof Error ? cause.message : String(cause)}`,
    )
  }
}

/**
 * Is a driver error a failure of the connection rather than of a statement?
 *
 * @example
 * import { isConnectionFailure } from '@progress-ledger/store-postgres'
 * // A backend terminated by pg_terminate_backend fails with 57P01:
 * isConnectionFailure({ code: '57P01' }) // true
 * isConnectionFailure({ code: '23505' }) // false
 */
export function isConnectionFailure(e: unknown): boolean {
  const code = sqlState(e)
  if (code === undefined) return true
  return code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03'
}

/**
 * A {@link SqlClient} over a `pg` pool. With `owned: true` closing the client ends the pool.
 * Connection failures inside a transaction surface as {@link ConnectionLostError}; the broken
 * connection is destroyed, not returned to the pool.
 *
 * @example
 * import pg from 'pg'
 * import { pgClient } from '@progress-ledger/store-postgres'
 * const client = pgClient(new pg.Pool({ connectionString: 'postgres://ledger@db.example.org/ledger' }), { owned: true })
 * typeof client.transaction // 'function'
 * await client.close()
 */
export function pgClient(pool: Pool, options: { readonly owned?: boolean } = {}): SqlClient {
  const run = async <R>(
    on: Pool | PoolClient,
    sql: string,
    params?: ReadonlyArray<unknown>,
    arrays = false,
  ): Promise<SqlResult<R>> => {
    const values = params === undefined ? undefined : [...params]
    const r = arrays
      ? await on.query({ text: sql, ...(values === undefined ? {} : { values }), rowMode: 'array' })
      : await on.query(sql, values)
    return { rows: r.rows as R[] }
  }
  // A pooled connection the server terminated while idle is reported on the pool: pg discards
  // it and the next statement gets a fresh connection, so the event is not fatal.
  if (pool.listenerCount('error') === 0) pool.on('error', ignore)
  return {
    query: (sql, params) => run(pool, sql, params),
    queryArrays: (sql, params) => run(pool, sql, params, true),
    transaction: async (fn) => {
      const conn = await pool.connect()
      // Errors of a checked-out connection also reach the statement that fails; the listener
      // keeps the event from crashing the process.
      conn.on('error', ignore)
      let lost: ConnectionLostError | undefined
      const guarded = async <R>(
        sql: string,
        params: ReadonlyArray<unknown> | undefined,
        during: 'transaction' | 'commit',
        arrays = false,
      ): Promise<SqlResult<R>> => {
        if (lost !== undefined) throw lost
        try {
          return await run<R>(conn, sql, params, arrays)
        } catch (e) {
          if (!isConnectionFailure(e)) throw e
          lost = new ConnectionLostError(during, e)
          throw lost
        }
      }
      try {
        await guarded('BEGIN', undefined, 'transaction')
        let out
        try {
          out = await fn({
            query: (sql, params) => guarded(sql, params, 'transaction'),
            queryArrays: (sql, params) => guarded(sql, params, 'transaction', true),
          })
        } catch (e) {
          if (lost === undefined) await guarded('ROLLBACK', undefined, 'transaction').catch(ignore)
          throw lost ?? e
        }
        await guarded('COMMIT', undefined, 'commit')
        return out
      } finally {
        conn.removeListener('error', ignore)
        conn.release(lost)
      }
    },
    close: async () => {
      if (options.owned === true) await pool.end()
    },
  }
}

/** The part of a PGlite instance the store uses (structural: no dependency on the package). */
export interface PGliteLike {
  query<T>(
    sql: string,
    params?: unknown[],
    options?: { rowMode?: 'array' | 'object' },
  ): Promise<{ rows: T[] }>
  transaction<T>(
    fn: (tx: {
      query<U>(
        sql: string,
        params?: unknown[],
        options?: { rowMode?: 'array' | 'object' },
      ): Promise<{ rows: U[] }>
    }) => Promise<T>,
  ): Promise<T>
  close(): Promise<void>
}

/**
 * A {@link SqlClient} over a PGlite instance (one in-process connection; transactions are
 * serialised by PGlite). With `owned: true` closing the client closes the database.
 *
 * @example
 * import { PGlite } from '@electric-sql/pglite'
 * import { pgliteClient } from '@progress-ledger/store-postgres'
 * const client = pgliteClient(await PGlite.create(), { owned: true })
 * (await client.query('SELECT 1 AS one')).rows // [{ one: 1 }]
 * await client.close()
 */
export function pgliteClient(
  db: PGliteLike,
  options: { readonly owned?: boolean } = {},
): SqlClient {
  const arrays = { rowMode: 'array' } as const
  return {
    query: async <R>(sql: string, params?: ReadonlyArray<unknown>) => ({
      rows: (await db.query<R>(sql, params === undefined ? undefined : [...params])).rows,
    }),
    queryArrays: async (sql: string, params?: ReadonlyArray<unknown>) => ({
      rows: (await db.query<unknown[]>(sql, params === undefined ? undefined : [...params], arrays))
        .rows,
    }),
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: async <R>(sql: string, params?: ReadonlyArray<unknown>) => ({
            rows: (await tx.query<R>(sql, params === undefined ? undefined : [...params])).rows,
          }),
          queryArrays: async (sql: string, params?: ReadonlyArray<unknown>) => ({
            rows: (
              await tx.query<unknown[]>(sql, params === undefined ? undefined : [...params], arrays)
            ).rows,
          }),
        }),
      ),
    close: async () => {
      if (options.owned === true) await db.close()
    },
  }
}
