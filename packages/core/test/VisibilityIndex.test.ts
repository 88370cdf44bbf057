/**
 * The as-of index over long period lists (many chunks of 32 values): a view of the published,
 * indexed state equals the view of the same state thawed (no index, every value looked at), for
 * any cut, both after a replay and after further events applied to the published state (whose
 * lists share the chunks summarised before).
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
import { apply, ledgerProjection, replay } from '../src/Replay'
import { isoDate } from '../src/Scalars'
import { ledgerFromJson, type LedgerState } from '../src/State'

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

describe('the as-of index on long period lists', () => {
  it('gives the view an unindexed state gives, after a replay and after apply, for any cut', () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 40, maxLength: 260 }),
        fc.array(step, { maxLength: 40 }),
        fc.nat(320),
        fc.nat(200),
        (first, more, p, v) => {
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
          const published = replay(ledgerProjection, store.readAllNow())
          for (const cut of cutsOf(published, store, p, v))
            expect(asOf(published, cut)).toEqual(asOf(thaw(published), cut))
          // Later events applied to the published state: new list versions over shared chunks.
          const seen = store.readAllNow().length
          record(store, clock, more, 'b', reported)
          const next = apply(ledgerProjection, published, store.readAllNow().slice(seen))
          expect(allFrozen(next)).toBe(true)
          for (const cut of cutsOf(next, store, p, v))
            expect(asOf(next, cut)).toEqual(asOf(thaw(next), cut))
        },
      ),
      { numRuns: 200 },
    )
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
