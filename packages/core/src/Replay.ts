/**
 * The replay engine. Reducers are immer-style recipes; replay applies them straight to state it
 * owns (no proxy, no copy per event) and publishes the result frozen once. Updating a published
 * state goes through one `produce` per batch, sharing everything the batch did not touch.
 *
 * @module Replay
 */
import { produce, type Draft } from 'immer'
import type { RecordedEvent } from './Envelope'
import { deepFreeze } from './internal/Freeze'
import { evolve, type Recipe } from './Reducer'
import { emptyLedger, type LedgerState } from './State'

/** A projection: an initial state and a recipe applying one event. */
export interface Projection<S> {
  /** Names the projection, e.g. for its snapshots and checkpoints. */
  readonly name: string
  /** A fresh initial state (called once per replay; must return a new object). */
  readonly initial: () => S
  /** Applies one event to a mutable state. Must be deterministic. */
  readonly evolve: Recipe<S, RecordedEvent>
}

/** The built-in projection of the whole ledger. */
export const ledgerProjection: Projection<LedgerState> = {
  name: 'ledger',
  initial: emptyLedger,
  evolve,
}

/** Options of {@link replay}. */
export interface ReplayOptions {
  /** Deep-freeze the result (default `true`): published state is immutable. */
  readonly freeze?: boolean
}

/**
 * Replays events from scratch into a fresh state the engine owns, then freezes it once.
 *
 * @example
 * import { ledgerProjection, replay } from '@progress-ledger/core'
 * replay(ledgerProjection, []).position // 0
 */
export function replay<S>(
  projection: Projection<S>,
  events: Iterable<RecordedEvent>,
  options: ReplayOptions = {},
): S {
  const state = projection.initial()
  const draft = state as Draft<S>
  for (const e of events) projection.evolve(draft, e)
  return options.freeze === false ? state : deepFreeze(state)
}

/**
 * Applies events to a published (possibly frozen) state in one `produce`: the result shares
 * every part the events did not touch, and the input is left unchanged.
 */
export function apply<S>(projection: Projection<S>, state: S, events: Iterable<RecordedEvent>): S {
  return produce(state, (draft: Draft<S>) => {
    for (const e of events) projection.evolve(draft, e)
  })
}

/**
 * Continues a replay on a state the caller hands over (e.g. just parsed from a snapshot): the
 * state is mutated in place, then frozen. Do not use the argument afterwards except through the
 * returned value.
 */
export function replayOwned<S>(
  projection: Projection<S>,
  owned: S,
  events: Iterable<RecordedEvent>,
  options: ReplayOptions = {},
): S {
  const draft = owned as Draft<S>
  for (const e of events) projection.evolve(draft, e)
  return options.freeze === false ? owned : deepFreeze(owned)
}

/** Replays an async sequence of event pages (as read from a store) from scratch. */
export async function replayPages<S>(
  projection: Projection<S>,
  pages: AsyncIterable<ReadonlyArray<RecordedEvent>>,
  from?: S,
  options: ReplayOptions = {},
): Promise<S> {
  const state = from ?? projection.initial()
  const draft = state as Draft<S>
  for await (const page of pages) for (const e of page) projection.evolve(draft, e)
  return options.freeze === false ? state : deepFreeze(state)
}
