// Contract: catch-up reading sees every event exactly once, in position order, also while
// many appends are in flight; concurrent writers get typed conflicts and lose nothing.
import {
  type EventStore,
  type RecordedEvent,
  readPages,
  subscribe,
  verifyChain,
} from '@progress-ledger/core'
import { describe, expect, it } from 'vitest'
import type { OpenStore } from '../Contract'
import { fixtures } from '@progress-ledger/testkit'
import { appended, withStore } from './harness'

const { reports } = fixtures

function expectExactlyOnceInOrder(seen: ReadonlyArray<number>, head: number): void {
  expect(seen).toEqual(Array.from({ length: head }, (_, i) => i + 1))
}

async function writer(
  store: EventStore,
  w: number,
  batches: number,
  shared: boolean,
): Promise<number> {
  let written = 0
  for (let b = 0; b < batches; b++) {
    const streamId = shared ? 'shared' : `w${w}`
    const r = await store.append(streamId, reports(`w${w}-b${b}`, 1 + (b % 3)), 'any')
    written += appended(r).written
  }
  return written
}

export function catchUpSpecs(open: OpenStore, concurrency: boolean): void {
  describe('catch-up', () => {
    it('reads pages in position order from a checkpoint', () =>
      withStore(open, async ({ store }) => {
        appended(await store.append('s', reports('a', 7), 'any'))
        const pages: number[][] = []
        for await (const page of readPages(store, 2, 2)) pages.push(page.map((e) => e.position))
        expect(pages).toEqual([[3, 4], [5, 6], [7]])
      }))

    it('a subscription handles every event exactly once, in order, across appends', () =>
      withStore(open, async ({ store }) => {
        const seen: number[] = []
        const sub = subscribe(store, {
          pageSize: 3,
          handle: (page) => void seen.push(...page.map((e) => e.position)),
        })
        for (let i = 0; i < 5; i++) {
          appended(await store.append(`s${i % 2}`, reports(`a${i}`, i + 1), 'any'))
          await sub.catchUp()
        }
        expect(await sub.catchUp()).toBe(15)
        await sub.stop()
        expectExactlyOnceInOrder(seen, 15)
      }))

    if (!concurrency) return

    it('concurrent appends on one stream with the same expected version: one wins, the rest conflict', () =>
      withStore(open, async ({ store }) => {
        const results = await Promise.all(
          Array.from({ length: 8 }, (_, w) => store.append('s', reports(`w${w}`, 2), 0)),
        )
        expect(results.filter((r) => r._tag === 'Appended')).toHaveLength(1)
        for (const r of results.filter((r) => r._tag !== 'Appended'))
          expect(r).toEqual({ _tag: 'VersionConflict', streamId: 's', expected: 0, actual: 2 })
        expect(await store.headPosition()).toBe(2)
        expect(verifyChain(await store.readAll())._tag).toBe('Intact')
      }))

    it('a catch-up reader racing concurrent writers sees every event exactly once, in order', () =>
      withStore(open, async ({ store }) => {
        const seen: number[] = []
        const events: RecordedEvent[] = []
        const sub = subscribe(store, {
          pageSize: 7,
          handle: (page) => {
            seen.push(...page.map((e) => e.position))
            events.push(...page)
          },
        })
        let done = false
        const writers = Promise.all(
          Array.from({ length: 8 }, (_, w) => writer(store, w, 12, w % 2 === 0)),
        ).finally(() => {
          done = true
        })
        // A macrotask turn between catch-ups: a store whose reads resolve at once must not starve
        // the writers' I/O (nor the test's own timeout).
        while (!done) {
          await sub.catchUp()
          await new Promise<void>((resolve) => setImmediate(resolve))
        }
        const written = (await writers).reduce((a, b) => a + b, 0)
        await sub.catchUp()
        await sub.stop()
        expect(await store.headPosition()).toBe(written)
        expectExactlyOnceInOrder(seen, written)
        expect(verifyChain(events)._tag).toBe('Intact')
        expect(new Set(events.map((e) => e.id)).size).toBe(written)
        const shared = await store.readStream('shared')
        expect(shared.map((e) => e.version)).toEqual(
          Array.from({ length: shared.length }, (_, i) => i + 1),
        )
      }))
  })
}
