// Contract: a durable store's ledger lives in its storage. What one store object wrote, a second
// object opened over the same storage reads back the same (decoded from storage, not served from
// the first object's memory), and a refused batch left nothing there.
import { type EventStore, verifyChain } from '@progress-ledger/core'
import { describe, expect, it } from 'vitest'
import type { OpenStore, OpenedStore } from '../Contract'
import { fixtures } from '@progress-ledger/testkit'
import { appended, withStore } from './harness'

const { gdpDefinedAsImported: gdpDefined, planAdopted, reports, valueReported } = fixtures

function reopener(opened: OpenedStore): () => Promise<EventStore> {
  const { reopen } = opened
  if (reopen === undefined)
    throw new Error(
      "OpenedStore.reopen is missing: a durable store gives one that opens the same storage again, or the suite runs with { storage: 'memory' }",
    )
  return reopen
}

/** Everything a reader can ask of a store, as plain values to compare. */
async function everything(store: EventStore, recordedTimes: ReadonlyArray<string>) {
  return {
    all: await store.readAll(),
    head: await store.headPosition(),
    stream: await store.readStream('indicator-I01', { fromVersion: 2, limit: 5 }),
    versions: [
      await store.streamVersion('plan-sz'),
      await store.streamVersion('indicator-I01'),
      await store.streamVersion('none'),
    ],
    positions: await Promise.all(recordedTimes.map((t) => store.positionAt(t as never))),
    snapshot: await store.loadSnapshot('ledger'),
    checkpoint: await store.loadCheckpoint('ledger'),
    olderCheckpoint: await store.loadCheckpoint('ledger', 2),
  }
}

export function durabilitySpecs(open: OpenStore): void {
  describe('durability', () => {
    it('reopened over the same storage, reads back exactly what was written, and goes on from its head', () =>
      withStore(open, async (h) => {
        const { store, clock } = h
        const reopen = reopener(h)
        const chinese = valueReported('zh', '2022', 3.25, {
          source: {
            document: '市统计局《统计公报》',
            quote: '全年“人均生产总值”3.25万元\n（初步数）',
            line: 12,
          },
        })
        appended(
          await store.appendBatch([
            { streamId: 'plan-sz', events: [planAdopted], expectedVersion: 'no-stream' },
            {
              streamId: 'indicator-I01',
              events: [gdpDefined, valueReported('n1', '2021', 0.1 + 0.2), chinese],
              expectedVersion: 'no-stream',
            },
          ]),
        )
        clock.advance(60_000)
        appended(await store.append('indicator-I01', reports('later', 4), 'any'))
        // Refused batches: nothing of them may reach the storage.
        expect((await store.append('indicator-I01', reports('stale', 2), 1))._tag).toBe(
          'VersionConflict',
        )
        const conflicting = { ...valueReported('n1', '2021', 99) }
        expect((await store.append('indicator-I01', [conflicting], 'any'))._tag).toBe('IdConflict')
        await store.saveSnapshot({
          name: 'ledger',
          position: 4,
          schemaVersion: 1,
          state: '{"名":4}',
        })
        const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 13 + 5) % 256)
        await store.saveCheckpoint({
          name: 'ledger',
          position: 2,
          head: 'h2',
          format: 'f',
          image: bytes,
        })
        await store.saveCheckpoint({
          name: 'ledger',
          position: 8,
          head: 'h8',
          format: 'f',
          image: bytes.subarray(7),
        })
        const written = await store.readAll()
        const times = [...new Set(written.map((e) => e.recordedTime)), '2000-01-01T00:00:00.000Z']
        const before = await everything(store, times)
        expect(before.head).toBe(8)
        const again = await reopen()
        try {
          const after = await everything(again, times)
          expect(after.all).toEqual(before.all)
          expect(after).toEqual(before)
          expect(Array.from(after.checkpoint?.image ?? [])).toEqual(Array.from(bytes.subarray(7)))
          // The reopened store goes on from the head it read: the chain continues unbroken.
          clock.advance(60_000)
          const more = appended(await again.append('indicator-I01', reports('again', 2), 'any'))
          expect(more.events.map((e) => e.position)).toEqual([9, 10])
          expect(more.events[0]?.prevHash).toBe(written[written.length - 1]?.hash)
          expect(more.events[0]?.version).toBe(8)
          expect(verifyChain(await again.readAll())).toMatchObject({ _tag: 'Intact', count: 10 })
          // A re-send through the second object is recognised from the storage.
          const resent = appended(await again.append('indicator-I01', reports('later', 4), 'any'))
          expect(resent.written).toBe(0)
          expect(resent.events.map((e) => e.position)).toEqual([5, 6, 7, 8])
        } finally {
          await again.close()
        }
      }))

    it('reopened with its chain key, a keyed ledger verifies under the key only', () =>
      withStore(
        open,
        async (h) => {
          const reopen = reopener(h)
          appended(await h.store.append('indicator-I01', reports('k', 3), 'any'))
          const again = await reopen()
          try {
            const all = await again.readAll()
            expect(all).toEqual(await h.store.readAll())
            expect(verifyChain(all, undefined, 'contract-key')._tag).toBe('Intact')
            expect(verifyChain(all)._tag).toBe('Broken')
            const more = appended(await again.append('indicator-I01', reports('k2', 1), 'any'))
            expect(more.events[0]?.position).toBe(4)
            expect(verifyChain(await again.readAll(), undefined, 'contract-key')).toMatchObject({
              _tag: 'Intact',
              count: 4,
            })
          } finally {
            await again.close()
          }
        },
        'contract-key',
      ))
  })
}
