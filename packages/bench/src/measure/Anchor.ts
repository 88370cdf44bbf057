/**
 * The anchor suite on workload (a): in-memory append rate, bytes per event, full fold against
 * the floor and the spread baseline, as-of latency (on the full state, and snapshot + tail), and
 * incremental update latency on the published state.
 *
 * @module measure/Anchor
 */
import {
  apply,
  asOf,
  InMemoryEventStore,
  ledgerProjection,
  manualClock,
  replay,
  resumeFromSnapshot,
  takeSnapshot,
  type AppendRequest,
  type IsoDate,
  type LedgerState,
  type RecordedEvent,
} from '@progress-ledger/core'
import { floorFold } from '../baselines/Floor'
import { spreadFold } from '../baselines/Spread'
import { anchorIndicator, anchorRequests, dayAfter, type AnchorSize } from '../workloads/Anchor'
import { foldRatios } from './Fold'
import {
  collect,
  heapAfterGc,
  median,
  perSecond,
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
  asOf(state, cuts[0] as never)
  const times: number[] = []
  for (let round = 0; round < 3; round++)
    for (const cut of cuts) times.push(timed(() => asOf(state, cut)).ms)
  return median(times)
}

/** Runs the anchor suite in this process. */
export function runAnchorSuite(options: AnchorOptions): SuiteResult {
  const notes: string[] = []
  const n = options.size.events
  const requests = anchorRequests(options.size)
  const heapRaw = heapAfterGc()
  const clock = manualClock('2022-01-01')
  const store = new InMemoryEventStore({ clock })
  const append = timed(() => appendAll(store, requests, clock))
  const heapStored = heapAfterGc()
  if (heapRaw === undefined || heapStored === undefined)
    notes.push('bytes_per_event: node was not started with --expose-gc')
  const events = store.readAllNow()

  const fold = foldRatios(events, {
    spreadEvents: options.spreadEvents,
    spread: spreadFold,
    floor: floorFold,
  })
  const state = fold.state

  const figures: Figures = {
    events: n,
    append_events_per_sec: perSecond(n, append.ms),
    bytes_per_event:
      heapRaw === undefined || heapStored === undefined ? null : (heapStored - heapRaw) / n,
    ...fold.figures,
    asof_cold_ms: timed(() =>
      asOf(state, { recordedTime: (events[Math.floor(n / 3)] as RecordedEvent).recordedTime }),
    ).ms,
    asof_ms: asOfLatency(state, events),
    asof_snapshot_ms: null,
    snapshot_bytes: null,
    incremental_us: null,
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

  // Incremental: new values reported after the fold, applied one at a time to the published state.
  const extra: AppendRequest[] = []
  for (let i = 0; i < options.incrementalEvents; i++) {
    const s = (i * 7) % options.size.streams
    const indicatorId = anchorIndicator(s)
    const day = dayAfter(5000 + i) as IsoDate
    extra.push({
      streamId: `indicator-${indicatorId}`,
      expectedVersion: 'any',
      events: [
        {
          id: `x${i}`,
          type: 'ValueReported',
          validTime: day,
          actor: 'tjj',
          data: { indicatorId, period: day as never, value: i, status: 'final' },
        },
      ],
    })
  }
  appendAll(store, extra, clock)
  const fresh = store.readAllNow({ after: n })
  // Warm-up, untimed and discarded: until now `apply`'s code ran only on owned state (replay);
  // the first thousand or so updates of published state run while V8 re-optimises it. The timed
  // stream is long (100,000 events in the full bench) because the cost right after a full
  // collection is two to three times the steady cost for some tens of thousands of updates:
  // the mean over the whole stream includes that, amortised as a long-running process sees it.
  const warmUp = fresh.slice(0, Math.min(2_000, fresh.length))
  let warm = state
  for (const e of warmUp) warm = apply(ledgerProjection, warm, [e])
  if (warm.position !== n + warmUp.length) throw new Error('incremental: warm-up')
  let published = state
  collect()
  const inc = timed(() => {
    for (const e of fresh) published = apply(ledgerProjection, published, [e])
  })
  figures['incremental_us'] = fresh.length === 0 ? null : (inc.ms * 1000) / fresh.length
  if (published.position !== n + fresh.length)
    throw new Error(`incremental: expected position ${n + fresh.length}, got ${published.position}`)
  // The same events applied as the store appends them, 100 per `apply` (one draft per batch).
  let batched = state
  collect()
  const batch = timed(() => {
    for (let at = 0; at < fresh.length; at += 100)
      batched = apply(ledgerProjection, batched, fresh.slice(at, at + 100))
  })
  figures['incremental_batch100_us'] = fresh.length === 0 ? null : (batch.ms * 1000) / fresh.length
  // One event applied over and over to the same published state (each result dropped): the cost
  // of an update without a new period's first sort key or the survival of the previous result.
  const first = fresh[0]
  if (first !== undefined) {
    const repeats = fresh.length
    collect()
    const again = timed(() => {
      for (let i = 0; i < repeats; i++) apply(ledgerProjection, state, [first])
    })
    figures['incremental_repeat_us'] = (again.ms * 1000) / repeats
  } else figures['incremental_repeat_us'] = null
  return { figures, notes }
}
