/**
 * The fold measurement: core's `replay(ledgerProjection, events)` against the floor (plain
 * mutable `Map`s and arrays keeping the events as versions), the copying floor (the same with a
 * version object per event, as core makes them), the persistent floor (plain records converted
 * into core's containers) and the immutable-spread baseline, on the same events in the same
 * process. Each contender is warmed up on a prefix first; the order is floor, copying floor,
 * persistent floor, core without the freeze, core, then spread, with a full collection before
 * each. Histories of up to 500,000 events are folded three times in turn and each contender's
 * median is used: a fold of a fraction of a second is otherwise at the mercy of one burst of
 * load from the machine's other tenants.
 *
 * @module measure/Fold
 */
import {
  ledgerProjection,
  replay,
  type LedgerState,
  type RecordedEvent,
} from '@progress-ledger/core'
import { collect, median, perSecond, timed, type Figures } from './Timing'

/** Contenders other than core. */
export interface FoldContenders {
  /** The floor: its result is not core's state (plain `Map`s and arrays). */
  readonly floor: (events: ReadonlyArray<RecordedEvent>) => unknown
  /** The copying floor: plain `Map`s and arrays too, with core's version objects. */
  readonly copyingFloor: (events: ReadonlyArray<RecordedEvent>) => unknown
  readonly persistentFloor: (events: ReadonlyArray<RecordedEvent>) => LedgerState
  readonly spread: (events: ReadonlyArray<RecordedEvent>) => LedgerState
  /** Events the spread baseline folds (a prefix; rates are compared per event). */
  readonly spreadEvents: number
}

/** Fold figures and core's published state. */
export interface FoldResult {
  readonly figures: Figures
  readonly state: LedgerState
}

/** Measures the fold and its ratios. */
export function foldRatios(
  events: ReadonlyArray<RecordedEvent>,
  contenders: FoldContenders,
): FoldResult {
  const warm = events.slice(0, Math.min(events.length, 50_000))
  contenders.floor(warm)
  contenders.copyingFloor(warm)
  contenders.persistentFloor(warm)
  replay(ledgerProjection, warm)
  replay(ledgerProjection, warm, { freeze: false })
  if (contenders.spreadEvents > 0) contenders.spread(warm.slice(0, Math.min(warm.length, 2_000)))

  // Only core's published state is kept: a contender's result left alive would make the next
  // contender's collections slower and the comparison unfair.
  const rounds = events.length <= 500_000 ? 3 : 1
  const floorMs: number[] = []
  const copyingMs: number[] = []
  const persistentMs: number[] = []
  const noFreezeMs: number[] = []
  const coreMs: number[] = []
  let published: LedgerState | undefined
  for (let round = 0; round < rounds; round++) {
    collect()
    floorMs.push(timed(() => void contenders.floor(events)).ms)
    collect()
    copyingMs.push(timed(() => void contenders.copyingFloor(events)).ms)
    collect()
    persistentMs.push(timed(() => void contenders.persistentFloor(events)).ms)
    collect()
    noFreezeMs.push(timed(() => void replay(ledgerProjection, events, { freeze: false })).ms)
    collect()
    const run = timed(() => replay(ledgerProjection, events))
    coreMs.push(run.ms)
    // Only the last round's state is kept: an earlier one alive would slow the next collections.
    if (round === rounds - 1) published = run.value
  }
  const floor = median(floorMs)
  const copying = median(copyingMs)
  const persistent = median(persistentMs)
  const noFreeze = median(noFreezeMs)
  const core = { ms: median(coreMs), value: published as LedgerState }
  const figures: Figures = {
    fold_ms: core.ms,
    fold_events_per_sec: perSecond(events.length, core.ms),
    fold_nofreeze_ms: noFreeze,
    floor_ms: floor,
    floor_events_per_sec: perSecond(events.length, floor),
    fold_vs_floor_ratio: core.ms / floor,
    fold_nofreeze_vs_floor_ratio: noFreeze / floor,
    copying_floor_ms: copying,
    fold_vs_copying_floor_ratio: core.ms / copying,
    persistent_floor_ms: persistent,
    fold_vs_persistent_floor_ratio: core.ms / persistent,
  }
  if (contenders.spreadEvents > 0) {
    const spreadInput =
      events.length <= contenders.spreadEvents ? events : events.slice(0, contenders.spreadEvents)
    collect()
    const spread = timed(() => void contenders.spread(spreadInput))
    collect()
    // The spread fold's prefix is compared with core on the same prefix.
    const corePrefix =
      spreadInput === events ? core : timed(() => void replay(ledgerProjection, spreadInput))
    figures['spread_events'] = spreadInput.length
    figures['spread_ms'] = spread.ms
    figures['spread_events_per_sec'] = perSecond(spreadInput.length, spread.ms)
    figures['fold_vs_spread_ratio'] = corePrefix.ms / spread.ms
  }
  return { state: core.value, figures }
}
