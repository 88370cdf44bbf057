/**
 * The PostgreSQL event store: core's `EventStore` port over any {@link SqlClient} (`pg` or PGlite).
 *
 * Writers serialise on one row lock, the ledger head (`SELECT … FROM ledger_head FOR UPDATE`).
 * Under that lock a writer reads the ids and stream versions it needs, runs core's shared append
 * algorithm (validateBatch → planAppend → sealWrites), inserts the sealed events and moves the
 * head, then commits, which releases the lock. Positions are therefore allocated in commit
 * order: no position can commit after a higher one is visible, so a catch-up reader never skips
 * an event. `readAll` is also safe by construction: it reads only up to the head row of its own
 * snapshot and returns only a gap-free run of positions.
 *
 * @module PostgresEventStore
 */
import {
  verifyChain,
  type AppendRequest,
  type AppendResult,
  type AppendStreamResult,
  type ChainKey,
  type ChainVerification,
  CHECKPOINTS_KEPT,
  type StoredCheckpoint,
  type Clock,
  type EventInput,
  type EventStore,
  type ExpectedVersion,
  type ImportResult,
  type Instant,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordSource,
  type RecordedEvent,
  type RequestSource,
  type StoredSnapshot,
  type StreamOptions,
} from '@progress-ledger/core'
import {
  appendStreamWith,
  checkCount,
  checkReadAllOptions,
  importLogWith,
  inBatchOrder,
  planAppend,
  readStreamFrom,
  sealWrites,
  validateBatch,
  type Head,
  type ValidRequest,
} from '@progress-ledger/core/adapter'
import { EVENT_COLUMNS, READ_COLUMNS, fromRaw, fromRawAfter, nulIssues } from './internal/EventRow'
import { Known, planOptimistic, sendOptimistic } from './internal/FastAppend'
import {
  eventRows,
  insertEvents,
  lockAndLookup,
  lockHead,
  lookup,
  moveHead,
  storedEvents,
} from './internal/Statements'
import {
  ConnectionLostError,
  isConnectionFailure,
  isRetryable,
  sqlState,
  type SqlClient,
  type SqlQueryable,
} from './SqlClient'
import { AppendInterruptedError } from './AppendInterruptedError'
import { LedgerLockedError } from './LedgerLockedError'
import { checkSchema, dropEmptyLedger, migrateSchema, schemaName } from './Schema'
import { importWriter, streamWriter } from './internal/Sessions'

/** Options of {@link PostgresEventStore.open}. */
export interface PostgresStoreOptions {
  /** The database (see `pgClient`, `pgliteClient`). Closing the store closes it. */
  readonly client: SqlClient
  /** Stamps recorded time (time is an input; SQL `now()` is never used). */
  readonly clock: Clock
  /** The schema holding the ledger's tables (default `public`); created if missing. */
  readonly schema?: string
  /** How many times an append is re-run after a serialization failure or deadlock (default 5). */
  readonly retries?: number
  /**
   * Open without writing (default `false`): the schema is checked, not migrated, and appends
   * throw. For readers on a hot-standby replica or with a read-only role.
   */
  readonly readOnly?: boolean
  /** Makes the chain keyed (HMAC-SHA256 under this secret, never stored); see core's `ChainKey`. */
  readonly chainKey?: ChainKey | undefined
}

interface HeadRow {
  readonly position: number | string
  readonly hash: string
  readonly recorded_time: string | null
}

/** Events per statement of a bulk read. */
const READ_PAGE = 10_000

/** A rejected plan travels out of the transaction as this value, which rolls it back. */
class Rejected {
  constructor(readonly result: unknown) {}
}

/**
 * An event store in a PostgreSQL schema.
 *
 * @example
 * import { PGlite } from '@electric-sql/pglite'
 * import { fixedClock } from '@progress-ledger/core'
 * import { PostgresEventStore, pgliteClient } from '@progress-ledger/store-postgres'
 * const store = await PostgresEventStore.open({ client: pgliteClient(await PGlite.create(), { owned: true }), clock: fixedClock('2022-01-08T10:30:00.000Z') })
 * await store.headPosition() // 0
 * await store.close()
 */
export class PostgresEventStore implements EventStore {
  private constructor(
    /** The database client. */
    readonly client: SqlClient,
    /** The schema holding the tables. */
    readonly schema: string,
    private readonly clock: Clock,
    private readonly retries: number,
    /** Opened read-only: appends throw. */
    readonly readOnly: boolean,
    private readonly chainKey: ChainKey | undefined,
    /**
     * What opening it created: `'schema'` (the schema did not exist), `'tables'` (the schema held
     * no ledger), or `undefined` (the ledger was there). See {@link PostgresEventStore.discardIfEmpty}.
     */
    readonly created: 'schema' | 'tables' | undefined,
  ) {}

  /** The head and stream versions this object last wrote, for the one-statement append. */
  private readonly known = new Known()

  /** Opens a store: creates or migrates its schema (refusing one written by a newer version). */
  static async open(options: PostgresStoreOptions): Promise<PostgresEventStore> {
    const schema = schemaName(options.schema ?? 'public')
    const retries = options.retries ?? 5
    checkCount('retries', retries)
    const readOnly = options.readOnly ?? false
    let created: 'schema' | 'tables' | undefined
    if (readOnly) await checkSchema(options.client, schema)
    else {
      const m = await migrateSchema(options.client, schema, options.clock.now())
      if (m.found === 0) created = m.createdSchema ? 'schema' : 'tables'
    }
    return new PostgresEventStore(
      options.client,
      schema,
      options.clock,
      retries,
      readOnly,
      options.chainKey,
      created,
    )
  }

  /**
   * Undoes what opening this store created — the ledger's tables, and the schema if opening made
   * it — when no event was written into it meanwhile (by this store or any other); `false` when it
   * holds one, or opening created nothing. For a command that refused its input whole against a
   * ledger its open created (a misspelt `?schema=`): it leaves no empty ledger behind. Use the store
   * for nothing but `close` afterwards.
   */
  async discardIfEmpty(): Promise<boolean> {
    if (this.created === undefined) return false
    this.known.forget()
    return dropEmptyLedger(this.client, this.schema, this.created === 'schema')
  }

  private table(name: string): string {
    return `${this.schema}.${name}`
  }

  append(
    streamId: string,
    events: ReadonlyArray<EventInput>,
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult> {
    return this.appendBatch([{ streamId, events, expectedVersion }])
  }

  async appendBatch(requests: ReadonlyArray<AppendRequest>): Promise<AppendResult> {
    if (this.readOnly)
      throw new Error(
        `appendBatch: expected a store opened read-write, got one opened with readOnly: true (schema ${this.schema})`,
      )
    const checked = validateBatch(requests)
    if (checked._tag === 'InvalidEvents') return checked
    const nul = nulIssues(checked.requests)
    if (nul.length > 0) return { _tag: 'InvalidEvents', issues: nul }
    const fast = await this.appendOptimistic(checked.requests)
    if (fast !== undefined) return fast
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await this.client.transaction(async (tx) => {
          const r = await this.appendIn(tx, checked.requests)
          if (r instanceof Rejected) throw r
          return r
        })
        this.remember(r)
        return r
      } catch (e) {
        this.known.forget()
        if (e instanceof Rejected) return e.result as AppendResult
        if (e instanceof ConnectionLostError)
          throw new AppendInterruptedError(e.during === 'commit' ? 'unknown' : 'not-committed', e)
        // A unique violation means a writer bypassed the head lock; like a serialization failure
        // or deadlock, re-running the transaction under the lock decides it (retry or conflict).
        if ((isRetryable(e) || sqlState(e) === '23505') && attempt < this.retries) continue
        throw this.locked(e)
      }
    }
  }

  /** A lock timeout (55P03) as {@link LedgerLockedError}; any other error as it is. */
  private locked(e: unknown): unknown {
    return sqlState(e) === '55P03' ? new LedgerLockedError(this.schema, { cause: e }) : e
  }

  /** After a committed transaction: what it wrote becomes the known head (a pure re-send tells nothing). */
  private remember(r: AppendResult): void {
    if (r._tag !== 'Appended' || r.written === 0) {
      this.known.forget()
      return
    }
    const fresh = r.events.filter((e) => e.position > r.head - r.written)
    const last = fresh.find((e) => e.position === r.head) as RecordedEvent
    this.known.wrote(
      { position: last.position, hash: last.hash, recordedTime: last.recordedTime },
      fresh,
    )
  }

  /**
   * The one-statement path (see `internal/FastAppend`): `undefined` when it does not apply or
   * wrote nothing, so that the full transaction decides.
   */
  private async appendOptimistic(
    requests: ReadonlyArray<ValidRequest>,
  ): Promise<AppendResult | undefined> {
    const o = planOptimistic(requests, this.known, this.clock.now(), this.chainKey)
    if (o === undefined) return undefined
    let wrote: boolean
    try {
      wrote = await sendOptimistic(this.client, this.schema, o)
    } catch (e) {
      if (isConnectionFailure(e)) {
        this.known.forget()
        // One autocommit statement: it may or may not have committed.
        throw new AppendInterruptedError('unknown', new ConnectionLostError('commit', e))
      }
      // An id or a stream version taken (23505: a re-send, a stream another writer moved on) or a
      // serialization failure: nothing was written; the transaction decides under the lock.
      if (isRetryable(e) || sqlState(e) === '23505') return undefined
      throw this.locked(e)
    }
    if (!wrote) return undefined
    const last = o.sealed[o.sealed.length - 1] as RecordedEvent
    this.known.followed(
      { position: last.position, hash: last.hash, recordedTime: last.recordedTime },
      o.sealed,
    )
    return { _tag: 'Appended', events: o.sealed, written: o.sealed.length, head: last.position }
  }

  private async appendIn(
    tx: SqlQueryable,
    requests: ReadonlyArray<ValidRequest>,
  ): Promise<AppendResult | Rejected> {
    const ids: string[] = []
    const streams: string[] = []
    for (const r of requests) {
      if (!streams.includes(r.streamId)) streams.push(r.streamId)
      for (const e of r.events) ids.push(e.id)
    }
    const locked = await lockAndLookup(tx, this.schema, ids, streams)
    // Another writer committed while this one waited for the lock: look again, under the lock.
    const found = locked.fresh ? locked.found : await lookup(tx, this.schema, ids, streams)
    const existing = await storedEvents(tx, this.schema, found.ids)
    const plan = planAppend(requests, existing, found.versions)
    const head = locked.head
    if (plan._tag !== 'Plan') return new Rejected(plan)
    const sealed = sealWrites(plan.writes, head, this.clock.now(), this.chainKey)
    await insertEvents(tx, this.schema, sealed, true)
    return {
      _tag: 'Appended',
      events: inBatchOrder(plan.previously, sealed),
      written: sealed.length,
      head: sealed[sealed.length - 1]?.position ?? head.position,
    }
  }

  /**
   * Runs a session (streamed append or import) in one transaction holding the head lock; the
   * head moves once, at the end. Rolls back unless `commits` says otherwise.
   */
  private async session<A>(
    body: (tx: SqlQueryable, head: Head) => Promise<{ readonly result: A; readonly head: Head }>,
    commits: (a: A) => boolean,
  ): Promise<A> {
    if (this.readOnly)
      throw new Error(
        `expected a store opened read-write, got one opened with readOnly: true (schema ${this.schema})`,
      )
    this.known.forget()
    try {
      return await this.client.transaction(async (tx) => {
        const { result, head } = await body(tx, await lockHead(tx, this.schema))
        if (!commits(result)) throw new Rejected(result)
        await moveHead(tx, this.schema, head)
        return result
      })
    } catch (e) {
      if (e instanceof Rejected) return e.result as A
      if (e instanceof ConnectionLostError)
        throw new AppendInterruptedError(e.during === 'commit' ? 'unknown' : 'not-committed', e)
      throw this.locked(e)
    }
  }

  appendStream(requests: RequestSource, options: StreamOptions = {}): Promise<AppendStreamResult> {
    return this.session(
      async (tx, start) => {
        const writer = { ...streamWriter(tx, this.schema, start), chainKey: this.chainKey }
        const result = await appendStreamWith(requests, writer, this.clock.now(), options)
        return { result, head: writer.last() }
      },
      (r) => r._tag === 'StreamAppended',
    )
  }

  importLog(records: RecordSource, options: StreamOptions = {}): Promise<ImportResult> {
    return this.session(
      async (tx, start) => {
        const writer = { ...importWriter(tx, this.schema, start), chainKey: this.chainKey }
        const result = await importLogWith(records, writer, options)
        return { result, head: writer.last() }
      },
      (r) => r._tag === 'Imported',
    )
  }

  async readStream(
    streamId: string,
    options: ReadStreamOptions = {},
  ): Promise<ReadonlyArray<RecordedEvent>> {
    const from = readStreamFrom(options)
    const rows = await eventRows(
      this.client,
      `SELECT ${EVENT_COLUMNS} FROM ${this.table('ledger_events')} WHERE stream_id = $1 AND version >= $2 ORDER BY version LIMIT $3`,
      [streamId, from, options.limit ?? null],
    )
    return rows.map(fromRaw)
  }

  readAll(options: ReadAllOptions = {}): Promise<ReadonlyArray<RecordedEvent>> {
    return this.readAllIn(this.client, options)
  }

  /**
   * {@link readAll} through a given connection, e.g. inside a transaction of this store's client.
   * Reads in keyset pages of at most 10,000 positions, each one statement over the range
   * `(after, after + page]` bounded by the head row of its own snapshot, and returns only a
   * gap-free run of positions after `after`.
   */
  async readAllIn(
    on: SqlQueryable,
    options: ReadAllOptions = {},
  ): Promise<ReadonlyArray<RecordedEvent>> {
    checkReadAllOptions(options)
    const limit = options.limit ?? Number.POSITIVE_INFINITY
    const out: RecordedEvent[] = []
    let after = options.after ?? 0
    while (out.length < limit) {
      const want = Math.min(READ_PAGE, limit - out.length)
      const rows = await eventRows(
        on,
        // Positions are gap-free, so the page is the range (after, after + want]: bounded work
        // whatever plan the server picks (a freshly loaded table has no statistics yet).
        `SELECT ${READ_COLUMNS} FROM ${this.table('ledger_events')}
         WHERE position > $1
           AND position <= least($1::bigint + $3::bigint, (SELECT position FROM ${this.table('ledger_head')} WHERE singleton))
           AND ($2::text IS NULL OR recorded_time <= $2::text COLLATE "C")
         ORDER BY position LIMIT $3`,
        [after, options.recordedUpTo ?? null, want],
      )
      // Defence in depth: a missing position would be one not yet visible; stopping before it
      // means it is read next time, never skipped. So the page is a gap-free run, and only its
      // first row carries its previous hash (READ_COLUMNS): each later one follows the row before.
      let hash = ''
      for (const row of rows) {
        const position = typeof row[0] === 'number' ? row[0] : Number(row[0])
        if (position !== after + 1) return out
        const e = fromRawAfter(row, (row[11] as string | null) ?? hash)
        out.push(e)
        hash = e.hash
        after = position
      }
      if (rows.length < want) return out
    }
    return out
  }

  async streamVersion(streamId: string): Promise<number> {
    const r = await this.client.query<{ v: number | string | null }>(
      `SELECT max(version) AS v FROM ${this.table('ledger_events')} WHERE stream_id = $1`,
      [streamId],
    )
    return Number(r.rows[0]?.v ?? 0)
  }

  async headPosition(): Promise<number> {
    const r = await this.client.query<{ position: number | string }>(
      `SELECT position FROM ${this.table('ledger_head')} WHERE singleton`,
    )
    return Number(r.rows[0]?.position ?? 0)
  }

  async positionAt(recordedTime: Instant): Promise<number> {
    const r = await this.client.query<{ position: number | string }>(
      `SELECT position FROM ${this.table('ledger_events')} WHERE recorded_time <= $1::text COLLATE "C" ORDER BY recorded_time DESC, position DESC LIMIT 1`,
      [recordedTime],
    )
    return Number(r.rows[0]?.position ?? 0)
  }

  async saveCheckpoint(checkpoint: StoredCheckpoint): Promise<void> {
    await this.saveCheckpoints([checkpoint])
  }

  async saveCheckpoints(checkpoints: Iterable<StoredCheckpoint>): Promise<void> {
    await this.client.transaction(async (tx) => {
      for (const checkpoint of checkpoints) {
        await tx.query(
          `INSERT INTO ${this.schema}.ledger_checkpoints (name, position, head, format, image) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (name, position) DO UPDATE SET head = EXCLUDED.head, format = EXCLUDED.format, image = EXCLUDED.image`,
          [
            checkpoint.name,
            checkpoint.position,
            checkpoint.head,
            checkpoint.format,
            Buffer.from(
              checkpoint.image.buffer,
              checkpoint.image.byteOffset,
              checkpoint.image.byteLength,
            ),
          ],
        )
        await tx.query(
          `DELETE FROM ${this.schema}.ledger_checkpoints WHERE name = $1 AND position NOT IN
         (SELECT position FROM ${this.schema}.ledger_checkpoints WHERE name = $1 ORDER BY position DESC LIMIT $2)`,
          [checkpoint.name, CHECKPOINTS_KEPT],
        )
      }
    })
  }

  async loadCheckpoint(name: string, atOrBefore?: number): Promise<StoredCheckpoint | undefined> {
    const r = await this.client.query<{
      name: string
      position: number | string
      head: string
      format: string
      image: Uint8Array
    }>(
      `SELECT name, position, head, format, image FROM ${this.schema}.ledger_checkpoints
       WHERE name = $1 AND ($2::bigint IS NULL OR position <= $2::bigint) ORDER BY position DESC LIMIT 1`,
      [name, atOrBefore ?? null],
    )
    const row = r.rows[0]
    return row === undefined
      ? undefined
      : {
          name: row.name,
          position: Number(row.position),
          head: row.head,
          format: row.format,
          image: row.image,
        }
  }

  async saveSnapshot(snapshot: StoredSnapshot): Promise<void> {
    await this.client.query(
      `INSERT INTO ${this.table('ledger_snapshots')} (name, position, schema_version, state) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name, position) DO UPDATE SET schema_version = EXCLUDED.schema_version, state = EXCLUDED.state`,
      [snapshot.name, snapshot.position, snapshot.schemaVersion, snapshot.state],
    )
  }

  async loadSnapshot(name: string, atOrBefore?: number): Promise<StoredSnapshot | undefined> {
    const r = await this.client.query<{
      name: string
      position: number | string
      schema_version: number | string
      state: string
    }>(
      `SELECT name, position, schema_version, state FROM ${this.table('ledger_snapshots')}
       WHERE name = $1 AND ($2::bigint IS NULL OR position <= $2::bigint) ORDER BY position DESC LIMIT 1`,
      [name, atOrBefore ?? null],
    )
    const row = r.rows[0]
    return row === undefined
      ? undefined
      : {
          name: row.name,
          position: Number(row.position),
          schemaVersion: Number(row.schema_version),
          state: row.state,
        }
  }

  /**
   * Verifies the whole hash chain page by page, then checks that the head row agrees with the
   * last event. Returns `Broken` naming the first bad position.
   */
  async verify(pageSize = 10_000): Promise<ChainVerification> {
    if (!Number.isInteger(pageSize) || pageSize < 1)
      throw new Error(`pageSize must be a whole number >= 1, got ${String(pageSize)}`)
    const head = (
      await this.client.query<HeadRow>(
        `SELECT position, hash, recorded_time FROM ${this.table('ledger_head')} WHERE singleton`,
      )
    ).rows[0]
    const upTo = Number(head?.position ?? 0)
    let from = { head: '', position: 0 }
    let count = 0
    while (from.position < upTo) {
      const page = await this.readAll({
        after: from.position,
        limit: Math.min(pageSize, upTo - from.position),
      })
      if (page.length === 0) break
      const v = verifyChain(page, from, this.chainKey)
      if (v._tag === 'Broken') return v
      count += v.count
      from = { head: v.head, position: from.position + v.count }
    }
    if (from.position !== upTo || from.head !== (head?.hash ?? '')) {
      return {
        _tag: 'Broken',
        position: upTo,
        eventId: '',
        reason: `head row says position ${upTo} hash ${JSON.stringify(head?.hash ?? '')}, events end at position ${from.position} hash ${JSON.stringify(from.head)}`,
      }
    }
    return { _tag: 'Intact', count, head: from.head }
  }

  close(): Promise<void> {
    return this.client.close()
  }
}
