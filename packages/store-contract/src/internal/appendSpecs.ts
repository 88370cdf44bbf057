// Contract: appending — versions, positions, expected versions, atomic batches, validation.
import { type EventInput, verifyChain } from '@progress-ledger/core'
import { describe, expect, it } from 'vitest'
import type { OpenStore } from '../Contract'
import { fixtures } from '@progress-ledger/testkit'
import { appended, withStore } from './harness'

const {
  badReport,
  gdpDefinedAsImported: gdpDefined,
  planAdopted,
  reports,
  valueReported,
} = fixtures

export function appendSpecs(open: OpenStore): void {
  describe('append', () => {
    it('appends and reads back with versions, gap-free positions and a verifying chain', () =>
      withStore(open, async ({ store }) => {
        const r = appended(
          await store.append(
            'indicator-I01',
            [gdpDefined, valueReported('v1', '2021', 12.5)],
            'no-stream',
          ),
        )
        expect(r.written).toBe(2)
        expect(r.head).toBe(2)
        expect(r.events.map((e) => [e.id, e.version, e.position])).toEqual([
          ['I01-defined', 1, 1],
          ['v1', 2, 2],
        ])
        appended(await store.append('plan-sz', [planAdopted], 'no-stream'))
        appended(await store.append('indicator-I01', [valueReported('v2', '2022', 13)], 2))
        const all = await store.readAll()
        expect(all.map((e) => [e.position, e.streamId, e.version])).toEqual([
          [1, 'indicator-I01', 1],
          [2, 'indicator-I01', 2],
          [3, 'plan-sz', 1],
          [4, 'indicator-I01', 3],
        ])
        expect(all[0]).toEqual(r.events[0])
        expect(all[0]?.prevHash).toBe('')
        expect(verifyChain(all)).toEqual({ _tag: 'Intact', count: 4, head: all[3]?.hash })
        expect(await store.streamVersion('indicator-I01')).toBe(3)
        expect(await store.streamVersion('plan-sz')).toBe(1)
        expect(await store.streamVersion('nobody')).toBe(0)
        expect(await store.headPosition()).toBe(4)
      }))

    it('fills envelope defaults: null correlation and causation, the catalog schema version', () =>
      withStore(open, async ({ store }) => {
        const r = appended(
          await store.append('indicator-I01', [valueReported('v1', '2021', 1)], 'any'),
        )
        expect(r.events[0]).toMatchObject({
          correlationId: null,
          causationId: null,
          schemaVersion: 1,
          actor: 'fgj',
          validTime: '2021-12-31',
        })
      }))

    it.each([
      ['a matching number', 2, 'Appended'],
      ['a stale number', 1, 'VersionConflict'],
      ['a number ahead', 3, 'VersionConflict'],
      ['any', 'any', 'Appended'],
      ['stream-exists', 'stream-exists', 'Appended'],
      ['no-stream on an existing stream', 'no-stream', 'VersionConflict'],
    ] as const)('expectedVersion %s on a stream at version 2', (_label, expected, tag) =>
      withStore(open, async ({ store }) => {
        appended(await store.append('s', reports('a', 2), 'no-stream'))
        const r = await store.append('s', [valueReported('x', '2023', 1)], expected)
        expect(r._tag).toBe(tag)
        if (r._tag === 'VersionConflict') {
          expect(r).toEqual({ _tag: 'VersionConflict', streamId: 's', expected, actual: 2 })
          expect(await store.headPosition()).toBe(2)
          expect(await store.readStream('s')).toHaveLength(2)
        }
      }),
    )

    it.each([
      ['0', 0, 'Appended'],
      ['no-stream', 'no-stream', 'Appended'],
      ['stream-exists', 'stream-exists', 'VersionConflict'],
      ['1', 1, 'VersionConflict'],
    ] as const)('expectedVersion %s on a missing stream', (_label, expected, tag) =>
      withStore(open, async ({ store }) => {
        const r = await store.append('s', [valueReported('x', '2023', 1)], expected)
        expect(r._tag).toBe(tag)
        if (r._tag === 'VersionConflict')
          expect(r).toEqual({ _tag: 'VersionConflict', streamId: 's', expected, actual: 0 })
        expect(await store.headPosition()).toBe(tag === 'Appended' ? 1 : 0)
      }),
    )

    it('accepts an empty append, which still checks the expected version', () =>
      withStore(open, async ({ store }) => {
        expect(await store.append('s', [], 'no-stream')).toEqual({
          _tag: 'Appended',
          events: [],
          written: 0,
          head: 0,
        })
        expect(await store.append('s', [], 5)).toEqual({
          _tag: 'VersionConflict',
          streamId: 's',
          expected: 5,
          actual: 0,
        })
      }))

    it('writes a multi-stream batch atomically, in batch order, with one recorded time', () =>
      withStore(open, async ({ store }) => {
        appended(await store.append('b', reports('b0', 1, 'I02'), 'no-stream'))
        const r = appended(
          await store.appendBatch([
            { streamId: 'a', events: reports('a', 2), expectedVersion: 'no-stream' },
            { streamId: 'b', events: reports('b', 2, 'I02'), expectedVersion: 1 },
            { streamId: 'a', events: reports('a2', 1), expectedVersion: 2 },
          ]),
        )
        expect(r.events.map((e) => [e.streamId, e.version, e.position])).toEqual([
          ['a', 1, 2],
          ['a', 2, 3],
          ['b', 2, 4],
          ['b', 3, 5],
          ['a', 3, 6],
        ])
        expect(new Set(r.events.map((e) => e.recordedTime)).size).toBe(1)
        expect(r).toMatchObject({ written: 5, head: 6 })
        expect(await store.readAll({ after: 1 })).toEqual(r.events)
      }))

    it('writes nothing of a batch when any request conflicts', () =>
      withStore(open, async ({ store }) => {
        appended(await store.append('b', reports('b0', 1), 'no-stream'))
        const r = await store.appendBatch([
          { streamId: 'a', events: reports('a', 2), expectedVersion: 'no-stream' },
          { streamId: 'b', events: reports('b', 1), expectedVersion: 'no-stream' },
        ])
        expect(r).toEqual({
          _tag: 'VersionConflict',
          streamId: 'b',
          expected: 'no-stream',
          actual: 1,
        })
        expect(await store.headPosition()).toBe(1)
        expect(await store.streamVersion('a')).toBe(0)
        expect(await store.readStream('a')).toEqual([])
      }))

    it('rejects invalid events naming path and value, writing nothing of the batch', () =>
      withStore(open, async ({ store }) => {
        const r = await store.appendBatch([
          { streamId: 'a', events: reports('a', 1), expectedVersion: 'any' },
          {
            streamId: 'b',
            events: [valueReported('b1', '2021', 1), badReport('b2')],
            expectedVersion: 'any',
          },
        ])
        expect(r).toEqual({
          _tag: 'InvalidEvents',
          issues: [
            {
              path: 'events[2].data.value',
              expected: 'a finite number',
              got: '"12,5"',
              message: 'events[2].data.value: expected a finite number, got "12,5"',
            },
          ],
        })
        expect(await store.headPosition()).toBe(0)
        expect(await store.readAll()).toEqual([])
      }))

    it('reports every invalid input at once: envelope, unknown type, duplicate id, expected version, stream id', () =>
      withStore(open, async ({ store }) => {
        const noActor = { ...valueReported('x1', '2021', 1), actor: '' }
        const unknownType = { ...valueReported('x2', '2021', 1), type: 'ValueGuessed' }
        const dup = valueReported('x1', '2022', 2)
        const r = await store.appendBatch([
          {
            streamId: 'a',
            events: [noActor, unknownType, dup] as unknown as EventInput[],
            expectedVersion: -1,
          },
          { streamId: '', events: [], expectedVersion: 'any' },
        ])
        expect(r._tag).toBe('InvalidEvents')
        if (r._tag !== 'InvalidEvents') return
        const messages = r.issues.map((i) => i.message)
        expect(messages).toContain('events[0].actor: expected a non-empty string, got ""')
        expect(messages).toContain(
          'events[1].type: expected a known event type, got "ValueGuessed"',
        )
        expect(messages).toContain(
          'expectedVersion: expected a version >= 0, any, no-stream or stream-exists, got -1',
        )
        expect(
          messages.some((m) =>
            m.startsWith('events[3].streamId: expected a non-empty string, got ""'),
          ),
        ).toBe(true)
        for (const issue of r.issues)
          expect(issue.message).toBe(`${issue.path}: expected ${issue.expected}, got ${issue.got}`)
        expect(await store.headPosition()).toBe(0)
      }))

    it('rejects an id repeated within one batch', () =>
      withStore(open, async ({ store }) => {
        const r = await store.append(
          'a',
          [valueReported('x', '2021', 1), valueReported('x', '2022', 2)],
          'any',
        )
        expect(r).toMatchObject({
          _tag: 'InvalidEvents',
          issues: [{ message: 'events[1].id: expected an id unique within the batch, got "x"' }],
        })
        expect(await store.headPosition()).toBe(0)
      }))
  })
}
