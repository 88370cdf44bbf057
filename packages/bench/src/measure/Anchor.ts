/**
 * The anchor suite on workload (a): in-memory append rate, the heap the store holds per event,
 * full fold against the floors and the spread baseline, read + replay through the in-memory
 * store, as-of latency (the first query on the freshly published state, then warm; snapshot +
 * tail), checkpoint write and restore, the first as-of on the restored state (in this process,
 * and — the judged figure — in a fresh one), and incremental update latency on the published
 * state (the first updates, then warm).
 *
 * @module measure/Anchor
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  asOf,
  InMemoryEventStore,
  ledgerProjection,
  manualClock,
  readPages,
  replay,
  replayPages,
  restoreCheckpoint,
  takeCheckpoint,
  resumeFromSnapshot,
  takeSnapshot,
  type AppendRequest,
  type Cut,
  type LedgerState,
  type RecordedEvent,
  type StoredCheckpoint,
} from '@progress-ledger/core'
import { copyingFloorFold } from '../baselines/CopyingFloor'
import { floorFold } from '../baselines/Floor'
import { persistentFloorFold } from '../baselines/PersistentFloor'
import { spreadFold } from '../baselines/Spread'
import { anchorRequests, type AnchorSize } from '../workloads/Anchor'
import { repoRoot } from '../workloads/Seeds'
import { foldRatios } from './Fold'
import { incrementalFigures, incrementalRequests } from './Incremental'
import { timeProcess } from './Process'
import {
  collect,
  heapAfterGc,
  median,
  perSecond,
  settle,
  timed,
  type Figures,
  type SuiteResult,
} from './Timing'

/** Options of the anchor suite. */
export interface AnchorOptions {
  readonly size: AnchorSize
  /** Events the spread baseline folds (a prefix: it is quadratic in stream length). */
  readonly spreadEvents: number
  /** Events appended and applied one by one to the published state. */
  readonly incrementalEvents: number
  /** Take the snapshot + tail as-of measurement (costly: the snapshot is the whole state as JSON). */
  readonly snapshot: boolean
}

/** Appends requests one call each; throws on anything but `Appended` (a broken workload). */
export function appendAll(
  store: InMemoryEventStore,
  requests: ReadonlyArray<AppendRequest>,
  clock?: { advance: (ms: number) => void },
): void {
  for (let i = 0; i < requests.length; i++) {
    clock?.advance(1000)
    const r = store.appendNow([requests[i] as AppendRequest])
    if (r._tag !== 'Appended')
      throw new Error(`requests[${i}]: expected Appended, got ${JSON.stringify(r).slice(0, 300)}`)
  }
}

/** As-of latency on a published state: the median over several bitemporal cuts. */
function asOfLatency(state: LedgerState, events: ReadonlyArray<RecordedEvent>): number {
  const mid = events[Math.floor(events.length / 2)] as RecordedEvent
  const late = events[Math.floor((events.length * 9) / 10)] as RecordedEvent
  const cuts = [
    { recordedTime: mid.recordedTime },
    { validTime: mid.validTime },
    { validTime: late.validTime, recordedTime: mid.recordedTime },
    { position: late.position },
    { recordedTime: late.recordedTime },
  ]
  asOf(state, cuts[0] as (typeof cuts)[number])
  const times: number[] = []
  for (let round = 0; round < 3; round++)
    for (const cut of cuts) times.push(timed(() => asOf(state, cut)).ms)
  return median(times)
}

/** The in-memory store filled with workload (a), and what its heap holds. */
interface Filled {
  readonly store: InMemoryEventStore
  readonly clock: ReturnType<typeof manualClock>
  readonly appendMs: number
  readonly figures: Figures
}

/**
 * Builds the requests, appends them, then drops them. Heap after a full collection: before the
 * requests (h0), with the requests (h1), with the requests and the filled store (h2), and with
 * the store alone once the requests are dropped (h3). `bytes_per_event` = (h3 − h0) / events:
 * everything the store holds — the recorded envelopes, their hash, time and id strings, the
 * events' data objects and strings, the id index, the stream index and the log array.
 * `input_bytes_per_event` = (h1 − h0) / events is the heap of the requests alone;
 * `store_overhead_bytes_per_event` = (h2 − h1) / events is what the store adds over inputs that
 * stay alive (it shares their data objects).
 */
function fillStore(size: AnchorSize, notes: string[]): Filled {
  const n = size.events
  const h0 = heapAfterGc()
  let requests: AppendRequest[] | undefined = anchorRequests(size)
  const h1 = heapAfterGc()
  const clock = manualClock('2022-01-01')
  const store = new InMemoryEventStore({ clock })
  const append = timed(() => appendAll(store, requests as AppendRequest[], clock))
  const h2 = heapAfterGc()
  requests = undefined
  const h3 = heapAfterGc()
  const perEvent = (a: number | undefined, b: number | undefined): number | null =>
    a === undefined || b === undefined ? null : (b - a) / n
  if (h0 === undefined) notes.push('bytes_per_event: node was not started with --expose-gc')
  return {
    store,
    clock,
    appendMs: append.ms,
    figures: {
      bytes_per_event: perEvent(h0, h3),
      input_bytes_per_event: perEvent(h0, h1),
      store_overhead_bytes_per_event: perEvent(h1, h2),
    },
  }
}

/** Read + replay through the in-memory store: pages of 10,000 events replayed as they arrive. */
async function memoryReadReplay(store: InMemoryEventStore, n: number): Promise<number> {
  collect()
  const start = performance.now()
  const state = await replayPages(ledgerProjection, readPages(store, 0, 10_000))
  const ms = performance.now() - start
  if (state.position !== n)
    throw new Error(`read + replay: expected position ${n}, got ${state.position}`)
  return ms
}

/**
 * Restores a checkpoint in a fresh process through the built packages (`src/restore-image.ts`,
 * the image passed in a temporary file) and times there, at once, the first as-of query of that
 * process on the state just restored, with `cut`.
 */
async function restoreInFreshProcess(
  checkpoint: StoredCheckpoint,
  cut: Cut,
): Promise<
  | { _tag: 'Failed'; reason: string }
  | { _tag: 'Restored'; restoreMs: number; asOfMs: number; position: number }
> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-image-'))
  try {
    const image = join(dir, 'image.bin')
    const meta = join(dir, 'checkpoint.json')
    writeFileSync(image, checkpoint.image)
    const { name, position, head, format } = checkpoint
    writeFileSync(meta, JSON.stringify({ name, position, head, format, cut }))
    const r = await timeProcess(
      process.execPath,
      ['--import', 'tsx', `${repoRoot}packages/bench/src/restore-image.ts`, image, meta],
      { timeoutMs: 300_000, cwd: `${repoRoot}packages/bench` },
    )
    if (r._tag === 'Failed') return r
    const out = JSON.parse(r.stdout) as { restoreMs: number; asOfMs: number; position: number }
    return { _tag: 'Restored', ...out }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Runs the anchor suite in this process. */
export async function runAnchorSuite(options: AnchorOptions): Promise<SuiteResult> {
  const notes: string[] = []
  const n = options.size.events
  const { store, clock, appendMs, figures: heap } = fillStore(options.size, notes)
  const events = store.readAllNow()

  const fold = foldRatios(events, {
    spreadEvents: options.spreadEvents,
    spread: spreadFold,
    floor: floorFold,
    copyingFloor: copyingFloorFold,
    persistentFloor: persistentFloorFold,
  })
  const state = fold.state
  // The first as-of of this process, on the state just published by the fold: nothing of the
  // as-of path has run yet and the state's visibility index is not built. Timed once the fold's
  // forced collections have settled (see `settle`): they are the bench's, not the user's. (The
  // judged cold as-of, `asof_cold_ms`, is on a state just restored from a checkpoint, in a fresh
  // process: below.)
  await settle()
  const asOfPublished = timed(() =>
    asOf(state, { recordedTime: (events[Math.floor(n / 3)] as RecordedEvent).recordedTime }),
  ).ms
  const figures: Figures = {
    events: n,
    append_events_per_sec: perSecond(n, appendMs),
    ...heap,
    ...fold.figures,
    asof_published_first_ms: asOfPublished,
    asof_ms: asOfLatency(state, events),
    asof_snapshot_ms: null,
    snapshot_bytes: null,
  }
  const readReplayMs = await memoryReadReplay(store, n)
  figures['memory_read_replay_ms'] = readReplayMs
  figures['memory_read_replay_events_per_sec'] = perSecond(n, readReplayMs)

  // A checkpoint of the state: written once, then restored as a command restores it — the first
  // restore of this process, from the image bytes alone.
  collect()
  const written = timed(() => takeCheckpoint(state))
  figures['checkpoint_write_ms'] = written.ms
  figures['checkpoint_bytes'] = written.value.image.byteLength
  // The cut of both first queries on a restored state: as known when the middle event was recorded.
  const cut = { recordedTime: (events[Math.floor(n / 2)] as RecordedEvent).recordedTime }
  collect()
  const restored = timed(() => restoreCheckpoint(written.value))
  if (restored.value._tag === 'Restored' && restored.value.state.position === n) {
    figures['checkpoint_restore_ms'] = restored.ms
    // The first as-of on the state just restored (owned, with the chunk summaries the image
    // keeps), timed at once: no settling, the restore's own collections are part of the path.
    // In this process the as-of code has run before; the judged figure is a fresh process's.
    const fresh = restored.value.state
    figures['asof_restored_first_ms'] = timed(() => asOf(fresh, cut)).ms
  } else notes.push(`checkpoint_restore_ms: the checkpoint did not restore the state at ${n}`)
  // The judged cold as-of: a fresh process restores the same image and queries at once. This
  // process's heap (two 1M-event states) is collected and its sweeping settled first, so that its
  // background GC threads do not share the machine's cores with the fresh process.
  collect()
  await settle()
  const fresh = await restoreInFreshProcess(written.value, cut)
  figures['asof_cold_ms'] = null
  figures['checkpoint_restore_fresh_ms'] = null
  if (fresh._tag === 'Failed') notes.push(`asof_cold_ms: ${fresh.reason}`)
  else if (fresh.position !== n)
    notes.push(`asof_cold_ms: the fresh process restored position ${fresh.position}, not ${n}`)
  else {
    figures['asof_cold_ms'] = fresh.asOfMs
    figures['checkpoint_restore_fresh_ms'] = fresh.restoreMs
  }

  if (options.snapshot) {
    const at = Math.floor(n * 0.9)
    const until = Math.floor(n * 0.95)
    try {
      const before = replay(ledgerProjection, events.slice(0, at), { freeze: false })
      const snapshot = takeSnapshot('ledger', at, before)
      figures['snapshot_bytes'] = snapshot.state.length
      collect()
      const tail = events.slice(at, until)
      figures['asof_snapshot_ms'] = timed(() =>
        resumeFromSnapshot(ledgerProjection, snapshot, tail),
      ).ms
    } catch (e) {
      notes.push(`asof_snapshot_ms: ${(e as Error).message}`)
    }
  }

  appendAll(store, incrementalRequests(options.size, options.incrementalEvents), clock)
  Object.assign(figures, incrementalFigures(state, store.readAllNow({ after: n })))
  return { figures, notes }
}
