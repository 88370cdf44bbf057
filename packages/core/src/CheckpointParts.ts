/**
 * A ledger's stored checkpoint, kept in parts: one checkpoint per adopted plan (named
 * `ledger/plan/<id>`: the indicators, tasks and projects defined in it alone) and an index under
 * `ledger` holding the rest of the state — every plan among it — and the directory of the parts.
 * All are written in one store transaction, the parts before the index, at the same position and
 * head.
 *
 * Loading restores the index and either every part (the whole state) or only the parts of the
 * plans asked for, with the {@link PlanScope} that says which later events belong to them: a
 * report on one plan of a province-wide ledger reads that plan's few hundred kilobytes, not the
 * whole image. A part that is missing, of another format, position, head or length makes the
 * checkpoint unusable (the loader then replays from the start), never half-restored.
 *
 * @module CheckpointParts
 */
import { LEDGER_CHECKPOINT_FORMAT, type StoredCheckpoint } from './Checkpoint'
import type { EventStore } from './EventStore'
import {
  type CheckpointPart,
  merge,
  partition,
  readStored,
  writeImage,
} from './internal/CheckpointImage'
import { PlanScope } from './PlanScope'
import type { LedgerState } from './State'

/** The name of the index of a ledger's stored checkpoint. */
export const LEDGER_CHECKPOINT = 'ledger'

/**
 * The name a plan's part of the ledger's checkpoint is stored under.
 *
 * @example
 * import { checkpointPartName } from '@progress-ledger/core'
 * checkpointPartName('sz-2021') // 'ledger/plan/sz-2021'
 */
export function checkpointPartName(plan: string): string {
  return `${LEDGER_CHECKPOINT}/plan/${plan}`
}

/**
 * The checkpoints that store a ledger state in parts: one per adopted plan, then the index
 * (`ledger`), all at the state's position and head.
 *
 * @example
 * import { checkpointParts, emptyLedger } from '@progress-ledger/core'
 * checkpointParts(emptyLedger()).map((c) => c.name) // ['ledger']
 */
export function checkpointParts(state: LedgerState): ReadonlyArray<StoredCheckpoint> {
  return [...encodeParts(state)]
}

/**
 * The parts, each encoded when it is asked for (a store writing them one by one holds one image
 * at a time, not the whole state's), then the index.
 */
function* encodeParts(state: LedgerState): Generator<StoredCheckpoint> {
  const split = partition(state, checkpointPartName)
  const stored = (name: string, image: Uint8Array): StoredCheckpoint => ({
    name,
    position: state.position,
    head: state.head,
    format: LEDGER_CHECKPOINT_FORMAT,
    image,
  })
  const written: CheckpointPart[] = []
  for (const p of split.parts) {
    const image = writeImage(p.state, { parts: [] })
    written.push({ ...p.part, bytes: image.byteLength })
    yield stored(p.part.name, image)
  }
  yield stored(LEDGER_CHECKPOINT, writeImage(split.rest, { parts: written }))
}

/**
 * Stores the checkpoint of a ledger state, in parts, in one transaction.
 *
 * @example
 * import { InMemoryEventStore, emptyLedger, fixedClock, saveLedgerCheckpoint } from '@progress-ledger/core'
 * const store = new InMemoryEventStore({ clock: fixedClock('2022-01-08T10:30:00.000Z') })
 * await saveLedgerCheckpoint(store, emptyLedger())
 * (await store.loadCheckpoint('ledger'))?.position // 0
 */
export async function saveLedgerCheckpoint(store: EventStore, state: LedgerState): Promise<void> {
  await store.saveCheckpoints(encodeParts(state))
}

/** Options of {@link loadLedgerCheckpoint}. */
export interface LedgerCheckpointOptions {
  /**
   * Restore only these plans' parts (and the rest of the state, every plan among it): the result
   * then carries the {@link PlanScope}. A plan the checkpoint has no part for — adopted after it,
   * or never — adds no part: whatever is defined in it comes from the events after the checkpoint.
   * A self-contained checkpoint (one image, no parts) is restored whole.
   */
  readonly plans?: ReadonlyArray<string>
  /** The newest checkpoint at or before this position (default: the newest). */
  readonly atOrBefore?: number
}

/** The outcome of {@link loadLedgerCheckpoint}. */
export type LedgerCheckpointLoad =
  | { readonly _tag: 'None' }
  | { readonly _tag: 'Unusable'; readonly position: number; readonly reason: string }
  | {
      readonly _tag: 'Restored'
      /** The state, owned by the caller (unfrozen). */
      readonly state: LedgerState
      /** `null`: the whole state; otherwise the plans it holds and the events it takes. */
      readonly scope: PlanScope | null
    }

/**
 * Restores a ledger's stored checkpoint: the whole state, or the parts of some plans (see the
 * module documentation). Self-contained checkpoints ({@link takeCheckpoint}) are restored too.
 *
 * @example
 * import { InMemoryEventStore, emptyLedger, fixedClock, loadLedgerCheckpoint, saveLedgerCheckpoint } from '@progress-ledger/core'
 * const store = new InMemoryEventStore({ clock: fixedClock('2022-01-08T10:30:00.000Z') })
 * await saveLedgerCheckpoint(store, emptyLedger())
 * (await loadLedgerCheckpoint(store))._tag // 'Restored'
 */
export async function loadLedgerCheckpoint(
  store: EventStore,
  options: LedgerCheckpointOptions = {},
): Promise<LedgerCheckpointLoad> {
  const index = await store.loadCheckpoint(LEDGER_CHECKPOINT, options.atOrBefore)
  if (index === undefined) return { _tag: 'None' }
  const unusable = (reason: string): LedgerCheckpointLoad => ({
    _tag: 'Unusable',
    position: index.position,
    reason,
  })
  const read = readStored(index, LEDGER_CHECKPOINT_FORMAT)
  if (read._tag === 'Unusable') return unusable(read.reason)
  const { directory } = read
  const scoped = options.plans !== undefined && directory.parts.length > 0
  const wanted = scoped
    ? directory.parts.filter((p) => options.plans?.includes(p.plan))
    : directory.parts
  const parts: LedgerState[] = []
  for (const part of wanted) {
    const cp = await store.loadCheckpoint(part.name, index.position)
    const what = `checkpoint at position ${index.position}: its part ${JSON.stringify(part.name)}`
    if (cp === undefined || cp.position !== index.position) return unusable(`${what} is missing`)
    if (cp.head !== index.head || cp.format !== index.format || cp.image.byteLength !== part.bytes)
      return unusable(`${what} does not belong to it (another head, format or length)`)
    const p = readStored(cp, index.format, what)
    if (p._tag === 'Unusable') return unusable(p.reason)
    if (p.directory.parts.length > 0) return unusable(`${what} does not belong to it`)
    parts.push(p.state)
  }
  const state = merge(read.state, parts)
  return {
    _tag: 'Restored',
    state,
    scope: scoped ? new PlanScope(options.plans ?? [], directory.parts, state) : null,
  }
}

/** How a ledger's stored checkpoint compares with a state, byte for byte (see {@link compareStoredCheckpoint}). */
export type StoredCheckpointComparison =
  | { readonly _tag: 'Identical' }
  | {
      readonly _tag: 'NotIdentical'
      /** The first part (or the index, `ledger`) that is not stored as the state encodes it. */
      readonly part: string
      readonly reason: string
    }

/**
 * Compares a ledger's stored checkpoint with `state`, part by part and byte for byte, without
 * restoring it: `Identical` when every part the state encodes to (one at a time) is stored at the
 * state's position with its head, format and exactly its bytes — restoring the checkpoint then
 * gives this state. `NotIdentical` names the first part that is not; that alone does not make
 * the checkpoint wrong (one written by another version of the encoder may hold the same state in
 * other bytes): restore it and compare the states to decide, as `verify` does.
 *
 * @example
 * import { InMemoryEventStore, emptyLedger, fixedClock, compareStoredCheckpoint, saveLedgerCheckpoint } from '@progress-ledger/core'
 * const store = new InMemoryEventStore({ clock: fixedClock('2022-01-08T10:30:00.000Z') })
 * ;(await compareStoredCheckpoint(store, emptyLedger()))._tag // 'NotIdentical'
 * await saveLedgerCheckpoint(store, emptyLedger())
 * ;(await compareStoredCheckpoint(store, emptyLedger()))._tag // 'Identical'
 */
export async function compareStoredCheckpoint(
  store: EventStore,
  state: LedgerState,
): Promise<StoredCheckpointComparison> {
  for (const part of encodeParts(state)) {
    const stored = await store.loadCheckpoint(part.name, state.position)
    const differs = (reason: string): StoredCheckpointComparison => ({
      _tag: 'NotIdentical',
      part: part.name,
      reason: `${JSON.stringify(part.name)} ${reason}`,
    })
    if (stored === undefined || stored.position !== state.position)
      return differs(`is not stored at position ${state.position}`)
    if (stored.head !== state.head) return differs('is stored with another head')
    if (stored.format !== part.format) return differs(`is stored in format ${stored.format}`)
    if (!sameBytes(stored.image, part.image)) return differs('is stored with other bytes')
  }
  return { _tag: 'Identical' }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return (
    a.byteLength === b.byteLength &&
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
      Buffer.from(b.buffer, b.byteOffset, b.byteLength),
    )
  )
}
