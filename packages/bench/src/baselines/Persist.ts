/**
 * The baselines fold into plain records and arrays; core keeps entities in `EntityMap`s and
 * period values in `ChunkList`s. Building those at the end is part of a baseline's time, done by
 * the same shape-derived conversion core uses to restore a state from plain data.
 *
 * @module baselines/Persist
 */
import { ledgerFromJson, type LedgerState } from '@progress-ledger/core'

/** A ledger state as the baselines build it: records by id, period values in arrays. */
export interface PlainLedger {
  readonly position: number
  readonly head: string
  readonly plans: Readonly<Record<string, unknown>>
  readonly departments: Readonly<Record<string, unknown>>
  readonly indicators: Readonly<Record<string, { readonly values: ReadonlyArray<unknown> }>>
  readonly projects: Readonly<Record<string, unknown>>
  readonly tasks: Readonly<Record<string, unknown>>
  readonly denied: ReadonlyArray<unknown>
  readonly unattached: ReadonlyArray<unknown>
}

/** A fresh, empty plain ledger, typed as the baseline that starts from it keeps its records. */
export function emptyPlain<S extends PlainLedger>(): S {
  const empty: PlainLedger = {
    position: 0,
    head: '',
    plans: {},
    departments: {},
    indicators: {},
    projects: {},
    tasks: {},
    denied: [],
    unattached: [],
  }
  return empty as S
}

/** The `LedgerState` of a plain one: the same entities, in core's persistent containers. */
export function persist(s: PlainLedger): LedgerState {
  return ledgerFromJson(s)
}
