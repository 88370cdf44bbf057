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

/** Requests for {@link EventStore.appendStream}: any iterable, sync or async (e.g. a file read line by line). */
export type RequestSource = AsyncIterable<AppendRequest> | Iterable<AppendRequest>

/** How far a streamed append or an import has come; reported after each page is written. */
export interface StreamProgress {
  /** Requests (for an import: exported events) consumed so far. */
  readonly requests: number
  /** Events consumed so far. */
  readonly events: number
  /** Events newly written so far (they become visible only when the whole stream commits). */
  readonly written: number
  /** The position of the last event written so far. */
  readonly head: number
}

/** Options of {@link EventStore.appendStream} and {@link EventStore.importLog}. */
export interface StreamOptions {
  /** Events per page: validated, looked up and written together (default 100). */
  readonly pageSize?: number
  /** Called after each page is written (inside the transaction), and never after a failure. */
  readonly onProgress?: (progress: StreamProgress) => void
  /**
   * Called with each page's events as written (inside the transaction, in position order; they
   * become visible only when the whole stream commits), before `onProgress`: what a caller folds
   * into a state as it writes, instead of reading the events back afterwards. Never after a
   * failure; a stream that ends otherwise than committed leaves whatever was folded to discard.
   */
  readonly onWritten?: (events: ReadonlyArray<RecordedEvent>) => void
  /**
   * After a page with invalid events nothing more is written, but the rest of the input is still
   * validated so that one run reports every invalid event, up to this many issues (default 100).
   */
  readonly maxIssues?: number
  /**
   * Appends only if the ledger's head is at this position when the stream takes the write lock
   * (optimistic concurrency for the whole ledger: the input was decided against the ledger as of
   * that position). Otherwise nothing is written and the result is a `VersionConflict` on
   * {@link LEDGER_STREAM} with the actual head position.
   */
  readonly expectedHead?: number
}

/** The pseudo stream id a conflict on the whole ledger's head is reported under. */
export const LEDGER_STREAM = '$all'

/** A streamed append was committed whole. */
export interface StreamAppended {
  readonly _tag: 'StreamAppended'
  /** Requests consumed. */
  readonly requests: number
  /** Events consumed. */
  readonly events: number
  /** Events newly written (the others were re-sent: already recorded with the same content). */
  readonly written: number
  /** The ledger's head position after the append. */
  readonly head: number
  /** The hash of the event at the head (`''` for an empty ledger). */
  readonly headHash: string
}

/** Where in a stream of requests a conflict arose: 0-based request index and `events[N]` index of its first event. */
export interface StreamLocation {
  readonly request: number
  readonly event: number
}

/**
 * The outcome of a streamed append. A failure writes nothing at all: the transaction holding
 * every page written so far is rolled back.
 */
export type AppendStreamResult =
  | StreamAppended
  | InvalidEvents
  | (VersionConflict & { readonly at: StreamLocation })
  | (IdConflict & { readonly at: StreamLocation })

/** What an import found wrong, by kind. */
export type ImportProblem =
  | 'not-empty'
  | 'undecodable'
  | 'position'
  | 'chain'
  | 'hash'
  | 'version'
  | 'duplicate-id'
  | 'recorded-time'
  | 'unstorable'

/** An export was imported whole. */
export interface Imported {
  readonly _tag: 'Imported'
  /** Events imported. */
  readonly count: number
  /** The head position (equal to `count`). */
  readonly head: number
  /** The hash of the last event. */
  readonly headHash: string
}

/**
 * An import was refused; nothing was written. `message` names the position, the event and what
 * is wrong: `position 938 (event e-938): version 3 of stream indicator-I01 follows version 1`.
 */
export interface ImportRejected {
  readonly _tag: 'ImportRejected'
  readonly problem: ImportProblem
  /** 0-based index of the offending record in the input (-1 when the ledger was not empty). */
  readonly index: number
  /** The position the record claims (or should have had), 0 when the ledger was not empty. */
  readonly position: number
  /** The record's event id (`''` when it has none). */
  readonly eventId: string
  /** What is wrong, without the location. */
  readonly reason: string
  /** Location and reason in one sentence. */
  readonly message: string
}

/** The outcome of {@link EventStore.importLog}. */
export type ImportResult = Imported | ImportRejected

/** Recorded events for {@link EventStore.importLog}, as exported (untrusted: every one is checked). */
export type RecordSource = AsyncIterable<unknown> | Iterable<unknown>

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
  /**
   * Appends a stream of requests as ONE all-or-nothing batch, page by page, in memory bounded by
   * the page size rather than the number of events: every request is treated exactly as in
   * {@link appendBatch} (validation, idempotent re-sends by event id, expected versions checked
   * against the versions the earlier requests left, one recorded time, the chain), the pages are
   * written inside one transaction as they come, and the result carries counts and the head
   * instead of the events. Any failure — invalid events, a conflict, an exception from the
   * input — rolls back everything. Other writers wait until the stream commits or fails.
   */
  appendStream(requests: RequestSource, options?: StreamOptions): Promise<AppendStreamResult>
  /**
   * Loads an export (recorded events with their positions, recorded times and hashes) into an
   * EMPTY ledger in one all-or-nothing transaction, streaming. Every record is checked as it
   * comes: it decodes, positions run 1, 2, 3 …, each links to and matches its hash, versions run
   * 1, 2, 3 … per stream, ids are unique and recorded times never decrease. The first problem
   * rolls back everything and is returned as {@link ImportRejected}.
   */
  importLog(records: RecordSource, options?: StreamOptions): Promise<ImportResult>
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
  /**
   * Stores several checkpoints in one transaction, in order: all of them or, on failure (of the
   * store, or of the iterable), none (a ledger's checkpoint is kept in parts; see
   * `saveLedgerCheckpoint`, which encodes each part as the store asks for it). Each is pruned as
   * by {@link EventStore.saveCheckpoint}.
   */
  saveCheckpoints(checkpoints: Iterable<StoredCheckpoint>): Promise<void>
  /** The newest checkpoint of a projection at or before a position (default: the newest). */
  loadCheckpoint(name: string, atOrBefore?: number): Promise<StoredCheckpoint | undefined>
  /** Releases resources. */
  close(): Promise<void>
}
