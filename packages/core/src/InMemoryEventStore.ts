/**
 * The reference event store, held in memory. Production-grade: appends are O(1) amortised per
 * event (no copying of streams), reads slice the log, ids are indexed for idempotence, and the
 * log is hash-chained like every durable store.
 *
 * @module InMemoryEventStore
 */
import { type Head, inBatchOrder, planAppend, sealWrites, validateBatch } from './Batch'
import type { Clock } from './Clock'
import type { ChainKey } from './Hash'
import { deepFreeze } from './internal/Freeze'
import type { EventInput, RecordedEvent } from './Envelope'
import type {
  AppendRequest,
  AppendResult,
  AppendStreamResult,
  EventStore,
  ExpectedVersion,
  ImportResult,
  ReadAllOptions,
  ReadStreamOptions,
  RecordSource,
  RequestSource,
  StreamOptions,
} from './EventStore'
import { importLogWith } from './LogImport'
import { appendStreamWith } from './StreamAppend'
import type { Instant } from './Scalars'
import { CHECKPOINTS_KEPT, type StoredCheckpoint } from './Checkpoint'
import { checkReadAllOptions, readStreamFrom } from './ReadOptions'
import type { StoredSnapshot } from './Snapshot'

/** Options of the in-memory store. */
export interface InMemoryOptions {
  /** Stamps recorded time. */
  readonly clock: Clock
  /** Makes the chain keyed (HMAC-SHA256 under this secret); see `ChainKey`. */
  readonly chainKey?: ChainKey | undefined
}

/**
 * An event store in memory.
 *
 * @example
 * import { InMemoryEventStore, fixedClock } from '@progress-ledger/core'
 * const store = new InMemoryEventStore({ clock: fixedClock('2022-01-08T10:30:00.000Z') })
 * const r = await store.append(
 *   'department-fgj',
 *   [{ id: 'e1', type: 'DepartmentRegistered', validTime: '2021-08-10', actor: 'office',
 *      data: { departmentId: 'fgj', name: { zh: '市发改局' }, aliases: [] } }],
 *   'no-stream',
 * )
 * r._tag // 'Appended'
 * store.readAllNow()[0]?.recordedTime // '2022-01-08T10:30:00.000Z'
 */
export class InMemoryEventStore implements EventStore {
  private readonly log: RecordedEvent[] = []
  private readonly streams = new Map<string, number[]>()
  private readonly ids = new Map<string, number>()
  private readonly snapshots = new Map<string, StoredSnapshot[]>()
  private readonly checkpoints = new Map<string, StoredCheckpoint[]>()
  private readonly clock: Clock
  private readonly chainKey: ChainKey | undefined
  /** Streamed appends and imports run one at a time; batches queue behind them. */
  private queue: Promise<unknown> = Promise.resolve()
  private queued = 0
  private streaming = false

  constructor(options: InMemoryOptions) {
    this.clock = options.clock
    this.chainKey = options.chainKey
  }

  private exclusive<A>(run: () => Promise<A>): Promise<A> {
    this.queued++
    const result = this.queue.then(run)
    this.queue = result.then(
      () => undefined,
      () => undefined,
    )
    return result.finally(() => {
      this.queued--
    })
  }

  private head(): Head {
    const last = this.log[this.log.length - 1]
    return {
      position: this.log.length,
      hash: last?.hash ?? '',
      recordedTime: last?.recordedTime ?? null,
    }
  }

  /** Adds sealed (or imported) events to the log and its indexes. */
  private commit(events: ReadonlyArray<RecordedEvent>): void {
    for (const e of events) {
      deepFreeze(e)
      this.log.push(e)
      this.ids.set(e.id, e.position)
      let positions = this.streams.get(e.streamId)
      if (positions === undefined) {
        positions = []
        this.streams.set(e.streamId, positions)
      }
      positions.push(e.position)
    }
  }

  /**
   * Runs `body` with a staging area: events it stages are visible to its own lookups but to no
   * reader, and join the log only when `done` says the result commits.
   */
  private staged<A>(
    body: (stage: {
      readonly events: RecordedEvent[]
      readonly ids: Map<string, RecordedEvent>
      readonly versions: Map<string, number>
    }) => Promise<A>,
    done: (a: A) => boolean,
  ): Promise<A> {
    return this.exclusive(async () => {
      const stage = {
        events: [] as RecordedEvent[],
        ids: new Map<string, RecordedEvent>(),
        versions: new Map<string, number>(),
      }
      this.streaming = true
      try {
        const result = await body(stage)
        if (done(result)) this.commit(stage.events)
        return result
      } finally {
        this.streaming = false
      }
    })
  }

  /**
   * Appends a stream of requests as one all-or-nothing batch (see the port): pages are staged,
   * invisible to readers, and join the log only when the whole stream succeeds.
   *
   * @example
   * import { InMemoryEventStore, fixedClock } from '@progress-ledger/core'
   * const store = new InMemoryEventStore({ clock: fixedClock('2022-01-08T10:30:00.000Z') })
   * const report = (i) => ({ id: `v${i}`, type: 'ValueReported', validTime: '2021-12-31', actor: 'fgj',
   *   data: { indicatorId: 'I01', period: '2021', value: i, status: 'final' } })
   * async function* lines() { for (let i = 1; i <= 5; i++) yield { streamId: 'indicator-I01', events: [report(i)], expectedVersion: i - 1 } }
   * const r = await store.appendStream(lines(), { pageSize: 2 })
   * r._tag === 'StreamAppended' && r.written // 5
   */
  appendStream(requests: RequestSource, options: StreamOptions = {}): Promise<AppendStreamResult> {
    return this.staged(
      (stage) =>
        appendStreamWith(
          requests,
          {
            head: this.head(),
            lookup: (ids, streams) => {
              const existing = new Map<string, RecordedEvent>()
              for (const id of ids) {
                const at = this.ids.get(id)
                const e = at === undefined ? stage.ids.get(id) : this.log[at - 1]
                if (e !== undefined) existing.set(id, e)
              }
              const versions = new Map<string, number>()
              for (const s of streams)
                versions.set(s, stage.versions.get(s) ?? this.streams.get(s)?.length ?? 0)
              return { existing, versions }
            },
            write: (events) => {
              for (const e of events) {
                stage.events.push(e)
                stage.ids.set(e.id, e)
                stage.versions.set(e.streamId, e.version)
              }
            },
            ...(this.chainKey === undefined ? {} : { chainKey: this.chainKey }),
          },
          this.clock.now(),
          options,
        ),
      (r) => r._tag === 'StreamAppended',
    )
  }

  /**
   * Loads an export into this store, which must be empty (see the port): checked record by
   * record, all or nothing.
   *
   * @example
   * import { InMemoryEventStore, fixedClock } from '@progress-ledger/core'
   * const source = new InMemoryEventStore({ clock: fixedClock('2022-01-08T10:30:00.000Z') })
   * await source.append('indicator-I01', [{ id: 'v1', type: 'ValueReported', validTime: '2021-12-31', actor: 'fgj',
   *   data: { indicatorId: 'I01', period: '2021', value: 10.6, status: 'final' } }], 'no-stream')
   * const target = new InMemoryEventStore({ clock: fixedClock('2023-01-01T00:00:00.000Z') })
   * const r = await target.importLog(source.readAllNow())
   * r._tag // 'Imported'
   * target.readAllNow()[0]?.recordedTime // '2022-01-08T10:30:00.000Z'
   */
  importLog(records: RecordSource, options: StreamOptions = {}): Promise<ImportResult> {
    return this.staged(
      (stage) =>
        importLogWith(
          records,
          {
            head: this.head(),
            lookupIds: (ids) => {
              const found = new Map<string, number>()
              for (const id of ids) {
                const e = stage.ids.get(id)
                if (e !== undefined) found.set(id, e.position)
              }
              return found
            },
            write: (events) => {
              for (const e of events) {
                stage.events.push(e)
                stage.ids.set(e.id, e)
              }
            },
            ...(this.chainKey === undefined ? {} : { chainKey: this.chainKey }),
          },
          options,
        ),
      (r) => r._tag === 'Imported',
    )
  }

  append(
    streamId: string,
    events: ReadonlyArray<EventInput>,
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult> {
    return this.appendBatch([{ streamId, events, expectedVersion }])
  }

  appendBatch(requests: ReadonlyArray<AppendRequest>): Promise<AppendResult> {
    // Behind a running streamed append or import, a batch waits its turn.
    if (this.queued > 0) return this.exclusive(() => Promise.resolve(this.appendNow(requests)))
    return Promise.resolve(this.appendNow(requests))
  }

  /**
   * The synchronous core of {@link appendBatch}. Throws while a streamed append or an import is
   * running (use `appendBatch`, which waits for it).
   */
  appendNow(requests: ReadonlyArray<AppendRequest>): AppendResult {
    if (this.streaming)
      throw new Error(
        'appendNow: a streamed append or an import is running; use appendBatch, which waits for it',
      )
    const checked = validateBatch(requests)
    if (checked._tag === 'InvalidEvents') return checked
    const existing = new Map<string, RecordedEvent>()
    const versions = new Map<string, number>()
    for (const r of checked.requests) {
      versions.set(r.streamId, this.streams.get(r.streamId)?.length ?? 0)
      for (const e of r.events) {
        const at = this.ids.get(e.id)
        if (at !== undefined) existing.set(e.id, this.log[at - 1] as RecordedEvent)
      }
    }
    const plan = planAppend(checked.requests, existing, versions)
    if (plan._tag !== 'Plan') return plan
    const sealed = sealWrites(plan.writes, this.head(), this.clock.now(), this.chainKey)
    this.commit(sealed)
    return {
      _tag: 'Appended',
      events: inBatchOrder(plan.previously, sealed),
      written: sealed.length,
      head: this.log.length,
    }
  }

  readStream(
    streamId: string,
    options: ReadStreamOptions = {},
  ): Promise<ReadonlyArray<RecordedEvent>> {
    return Promise.resolve(this.readStreamNow(streamId, options))
  }

  /** The synchronous core of {@link readStream}. */
  readStreamNow(streamId: string, options: ReadStreamOptions = {}): ReadonlyArray<RecordedEvent> {
    const from = readStreamFrom(options)
    const positions = this.streams.get(streamId)
    if (positions === undefined) return []
    const end =
      options.limit === undefined
        ? positions.length
        : Math.min(positions.length, from - 1 + options.limit)
    const out: RecordedEvent[] = []
    for (let i = from - 1; i < end; i++)
      out.push(this.log[(positions[i] as number) - 1] as RecordedEvent)
    return out
  }

  readAll(options: ReadAllOptions = {}): Promise<ReadonlyArray<RecordedEvent>> {
    return Promise.resolve(this.readAllNow(options))
  }

  /** The synchronous core of {@link readAll}. */
  readAllNow(options: ReadAllOptions = {}): ReadonlyArray<RecordedEvent> {
    checkReadAllOptions(options)
    const start = options.after ?? 0
    let end =
      options.recordedUpTo === undefined
        ? this.log.length
        : this.positionAtNow(options.recordedUpTo)
    if (options.limit !== undefined) end = Math.min(end, start + options.limit)
    return start >= end ? [] : this.log.slice(start, end)
  }

  streamVersion(streamId: string): Promise<number> {
    return Promise.resolve(this.streams.get(streamId)?.length ?? 0)
  }

  headPosition(): Promise<number> {
    return Promise.resolve(this.log.length)
  }

  positionAt(recordedTime: Instant): Promise<number> {
    return Promise.resolve(this.positionAtNow(recordedTime))
  }

  /** The last position recorded at or before an instant: recorded time never decreases along the log. */
  positionAtNow(recordedTime: Instant): number {
    let lo = 0
    let hi = this.log.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((this.log[mid] as RecordedEvent).recordedTime <= recordedTime) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  saveSnapshot(snapshot: StoredSnapshot): Promise<void> {
    const list = (this.snapshots.get(snapshot.name) ?? []).filter(
      (s) => s.position !== snapshot.position,
    )
    list.push(snapshot)
    list.sort((a, b) => a.position - b.position)
    this.snapshots.set(snapshot.name, list)
    return Promise.resolve()
  }

  loadSnapshot(name: string, atOrBefore?: number): Promise<StoredSnapshot | undefined> {
    const list = this.snapshots.get(name) ?? []
    for (let i = list.length - 1; i >= 0; i--) {
      const s = list[i] as StoredSnapshot
      if (atOrBefore === undefined || s.position <= atOrBefore) return Promise.resolve(s)
    }
    return Promise.resolve(undefined)
  }

  saveCheckpoint(checkpoint: StoredCheckpoint): Promise<void> {
    return this.saveCheckpoints([checkpoint])
  }

  saveCheckpoints(checkpoints: Iterable<StoredCheckpoint>): Promise<void> {
    // Copied first: nothing is stored unless every image could be read.
    let copies: StoredCheckpoint[]
    try {
      copies = Array.from(checkpoints, (c) => ({ ...c, image: Uint8Array.from(c.image) }))
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)))
    }
    for (const checkpoint of copies) {
      const list = (this.checkpoints.get(checkpoint.name) ?? []).filter(
        (c) => c.position !== checkpoint.position,
      )
      list.push(checkpoint)
      list.sort((a, b) => a.position - b.position)
      this.checkpoints.set(checkpoint.name, list.slice(-CHECKPOINTS_KEPT))
    }
    return Promise.resolve()
  }

  loadCheckpoint(name: string, atOrBefore?: number): Promise<StoredCheckpoint | undefined> {
    const list = this.checkpoints.get(name) ?? []
    for (let i = list.length - 1; i >= 0; i--) {
      const c = list[i] as StoredCheckpoint
      // A copy, as a database hands out: the caller may write into the image it gets.
      if (atOrBefore === undefined || c.position <= atOrBefore)
        return Promise.resolve({ ...c, image: c.image.slice() })
    }
    return Promise.resolve(undefined)
  }

  close(): Promise<void> {
    return Promise.resolve()
  }
}
