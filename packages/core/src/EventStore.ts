/**
 * The event-store port: what every store (in-memory, SQLite, PostgreSQL) offers, with the same
 * semantics, checked by the shared contract suite.
 *
 * @module EventStore
 */
import type { DecodeIssue } from './Decode'
import type { EventInput, RecordedEvent } from './Envelope'
import type { Instant } from './Scalars'
import type { StoredCheckpoint } from './Checkpoint'
import type { StoredSnapshot } from './Snapshot'

/**
 * What a writer expects of a stream: its exact current version (0 = no stream yet), `'no-stream'`,
 * `'stream-exists'`, or `'any'`.
 */
export type ExpectedVersion = number | 'any' | 'no-stream' | 'stream-exists'

/** Events to append to one stream. */
export interface AppendRequest {
  readonly streamId: string
  readonly events: ReadonlyArray<EventInput>
  readonly expectedVersion: ExpectedVersion
}

/** The batch was written (or had been written before: an idempotent retry). */
export interface Appended {
  readonly _tag: 'Appended'
  /** The recorded events of the batch, in input order (earlier copies for re-sent ids). */
  readonly events: ReadonlyArray<RecordedEvent>
  /** How many events were newly written (0 for a pure retry). */
  readonly written: number
  /** The ledger's head position after the append. */
  readonly head: number
}

/** A stream was not at the version the writer expected. Nothing was written. */
export interface VersionConflict {
  readonly _tag: 'VersionConflict'
  readonly streamId: string
  readonly expected: ExpectedVersion
  readonly actual: number
}

/** Some events did not decode. Nothing was written. */
export interface InvalidEvents {
  readonly _tag: 'InvalidEvents'
  readonly issues: ReadonlyArray<DecodeIssue>
}

/** An event id is already used for different content, or a batch is partly a retry. Nothing was written. */
export interface IdConflict {
  readonly _tag: 'IdConflict'
  readonly eventId: string
  readonly reason: string
}

/** The outcome of an append: expected failures are values, never raw driver errors. */
export type AppendResult = Appended | VersionConflict | InvalidEvents | IdConflict

/** Options for reading a stream. */
export interface ReadStreamOptions {
  /** First version to read (default 1). */
  readonly fromVersion?: number
  /** At most this many events (default: all). */
  readonly limit?: number
}

/** Options for reading the whole ledger in position order. */
export interface ReadAllOptions {
  /** Read events after this position (default 0: from the start). */
  readonly after?: number
  /** At most this many events (default: all). */
  readonly limit?: number
  /** Only events recorded at or before this instant. */
  readonly recordedUpTo?: Instant
}

/** An event store. All methods are atomic; reads never observe half a batch. */
export interface EventStore {
  /** Appends to one stream: sugar for a batch of one request. */
  append(
    streamId: string,
    events: ReadonlyArray<EventInput>,
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult>
  /** Appends to several streams atomically: all requests are written, or none. */
  appendBatch(requests: ReadonlyArray<AppendRequest>): Promise<AppendResult>
  /** Reads a stream in version order. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<ReadonlyArray<RecordedEvent>>
  /**
   * Reads the ledger in position order. Positions are gap-free, and a position is never
   * returned before every lower position is visible: a catch-up reader never skips an event.
   */
  readAll(options?: ReadAllOptions): Promise<ReadonlyArray<RecordedEvent>>
  /** The current version of a stream (0 when it does not exist). */
  streamVersion(streamId: string): Promise<number>
  /** The position of the last event (0 when empty). */
  headPosition(): Promise<number>
  /** The position of the last event recorded at or before an instant (0 when none). */
  positionAt(recordedTime: Instant): Promise<number>
  /** Stores a snapshot (replacing one of the same name and position). */
  saveSnapshot(snapshot: StoredSnapshot): Promise<void>
  /** The latest snapshot of a projection at or before a position (default: the latest). */
  loadSnapshot(name: string, atOrBefore?: number): Promise<StoredSnapshot | undefined>
  /**
   * Stores a checkpoint of a projection's state (replacing one of the same name and position);
   * older checkpoints of the name beyond the newest few may be pruned.
   */
  saveCheckpoint(checkpoint: StoredCheckpoint): Promise<void>
  /** The newest checkpoint of a projection at or before a position (default: the newest). */
  loadCheckpoint(name: string, atOrBefore?: number): Promise<StoredCheckpoint | undefined>
  /** Releases resources. */
  close(): Promise<void>
}
