/**
 * Snapshots: a projection's state at a global position, serialised as JSON. Restoring a
 * snapshot and replaying the tail gives exactly the state of a full replay.
 *
 * @module Snapshot
 */
import type { RecordedEvent } from './Envelope'
import { replayOwned, stateFromJson, type Projection, type ReplayOptions } from './Replay'

/** A stored snapshot. */
export interface StoredSnapshot {
  /** The projection's name. */
  readonly name: string
  /** The global position of the last event folded into the state. */
  readonly position: number
  /** Version of the state's shape; a snapshot of another version is ignored and rebuilt. */
  readonly schemaVersion: number
  /** The state as JSON. */
  readonly state: string
}

/** Version of the ledger state's shape, bumped whenever it changes incompatibly. */
export const LEDGER_STATE_VERSION = 2

/**
 * Takes a snapshot of a state at a position.
 *
 * @example
 * import { emptyLedger, takeSnapshot } from '@progress-ledger/core'
 * takeSnapshot('ledger', 0, emptyLedger()).position // 0
 */
export function takeSnapshot<S>(
  name: string,
  position: number,
  state: S,
  schemaVersion = LEDGER_STATE_VERSION,
): StoredSnapshot {
  return { name, position, schemaVersion, state: JSON.stringify(state) }
}

/** Restores a snapshot and replays the events after it; events at or before its position are skipped. */
export function resumeFromSnapshot<S>(
  projection: Projection<S>,
  snapshot: StoredSnapshot,
  tail: Iterable<RecordedEvent>,
  options: ReplayOptions = {},
): S {
  const owned = stateFromJson(projection, JSON.parse(snapshot.state))
  function* after(): Iterable<RecordedEvent> {
    for (const e of tail) if (e.position > snapshot.position) yield e
  }
  return replayOwned(projection, owned, after(), options)
}
