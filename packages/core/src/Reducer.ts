/**
 * The ledger's reducer: the union of the event families' reducers (reducers/), one handler per
 * event type — the compiler checks that every type of the catalog has exactly one — applied to a
 * typed draft (internal/LedgerDraft) that writes in place while replaying and copies on write when
 * updating published state. See docs/architecture.md for why the built-in ledger uses its own
 * draft while custom projections keep immer.
 *
 * @module Reducer
 */
import type { Draft as ImmerDraft } from 'immer'
import type { EventType } from './Catalog'
import type { RecordedEvent } from './Envelope'
import { beginDraft, type Draft } from './internal/LedgerDraft'
import { indicatorReducers } from './reducers/Indicator'
import { planReducers } from './reducers/Plan'
import { projectReducers } from './reducers/Project'
import type { Handler, Reducers } from './reducers/Reducers'
import { responsibilityReducers } from './reducers/Responsibility'
import { taskReducers } from './reducers/Task'
import { valueReducers } from './reducers/Value'
import type { LedgerState } from './State'

/** A reducer recipe: applies one event to a mutable (owned or immer-drafted) state. */
export type Recipe<S, E> = (draft: ImmerDraft<S>, event: E) => void

/** Folding events onto one state: `step` per event, then `finish` for the result. */
export interface Fold<S> {
  readonly step: (event: RecordedEvent) => void
  readonly finish: () => S
}

/** Every event type's handler. */
const reducers: Reducers<EventType> = {
  ...planReducers,
  ...indicatorReducers,
  ...valueReducers,
  ...projectReducers,
  ...taskReducers,
  ...responsibilityReducers,
}

/** A fold of the ledger reducer over one draft (a class: no closures per fold). */
class LedgerFold implements Fold<LedgerState> {
  readonly #draft: Draft
  constructor(state: LedgerState, owned: boolean) {
    this.#draft = beginDraft(state, owned)
  }
  step(e: RecordedEvent): void {
    this.#draft.at(e)
    ;(reducers[e.type] as Handler<EventType>)(this.#draft, e)
  }
  finish(): LedgerState {
    return this.#draft.finish()
  }
}

/**
 * Starts folding events onto a ledger state. `owned`: the state is the caller's to change in
 * place (replay); otherwise it is left unchanged and the result shares what the events did not
 * touch (copy on write).
 */
export function beginLedger(state: LedgerState, owned: boolean): Fold<LedgerState> {
  return new LedgerFold(state, owned)
}

/**
 * Applies one recorded event to a ledger state the caller owns, in place. Total: an event that
 * refers to something not defined is kept in `unattached` instead of throwing. To fold many
 * events use `replay`; to update published state use `apply`.
 */
export const evolve: Recipe<LedgerState, RecordedEvent> = (s, e) => {
  const fold = beginLedger(s as unknown as LedgerState, true)
  fold.step(e)
  fold.finish()
}
