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
  type ChainKey,
  type ChainVerification,
  type Clock,
  type EventInput,
  type EventStore,
  type ExpectedVersion,
  type Instant,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StoredSnapshot,
  type StoredCheckpoint,
  CHECKPOINTS_KEPT,
} from '@progress-ledger/core'
import {
  inBatchOrder,
  planAppend,
  sealWrites,
  validateBatch,
  type ValidRequest,
} from '@progress-ledger/core/adapter'
import {
  EVENT_COLUMNS,
  EVENT_RECORD,
  fromRow,
  nulIssues,
  toRowJson,
  type EventRow,
} from './internal/EventRow'
import {
  ConnectionLostError,
  isRetryable,
  sqlState,
  type SqlClient,
  type SqlQueryable,
} from './SqlClient'
import { checkSchema, migrate, schemaName } from './Schema'

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
  readonly chainKey?: ChainKey
}

/** The connection failed during an append; see `outcome`. */
export class AppendInterruptedError extends Error {
  override readonly name = 'AppendInterruptedError'
  constructor(
    /** `not-committed` when the failure came before COMMIT; `unknown` when COMMIT itself failed. */
    readonly outcome: 'not-committed' | 'unknown',
    override readonly cause: ConnectionLostError,
  ) {
    super(
      `append interrupted (${outcome}): ${cause.message}; the batch is recorded whole or not at all${outcome === 'unknown' ? ': re-send it with the same event ids to find out which (a retry of a recorded batch writes nothing)' : ''}`,
    )
  }
}

function checkCount(name: string, n: number | undefined): void {
  if (n !== undefined && (!Number.isInteger(n) || n < 0))
    throw new Error(`${name} must be a whole number >= 0, got ${String(n)}`)
}

interface HeadRow {
  readonly position: number | string
  readonly hash: string
  readonly recorded_time: string | null
}

/** A rejected plan travels out of the transaction as this value, which rolls it back. */
class Rejected {
  constructor(readonly result: AppendResult) {}
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
  ) {}

  /** Opens a store: creates or migrates its schema (refusing one written by a newer version). */
  static async open(options: PostgresStoreOptions): Promise<PostgresEventStore> {
    const schema = schemaName(options.schema ?? 'public')
    const retries = options.retries ?? 5
    checkCount('retries', retries)
    const readOnly = options.readOnly ?? false
    if (readOnly) await checkSchema(options.client, schema)
    else await migrate(options.client, schema, options.clock.now())
    return new PostgresEventStore(
      options.client,
      schema,
      options.clock,
      retries,
      readOnly,
      options.chainKey,
    )
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
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.client.transaction(async (tx) => {
          const r = await this.appendIn(tx, checked.requests)
          if (r instanceof Rejected) throw r
          return r
        })
      } catch (e) {
        if (e instanceof Rejected) return e.result
        if (e instanceof ConnectionLostError)
          throw new AppendInterruptedError(e.during === 'commit' ? 'unknown' : 'not-committed', e)
        // A unique violation means a writer bypassed the head lock; like a serialization failure
        // or deadlock, re-running the transaction under the lock decides it (retry or conflict).
        if ((isRetryable(e) || sqlState(e) === '23505') && attempt < this.retries) continue
        throw e
      }
    }
  }

  private async appendIn(
    tx: SqlQueryable,
    requests: ReadonlyArray<ValidRequest>,
  ): Promise<AppendResult | Rejected> {
    const headRows = await tx.query<HeadRow>(
      `SELECT position, hash, recorded_time FROM ${this.table('ledger_head')} WHERE singleton FOR UPDATE`,
    )
    const head = headRows.rows[0]
    if (head === undefined)
      throw new Error(
        `${this.schema}.ledger_head: expected one row, got none (the schema was altered outside the store)`,
      )
    const ids = requests.flatMap((r) => r.events.map((e) => e.id))
    const streams = [...new Set(requests.map((r) => r.streamId))]
    const existing = new Map<string, RecordedEvent>()
    if (ids.length > 0) {
      const found = await tx.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM ${this.table('ledger_events')} WHERE id IN (SELECT json_array_elements_text($1::json))`,
        [JSON.stringify(ids)],
      )
      for (const row of found.rows) existing.set(row.id, fromRow(row))
    }
    const versions = new Map<string, number>()
    const current = await tx.query<{ stream_id: string; v: number | string | null }>(
      // One index-only backward scan of (stream_id, version) per stream: a plain
      // `stream_id IN (…) GROUP BY` is planned as a scan of the whole table.
      `SELECT s.stream_id, (SELECT max(e.version) FROM ${this.table('ledger_events')} e WHERE e.stream_id = s.stream_id) AS v
       FROM json_array_elements_text($1::json) AS s(stream_id)`,
      [JSON.stringify(streams)],
    )
    for (const row of current.rows) if (row.v !== null) versions.set(row.stream_id, Number(row.v))
    const plan = planAppend(requests, existing, versions)
    if (plan._tag !== 'Plan') return new Rejected(plan)
    const headPosition = Number(head.position)
    const sealed = sealWrites(
      plan.writes,
      {
        position: headPosition,
        hash: head.hash,
        recordedTime: head.recorded_time as Instant | null,
      },
      this.clock.now(),
      this.chainKey,
    )
    const last = sealed[sealed.length - 1]
    if (last !== undefined) {
      await tx.query(
        `INSERT INTO ${this.table('ledger_events')} (${EVENT_COLUMNS}) SELECT ${EVENT_COLUMNS} FROM json_to_recordset($1::json) AS x(${EVENT_RECORD})`,
        [toRowJson(sealed)],
      )
      await tx.query(
        `UPDATE ${this.table('ledger_head')} SET position = $1, hash = $2, recorded_time = $3 WHERE singleton`,
        [last.position, last.hash, last.recordedTime],
      )
    }
    return {
      _tag: 'Appended',
      events: inBatchOrder(plan.previously, sealed),
      written: sealed.length,
      head: last?.position ?? headPosition,
    }
  }

  async readStream(
    streamId: string,
    options: ReadStreamOptions = {},
  ): Promise<ReadonlyArray<RecordedEvent>> {
    checkCount('limit', options.limit)
    const from = options.fromVersion ?? 1
    if (!Number.isInteger(from) || from < 1)
      throw new Error(`fromVersion must be a whole number >= 1, got ${String(from)}`)
    const r = await this.client.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.table('ledger_events')} WHERE stream_id = $1 AND version >= $2 ORDER BY version LIMIT $3`,
      [streamId, from, options.limit ?? null],
    )
    return r.rows.map(fromRow)
  }

  readAll(options: ReadAllOptions = {}): Promise<ReadonlyArray<RecordedEvent>> {
    return this.readAllIn(this.client, options)
  }

  /** {@link readAll} through a given connection, e.g. inside a transaction of this store's client. */
  async readAllIn(
    on: SqlQueryable,
    options: ReadAllOptions = {},
  ): Promise<ReadonlyArray<RecordedEvent>> {
    checkCount('after', options.after)
    checkCount('limit', options.limit)
    const after = options.after ?? 0
    if (options.limit === 0) return []
    // One statement, one snapshot: bounded by the head row of that snapshot, which moves in the
    // same transaction as the events it counts.
    const r = await on.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM ${this.table('ledger_events')}
       WHERE position > $1 AND position <= (SELECT position FROM ${this.table('ledger_head')} WHERE singleton)
         AND ($2::text IS NULL OR recorded_time <= $2::text COLLATE "C")
       ORDER BY position LIMIT $3`,
      [after, options.recordedUpTo ?? null, options.limit ?? null],
    )
    // Defence in depth: return only the gap-free run after `after`. A missing position would be
    // one not yet visible; stopping before it means it is read next time, never skipped.
    const out: RecordedEvent[] = []
    for (const row of r.rows) {
      if (Number(row.position) !== after + out.length + 1) break
      out.push(fromRow(row))
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

  async saveCheckpoint(checkpoint: StoredCheckpoint): Promise<void> {
    await this.client.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO ${this.table('ledger_checkpoints')} (name, position, head, format, image) VALUES ($1, $2, $3, $4, $5)
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
        `DELETE FROM ${this.table('ledger_checkpoints')} WHERE name = $1 AND position NOT IN
         (SELECT position FROM ${this.table('ledger_checkpoints')} WHERE name = $1 ORDER BY position DESC LIMIT $2)`,
        [checkpoint.name, CHECKPOINTS_KEPT],
      )
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
      `SELECT name, position, head, format, image FROM ${this.table('ledger_checkpoints')}
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
