/**
 * Incremental update latency: new values appended after the fold and applied to the published
 * state. The first updates run on code that has so far only replayed owned state (cold); the
 * warm figure is the mean over a long stream after untimed warm-up updates, as a long-running
 * process sees it.
 *
 * @module measure/Incremental
 */
import {
  apply,
  ledgerProjection,
  type AppendRequest,
  type IsoDate,
  type LedgerState,
  type PeriodKey,
  type RecordedEvent,
} from '@progress-ledger/core'
import { anchorIndicator, dayAfter, type AnchorSize } from '../workloads/Anchor'
import { uuidSource } from '../workloads/Uuid'
import { collect, timed, type Figures } from './Timing'

/** The seed of the ids of the values appended after the fold. */
export const INCREMENTAL_SEED = 4

/** Untimed-for-the-warm-figure updates before the warm stream (timed as the cold figure). */
export const WARM_UP_UPDATES = 2_000

/** `count` more values of workload (a), reported after its history, one request each. */
export function incrementalRequests(size: AnchorSize, count: number): AppendRequest[] {
  const ids = uuidSource(INCREMENTAL_SEED)
  const extra: AppendRequest[] = []
  for (let i = 0; i < count; i++) {
    const indicatorId = anchorIndicator((i * 7) % size.streams)
    // Each stream gets the next day once per round over the streams, within the years allowed.
    const day = dayAfter(5000 + Math.floor(i / size.streams))
    extra.push({
      streamId: `indicator-${indicatorId}`,
      expectedVersion: 'any',
      events: [
        {
          id: ids(),
          type: 'ValueReported',
          validTime: day as IsoDate,
          actor: 'tjj',
          data: { indicatorId, period: day as PeriodKey, value: i, status: 'final' },
        },
      ],
    })
  }
  return extra
}

/**
 * Incremental figures for `fresh` events (recorded after `state`'s position) applied to the
 * published `state`:
 * - `incremental_first_us`: the very first update on the freshly published state;
 * - `incremental_cold_us`: the mean of the first {@link WARM_UP_UPDATES} updates, one `apply`
 *   each, no warm-up (the first one included);
 * - `incremental_us` (warm): the mean over the whole stream, one `apply` each, starting again
 *   from `state` after those updates and a full collection;
 * - `incremental_batch100_us`: the same stream, 100 events per `apply`;
 * - `incremental_repeat_us`: the first event applied over and over to the same state.
 */
export function incrementalFigures(
  state: LedgerState,
  fresh: ReadonlyArray<RecordedEvent>,
): Figures {
  const n = state.position
  const none: Figures = {
    incremental_first_us: null,
    incremental_cold_us: null,
    incremental_us: null,
    incremental_batch100_us: null,
    incremental_repeat_us: null,
  }
  const first = fresh[0]
  if (first === undefined) return none
  const warmUp = fresh.slice(0, Math.min(WARM_UP_UPDATES, fresh.length))
  let cold = state
  const firstUpdate = timed(() => apply(ledgerProjection, cold, [first]))
  cold = firstUpdate.value
  const rest = timed(() => {
    for (let i = 1; i < warmUp.length; i++)
      cold = apply(ledgerProjection, cold, [warmUp[i] as RecordedEvent])
  })
  if (cold.position !== n + warmUp.length) throw new Error('incremental: cold stream')

  // The warm stream is long (100,000 events in the full bench) because the cost right after a
  // full collection is two to three times the steady cost for some tens of thousands of
  // updates: the mean over the whole stream includes that.
  let published = state
  collect()
  const inc = timed(() => {
    for (const e of fresh) published = apply(ledgerProjection, published, [e])
  })
  if (published.position !== n + fresh.length)
    throw new Error(`incremental: expected position ${n + fresh.length}, got ${published.position}`)

  let batched = state
  collect()
  const batch = timed(() => {
    for (let at = 0; at < fresh.length; at += 100)
      batched = apply(ledgerProjection, batched, fresh.slice(at, at + 100))
  })
  if (batched.position !== n + fresh.length) throw new Error('incremental: batched stream')

  // Each result dropped: the cost of an update without a new period's first sort key or the
  // survival of the previous result.
  collect()
  const again = timed(() => {
    for (let i = 0; i < fresh.length; i++) apply(ledgerProjection, state, [first])
  })
  return {
    incremental_first_us: firstUpdate.ms * 1000,
    incremental_cold_us: ((firstUpdate.ms + rest.ms) * 1000) / warmUp.length,
    incremental_us: (inc.ms * 1000) / fresh.length,
    incremental_batch100_us: (batch.ms * 1000) / fresh.length,
    incremental_repeat_us: (again.ms * 1000) / fresh.length,
  }
}
