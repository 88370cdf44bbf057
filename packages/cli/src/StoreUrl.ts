/**
 * Where the ledger lives: `sqlite:PATH` (the default, one file, no server) or
 * `postgres://user@host:port/db[?schema=NAME]` (shared). `memory:` keeps it in memory.
 *
 * @module StoreUrl
 */
import { existsSync, statSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import type { ChainKey, Clock, EventStore } from '@progress-ledger/core'
import { editDistance, InMemoryEventStore } from '@progress-ledger/core'
import { openSqliteStore } from '@progress-ledger/store-sqlite'
import { Refusal, UsageError } from './Failure'
import type { PostgresEventStore } from '@progress-ledger/store-postgres'

/** A parsed store location. */
export type StoreLocation =
  | { readonly kind: 'sqlite'; readonly path: string }
  | { readonly kind: 'postgres'; readonly url: string; readonly schema: string | undefined }
  | { readonly kind: 'memory' }

/** How long a command waits for another writer's lock on a PostgreSQL ledger. */
const LOCK_TIMEOUT_MS = 40_000

/** The store used when `--store` is not given. */
export const DEFAULT_STORE = 'sqlite:progress-ledger.sqlite'

/**
 * Parses a `--store` value; relative SQLite paths are taken from `cwd`.
 *
 * @example
 * import { parseStoreUrl } from '@progress-ledger/cli'
 * parseStoreUrl('sqlite:ledger.sqlite', '/data') // { kind: 'sqlite', path: '/data/ledger.sqlite' }
 */
export function parseStoreUrl(value: string, cwd: string): StoreLocation {
  if (value === 'memory:') return { kind: 'memory' }
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length)
    if (path === '')
      throw new UsageError(
        `--store: expected sqlite:PATH with a path, got ${JSON.stringify(value)}`,
      )
    return { kind: 'sqlite', path: isAbsolute(path) ? path : join(cwd, path) }
  }
  if (value.startsWith('postgres://') || value.startsWith('postgresql://')) {
    const url = new URL(value)
    checkQuery(url)
    const schema = url.searchParams.get('schema') ?? undefined
    url.searchParams.delete('schema')
    return { kind: 'postgres', url: url.toString(), schema }
  }
  throw new UsageError(
    `--store: expected sqlite:PATH, postgres://… or memory:, got ${JSON.stringify(value)}`,
  )
}

/** What to do about a PostgreSQL server that cannot be reached or will not let the user in. */
function connectionRefusal(e: unknown, location: StoreLocation): Refusal | undefined {
  const code = (e as { code?: unknown } | null)?.code
  const why = (e as Error).message
  const where = describeLocation(location)
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return new Refusal(
        `cannot reach the PostgreSQL server of ${where}: ${why}`,
        'is the server running, and are the host and port in --store (or $PROGRESS_LEDGER_STORE) right?',
      )
    case '3D000':
      return new Refusal(
        `no such database on the PostgreSQL server of ${where}: ${why}`,
        'create it (`createdb NAME`), or name an existing one in --store',
      )
    case '28000':
    case '28P01':
      return new Refusal(
        `the PostgreSQL server of ${where} refused the login: ${why}`,
        'check the user and password in --store (a password may also come from $PGPASSWORD or ~/.pgpass)',
      )
    default:
      // The driver's words, without a code, for a connection the other side closed or never
      // answered (another service on the port, a firewall, a server that wants TLS).
      if (/^Connection terminated|timeout expired/i.test(why))
        return new Refusal(
          `the PostgreSQL server of ${where} did not keep the connection open: ${why}`,
          'are the host and port in --store right, and does the server accept this machine (pg_hba.conf; TLS: sslmode in --store)?',
        )
      return undefined
  }
}

/**
 * The query parameters a PostgreSQL `--store` may carry: `schema`, and what the pg driver reads
 * from a connection string (TLS, application name, server options, encoding, timeouts). The
 * driver ignores any other, so a misspelt `?scheme=` would silently open schema `public` —
 * perhaps another ledger — and a write would land there.
 */
const PG_PARAMETERS = [
  'schema',
  'ssl',
  'sslmode',
  'sslcert',
  'sslkey',
  'sslrootcert',
  'sslnegotiation',
  'uselibpqcompat',
  'application_name',
  'fallback_application_name',
  'options',
  'client_encoding',
  'encoding',
  'db',
  'host',
  'port',
  'connect_timeout',
  'keepalives',
  'keepalives_idle',
  'statement_timeout',
  'query_timeout',
  'lock_timeout',
  'idle_in_transaction_session_timeout',
  'target_session_attrs',
]

/** Refuses a query parameter the store and the driver do not read, or one given twice. */
function checkQuery(url: URL): void {
  const seen = new Set<string>()
  for (const key of url.searchParams.keys()) {
    if (!PG_PARAMETERS.includes(key)) {
      const near = PG_PARAMETERS.filter((p) => editDistance(p, key) <= 2)
      throw new UsageError(
        `--store: expected only parameters a PostgreSQL connection reads (${['schema', 'sslmode', 'application_name', '…'].join(', ')}), got ${JSON.stringify(key)}${near.length === 0 ? '' : ` (did you mean ${near.join(' or ')}?)`}`,
      )
    }
    if (seen.has(key))
      throw new UsageError(
        `--store: expected ${key} once, got it ${url.searchParams.getAll(key).length} times`,
      )
    seen.add(key)
  }
}

/** How to open a store: `create` (the default) creates or migrates it; `existing` refuses a SQLite file that is not there. */
export type OpenMode = 'create' | 'existing'

/**
 * Is the location a SQLite ledger that is not there yet: no file, or an empty one (where SQLite
 * would create a ledger)? A write on it works on a new ledger, put in place only once written.
 */
export function noLedgerFile(
  location: StoreLocation,
): location is StoreLocation & { readonly kind: 'sqlite' } {
  return (
    location.kind === 'sqlite' && (!existsSync(location.path) || statSync(location.path).size === 0)
  )
}

/**
 * The refusal for a SQLite ledger that is not there (no file, or an empty one): what read
 * commands say, and what a write says that found nothing to write against.
 */
export function noSqliteLedger(location: StoreLocation & { readonly kind: 'sqlite' }): Refusal {
  return new Refusal(
    `no ledger at ${describeLocation(location)}${existsSync(location.path) ? ' (an empty file)' : ''}`,
    'create one with `progress-ledger init` and record a plan with `progress-ledger import-plan PLAN.json`, or choose another ledger with --store',
  )
}

/**
 * Opens the store at a location. With `create` a missing ledger is created and an existing one
 * migrated; with `existing` nothing is written: a missing SQLite file, or a PostgreSQL schema
 * without the ledger's tables, is a {@link Refusal} with a hint to run `init`.
 *
 * @example
 * import { fixedClock } from '@progress-ledger/core'
 * import { openStore, Refusal } from '@progress-ledger/cli'
 * const store = await openStore({ kind: 'memory' }, fixedClock('2022-03-01'))
 * await store.headPosition() // 0
 * await openStore({ kind: 'sqlite', path: '/nowhere/ledger.sqlite' }, fixedClock('2022-03-01'), 'existing').catch((e) => e instanceof Refusal) // true
 */
export async function openStore(
  location: StoreLocation,
  clock: Clock,
  mode: OpenMode = 'create',
  chainKey?: ChainKey,
): Promise<EventStore> {
  const keyed = chainKey === undefined ? {} : { chainKey }
  switch (location.kind) {
    case 'memory':
      return new InMemoryEventStore({ clock, ...keyed })
    case 'sqlite':
      // An empty file is where SQLite would create a ledger: a reader creates none.
      if (mode === 'existing' && noLedgerFile(location)) throw noSqliteLedger(location)
      return openSqliteStore({ path: location.path, clock, ...keyed })
    case 'postgres': {
      // Loaded on first use: pg (and what it loads) costs a SQLite command's start-up about a
      // fifth of it otherwise.
      const { openPostgresStore, InvalidSchemaNameError, SchemaNotReadyError } =
        await import('@progress-ledger/store-postgres')
      try {
        return await openPostgresStore({
          url: location.url,
          clock,
          // As a SQLite ledger locked by another writer gives up (8 attempts of 5 s): a write
          // waits that long for another writer's lock, then says so.
          lockTimeoutMs: LOCK_TIMEOUT_MS,
          ...keyed,
          ...(location.schema === undefined ? {} : { schema: location.schema }),
          ...(mode === 'existing' ? { readOnly: true } : {}),
        })
      } catch (e) {
        if (e instanceof InvalidSchemaNameError) throw new UsageError(`--store: ${e.message}`)
        if (e instanceof SchemaNotReadyError && e.found === 0)
          throw new Refusal(
            `no ledger at ${describeLocation(location)}`,
            'create one with `progress-ledger init --store URL` and record a plan with `progress-ledger import-plan PLAN.json`',
          )
        throw connectionRefusal(e, location) ?? e
      }
    }
  }
}

/**
 * Removes the empty PostgreSQL ledger that opening `store` created (see the store's
 * `discardIfEmpty`), for a write that wrote nothing; returns what went wrong, if anything. Any
 * other store is left as it is.
 */
export async function discardCreated(store: EventStore): Promise<string | undefined> {
  const pg = store as Partial<Pick<PostgresEventStore, 'discardIfEmpty' | 'created' | 'schema'>>
  if (pg.created === undefined || typeof pg.discardIfEmpty !== 'function') return undefined
  try {
    await pg.discardIfEmpty.call(store)
    return undefined
  } catch (e) {
    return `the empty ledger this command created in schema ${String(pg.schema)} could not be removed: ${(e as Error).message}`
  }
}

/**
 * Describes a location for messages (without passwords).
 *
 * @example
 * import { describeLocation } from '@progress-ledger/cli'
 * describeLocation({ kind: 'postgres', url: 'postgres://pl:secret@db:5432/ledger', schema: 'sz' }) // 'postgres://pl@db:5432/ledger (schema sz)'
 */
export function describeLocation(location: StoreLocation): string {
  switch (location.kind) {
    case 'memory':
      return 'memory:'
    case 'sqlite':
      return `sqlite:${location.path}`
    case 'postgres': {
      const url = new URL(location.url)
      url.password = ''
      return url.toString() + (location.schema === undefined ? '' : ` (schema ${location.schema})`)
    }
  }
}
