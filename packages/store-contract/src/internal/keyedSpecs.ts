// Contract: a store opened with a chain key seals every event it writes — by appendBatch, by
// appendStream and by importLog — with that key, so the chain verifies with the key and not
// without it.
import { type EventStore, verifyChain } from '@progress-ledger/core'
import { describe, expect, it } from 'vitest'
import type { OpenStore } from '../Contract'
import { fixtures } from '@progress-ledger/testkit'
import { appended, withStore } from './harness'

const { reports } = fixtures

const KEY = 'contract-key'

async function keyedOnly(store: EventStore, count: number): Promise<void> {
  const all = await store.readAll()
  expect(all).toHaveLength(count)
  expect(verifyChain(all, undefined, KEY)).toMatchObject({ _tag: 'Intact', count })
  expect(verifyChain(all)).toMatchObject({ _tag: 'Broken', position: 1 })
}

export function keyedSpecs(open: OpenStore): void {
  describe('keyed chain', () => {
    it('appendBatch and appendStream seal with the key', () =>
      withStore(
        open,
        async ({ store }) => {
          appended(await store.append('indicator-I01', reports('k', 2), 'no-stream'))
          const streamed = await store.appendStream([
            { streamId: 'indicator-I01', events: reports('s', 3), expectedVersion: 2 },
          ])
          expect(streamed).toMatchObject({ _tag: 'StreamAppended', written: 3, head: 5 })
          await keyedOnly(store, 5)
        },
        KEY,
      ))

    it('importLog checks an export against the key and reproduces it', () =>
      withStore(
        open,
        async ({ store: source }) => {
          appended(await source.append('indicator-I01', reports('k', 4), 'no-stream'))
          const exported = await source.readAll()
          await withStore(
            open,
            async ({ store: target }) => {
              expect(await target.importLog(exported)).toMatchObject({ _tag: 'Imported', count: 4 })
              await keyedOnly(target, 4)
            },
            KEY,
          )
          await withStore(open, async ({ store: unkeyed }) => {
            expect(await unkeyed.importLog(exported)).toMatchObject({
              _tag: 'ImportRejected',
              position: 1,
            })
          })
        },
        KEY,
      ))
  })
}
