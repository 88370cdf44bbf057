/**
 * The growth suites: workload (b), the Shengzhou plan scaled to N counties, and workload (c),
 * the railway chronicle over many projects. Each appends its batches to a fresh in-memory store,
 * folds with core and with the floor, and (for the plan) evaluates and renders the report.
 *
 * @module measure/Growth
 */
import {
  InMemoryEventStore,
  manualClock,
  type AppendRequest,
  type RecordedEvent,
} from '@progress-ledger/core'
import { copyingFloorFold } from '../baselines/CopyingFloor'
import { floorFold } from '../baselines/Floor'
import { persistentFloorFold } from '../baselines/PersistentFloor'
import { countyBatches } from '../workloads/Counties'
import { railwayRequests } from '../workloads/Railway'
import { foldRatios } from './Fold'
import { reportTime } from './Report'
import { perSecond, timed, type SuiteResult } from './Timing'

function appendBatches(
  store: InMemoryEventStore,
  batches: ReadonlyArray<ReadonlyArray<AppendRequest>>,
  clock: { advance: (ms: number) => void },
): number {
  let count = 0
  for (let i = 0; i < batches.length; i++) {
    clock.advance(1000)
    const r = store.appendNow(batches[i] as ReadonlyArray<AppendRequest>)
    if (r._tag !== 'Appended')
      throw new Error(`batches[${i}]: expected Appended, got ${JSON.stringify(r).slice(0, 300)}`)
    count += r.written
  }
  return count
}

function noSpread(events: ReadonlyArray<RecordedEvent>): never {
  throw new Error(
    `the spread baseline is measured on the anchor workload only (${events.length} events)`,
  )
}

/** Plan over `counties` counties: append, fold (core and floor) and, where available, the report. */
export function runCountiesSuite(counties: number, withReport: boolean): SuiteResult {
  const notes: string[] = []
  const batches = countyBatches(counties)
  const clock = manualClock('2021-08-10')
  const store = new InMemoryEventStore({ clock })
  const append = timed(() => appendBatches(store, batches, clock))
  const events = store.readAllNow()
  const fold = foldRatios(events, {
    floor: floorFold,
    copyingFloor: copyingFloorFold,
    persistentFloor: persistentFloorFold,
    spread: noSpread,
    spreadEvents: -1,
  })
  const figures: Record<string, number | null> = {
    events: events.length,
    append_events_per_sec: perSecond(append.value, append.ms),
    fold_events_per_sec: fold.figures['fold_events_per_sec'] ?? null,
    fold_vs_floor_ratio: fold.figures['fold_vs_floor_ratio'] ?? null,
    fold_vs_copying_floor_ratio: fold.figures['fold_vs_copying_floor_ratio'] ?? null,
    fold_vs_persistent_floor_ratio: fold.figures['fold_vs_persistent_floor_ratio'] ?? null,
    report_ms: null,
  }
  if (withReport) {
    const report = reportTime(fold.state)
    figures['report_ms'] = report.ms
    if (report.note !== undefined) notes.push(`report_ms: ${report.note}`)
  }
  return { figures, notes }
}

/** The railway chronicle over `projects` projects: append and fold (core and floor). */
export function runRailwaySuite(projects: number): SuiteResult {
  const requests = railwayRequests(projects)
  const clock = manualClock('2016-12-23')
  const store = new InMemoryEventStore({ clock })
  const append = timed(() =>
    appendBatches(
      store,
      requests.map((r) => [r]),
      clock,
    ),
  )
  const events = store.readAllNow()
  const fold = foldRatios(events, {
    floor: floorFold,
    copyingFloor: copyingFloorFold,
    persistentFloor: persistentFloorFold,
    spread: noSpread,
    spreadEvents: -1,
  })
  return {
    figures: {
      events: events.length,
      append_events_per_sec: perSecond(append.value, append.ms),
      fold_events_per_sec: fold.figures['fold_events_per_sec'] ?? null,
      fold_vs_floor_ratio: fold.figures['fold_vs_floor_ratio'] ?? null,
      fold_vs_copying_floor_ratio: fold.figures['fold_vs_copying_floor_ratio'] ?? null,
      fold_vs_persistent_floor_ratio: fold.figures['fold_vs_persistent_floor_ratio'] ?? null,
    },
    notes: [],
  }
}
