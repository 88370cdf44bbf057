/**
 * The baselines fold into plain records and arrays; core keeps entities in `EntityMap`s and
 * period values in `ChunkList`s. Building those at the end is part of a baseline's time.
 *
 * @module baselines/Persist
 */
import { ChunkList, EntityMap } from '@progress-ledger/core'
import type { LedgerState, PeriodValue } from '@progress-ledger/core'

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
  return {
    ...s,
    plans: EntityMap.of(s.plans),
    departments: EntityMap.of(s.departments),
    indicators: EntityMap.of(
      Object.entries(s.indicators).map(
        ([id, ind]) => [id, { ...ind, values: ChunkList.of(ind.values as PeriodValue[]) }] as const,
      ),
    ),
    projects: EntityMap.of(s.projects),
    tasks: EntityMap.of(s.tasks),
  } as unknown as LedgerState
}
