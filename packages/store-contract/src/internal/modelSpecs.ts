// Contract: random sequences of valid and invalid batches leave the store equal to the
// reference in-memory store fed the same batches at the same instants.
import {
  type AppendRequest,
  type EventInput,
  InMemoryEventStore,
  manualClock,
  verifyChain,
} from '@progress-ledger/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { OpenStore } from '../Contract'
import { fixtures } from '@progress-ledger/testkit'
import { START, withStore } from './harness'

const { badReport, valueReported } = fixtures

const streams = ['indicator-A', 'indicator-B', 'plan-sz'] as const

const eventArb: fc.Arbitrary<EventInput> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .record({
        id: fc.integer({ min: 1, max: 14 }),
        period: fc.constantFrom('2021', '2022'),
        value: fc.double({ noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v)),
      })
      .map(({ id, period, value }) => valueReported(`e${id}`, period, value)),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 14 }).map((id) => badReport(`e${id}`)) },
)

const requestArb: fc.Arbitrary<AppendRequest> = fc.record({
  streamId: fc.constantFrom(...streams),
  events: fc.array(eventArb, { maxLength: 3 }),
  expectedVersion: fc.oneof(
    fc.constantFrom('any' as const, 'no-stream' as const, 'stream-exists' as const),
    fc.nat(5),
  ),
})

const commandArb = fc.record({
  requests: fc.array(requestArb, { minLength: 1, maxLength: 3 }),
  /** Seconds the clock moves before the command; negative moves exercise the never-decreasing rule. */
  tick: fc.integer({ min: -5, max: 30 }),
})

export function modelSpecs(open: OpenStore, runs: number): void {
  describe('model', () => {
    it(`random valid and invalid batches leave the store equal to the reference (${runs} runs)`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 12 }), (commands) =>
          withStore(open, async ({ store, clock }) => {
            const modelClock = manualClock(START)
            const model = new InMemoryEventStore({ clock: modelClock })
            let ms = Date.parse(START)
            for (const c of commands) {
              ms += c.tick * 1000
              const at = new Date(ms).toISOString()
              clock.set(at)
              modelClock.set(at)
              const expected = await model.appendBatch(c.requests)
              expect(await store.appendBatch(c.requests)).toEqual(expected)
            }
            const all = await store.readAll()
            expect(all).toEqual(await model.readAll())
            expect(await store.headPosition()).toBe(await model.headPosition())
            for (const s of streams) {
              expect(await store.streamVersion(s)).toBe(await model.streamVersion(s))
              expect(await store.readStream(s)).toEqual(await model.readStream(s))
            }
            expect(verifyChain(all)._tag).toBe('Intact')
          }),
        ),
        { numRuns: runs },
      )
    })
  })
}
