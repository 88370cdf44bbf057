// Contract: retries by event id are no-ops; the same id with other content is a typed conflict.
import { describe, expect, it } from 'vitest'
import type { OpenStore } from '../Contract'
import { fixtures } from '@progress-ledger/testkit'
import { appended, withStore } from './harness'

const { reports, valueReported } = fixtures

export function idempotencySpecs(open: OpenStore): void {
  describe('idempotence by event id', () => {
    it('treats a re-sent batch as a no-op returning the earlier events, whatever the expected version', () =>
      withStore(open, async ({ store, clock }) => {
        const first = appended(await store.append('s', reports('a', 3), 'no-stream'))
        clock.advance(60_000)
        const again = appended(await store.append('s', reports('a', 3), 'no-stream'))
        expect(again).toEqual({ _tag: 'Appended', events: first.events, written: 0, head: 3 })
        expect(await store.headPosition()).toBe(3)
        expect(await store.streamVersion('s')).toBe(3)
      }))

    it('matches content regardless of key order and of omitted null correlation', () =>
      withStore(open, async ({ store }) => {
        const e = valueReported('v1', '2021', 12.5)
        const first = appended(await store.append('s', [e], 'any'))
        const reordered = {
          actor: e.actor,
          data: Object.fromEntries(Object.entries(e.data).reverse()),
          validTime: e.validTime,
          type: e.type,
          id: e.id,
          correlationId: null,
        }
        const again = appended(await store.append('s', [reordered as typeof e], 'any'))
        expect(again).toMatchObject({ written: 0, events: first.events })
      }))

    it('answers IdConflict for an id recorded with different content, writing nothing', () =>
      withStore(open, async ({ store }) => {
        appended(await store.append('s', [valueReported('v1', '2021', 12.5)], 'any'))
        const r = await store.append('s', [valueReported('v1', '2021', 13)], 'any')
        expect(r).toMatchObject({ _tag: 'IdConflict', eventId: 'v1' })
        if (r._tag === 'IdConflict') expect(r.reason).toContain('position 1')
        expect(await store.headPosition()).toBe(1)
      }))

    it('answers IdConflict for an id recorded on another stream', () =>
      withStore(open, async ({ store }) => {
        appended(await store.append('s', [valueReported('v1', '2021', 12.5)], 'any'))
        expect(await store.append('t', [valueReported('v1', '2021', 12.5)], 'any')).toMatchObject({
          _tag: 'IdConflict',
          eventId: 'v1',
        })
        expect(await store.streamVersion('t')).toBe(0)
      }))

    it('answers IdConflict for a partial retry, writing none of its new events', () =>
      withStore(open, async ({ store }) => {
        appended(await store.append('s', reports('a', 2), 'any'))
        const r = await store.append(
          's',
          [...reports('a', 2), valueReported('new', '2024', 1)],
          'any',
        )
        expect(r).toMatchObject({ _tag: 'IdConflict', eventId: 'a-1' })
        expect(await store.headPosition()).toBe(2)
      }))

    it('writes the new requests of a batch whose other requests are retries, in batch order', () =>
      withStore(open, async ({ store }) => {
        const first = appended(await store.append('s', reports('a', 2), 'no-stream'))
        const r = appended(
          await store.appendBatch([
            { streamId: 't', events: reports('b', 1, 'I02'), expectedVersion: 'no-stream' },
            { streamId: 's', events: reports('a', 2), expectedVersion: 'no-stream' },
          ]),
        )
        expect(r.written).toBe(1)
        expect(r.events.map((e) => e.position)).toEqual([3, 1, 2])
        expect(r.events.slice(1)).toEqual(first.events)
      }))
  })
}
