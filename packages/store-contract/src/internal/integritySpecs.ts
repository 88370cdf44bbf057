// Contract: the hash chain, exact round trips of data, and snapshots.
import { type EventInput, type RecordedEvent, verifyChain } from '@progress-ledger/core'
import { describe, expect, it } from 'vitest'
import type { ContractOptions, OpenStore } from '../Contract'
import { fixtures } from '@progress-ledger/testkit'
import { appended, withStore } from './harness'

const { gdpDefinedAsImported: gdpDefined, planAdopted, reports, valueReported } = fixtures

const awkwardNumbers = [
  0,
  12.5,
  0.1 + 0.2,
  -7.25,
  1e-7,
  123456789.123456,
  // The ledger's bound is ±1e15: its extremes, and the largest double below it.
  1e15,
  -1e15,
  999999999999999.9,
  5e-324,
]

export function integritySpecs(open: OpenStore, options: ContractOptions): void {
  describe('integrity', () => {
    it('chains hashes across batches so the whole log verifies', () =>
      withStore(open, async ({ store, clock }) => {
        for (let i = 0; i < 5; i++) {
          clock.advance(1000)
          appended(
            await store.appendBatch([
              { streamId: `s${i % 2}`, events: reports(`a${i}`, 2), expectedVersion: 'any' },
              {
                streamId: 'plan-sz',
                events: [valueReported(`p${i}`, '2021', i, { indicatorId: 'I09' })],
                expectedVersion: 'any',
              },
            ]),
          )
        }
        const all = await store.readAll()
        expect(verifyChain(all)).toMatchObject({ _tag: 'Intact', count: 15 })
        const head = verifyChain(all.slice(0, 7))
        if (head._tag !== 'Intact') throw new Error('prefix must verify')
        expect(verifyChain(all.slice(7), { head: head.head, position: 7 })._tag).toBe('Intact')
      }))

    it('reads events whose chain exposes an edit or a removal', () =>
      withStore(open, async ({ store }) => {
        appended(await store.append('s', reports('a', 4), 'any'))
        const all = await store.readAll()
        const edited = all.map((e) =>
          e.position === 2 ? ({ ...e, data: { ...e.data, value: 99 } } as RecordedEvent) : e,
        )
        expect(verifyChain(edited)).toMatchObject({ _tag: 'Broken', position: 2 })
        expect(verifyChain([all[0], all[2]] as RecordedEvent[])).toMatchObject({
          _tag: 'Broken',
          position: 3,
        })
      }))

    if (options.tamper !== false)
      it('makes a stored row edited behind its back detectable (OpenedStore.tamper)', () =>
        withStore(open, async ({ store, tamper }) => {
          if (tamper === undefined)
            throw new Error(
              'OpenedStore.tamper is missing: give one that edits a stored event behind the store, or run the suite with { tamper: false }',
            )
          appended(await store.append('s', reports('a', 4), 'any'))
          await tamper(3)
          expect(verifyChain(await store.readAll())).toMatchObject({
            _tag: 'Broken',
            position: 3,
            eventId: 'a-3',
          })
        }))

    it('round-trips data exactly: numbers, Chinese text, nested objects, unknown keys stripped', () =>
      withStore(open, async ({ store }) => {
        const values = awkwardNumbers.map((v, i) => valueReported(`n${i}`, '2021', v))
        const withExtra = {
          ...valueReported('extra', '2022', 3),
          data: {
            indicatorId: 'I01',
            period: '2022',
            value: 3,
            status: 'final',
            noise: { deep: [1] },
          },
        } as unknown as EventInput
        const r = appended(
          await store.appendBatch([
            { streamId: 'plan-sz', events: [planAdopted], expectedVersion: 'no-stream' },
            {
              streamId: 'indicator-I01',
              events: [gdpDefined, ...values, withExtra],
              expectedVersion: 'no-stream',
            },
          ]),
        )
        const all = await store.readAll()
        expect(all).toEqual(r.events)
        expect(all[0]?.data).toEqual(planAdopted.data)
        expect(all[1]?.data).toEqual(gdpDefined.data)
        expect(all[1]).toMatchObject({ correlationId: 'import-1', causationId: 'plan-adopted' })
        expect(
          all.slice(2, 2 + awkwardNumbers.length).map((e) => (e.data as { value: number }).value),
        ).toEqual(awkwardNumbers)
        expect(all[all.length - 1]?.data).toEqual({
          indicatorId: 'I01',
          period: '2022',
          value: 3,
          status: 'final',
        })
        expect(await store.readStream('indicator-I01', { fromVersion: 1, limit: 1 })).toEqual([
          all[1],
        ])
      }))

    it('saves and loads snapshots: the latest at or before a position, replaced by name and position', () =>
      withStore(open, async ({ store }) => {
        expect(await store.loadSnapshot('ledger')).toBeUndefined()
        await store.saveSnapshot({
          name: 'ledger',
          position: 10,
          schemaVersion: 1,
          state: '{"n":10}',
        })
        await store.saveSnapshot({
          name: 'ledger',
          position: 30,
          schemaVersion: 1,
          state: '{"n":30}',
        })
        await store.saveSnapshot({
          name: 'ledger',
          position: 20,
          schemaVersion: 1,
          state: '{"名":"二十"}',
        })
        await store.saveSnapshot({ name: 'other', position: 5, schemaVersion: 2, state: '{}' })
        expect(await store.loadSnapshot('ledger')).toEqual({
          name: 'ledger',
          position: 30,
          schemaVersion: 1,
          state: '{"n":30}',
        })
        expect(await store.loadSnapshot('ledger', 29)).toEqual({
          name: 'ledger',
          position: 20,
          schemaVersion: 1,
          state: '{"名":"二十"}',
        })
        expect(await store.loadSnapshot('ledger', 20)).toMatchObject({ position: 20 })
        expect(await store.loadSnapshot('ledger', 9)).toBeUndefined()
        expect(await store.loadSnapshot('other')).toEqual({
          name: 'other',
          position: 5,
          schemaVersion: 2,
          state: '{}',
        })
        await store.saveSnapshot({
          name: 'ledger',
          position: 30,
          schemaVersion: 2,
          state: '{"n":31}',
        })
        expect(await store.loadSnapshot('ledger')).toEqual({
          name: 'ledger',
          position: 30,
          schemaVersion: 2,
          state: '{"n":31}',
        })
        expect(await store.loadSnapshot('missing', 100)).toBeUndefined()
      }))
  })
}
