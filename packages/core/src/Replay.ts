/**
 * The replay engine. Replay folds events onto state it owns (no proxy, no copy per event) and
 * publishes the result frozen once. Updating a published state copies on write, sharing every
 * part the events did not touch: through one immer draft per batch for a projection written as
 * an immer recipe, or through the projection's own `begin` (the built-in ledger's copy-on-write
 * draft, which keeps a single-event update in microseconds).
 *
 * @module Replay
 */
import { createDraft, finishDraft, type Draft } from 'immer'
import type { RecordedEvent } from './Envelope'
import { deepFreeze } from './internal/Freeze'
import { beginLedger, evolve, type Fold, type Recipe } from './Reducer'
import { emptyLedger, freezeLedger, ledgerFromJson, type LedgerState } from './State'

/** A projection: an initial state and a recipe applying one event. */
export interface Projection<S> {
  /** Names the projection, e.g. for its snapshots and checkpoints. */
  readonly name: string
  /** A fresh initial state (called once per replay; must return a new object). */
  readonly initial: () => S
  /** Applies one event to a mutable state (owned, or an immer draft). Must be deterministic. */
  readonly evolve: Recipe<S, RecordedEvent>
  /**
   * Optional: starts folding events onto `state` faster than `evolve` can. `owned`: the state is
   * the engine's to change in place (the engine freezes the result); otherwise it must be left
   * unchanged (copy on write) and `finish` returns frozen state. Without
   * it, owned state is changed by `evolve` directly and published state through one immer draft.
   */
  readonly begin?: (state: S, owned: boolean) => Fold<S>
  /** Optional: rebuilds a state from its JSON (snapshots). Without it the parsed JSON is used as is. */
  readonly fromJson?: (json: unknown) => S
  /**
   * Optional: deep-freezes a replayed state in place, knowing its shape, faster than the generic
   * walk (which is used without it). Must freeze everything reachable (`publishedFrozenLaw`).
   */
  readonly freeze?: (state: S) => S
}

/** The built-in projection of the whole ledger. */
export const ledgerProjection: Projection<LedgerState> = {
  name: 'ledger',
  initial: emptyLedger,
  evolve,
  begin: beginLedger,
  fromJson: ledgerFromJson,
  freeze: freezeLedger,
}

/** Options of {@link replay}. */
export interface ReplayOptions {
  /** Deep-freeze the result (default `true`): published state is immutable. */
  readonly freeze?: boolean
}

/** Starts a fold of `projection` onto `state`, owned or published. */
export function beginFold<S>(projection: Projection<S>, state: S, owned: boolean): Fold<S> {
  if (projection.begin !== undefined) return projection.begin(state, owned)
  if (owned) {
    const draft = state as Draft<S>
    return { step: (e) => projection.evolve(draft, e), finish: () => state }
  }
  const draft = createDraft(state as object) as Draft<S>
  return { step: (e) => projection.evolve(draft, e), finish: () => finishDraft(draft) as S }
}

/** A replayed state as published: frozen by the projection's `freeze`, or deeply, unless asked not to. */
function publish<S>(projection: Projection<S>, state: S, options: ReplayOptions): S {
  if (options.freeze === false) return state
  return projection.freeze === undefined ? deepFreeze(state) : projection.freeze(state)
}

function foldOwned<S>(
  projection: Projection<S>,
  owned: S,
  events: Iterable<RecordedEvent>,
  options: ReplayOptions,
): S {
  const fold = beginFold(projection, owned, true)
  for (const e of events) fold.step(e)
  return publish(projection, fold.finish(), options)
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
  return foldOwned(projection, projection.initial(), events, options)
}

/**
 * Applies events to a published (possibly frozen) state: the result shares every part the events
 * did not touch, and the input is left unchanged.
 */
export function apply<S>(projection: Projection<S>, state: S, events: Iterable<RecordedEvent>): S {
  const fold = beginFold(projection, state, false)
  for (const e of events) fold.step(e)
  // A published fold returns published (frozen) state: immer's finishDraft freezes what it
  // copied, and the ledger's draft freezes what it copied or created.
  return fold.finish()
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
  return foldOwned(projection, owned, events, options)
}

/** Replays an async sequence of event pages (as read from a store) from scratch. */
export async function replayPages<S>(
  projection: Projection<S>,
  pages: AsyncIterable<ReadonlyArray<RecordedEvent>>,
  from?: S,
  options: ReplayOptions = {},
): Promise<S> {
  const fold = beginFold(projection, from ?? projection.initial(), true)
  for await (const page of pages) for (const e of page) fold.step(e)
  return publish(projection, fold.finish(), options)
}

/** A projection's state rebuilt from its JSON, through its `fromJson` when it has one. */
export function stateFromJson<S>(projection: Projection<S>, json: unknown): S {
  return projection.fromJson === undefined ? (json as S) : projection.fromJson(json)
}
