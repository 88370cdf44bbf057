/**
 * The reference event store, held in memory. Production-grade: appends are O(1) amortised per
 * event (no copying of streams), reads slice the log, ids are indexed for idempotence, and the
 * log is hash-chained like every durable store.
 *
 * @module InMemoryEventStore
 */
import { inBatchOrder, planAppend, sealWrites, validateBatch } from './Batch'
import type { Clock } from './Clock'
import type { ChainKey } from './Hash'
import { deepFreeze } from './internal/Freeze'
import type { EventInput, RecordedEvent } from './Envelope'
import type {
  AppendRequest,
  AppendResult,
  EventStore,
  ExpectedVersion,
  ReadAllOptions,
  ReadStreamOptions,
} from './EventStore'
import type { Instant } from './Scalars'
import { CHECKPOINTS_KEPT, type StoredCheckpoint } from './Checkpoint'
import type { StoredSnapshot } from './Snapshot'

function checkCount(name: string, n: number | undefined): void {
  if (n !== undefined && (!Number.isInteger(n) || n < 0))
    throw new Error(`${name} must be a whole number >= 0, got ${String(n)}`)
}

/** Options of the in-memory store. */
export interface InMemoryOptions {
  /** Stamps recorded time. */
  readonly clock: Clock
  /** Makes the chain keyed (HMAC-SHA256 under this secret); see `ChainKey`. */
  readonly chainKey?: ChainKey
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

  constructor(options: InMemoryOptions) {
    this.clock = options.clock
    this.chainKey = options.chainKey
  }

  append(
    streamId: string,
    events: ReadonlyArray<EventInput>,
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult> {
    return this.appendBatch([{ streamId, events, expectedVersion }])
  }

  appendBatch(requests: ReadonlyArray<AppendRequest>): Promise<AppendResult> {
    return Promise.resolve(this.appendNow(requests))
  }

  /** The synchronous core of {@link appendBatch}. */
  appendNow(requests: ReadonlyArray<AppendRequest>): AppendResult {
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
    const last = this.log[this.log.length - 1]
    const sealed = sealWrites(
      plan.writes,
      {
        position: this.log.length,
        hash: last?.hash ?? '',
        recordedTime: last?.recordedTime ?? null,
      },
      this.clock.now(),
      this.chainKey,
    )
    for (const e of sealed) {
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
    checkCount('limit', options.limit)
    const from = options.fromVersion ?? 1
    if (!Number.isInteger(from) || from < 1)
      throw new Error(`fromVersion must be a whole number >= 1, got ${String(from)}`)
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
    checkCount('after', options.after)
    checkCount('limit', options.limit)
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
    const list = (this.checkpoints.get(checkpoint.name) ?? []).filter(
      (c) => c.position !== checkpoint.position,
    )
    list.push({ ...checkpoint, image: Uint8Array.from(checkpoint.image) })
    list.sort((a, b) => a.position - b.position)
    this.checkpoints.set(checkpoint.name, list.slice(-CHECKPOINTS_KEPT))
    return Promise.resolve()
  }

  loadCheckpoint(name: string, atOrBefore?: number): Promise<StoredCheckpoint | undefined> {
    const list = this.checkpoints.get(name) ?? []
    for (let i = list.length - 1; i >= 0; i--) {
      const c = list[i] as StoredCheckpoint
      if (atOrBefore === undefined || c.position <= atOrBefore) return Promise.resolve(c)
    }
    return Promise.resolve(undefined)
  }

  close(): Promise<void> {
    return Promise.resolve()
  }
}
