/**
 * The SQLite event store: one file, WAL mode, one writer at a time (`BEGIN IMMEDIATE`), the
 * core's shared append algorithm inside the write transaction.
 *
 * @module SqliteEventStore
 */
import Database from 'better-sqlite3'
import {
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
  verifyChain,
} from '@progress-ledger/core'
import {
  type Head,
  type ValidRequest,
  appendStreamWith,
  checkReadAllOptions,
  importLogWith,
  inBatchOrder,
  planAppend,
  readStreamFrom,
  sealWrites,
  validateBatch,
} from '@progress-ledger/core/adapter'
import { retryBusy } from './internal/busy'
import { Gate } from './internal/Gate'
import {
  type EventRow,
  type RawRow,
  type ReadRow,
  fromRaw,
  fromRawAfter,
  fromRow,
  insertEvents,
} from './internal/rows'
import { type Statements, prepare } from './internal/statements'
import { openingError, storageError } from './internal/storageError'
import { inspect, migrate, SCHEMA_VERSION } from './Schema'

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** The database file (created if missing). */
  readonly path: string
  /** Stamps recorded time. */
  readonly clock: Clock
  /** How long SQLite itself waits for another writer's lock per attempt (default 5000 ms). */
  readonly busyTimeoutMs?: number
  /** Attempts of a locked operation before a StoreBusyError (default 8). */
  readonly busyAttempts?: number
  /** `full` (default): an acknowledged append survives power loss; `normal`: survives a process crash only, faster. */
  readonly synchronous?: 'full' | 'normal'
  /** Makes the chain keyed (HMAC-SHA256 under this secret, never stored); see core's `ChainKey`. */
  readonly chainKey?: ChainKey | undefined
}

interface HeadRow {
  readonly position: number
  readonly hash: string
  readonly recorded_time: string
}

/**
 * An event store in one SQLite file. Several processes may open the same file: appends
 * serialise on SQLite's write lock, so commit order is position order and a reader following
 * `readAll({ after })` never skips an event.
 */
export class SqliteEventStore implements EventStore {
  private readonly stmt: Statements
  private readonly writeBatch: (requests: ReadonlyArray<ValidRequest>) => AppendResult
  private readonly gate = new Gate()
  private readonly saveCheckpointsNow: (checkpoints: Iterable<StoredCheckpoint>) => void

  /** Use {@link openSqliteStore}. */
  constructor(
    /** The underlying connection: projections kept alongside the ledger write their tables through it. */
    readonly db: Database.Database,
    readonly path: string,
    private readonly clock: Clock,
    private readonly attempts: number,
    private readonly chainKey?: ChainKey,
  ) {
    this.stmt = prepare(db)
    this.saveCheckpointsNow = db.transaction((list: Iterable<StoredCheckpoint>) => {
      for (const c of list) {
        this.stmt.saveCheckpoint.run(c.name, c.position, c.head, c.format, c.image)
        this.stmt.pruneCheckpoints.run(c.name, c.name, CHECKPOINTS_KEPT)
      }
    }).immediate
    this.writeBatch = db.transaction((requests: ReadonlyArray<ValidRequest>) =>
      this.appendInTransaction(requests),
    ).immediate
  }

  append(
    streamId: string,
    events: ReadonlyArray<EventInput>,
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult> {
    return this.appendBatch([{ streamId, events, expectedVersion }])
  }

  async appendBatch(requests: ReadonlyArray<AppendRequest>): Promise<AppendResult> {
    const checked = validateBatch(requests)
    if (checked._tag === 'InvalidEvents') return checked
    return this.busy(() => this.writeBatch(checked.requests))
  }

  /** The head inside a transaction. */
  private headNow(): Head {
    const head = this.stmt.head.get() as HeadRow | undefined
    return {
      position: head?.position ?? 0,
      hash: head?.hash ?? '',
      recordedTime: (head?.recorded_time as Instant | undefined) ?? null,
    }
  }

  /** Stored events with these ids and the streams' versions: one statement each. */
  private lookup(
    ids: ReadonlyArray<string>,
    streams: ReadonlyArray<string>,
  ): { existing: Map<string, RecordedEvent>; versions: Map<string, number> } {
    const existing = new Map<string, RecordedEvent>()
    for (const row of this.stmt.byIds.all(JSON.stringify(ids)) as EventRow[])
      existing.set(row.id, fromRow(row))
    const versions = new Map<string, number>()
    for (const [s, v] of this.stmt.versions.all(JSON.stringify(streams)) as Array<
      [string, number | null]
    >)
      versions.set(s, v ?? 0)
    return { existing, versions }
  }

  private appendInTransaction(requests: ReadonlyArray<ValidRequest>): AppendResult {
    const ids: string[] = []
    const streams: string[] = []
    for (const r of requests) {
      if (!streams.includes(r.streamId)) streams.push(r.streamId)
      for (const e of r.events) ids.push(e.id)
    }
    const { existing, versions } = this.lookup(ids, streams)
    const plan = planAppend(requests, existing, versions)
    if (plan._tag !== 'Plan') return plan
    const head = this.headNow()
    if (plan.writes.length === 0)
      return {
        _tag: 'Appended',
        events: inBatchOrder(plan.previously, []),
        written: 0,
        head: head.position,
      }
    const sealed = sealWrites(plan.writes, head, this.clock.now(), this.chainKey)
    insertEvents(this.stmt.insert, sealed)
    return {
      _tag: 'Appended',
      events: inBatchOrder(plan.previously, sealed),
      written: sealed.length,
      head: head.position + sealed.length,
    }
  }

  /**
   * Runs a session in one `BEGIN IMMEDIATE` transaction held across awaits: commits when
   * `commits` says so, rolls back otherwise and on any exception. The store's other operations
   * wait for it; other processes wait on SQLite's lock.
   */
  private session<A>(body: () => Promise<A>, commits: (a: A) => boolean): Promise<A> {
    if (!this.db.open) return Promise.reject(new Error(`${this.path}: the store is closed`))
    return this.gate.run(async () => {
      await retryBusy(this.path, this.attempts, () => this.db.exec('BEGIN IMMEDIATE'))
      let result: A
      try {
        result = await body()
        this.db.exec(commits(result) ? 'COMMIT' : 'ROLLBACK')
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK')
        // SQLite's own errors about the file (read-only, disk full, damaged) name the ledger.
        throw storageError(this.path, err)
      }
      return result
    })
  }

  appendStream(requests: RequestSource, options: StreamOptions = {}): Promise<AppendStreamResult> {
    return this.session(
      () =>
        appendStreamWith(
          requests,
          {
            head: this.headNow(),
            lookup: (ids, streams) => this.lookup(ids, streams),
            write: (events) => insertEvents(this.stmt.insert, events),
            ...(this.chainKey === undefined ? {} : { chainKey: this.chainKey }),
          },
          this.clock.now(),
          options,
        ),
      (r) => r._tag === 'StreamAppended',
    )
  }

  importLog(records: RecordSource, options: StreamOptions = {}): Promise<ImportResult> {
    return this.session(
      () =>
        importLogWith(
          records,
          {
            head: this.headNow(),
            lookupIds: (ids) =>
              new Map(this.stmt.positionsByIds.all(JSON.stringify(ids)) as Array<[string, number]>),
            write: (events) => insertEvents(this.stmt.insert, events),
            ...(this.chainKey === undefined ? {} : { chainKey: this.chainKey }),
          },
          options,
        ),
      (r) => r._tag === 'Imported',
    )
  }

  async readStream(
    streamId: string,
    options: ReadStreamOptions = {},
  ): Promise<ReadonlyArray<RecordedEvent>> {
    const from = readStreamFrom(options)
    const rows = await this.busy(
      () => this.stmt.stream.all(streamId, from, options.limit ?? -1) as RawRow[],
    )
    return rows.map(fromRaw)
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadonlyArray<RecordedEvent>> {
    checkReadAllOptions(options)
    return this.busy(() => this.readAllNow(options))
  }

  /** The synchronous core of {@link readAll} (no busy retry): for use inside a transaction. */
  readAllNow(options: ReadAllOptions = {}): ReadonlyArray<RecordedEvent> {
    checkReadAllOptions(options)
    const after = options.after ?? 0
    const limit = options.limit ?? -1
    const rows = (
      options.recordedUpTo === undefined
        ? this.stmt.all.all({ after, limit })
        : this.stmt.allUpTo.all({ after, upTo: options.recordedUpTo, limit })
    ) as ReadRow[]
    // Each row's previous hash is the hash of the row before it; only the first row, or one after
    // a gap (a damaged file), carries or looks up its own.
    const out = new Array<RecordedEvent>(rows.length)
    let position = after
    let hash = ''
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as ReadRow
      const prevHash =
        r[12] ?? (r[0] === position + 1 ? hash : (this.stmt.prevHash.get(r[0]) as string))
      const e = fromRawAfter(r, prevHash)
      out[i] = e
      position = e.position
      hash = e.hash
    }
    return out
  }

  streamVersion(streamId: string): Promise<number> {
    return this.busy(() => this.versionNow(streamId))
  }

  private versionNow(streamId: string): number {
    return (this.stmt.version.get(streamId) as { v: number | null }).v ?? 0
  }

  headPosition(): Promise<number> {
    return this.busy(() => (this.stmt.head.get() as HeadRow | undefined)?.position ?? 0)
  }

  positionAt(recordedTime: Instant): Promise<number> {
    return this.busy(() => (this.stmt.positionAt.get(recordedTime) as { p: number | null }).p ?? 0)
  }

  async saveSnapshot(snapshot: StoredSnapshot): Promise<void> {
    await this.busy(() =>
      this.stmt.saveSnapshot.run(
        snapshot.name,
        snapshot.position,
        snapshot.schemaVersion,
        snapshot.state,
      ),
    )
  }

  async loadSnapshot(name: string, atOrBefore?: number): Promise<StoredSnapshot | undefined> {
    const row = await this.busy(
      () =>
        this.stmt.loadSnapshot.get(name, atOrBefore ?? Number.MAX_SAFE_INTEGER) as
          { name: string; position: number; schema_version: number; state: string } | undefined,
    )
    return row === undefined
      ? undefined
      : {
          name: row.name,
          position: row.position,
          schemaVersion: row.schema_version,
          state: row.state,
        }
  }

  async saveCheckpoint(checkpoint: StoredCheckpoint): Promise<void> {
    await this.saveCheckpoints([checkpoint])
  }

  async saveCheckpoints(checkpoints: Iterable<StoredCheckpoint>): Promise<void> {
    // The transaction takes the write lock before it reads the first checkpoint (BEGIN
    // IMMEDIATE), so a busy retry never re-reads an iterable already read; were it ever to, it
    // fails rather than store what is left.
    let read = false
    const once: Iterable<StoredCheckpoint> = {
      [Symbol.iterator]: () => {
        if (read)
          throw new Error(
            `${this.path}: the checkpoints were read by an attempt that did not commit; nothing was stored`,
          )
        read = true
        return checkpoints[Symbol.iterator]()
      },
    }
    await this.busy(() => this.saveCheckpointsNow(once))
  }

  async loadCheckpoint(name: string, atOrBefore?: number): Promise<StoredCheckpoint | undefined> {
    const row = await this.busy(
      () =>
        this.stmt.loadCheckpoint.get(name, atOrBefore ?? Number.MAX_SAFE_INTEGER) as
          | { name: string; position: number; head: string; format: string; image: Buffer }
          | undefined,
    )
    return row === undefined
      ? undefined
      : {
          name: row.name,
          position: row.position,
          head: row.head,
          format: row.format,
          image: row.image,
        }
  }

  /**
   * Re-checks the whole hash chain from position 1, page by page.
   *
   * @example
   * import { fixedClock } from '@progress-ledger/core'
   * import { openSqliteStore } from '@progress-ledger/store-sqlite'
   * const store = await openSqliteStore({ path: ':memory:', clock: fixedClock('2022-01-08T10:30:00.000Z') })
   * await store.append('department-fgj', [{ id: 'e1', type: 'DepartmentRegistered', validTime: '2021-08-10',
   *   actor: 'office', data: { departmentId: 'fgj', name: { zh: '市发改局' }, aliases: [] } }], 'no-stream')
   * const r = await store.verify()
   * r // { _tag: 'Intact', count: 1, head: (await store.readAll())[0]?.hash }
   */
  async verify(pageSize = 10_000): Promise<ChainVerification> {
    let from = { head: '', position: 0 }
    let count = 0
    for (;;) {
      const page = await this.readAll({ after: from.position, limit: pageSize })
      if (page.length === 0) return { _tag: 'Intact', count, head: from.head }
      const r = verifyChain(page, from, this.chainKey)
      if (r._tag === 'Broken') return r
      count += r.count
      from = { head: r.head, position: from.position + r.count }
    }
  }

  /**
   * Runs `op` (a read or a whole transaction), retrying while another connection holds a lock.
   * While a streamed append or an import of this store runs, `op` waits for it.
   */
  busy<A>(op: () => A): Promise<A> {
    return this.gate.open ? this.now(op) : this.gate.run(() => this.now(op))
  }

  private now<A>(op: () => A): Promise<A> {
    if (!this.db.open) return Promise.reject(new Error(`${this.path}: the store is closed`))
    return retryBusy(this.path, this.attempts, op)
  }

  close(): Promise<void> {
    const close = (): void => {
      if (this.db.open) this.db.close()
    }
    return this.gate.open ? Promise.resolve(close()) : this.gate.run(close)
  }
}

/**
 * Opens (creating and migrating if needed) a SQLite event store. Throws a clear Error when the
 * file cannot be opened, is not a progress-ledger file, or was written by a newer version.
 *
 * @example
 * import { fixedClock } from '@progress-ledger/core'
 * import { openSqliteStore } from '@progress-ledger/store-sqlite'
 * const store = await openSqliteStore({ path: ':memory:', clock: fixedClock('2022-01-08T10:30:00.000Z') })
 * await store.headPosition() // 0
 * await store.close()
 */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<SqliteEventStore> {
  const timeout = options.busyTimeoutMs ?? 5000
  const attempts = options.busyAttempts ?? 8
  if (!Number.isInteger(timeout) || timeout < 0)
    throw new Error(
      `busyTimeoutMs: expected a whole number >= 0, got ${String(options.busyTimeoutMs)}`,
    )
  if (!Number.isInteger(attempts) || attempts < 1)
    throw new Error(
      `busyAttempts: expected a whole number >= 1, got ${String(options.busyAttempts)}`,
    )
  let db: Database.Database
  try {
    db = new Database(options.path, { timeout })
  } catch (err) {
    throw openingError(options.path, err)
  }
  try {
    // Read first: a file of another application or of a newer version is refused as it was
    // found, before its journal mode or anything else is changed.
    const found = await retryBusy(options.path, attempts, () => inspect(db, options.path))
    await retryBusy(options.path, attempts, () => {
      if (db.pragma('journal_mode', { simple: true }) !== 'wal' && options.path !== ':memory:')
        db.pragma('journal_mode = WAL')
    })
    db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`)
    // A ledger at this version needs no write to open (it may be a read-only file).
    if (found < SCHEMA_VERSION)
      await retryBusy(options.path, attempts, () => migrate(db, options.path))
    return new SqliteEventStore(db, options.path, options.clock, attempts, options.chainKey)
  } catch (err) {
    db.close()
    throw storageError(options.path, err)
  }
}
