/**
 * Probes: the small side-by-side measurements that docs/architecture.md and the bound texts of
 * docs/benchmarks.md quote, each runnable on its own (`pnpm --filter @progress-ledger/bench probe
 * <name>`, see `src/probe.ts`). They print figures; they assert nothing about time.
 *
 * @module measure/Probes
 */
import * as crypto from 'node:crypto'
import {
  apply,
  contentText,
  InMemoryEventStore,
  ledgerProjection,
  manualClock,
  replay,
  type AppendRequest,
  type IsoDate,
  type RecordedEvent,
} from '@progress-ledger/core'
import { anchorIndicator, anchorRequests, dayAfter } from '../workloads/Anchor'
import { railwayRequests } from '../workloads/Railway'
import { appendAll } from './Anchor'
import { DEFAULT_LEDGERS } from '../Jobs'
import { intakePages } from './IntakePages'
import { streamMemory } from './StreamMemory'
import { collect, median, timed } from './Timing'

/** SHA-256 as core's chain computes it: Node's one-shot `crypto.hash` where it exists. */
function sha256(text: string): string {
  const oneShot = (crypto as { hash?: (a: string, d: string, e: 'hex') => string }).hash
  return oneShot !== undefined
    ? oneShot('sha256', text, 'hex')
    : crypto.createHash('sha256').update(text).digest('hex')
}

/** A probe's figures, by name. */
export type ProbeFigures = Readonly<Record<string, number>>

/** Heap bytes allocated by `f` (run `n` times, results kept), per run; needs `--expose-gc`. */
function bytesPer(n: number, f: (i: number) => unknown): number {
  const keep: unknown[] = new Array(n)
  collect()
  const before = process.memoryUsage().heapUsed
  for (let i = 0; i < n; i++) keep[i] = f(i)
  const bytes = (process.memoryUsage().heapUsed - before) / n
  keep.length = 0 // read after measuring, so the results stay alive until then
  return bytes
}

/** Nanoseconds per call of `f`, the median of 5 rounds of `n` calls. */
function nsPer(n: number, f: (i: number) => unknown): number {
  const rounds: number[] = []
  for (let r = 0; r < 5; r++) rounds.push(timed(() => void runs(n, f)).ms)
  return (median(rounds) * 1e6) / n
}

function runs(n: number, f: (i: number) => unknown): void {
  for (let i = 0; i < n; i++) f(i)
}

/** The anchor workload's history of `events` events, appended to an in-memory store. */
function anchorHistory(events: number): { store: InMemoryEventStore; events: RecordedEvent[] } {
  const clock = manualClock('2022-01-01')
  const store = new InMemoryEventStore({ clock })
  appendAll(store, anchorRequests({ events, streams: 1_000, blockSize: 100 }), clock)
  return { store, events: [...store.readAllNow()] }
}

/**
 * Bytes allocated per single-event `apply` on the published anchor state: a stream of new values
 * over the 1,000 indicators, measured as the heap delta over 100 applies, three times.
 */
export function allocationProbe(events = 300_000): ProbeFigures {
  const { store, events: history } = anchorHistory(events)
  const extra: AppendRequest[] = []
  for (let i = 0; i < 2_300; i++) {
    const indicatorId = anchorIndicator((i * 7) % 1_000)
    const day = dayAfter(5_000 + i) as IsoDate
    extra.push({
      streamId: `indicator-${indicatorId}`,
      expectedVersion: 'any',
      events: [
        {
          id: `probe${i}`,
          type: 'ValueReported',
          validTime: day,
          actor: 'tjj',
          data: { indicatorId, period: day as never, value: i, status: 'final' },
        },
      ],
    })
  }
  appendAll(store, extra)
  const fresh = store.readAllNow({ after: history.length })
  let state = replay(ledgerProjection, history)
  for (const e of fresh.slice(0, 2_000)) state = apply(ledgerProjection, state, [e])
  const figures: Record<string, number> = {}
  for (let k = 0; k < 3; k++) {
    figures[`bytes_per_apply_${k + 1}`] = bytesPer(100, (i) => {
      state = apply(ledgerProjection, state, [fresh[2_000 + k * 100 + i] as RecordedEvent])
      return state
    })
  }
  return figures
}

/**
 * Replay with the ledger's shaped freeze against the same replay with the generic deep freeze
 * (the projection without `freeze`), alternating, medians of 8, on the railway chronicle × 1,000
 * and 300,000 anchor events. The freeze-less replay is timed too, for the fold's own share.
 */
export function freezeProbe(): ProbeFigures {
  const { freeze: _shaped, ...generic } = ledgerProjection
  const histories: Array<[string, ReadonlyArray<RecordedEvent>]> = []
  const clock = manualClock('2016-12-23')
  const railway = new InMemoryEventStore({ clock })
  for (const r of railwayRequests(1_000)) {
    clock.advance(1_000)
    railway.appendNow([r])
  }
  histories.push(['railway', railway.readAllNow()], ['anchor', anchorHistory(300_000).events])
  const figures: Record<string, number> = {}
  for (const [name, events] of histories) {
    const fold: number[] = []
    const withGeneric: number[] = []
    const withShaped: number[] = []
    for (let i = 0; i < 8; i++) {
      collect()
      fold.push(timed(() => void replay(ledgerProjection, events, { freeze: false })).ms)
      collect()
      withGeneric.push(timed(() => void replay(generic, events)).ms)
      collect()
      withShaped.push(timed(() => void replay(ledgerProjection, events)).ms)
    }
    figures[`${name}_fold_ms`] = median(fold)
    figures[`${name}_generic_freeze_ms`] = median(withGeneric) - median(fold)
    figures[`${name}_shaped_freeze_ms`] = median(withShaped) - median(fold)
  }
  return figures
}

/**
 * Copying a 31-item chunk with one item appended: a spread of a frozen array (what published
 * chunks cost while they were frozen) against an exact-size copy of an unfrozen one.
 */
export function chunkCopyProbe(): ProbeFigures {
  const items = Array.from({ length: 31 }, (_, i) => ({ i }))
  const frozen = Object.freeze([...items])
  const plain = [...items]
  const exact = (xs: ReadonlyArray<object>, x: object): object[] => {
    const out = new Array<object>(xs.length + 1)
    for (let i = 0; i < xs.length; i++) out[i] = xs[i] as object
    out[xs.length] = x
    return out
  }
  const extra = { i: -1 }
  return {
    frozen_spread_bytes: bytesPer(1_000, () => [...frozen, extra]),
    frozen_spread_ns: nsPer(200_000, () => [...frozen, extra]),
    unfrozen_exact_bytes: bytesPer(1_000, () => exact(plain, extra)),
    unfrozen_exact_ns: nsPer(200_000, () => exact(plain, extra)),
    freeze_object_ns: nsPer(200_000, (i) => Object.freeze({ i, a: 1, b: 2 })),
  }
}

/**
 * The append path's hashing and canonical text: one SHA-256 call per event against one per
 * batch of 100, and `contentText` against `JSON.stringify` of the same content after a key-order
 * check (which needs the data copied with sorted keys first).
 */
export function appendPathProbe(): ProbeFigures {
  const { events } = anchorHistory(10_000)
  const sample = events.slice(5_000, 5_100)
  const texts = sample.map((e) => `${'0'.repeat(64)}\n${contentText(e)}`)
  const batch = texts.join('\n')
  const sorted = (o: object): object => {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(o).sort()) out[k] = (o as Record<string, unknown>)[k]
    return out
  }
  const asArray = (e: RecordedEvent, data: object): string =>
    JSON.stringify([
      e.id,
      e.streamId,
      e.version,
      e.position,
      e.type,
      e.schemaVersion,
      e.validTime,
      e.recordedTime,
      e.actor,
      e.correlationId,
      e.causationId,
      data,
    ])
  return {
    text_bytes: texts.reduce((n, t) => n + t.length, 0) / texts.length,
    sha256_per_event_ns: nsPer(20_000, (i) => sha256(texts[i % 100] as string)),
    sha256_per_batch_of_100_ns_per_event: nsPer(200, () => sha256(batch)) / 100,
    content_text_ns: nsPer(20_000, (i) => contentText(sample[i % 100] as RecordedEvent)),
    sorted_copy_then_stringify_ns: nsPer(20_000, (i) => {
      const e = sample[i % 100] as RecordedEvent
      return asArray(e, sorted(e.data as object))
    }),
  }
}

/** The probes by name. */
export const PROBES: Readonly<Record<string, () => ProbeFigures | Promise<ProbeFigures>>> = {
  alloc: () => allocationProbe(),
  freeze: freezeProbe,
  'chunk-copy': chunkCopyProbe,
  'append-path': appendPathProbe,
  'stream-memory-100k': () => streamMemory(100_000),
  'stream-memory-1m': () => streamMemory(1_000_000),
  'intake-pages': () => intakePages(DEFAULT_LEDGERS, 1_000_000, [100, 1000], 3),
}
