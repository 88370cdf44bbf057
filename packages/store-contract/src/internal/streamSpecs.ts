// Contract: a streamed append is one all-or-nothing batch, handled page by page — the same
// decisions as appendBatch, rollback of every page on any failure, other writers serialised.
import {
  type AppendRequest,
  type EventStore,
  type RecordedEvent,
  type StreamProgress,
  InMemoryEventStore,
  LEDGER_STREAM,
  manualClock,
  verifyChain,
} from '@progress-ledger/core'
import { describe, expect, it } from 'vitest'
import type { OpenStore } from '../Contract'
import { fixtures } from '@progress-ledger/testkit'
import { START, appended, withStore } from './harness'

const { badReport, reports, valueReported } = fixtures

/** `n` requests of `size` events, alternating over three streams with exact expected versions. */
function requests(prefix: string, n: number, size: number): AppendRequest[] {
  const versions = new Map<string, number>()
  return Array.from({ length: n }, (_, i) => {
    const streamId = `indicator-S${i % 3}`
    const expectedVersion = versions.get(streamId) ?? 0
    versions.set(streamId, expectedVersion + size)
    return { streamId, events: reports(`${prefix}-r${i}`, size, `S${i % 3}`), expectedVersion }
  })
}

/** Yields the requests asynchronously, one tick apart, as a file reader would. */
async function* slowly(items: ReadonlyArray<AppendRequest>): AsyncGenerator<AppendRequest> {
  for (const item of items) {
    await new Promise<void>((resolve) => setImmediate(resolve))
    yield item
  }
}

/** The store's whole visible state. */
async function snapshotOf(store: EventStore) {
  return {
    all: await store.readAll(),
    head: await store.headPosition(),
    versions: await Promise.all(
      ['indicator-S0', 'indicator-S1', 'indicator-S2', 'seed'].map((s) => store.streamVersion(s)),
    ),
  }
}

/** A store with two events on stream `seed`, the state every failure must leave untouched. */
async function seeded(store: EventStore): Promise<void> {
  appended(await store.append('seed', reports('seed', 2), 'no-stream'))
}

export function streamSpecs(open: OpenStore): void {
  describe('appendStream', () => {
    it('writes a long stream in pages exactly as one appendBatch of the same requests would', () =>
      withStore(open, async ({ store, clock }) => {
        const input = requests('a', 40, 3)
        const progress: StreamProgress[] = []
        const written: RecordedEvent[] = []
        await seeded(store)
        clock.advance(5000)
        const r = await store.appendStream(slowly(input), {
          pageSize: 7,
          onWritten: (events) => void written.push(...events),
          onProgress: (p) => void progress.push(p),
        })
        // The reference: the same history written by one appendBatch at the same instants.
        const refClock = manualClock(START)
        const model = new InMemoryEventStore({ clock: refClock })
        await seeded(model)
        refClock.advance(5000)
        appended(await model.appendBatch(input))
        const all = await store.readAll()
        expect(r).toEqual({
          _tag: 'StreamAppended',
          requests: 40,
          events: 120,
          written: 120,
          head: 122,
          headHash: all[121]?.hash,
        })
        expect(all).toEqual(await model.readAll())
        // Every page's events as written: the stored events after the two seeded ones.
        expect(written).toEqual(all.slice(2))
        expect(verifyChain(all)._tag).toBe('Intact')
        // Pages of whole requests: 3 requests (9 events) reach the page size of 7.
        expect(progress.length).toBeGreaterThanOrEqual(13)
        expect(progress.map((p) => p.events)).toEqual(
          [...progress.map((p) => p.events)].sort((a, b) => a - b),
        )
        expect(progress[progress.length - 1]).toEqual({
          requests: 40,
          events: 120,
          written: 120,
          head: 122,
        })
        expect(await store.streamVersion('indicator-S0')).toBe(42)
      }))

    it('writes pages of 100 events when the caller does not say', () =>
      withStore(open, async ({ store }) => {
        const progress: number[] = []
        const r = await store.appendStream(requests('p', 250, 1), {
          onProgress: (p) => void progress.push(p.written),
        })
        expect(r._tag).toBe('StreamAppended')
        expect(progress).toEqual([100, 200, 250])
      }))

    it('accepts plain iterables and an empty input', () =>
      withStore(open, async ({ store }) => {
        expect(await store.appendStream([])).toEqual({
          _tag: 'StreamAppended',
          requests: 0,
          events: 0,
          written: 0,
          head: 0,
          headHash: '',
        })
        const r = await store.appendStream(requests('b', 4, 2), { pageSize: 3 })
        expect(r).toMatchObject({ _tag: 'StreamAppended', written: 8, head: 8 })
      }))

    it('is idempotent: the same stream again writes nothing; a partly recorded request conflicts', () =>
      withStore(open, async ({ store }) => {
        const input = requests('c', 9, 2)
        const first = await store.appendStream(input, { pageSize: 4 })
        expect(first).toMatchObject({ _tag: 'StreamAppended', written: 18, head: 18 })
        expect(await store.appendStream(slowly(input), { pageSize: 4 })).toEqual({
          ...first,
          written: 0,
        })
        const partly = [
          ...input.slice(0, 2),
          {
            streamId: 'indicator-S2',
            events: [
              valueReported('c-r2-1', '2021', 0.5, { indicatorId: 'S2' }),
              valueReported('new', '2022', 1),
            ],
            expectedVersion: 'any' as const,
          },
        ]
        expect(await store.appendStream(partly, { pageSize: 2 })).toMatchObject({
          _tag: 'IdConflict',
          eventId: 'c-r2-1',
          at: { request: 2, event: 4 },
        })
        expect(await store.headPosition()).toBe(18)
      }))

    it('a failure in a late page — invalid events, a conflict, a duplicate id, a throwing input — leaves the ledger exactly as before', () =>
      withStore(open, async ({ store }) => {
        await seeded(store)
        const before = await snapshotOf(store)
        const input = requests('d', 12, 2)
        const invalid = [
          ...input.slice(0, 9),
          { streamId: 'indicator-S9', events: [badReport('bad')], expectedVersion: 'any' as const },
          ...input.slice(9),
        ]
        const r1 = await store.appendStream(slowly(invalid), { pageSize: 4 })
        expect(r1).toEqual({
          _tag: 'InvalidEvents',
          issues: [
            {
              path: 'events[18].data.value',
              expected: 'a finite number',
              got: '"12,5"',
              message: 'events[18].data.value: expected a finite number, got "12,5"',
            },
          ],
        })
        expect(await snapshotOf(store)).toEqual(before)

        const conflict = [
          ...input.slice(0, 10),
          { ...(input[10] as AppendRequest), expectedVersion: 1 },
        ]
        expect(await store.appendStream(slowly(conflict), { pageSize: 4 })).toEqual({
          _tag: 'VersionConflict',
          streamId: 'indicator-S1',
          expected: 1,
          actual: 6,
          at: { request: 10, event: 20 },
        })
        expect(await snapshotOf(store)).toEqual(before)

        const duplicate = [
          ...input.slice(0, 8),
          {
            streamId: 'other',
            events: [valueReported('d-r1-2', '2021', 1)],
            expectedVersion: 'any' as const,
          },
        ]
        expect(await store.appendStream(duplicate, { pageSize: 4 })).toMatchObject({
          _tag: 'InvalidEvents',
          issues: [
            { message: 'events[16].id: expected an id unique within the batch, got "d-r1-2"' },
          ],
        })
        expect(await snapshotOf(store)).toEqual(before)

        async function* failing(): AsyncGenerator<AppendRequest> {
          yield* slowly(input.slice(0, 10))
          throw new Error('the input file could not be read')
        }
        await expect(store.appendStream(failing(), { pageSize: 4 })).rejects.toThrow(
          'the input file could not be read',
        )
        expect(await snapshotOf(store)).toEqual(before)
        // The store is still usable, and the same stream now goes in whole.
        expect(await store.appendStream(input, { pageSize: 4 })).toMatchObject({
          _tag: 'StreamAppended',
          written: 24,
          head: 26,
        })
      }))

    it('keeps validating after an invalid page and reports every issue, up to maxIssues', () =>
      withStore(open, async ({ store }) => {
        const input = Array.from({ length: 6 }, (_, i) => ({
          streamId: `s${i}`,
          events: [valueReported(`ok${i}`, '2021', i), badReport(`bad${i}`)],
          expectedVersion: 'any' as const,
        }))
        const all = await store.appendStream(input, { pageSize: 2 })
        expect(all._tag === 'InvalidEvents' && all.issues.map((i) => i.path)).toEqual([
          'events[1].data.value',
          'events[3].data.value',
          'events[5].data.value',
          'events[7].data.value',
          'events[9].data.value',
          'events[11].data.value',
        ])
        const capped = await store.appendStream(input, { pageSize: 2, maxIssues: 2 })
        expect(capped._tag === 'InvalidEvents' && capped.issues).toHaveLength(2)
        expect(await store.headPosition()).toBe(0)
      }))

    it('serialises a concurrent writer: its batch lands after the whole stream, never inside it', () =>
      withStore(open, async ({ store }) => {
        let release: () => void = () => undefined
        const paused = new Promise<void>((resolve) => {
          release = resolve
        })
        let firstPage: () => void = () => undefined
        const pageWritten = new Promise<void>((resolve) => {
          firstPage = resolve
        })
        const input = requests('e', 10, 2)
        async function* gated(): AsyncGenerator<AppendRequest> {
          yield* input.slice(0, 5)
          await paused
          yield* input.slice(5)
        }
        // A read started after every page: it answers with nothing of the stream or all of it.
        const reads: Array<Promise<ReadonlyArray<RecordedEvent>>> = []
        const stream = store.appendStream(gated(), {
          pageSize: 4,
          onProgress: () => {
            reads.push(store.readAll())
            firstPage()
          },
        })
        await pageWritten
        let batchDone = false
        const batch = store
          .append('concurrent', [valueReported('late', '2021', 1)], 'no-stream')
          .then((r) => {
            batchDone = true
            return r
          })
        const reader = store.readAll()
        await new Promise((resolve) => setTimeout(resolve, 50))
        expect(batchDone).toBe(false)
        release()
        expect(await stream).toMatchObject({ _tag: 'StreamAppended', written: 20, head: 20 })
        const late = appended(await batch)
        expect(late.events[0]?.position).toBe(21)
        const seen = await reader
        expect([0, 20, 21]).toContain(seen.length)
        expect(reads).toHaveLength(5)
        for (const read of await Promise.all(reads)) expect([0, 20, 21]).toContain(read.length)
        const all = await store.readAll()
        expect(all.slice(0, 20).every((e) => e.id.startsWith('e-'))).toBe(true)
        expect(verifyChain(all)).toMatchObject({ _tag: 'Intact', count: 21 })
      }))

    it('with expectedHead, appends only onto that head: a moved ledger is a conflict on $all and nothing is written', () =>
      withStore(open, async ({ store }) => {
        await seeded(store)
        const before = await snapshotOf(store)
        expect(await store.appendStream(slowly(requests('h', 3, 2)), { expectedHead: 1 })).toEqual({
          _tag: 'VersionConflict',
          streamId: LEDGER_STREAM,
          expected: 1,
          actual: 2,
          at: { request: 0, event: 0 },
        })
        expect(await snapshotOf(store)).toEqual(before)
        expect(await store.appendStream(requests('h', 3, 2), { expectedHead: 2 })).toMatchObject({
          _tag: 'StreamAppended',
          written: 6,
          head: 8,
        })
        await expect(store.appendStream([], { expectedHead: -1 })).rejects.toThrow(
          'expectedHead: expected a whole number >= 0, got -1',
        )
      }))

    it('refuses a page size that is not a whole number >= 1', () =>
      withStore(open, async ({ store }) => {
        await expect(store.appendStream([], { pageSize: 0 })).rejects.toThrow(
          'pageSize: expected a whole number >= 1, got 0',
        )
      }))
  })
}
