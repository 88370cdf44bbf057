/**
 * Laws of the replay engine: replaying in two pieces (`replay` then `apply`) equals one go,
 * restoring a snapshot or a checkpoint then replaying the tail equals a full replay, and what
 * `replay` and `apply` publish is frozen all the way down.
 *
 * @module laws/ReplayLaws
 */
import * as fc from 'fast-check'
import {
  apply,
  type LedgerState,
  ledgerProjection,
  type Projection,
  type RecordedEvent,
  replay,
  replayOwned,
  restoreCheckpoint,
  resumeFromSnapshot,
  takeCheckpoint,
  takeSnapshot,
} from '@progress-ledger/core'
import { ChunkList, EntityMap } from '@progress-ledger/core/collections'
import { type HistoryOptions, recordedHistoryArb } from '../arbitraries/History'
import { assertEqual } from '../internal/Equality'
import { type LawOptions, lawParameters } from './LawOptions'

/** Options of the replay laws: the projection under test and the histories to try. */
export interface ReplayLawOptions<S> extends LawOptions {
  /** Default: core's ledger projection. */
  readonly projection?: Projection<S>
  /** Default: {@link recordedHistoryArb}. */
  readonly histories?: fc.Arbitrary<ReadonlyArray<RecordedEvent>>
}

function setup<S>(options: ReplayLawOptions<S>): {
  projection: Projection<S>
  histories: fc.Arbitrary<ReadonlyArray<RecordedEvent>>
} {
  return {
    projection: options.projection ?? (ledgerProjection as unknown as Projection<S>),
    histories: options.histories ?? recordedHistoryArb(),
  }
}

/**
 * For any history and split point k: `apply(replay(first k), rest)` equals `replay(all)`, and
 * the state `replay` started from is left unchanged by `apply`.
 *
 * @example
 * import { replaySplitInvarianceLaw } from '@progress-ledger/testkit'
 * // Returns nothing when the law holds; throws with the seed and a counterexample when not.
 * replaySplitInvarianceLaw({ numRuns: 10 }) // undefined
 */
export function replaySplitInvarianceLaw<S = LedgerState>(options: ReplayLawOptions<S> = {}): void {
  const { projection, histories } = setup(options)
  fc.assert(
    fc.property(histories, fc.nat(), (events, cut) => {
      const k = cut % (events.length + 1)
      const whole = replay(projection, events)
      const head = replay(projection, events.slice(0, k), { freeze: false })
      const headBefore = JSON.stringify(head)
      const split = apply(projection, head, events.slice(k))
      assertEqual(split, whole, `state (split at ${k})`)
      assertEqual(JSON.stringify(head), headBefore, `state before apply (split at ${k}), as JSON`)
    }),
    lawParameters(options),
  )
}

/**
 * For any history and position k: restoring a snapshot taken at k and replaying the whole log
 * (events at or before k are skipped) equals a full replay.
 *
 * @example
 * import { snapshotEquivalenceLaw } from '@progress-ledger/testkit'
 * // Returns nothing when the law holds; throws with the seed and a counterexample when not.
 * snapshotEquivalenceLaw({ numRuns: 10 }) // undefined
 */
export function snapshotEquivalenceLaw<S = LedgerState>(options: ReplayLawOptions<S> = {}): void {
  const { projection, histories } = setup(options)
  fc.assert(
    fc.property(histories, fc.nat(), (events, cut) => {
      const k = cut % (events.length + 1)
      const snapshot = takeSnapshot(projection.name, k, replay(projection, events.slice(0, k)))
      assertEqual(
        resumeFromSnapshot(projection, snapshot, events),
        replay(projection, events),
        `state (snapshot at ${k})`,
      )
    }),
    lawParameters(options),
  )
}

/**
 * For any ledger history and position k: a checkpoint of the state at k (its binary image
 * encoded and decoded) restored, then the events after k replayed onto it, equals a full replay.
 *
 * @example
 * import { checkpointEquivalenceLaw } from '@progress-ledger/testkit'
 * // Returns nothing when the law holds; throws with the seed and a counterexample when not.
 * checkpointEquivalenceLaw({ numRuns: 10 }) // undefined
 */
export function checkpointEquivalenceLaw(options: LawOptions & HistoryOptions = {}): void {
  fc.assert(
    fc.property(recordedHistoryArb(options), fc.nat(), (events, cut) => {
      const k = cut % (events.length + 1)
      const restored = restoreCheckpoint(
        takeCheckpoint(replay(ledgerProjection, events.slice(0, k))),
      )
      if (restored._tag !== 'Restored') throw new Error(`checkpoint at ${k}: ${restored.reason}`)
      assertEqual(
        replayOwned(ledgerProjection, restored.state, events.slice(k)),
        replay(ledgerProjection, events),
        `state (checkpoint at ${k})`,
      )
    }),
    lawParameters(options),
  )
}

/** The path of the first value reachable from `u` that is not frozen, if any. */
function firstUnfrozen(u: unknown, path: string, seen: Set<object>): string | undefined {
  if (typeof u !== 'object' || u === null || seen.has(u)) return undefined
  seen.add(u)
  if (!Object.isFrozen(u)) return path
  if (u instanceof ChunkList) {
    let i = 0
    for (const v of u as ChunkList<unknown>) {
      const p = firstUnfrozen(v, `${path}.get(${i++})`, seen)
      if (p !== undefined) return p
    }
    return undefined
  }
  if (u instanceof EntityMap) {
    for (const [k, v] of u as EntityMap<unknown>) {
      const p = firstUnfrozen(v, `${path}.get(${JSON.stringify(k)})`, seen)
      if (p !== undefined) return p
    }
    return undefined
  }
  for (const [k, v] of Object.entries(u)) {
    const p = firstUnfrozen(v, Array.isArray(u) ? `${path}[${k}]` : `${path}.${k}`, seen)
    if (p !== undefined) return p
  }
  return undefined
}

/**
 * For any history (its events not frozen) and split point k: everything reachable from
 * `replay(first k)` and from `apply(that, rest)` is frozen, including the parts `apply` copied or
 * created.
 *
 * @example
 * import { publishedFrozenLaw } from '@progress-ledger/testkit'
 * // Returns nothing when the law holds; throws with the seed and a counterexample when not.
 * publishedFrozenLaw({ numRuns: 10 }) // undefined
 */
export function publishedFrozenLaw<S = LedgerState>(options: ReplayLawOptions<S> = {}): void {
  const { projection, histories } = setup(options)
  fc.assert(
    fc.property(histories, fc.nat(), (history, cut) => {
      const events = structuredClone(history) as RecordedEvent[]
      const k = cut % (events.length + 1)
      const head = replay(projection, events.slice(0, k))
      const headPath = firstUnfrozen(head, 'replay(first k)', new Set())
      if (headPath !== undefined) throw new Error(`${headPath} is not frozen (split at ${k})`)
      const next = apply(projection, head, events.slice(k))
      const nextPath = firstUnfrozen(next, 'apply(rest)', new Set())
      if (nextPath !== undefined) throw new Error(`${nextPath} is not frozen (split at ${k})`)
    }),
    lawParameters(options),
  )
}
