/**
 * The as-of index over long period lists (many chunks of 32 values): a view of the published,
 * indexed state equals the view of the same state thawed (not indexed: each list scanned on the
 * cut's axes), for any cut, both after a replay and after further events applied to the
 * published state (whose lists share the chunks summarised before); and both give every list the
 * values a plain filter of every version gives.
 */
import { fixtures } from '@progress-ledger/testkit'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { asOf, type Cut } from '../src/AsOf'
import { ChunkList } from '../src/ChunkList'
import { manualClock } from '../src/Clock'
import type { EventInput } from '../src/Envelope'
import { InMemoryEventStore } from '../src/InMemoryEventStore'
import type { PeriodKey } from '../src/Period'
import { restoreCheckpoint, takeCheckpoint } from '../src/Checkpoint'
import { apply, beginFold, ledgerProjection, replay } from '../src/Replay'
import { isoDate } from '../src/Scalars'
import { freezeLedger, ledgerFromJson, type LedgerState, type Stamp } from '../src/State'

function thaw(x: LedgerState): LedgerState {
  return ledgerFromJson(JSON.parse(JSON.stringify(x)))
}

const { indicatorDefined } = fixtures

const DAY = 86_400_000
const dayOf = (k: number): string =>
  new Date(Date.UTC(2021, 0, 1) + k * DAY).toISOString().slice(0, 10)

const step = fc.record({
  ind: fc.constantFrom('A', 'B'),
  // 160 days: a list spans up to five full chunks and a tail; days arrive in any order, so values
  // are inserted before others, not only appended.
  day: fc.nat(159),
  value: fc.integer({ min: -1000, max: 1000 }),
  correct: fc.boolean(),
  valid: fc.nat(200),
  advance: fc.nat(2),
})

type Step = typeof step extends fc.Arbitrary<infer R> ? R : never

/** Appends the steps one event each; returns the events appended. */
function record(
  store: InMemoryEventStore,
  clock: { advance(ms: number): void },
  steps: ReadonlyArray<Step>,
  prefix: string,
  reported: Map<string, string>,
): void {
  steps.forEach((h, i) => {
    clock.advance(h.advance * 3_600_000)
    const key = `${h.ind}/${h.day}`
    const prior = reported.get(key)
    const data = {
      indicatorId: h.ind,
      period: dayOf(h.day) as PeriodKey,
      value: h.value,
      status: 'final' as const,
    }
    const validTime = isoDate(dayOf(h.valid))
    const event: EventInput =
      prior !== undefined && h.correct
        ? {
            id: `${prefix}c${i}`,
            type: 'ValueCorrected',
            validTime,
            actor: 't',
            data: { ...data, corrects: prior, reason: 'r' },
          }
        : { id: `${prefix}v${i}`, type: 'ValueReported', validTime, actor: 't', data }
    reported.set(key, event.id)
    store.appendNow([{ streamId: `s-${h.ind}`, events: [event], expectedVersion: 'any' }])
  })
}

function cutsOf(state: LedgerState, store: InMemoryEventStore, p: number, v: number): Cut[] {
  const events = store.readAllNow()
  const at = events[Math.min(events.length - 1, p)]
  return [
    { position: p },
    { recordedTime: at?.recordedTime },
    { validTime: dayOf(v) },
    { position: p, validTime: dayOf(v) },
    { recordedTime: at?.recordedTime, validTime: dayOf(v) },
    { position: state.position },
  ].map((c) => Object.fromEntries(Object.entries(c).filter(([, x]) => x !== undefined)) as Cut)
}

/** Is a version visible under the cut? The definition, stated plainly. */
function visibleUnder(cut: Cut, s: Stamp): boolean {
  return (
    (cut.position === undefined || s.position <= cut.position) &&
    (cut.recordedTime === undefined || s.recordedTime <= cut.recordedTime) &&
    (cut.validTime === undefined || s.validTime <= cut.validTime)
  )
}

/**
 * Every indicator's values under the cut, by filtering every value's versions: no index, no
 * scan, no sharing — the oracle for the lists of the view.
 */
function filteredValues(state: LedgerState, cut: Cut): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {}
  state.indicators.each((ind, id) => {
    out[id] = ind.values
      .toArray()
      .map((item) => ({ ...item, versions: item.versions.filter((s) => visibleUnder(cut, s)) }))
      .filter((item) => item.versions.length > 0)
  })
  return out
}

function viewedValues(view: LedgerState): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {}
  view.indicators.each((ind, id) => {
    out[id] = ind.values.toArray()
  })
  return out
}

/** The view of the published state, the view of it thawed, and the oracle agree. */
function expectViewsAgree(published: LedgerState, cut: Cut): void {
  const view = asOf(published, cut)
  const thawed = asOf(thaw(published), cut)
  expect(view).toEqual(thawed)
  const expected = filteredValues(published, cut)
  // The view drops an indicator that has no visible definition; its values go with it.
  for (const id of Object.keys(expected))
    if (view.indicators.get(id) === undefined) delete expected[id]
  expect(viewedValues(view)).toEqual(expected)
  expect(viewedValues(thawed)).toEqual(expected)
}

function allFrozen(state: LedgerState): boolean {
  let ok = true
  state.indicators.each((ind) => {
    ok &&= Object.isFrozen(ind.values)
    ind.values.forEach((item) => {
      ok &&=
        Object.isFrozen(item) &&
        Object.values(item).every((f) => typeof f !== 'object' || f === null || Object.isFrozen(f))
    })
  })
  return ok
}

/**
 * Two day indicators and the steps recorded one event each, replayed and published; `more`
 * records further steps into the same store.
 */
function history(first: ReadonlyArray<Step>): {
  store: InMemoryEventStore
  more: (steps: ReadonlyArray<Step>) => void
  published: LedgerState
} {
  const clock = manualClock('2022-01-01')
  const store = new InMemoryEventStore({ clock })
  store.appendNow([
    {
      streamId: 'defs',
      events: [indicatorDefined('A', 'day'), indicatorDefined('B', 'day')],
      expectedVersion: 'any',
    },
  ])
  const reported = new Map<string, string>()
  record(store, clock, first, 'a', reported)
  return {
    store,
    more: (steps) => record(store, clock, steps, 'b', reported),
    published: replay(ledgerProjection, store.readAllNow()),
  }
}

/** A history, more steps after it, and the position and day of the cuts (see `cutsOf`). */
const scenario = fc.tuple(
  fc.array(step, { minLength: 40, maxLength: 260 }),
  fc.array(step, { maxLength: 60 }),
  fc.nat(400),
  fc.nat(200),
)

describe('the as-of index on long period lists', () => {
  it('gives the view an unindexed state and a plain filter give, after a replay and after apply, for any cut', () => {
    fc.assert(
      fc.property(scenario, ([first, more, p, v]) => {
        const { store, more: recordMore, published } = history(first)
        for (const cut of cutsOf(published, store, p, v)) expectViewsAgree(published, cut)
        // Later events applied to the published state: new list versions over shared chunks.
        const seen = store.readAllNow().length
        recordMore(more)
        const next = apply(ledgerProjection, published, store.readAllNow().slice(seen))
        expect(allFrozen(next)).toBe(true)
        for (const cut of cutsOf(next, store, p, v)) expectViewsAgree(next, cut)
      }),
      { numRuns: 200 },
    )
  })

  it('keeps the summaries restored with a checkpoint true while the owner replays more events in place', () => {
    let remembered = 0
    fc.assert(
      fc.property(scenario, ([first, more, p, v]) => {
        const { store, more: recordMore, published } = history(first)
        const restored = restoreCheckpoint(takeCheckpoint(published))
        if (restored._tag !== 'Restored') throw new Error(restored.reason)
        const owned = restored.state
        owned.indicators.each((ind) => {
          if (ind.values.remembersChunks) remembered++
        })
        for (const cut of cutsOf(owned, store, p, v)) expectViewsAgree(owned, cut)
        // More events folded onto the restored state in place: values corrected in chunks
        // whose summaries were restored, values inserted before them, values appended.
        const seen = store.readAllNow().length
        recordMore(more)
        const fold = beginFold(ledgerProjection, owned, true)
        for (const e of store.readAllNow().slice(seen)) fold.step(e)
        const next = fold.finish()
        for (const cut of cutsOf(next, store, p, v)) expectViewsAgree(next, cut)
        // Published: the freezer records the summaries still remembered.
        const frozen = freezeLedger(next)
        for (const cut of cutsOf(frozen, store, p, v)) expectViewsAgree(frozen, cut)
      }),
      { numRuns: 200 },
    )
    // Not vacuous: lists with full chunks came back from the checkpoint with their summaries.
    expect(remembered).toBeGreaterThan(100)
  })

  it('reads each chunk of a list with its first index', () => {
    const list = ChunkList.of(Array.from({ length: 70 }, (_, i) => i))
    const seen: Array<readonly [number, number]> = []
    list.forEachChunk((items, start) => seen.push([start, items.length]))
    expect(seen).toEqual([
      [0, 32],
      [32, 32],
      [64, 6],
    ])
    const exact: number[] = []
    ChunkList.of(Array.from({ length: 64 }, (_, i) => i)).forEachChunk((_, start) =>
      exact.push(start),
    )
    expect(exact).toEqual([0, 32])
  })
})
