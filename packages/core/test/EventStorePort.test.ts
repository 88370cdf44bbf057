import { describe, expect, it } from 'vitest'
import { manualClock } from '../src/Clock'
import { InMemoryEventStore } from '../src/InMemoryEventStore'
import { takeSnapshot } from '../src/Snapshot'
import { emptyLedger } from '../src/State'
import type { Instant } from '../src/Scalars'
import { fixtures } from '@progress-ledger/testkit'

const { gdpDefined, gdpTarget2025, planAdopted, valueReported } = fixtures

const fresh = () => {
  const clock = manualClock('2021-08-10')
  return { clock, store: new InMemoryEventStore({ clock }) }
}

describe('InMemoryEventStore: the port', () => {
  it('checks expected versions and returns a typed conflict, writing nothing', async () => {
    const { store } = fresh()
    await store.append('indicator-I01', [gdpDefined], 'no-stream')
    expect(await store.append('indicator-I01', [gdpTarget2025], 0)).toEqual({
      _tag: 'VersionConflict',
      streamId: 'indicator-I01',
      expected: 0,
      actual: 1,
    })
    expect(await store.append('indicator-I01', [gdpTarget2025], 'no-stream')).toMatchObject({
      _tag: 'VersionConflict',
      actual: 1,
    })
    expect(
      await store.append('indicator-I02', [valueReported('x', '2021', 1)], 'stream-exists'),
    ).toMatchObject({ _tag: 'VersionConflict', actual: 0 })
    expect(await store.headPosition()).toBe(1)
    expect(await store.append('indicator-I01', [gdpTarget2025], 1)).toMatchObject({
      _tag: 'Appended',
      written: 1,
      head: 2,
    })
  })
  it('is idempotent by event id, and rejects an id reused for other content', async () => {
    const { store } = fresh()
    const first = await store.append('indicator-I01', [gdpDefined, gdpTarget2025], 'no-stream')
    const again = await store.append('indicator-I01', [gdpDefined, gdpTarget2025], 'no-stream')
    expect(again).toEqual({ ...first, written: 0 })
    expect(
      await store.append('indicator-I01', [{ ...gdpTarget2025, actor: 'other' }], 'any'),
    ).toMatchObject({ _tag: 'IdConflict', eventId: 'I01-target-2025' })
    expect(
      await store.append('indicator-I01', [gdpTarget2025, valueReported('v', '2021', 1)], 'any'),
    ).toMatchObject({ _tag: 'IdConflict', reason: expect.stringContaining('partly recorded') })
    expect(await store.headPosition()).toBe(2)
  })
  it('appends batches across streams atomically', async () => {
    const { store } = fresh()
    await store.append('plan-sz', [planAdopted], 'no-stream')
    const r = await store.appendBatch([
      { streamId: 'indicator-I01', events: [gdpDefined], expectedVersion: 'no-stream' },
      { streamId: 'plan-sz', events: [valueReported('v', '2021', 1)], expectedVersion: 0 },
    ])
    expect(r._tag).toBe('VersionConflict')
    expect([await store.headPosition(), await store.streamVersion('indicator-I01')]).toEqual([1, 0])
  })
  it('reads streams from a version and the log after a position, with limits', async () => {
    const { store } = fresh()
    await store.append(
      'indicator-I01',
      [gdpDefined, gdpTarget2025, valueReported('v1', '2021', 1), valueReported('v2', '2022', 2)],
      'no-stream',
    )
    expect(
      (await store.readStream('indicator-I01', { fromVersion: 2, limit: 2 })).map((e) => e.version),
    ).toEqual([2, 3])
    expect((await store.readAll({ after: 3 })).map((e) => e.position)).toEqual([4])
    expect((await store.readAll({ after: 1, limit: 2 })).map((e) => e.position)).toEqual([2, 3])
    expect(await store.readStream('nothing')).toEqual([])
    expect(() => store.readAllNow({ limit: -1 })).toThrow(
      'limit must be a whole number >= 0, got -1',
    )
    expect(() => store.readStreamNow('indicator-I01', { fromVersion: 0 })).toThrow(
      'fromVersion must be a whole number >= 1, got 0',
    )
  })
  it('reads as of a recorded time; recorded time never goes back even if the clock does', async () => {
    const { store, clock } = fresh()
    await store.append('indicator-I01', [gdpDefined], 'any')
    clock.set('2022-03-01')
    await store.append('indicator-I01', [valueReported('v1', '2021', 1)], 'any')
    clock.set('2022-01-01')
    await store.append('indicator-I01', [valueReported('v2', '2022', 2)], 'any')
    const all = await store.readAll()
    expect(all.map((e) => e.recordedTime)).toEqual([
      '2021-08-10T00:00:00.000Z',
      '2022-03-01T00:00:00.000Z',
      '2022-03-01T00:00:00.000Z',
    ])
    expect(await store.positionAt('2021-12-31T00:00:00.000Z' as Instant)).toBe(1)
    expect(
      (await store.readAll({ recordedUpTo: '2021-12-31T00:00:00.000Z' as Instant })).map(
        (e) => e.id,
      ),
    ).toEqual(['I01-defined'])
    expect(await store.positionAt('2020-01-01T00:00:00.000Z' as Instant)).toBe(0)
  })
  it('rejects a malformed expected version and stream id as invalid events', async () => {
    const { store } = fresh()
    expect(await store.append('', [gdpDefined], -1)).toMatchObject({
      _tag: 'InvalidEvents',
      issues: [
        expect.objectContaining({ path: 'events[0].streamId' }),
        expect.objectContaining({
          message:
            'expectedVersion: expected a version >= 0, any, no-stream or stream-exists, got -1',
        }),
      ],
    })
  })
  it('keeps snapshots by name and position, returning the latest at or before a position', async () => {
    const { store } = fresh()
    await store.saveSnapshot(takeSnapshot('ledger', 10, emptyLedger()))
    await store.saveSnapshot(takeSnapshot('ledger', 20, emptyLedger()))
    await store.saveSnapshot(takeSnapshot('ledger', 10, { ...emptyLedger(), position: 10 }))
    expect((await store.loadSnapshot('ledger'))?.position).toBe(20)
    expect(JSON.parse((await store.loadSnapshot('ledger', 15))?.state ?? '{}').position).toBe(10)
    expect(await store.loadSnapshot('ledger', 5)).toBeUndefined()
    expect(await store.loadSnapshot('other')).toBeUndefined()
  })
  it('hands out frozen events', async () => {
    const { store } = fresh()
    const r = await store.append('indicator-I01', [gdpDefined], 'any')
    expect(r._tag === 'Appended' && Object.isFrozen(r.events[0]?.data)).toBe(true)
  })
})
