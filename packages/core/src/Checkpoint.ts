/**
 * Checkpoints: the ledger state at a position, stored beside the events so that loading a ledger
 * restores the newest one and replays only the events after it. A checkpoint carries the hash of
 * the event it was built up to (the chain is verified from there on) and a format: the state's
 * declared shape, the reducers' meaning and the image encoding. A checkpoint of another format is
 * never trusted: the loader ignores it and rebuilds.
 *
 * The image is the columnar encoding derived from `ledgerShape` (internal/ShapeCodec), after a
 * directory of the parts stored beside it. {@link takeCheckpoint} makes one self-contained image
 * of a whole state; a ledger's stored checkpoint is kept in parts, one per plan, so that a command
 * about one plan restores that plan alone (see CheckpointParts).
 *
 * @module Checkpoint
 */
import { createHash } from 'node:crypto'
import { readStored, writeImage } from './internal/CheckpointImage'
import { type LedgerState, ledgerShapeText } from './State'

/**
 * The meaning of the reducers, as a number: bump it whenever a reducer changes what an event does
 * to the state without the state's shape changing (the shape is fingerprinted separately).
 * 2: a department registered again, or a category defined again, keeps the stamp of its first.
 */
export const REDUCER_VERSION = 2

/**
 * Version of the image encoding (internal/ShapeCodec, behind the directory of
 * internal/CheckpointImage). 2: the directory, and ledgers' checkpoints stored in parts. 3: the
 * summaries of each period list's full chunks (the as-of index), restored with the list. 4: every
 * plan in a ledger checkpoint's index, none in its parts.
 */
const IMAGE_VERSION = 4

/**
 * The format of ledger checkpoints this library writes and trusts: the fingerprint of the state's
 * declared shape, the reducer version and the image version.
 *
 * @example
 * import { LEDGER_CHECKPOINT_FORMAT } from '@progress-ledger/core'
 * LEDGER_CHECKPOINT_FORMAT.startsWith('ledger/') // true
 */
export const LEDGER_CHECKPOINT_FORMAT = `ledger/${createHash('sha256')
  .update(ledgerShapeText)
  .digest('hex')
  .slice(0, 16)}/r${REDUCER_VERSION}/i${IMAGE_VERSION}`

/** How many checkpoints of a name a store keeps (the newest; older ones are pruned on save). */
export const CHECKPOINTS_KEPT = 3

/** A stored checkpoint of a projection's state. */
export interface StoredCheckpoint {
  /** The projection's name (`ledger` for the built-in one). */
  readonly name: string
  /** The position of the last event folded into the state. */
  readonly position: number
  /** The hash of that event (`''` at position 0). */
  readonly head: string
  /** The format the image was written in; see {@link LEDGER_CHECKPOINT_FORMAT}. */
  readonly format: string
  /** The state's image. */
  readonly image: Uint8Array
}

/**
 * A self-contained checkpoint of a whole ledger state (at its own position and head), in one
 * image. A ledger's stored checkpoints are kept in parts instead: see `saveLedgerCheckpoint`.
 *
 * @example
 * import { emptyLedger, takeCheckpoint } from '@progress-ledger/core'
 * takeCheckpoint(emptyLedger()).position // 0
 */
export function takeCheckpoint(state: LedgerState): StoredCheckpoint {
  return {
    name: 'ledger',
    position: state.position,
    head: state.head,
    format: LEDGER_CHECKPOINT_FORMAT,
    image: writeImage(state, { parts: [] }),
  }
}

/** A checkpoint restored, or why it cannot be used. */
export type CheckpointRestore =
  | { readonly _tag: 'Restored'; readonly state: LedgerState }
  | { readonly _tag: 'Unusable'; readonly reason: string }

/**
 * The state of a self-contained ledger checkpoint, owned by the caller (unfrozen, ready to replay
 * the tail onto), or `Unusable` with the reason: another format, a corrupt image, an image whose
 * own position and head disagree with the checkpoint's, or the index of a checkpoint stored in
 * parts (`loadLedgerCheckpoint` restores those).
 *
 * @example
 * import { emptyLedger, restoreCheckpoint, takeCheckpoint } from '@progress-ledger/core'
 * restoreCheckpoint(takeCheckpoint(emptyLedger()))._tag // 'Restored'
 * restoreCheckpoint({ ...takeCheckpoint(emptyLedger()), format: 'ledger/old' })._tag // 'Unusable'
 */
export function restoreCheckpoint(cp: StoredCheckpoint): CheckpointRestore {
  const read = readStored(cp, LEDGER_CHECKPOINT_FORMAT)
  if (read._tag === 'Unusable') return read
  const parts = read.directory.parts.length
  if (parts > 0)
    return {
      _tag: 'Unusable',
      reason: `checkpoint at position ${cp.position}: stored in ${parts} parts (restore it with loadLedgerCheckpoint)`,
    }
  return { _tag: 'Restored', state: read.state }
}
