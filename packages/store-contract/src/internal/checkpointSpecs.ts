// Contract: checkpoints of the ledger state (binary images with head and format), and loading a
// ledger through them.
import {
  CHECKPOINTS_KEPT,
  type EventInput,
  checkpointPartName,
  ledgerProjection,
  loadLedger,
  loadLedgerCheckpoint,
  replay,
  takeCheckpoint,
} from '@progress-ledger/core'
import { describe, expect, it } from 'vitest'
import type { OpenStore } from '../Contract'
import { fixtures } from '@progress-ledger/testkit'
import { appended, withStore } from './harness'

const { reports, planAdopted, gdpDefined } = fixtures

const image = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) % 256)

/** A second plan, `hz`, with its indicator H01 (the fixtures' plan is `sz`, with I01). */
const hzAdopted: EventInput = {
  ...planAdopted,
  id: 'hz-adopted',
  data: { ...planAdopted.data, planId: 'hz' },
}
const h01Defined: EventInput = {
  ...gdpDefined,
  id: 'H01-defined',
  data: { ...gdpDefined.data, planId: 'hz', indicatorId: 'H01' },
}

/** The state as plain JSON, for comparing a loaded state with a fresh replay. */
const plain = (s: unknown): unknown => JSON.parse(JSON.stringify(s))

export function checkpointSpecs(open: OpenStore): void {
  describe('checkpoints', () => {
    it('saves and loads checkpoints byte for byte: the newest at or before a position, the newest few kept', () =>
      withStore(open, async ({ store }) => {
        expect(await store.loadCheckpoint('ledger')).toBeUndefined()
        for (const position of [10, 20, 30, 40, 50])
          await store.saveCheckpoint({
            name: 'ledger',
            position,
            head: `h${position}`,
            format: 'f1',
            image: image(position * 3 + 1),
          })
        await store.saveCheckpoint({
          name: 'other',
          position: 5,
          head: 'x',
          format: 'f2',
          image: image(1),
        })
        const newest = await store.loadCheckpoint('ledger')
        expect(newest?.position).toBe(50)
        expect(newest?.head).toBe('h50')
        expect(newest?.format).toBe('f1')
        expect(Array.from(newest?.image ?? [])).toEqual(Array.from(image(151)))
        expect((await store.loadCheckpoint('ledger', 45))?.position).toBe(40)
        // Only the newest CHECKPOINTS_KEPT survive.
        const oldestKept = 50 - 10 * (CHECKPOINTS_KEPT - 1)
        expect((await store.loadCheckpoint('ledger', oldestKept - 1))?.position).toBeUndefined()
        expect((await store.loadCheckpoint('ledger', oldestKept))?.position).toBe(oldestKept)
        expect((await store.loadCheckpoint('other'))?.format).toBe('f2')
      }))

    it('keeps its own copy of an image: neither the saved buffer nor a loaded one reaches it', () =>
      withStore(open, async ({ store }) => {
        const saved = image(64)
        await store.saveCheckpoint({
          name: 'ledger',
          position: 1,
          head: 'h1',
          format: 'f1',
          image: saved,
        })
        saved.fill(0)
        const loaded = await store.loadCheckpoint('ledger')
        expect(Array.from(loaded?.image ?? [])).toEqual(Array.from(image(64)))
        loaded?.image.fill(1)
        const again = await store.loadCheckpoint('ledger')
        expect(Array.from(again?.image ?? [])).toEqual(Array.from(image(64)))
      }))

    it('loads the ledger through a checkpoint and the tail, the same as a full replay', () =>
      withStore(open, async ({ store, clock }) => {
        appended(await store.append('indicator-I01', reports('a', 30), 'any'))
        const first = await loadLedger(store, { checkpointAfter: 10 })
        expect(first).toMatchObject({
          _tag: 'Loaded',
          checkpoint: null,
          replayed: 30,
          checkpointWritten: true,
        })
        clock.advance(1000)
        appended(await store.append('indicator-I01', reports('b', 5), 'any'))
        const second = await loadLedger(store, { checkpointAfter: 10 })
        expect(second).toMatchObject({
          _tag: 'Loaded',
          checkpoint: { position: 30 },
          replayed: 5,
          checkpointWritten: false,
        })
        const full = replay(ledgerProjection, await store.readAll())
        if (second._tag !== 'Loaded') throw new Error('not loaded')
        expect(plain(second.state)).toEqual(plain(full))
        expect(Object.isFrozen(second.state)).toBe(true)
      }))

    it('stores several checkpoints in one transaction: all of them, or none when one cannot be stored', () =>
      withStore(open, async ({ store }) => {
        const cp = (name: string, position: number) => ({
          name,
          position,
          head: `h${position}`,
          format: 'f1',
          image: image(position + 1),
        })
        await store.saveCheckpoints([cp('ledger/plan/a', 10), cp('ledger', 10)])
        expect((await store.loadCheckpoint('ledger/plan/a'))?.position).toBe(10)
        expect((await store.loadCheckpoint('ledger'))?.position).toBe(10)
        const broken = { ...cp('ledger', 20), image: null as unknown as Uint8Array }
        await expect(store.saveCheckpoints([cp('ledger/plan/a', 20), broken])).rejects.toThrow()
        // Neither the part before the failure nor the failed one was stored.
        expect((await store.loadCheckpoint('ledger/plan/a'))?.position).toBe(10)
        expect((await store.loadCheckpoint('ledger'))?.position).toBe(10)
        // Nor when the checkpoints come from an iterable that fails after the first.
        function* failing(): Generator<ReturnType<typeof cp>> {
          yield cp('ledger/plan/a', 30)
          throw new Error('encoding failed')
        }
        await expect(store.saveCheckpoints(failing())).rejects.toThrow('encoding failed')
        expect((await store.loadCheckpoint('ledger/plan/a'))?.position).toBe(10)
      }))

    it('loads one plan of a ledger from its part of the checkpoint and the events after it', () =>
      withStore(open, async ({ store, clock }) => {
        appended(await store.append('plan-sz', [planAdopted], 'any'))
        appended(await store.append('plan-hz', [hzAdopted], 'any'))
        appended(await store.append('indicator-I01', [gdpDefined, ...reports('a', 6)], 'any'))
        appended(
          await store.append('indicator-H01', [h01Defined, ...reports('b', 6, 'H01')], 'any'),
        )
        const first = await loadLedger(store, { checkpointAfter: 1 })
        expect(first).toMatchObject({ _tag: 'Loaded', checkpointWritten: true, scope: null })
        expect((await store.loadCheckpoint(checkpointPartName('hz')))?.position).toBe(16)
        clock.advance(1000)
        appended(await store.append('indicator-I01', reports('c', 3), 'any'))
        appended(await store.append('indicator-H01', reports('d', 3, 'H01'), 'any'))
        const scoped = await loadLedger(store, { plans: ['hz'], checkpointAfter: 10 })
        if (scoped._tag !== 'Loaded') throw new Error(scoped._tag)
        expect(scoped).toMatchObject({ checkpoint: { position: 16 }, replayed: 6, scope: ['hz'] })
        const full = replay(ledgerProjection, await store.readAll())
        expect([scoped.state.position, scoped.state.head]).toEqual([full.position, full.head])
        // Every plan is in the index; only hz's indicators are restored.
        expect([...scoped.state.plans.keys()].sort()).toEqual(['hz', 'sz'])
        expect(plain(scoped.state.plans)).toEqual(plain(full.plans))
        expect(scoped.state.indicators.has('I01')).toBe(false)
        expect(plain(scoped.state.indicators.get('H01'))).toEqual(plain(full.indicators.get('H01')))
        const whole = await loadLedgerCheckpoint(store)
        if (whole._tag !== 'Restored') throw new Error(whole._tag)
        expect(plain(whole.state)).toEqual(
          plain(replay(ledgerProjection, (await store.readAll()).slice(0, 16))),
        )
      }))

    it('ignores a checkpoint of another format or one the stored events no longer match', () =>
      withStore(open, async ({ store }) => {
        appended(await store.append('indicator-I01', reports('a', 12), 'any'))
        const state = replay(ledgerProjection, await store.readAll())
        await store.saveCheckpoint({ ...takeCheckpoint(state), format: 'ledger/old-format' })
        const stale = await loadLedger(store, { checkpointAfter: 0 })
        expect(stale).toMatchObject({ _tag: 'Loaded', checkpoint: null, replayed: 12 })
        if (stale._tag === 'Loaded') expect(stale.checkpointIgnored).toContain('ledger/old-format')
        await store.saveCheckpoint({ ...takeCheckpoint(state), position: 12, head: 'not-the-hash' })
        const rewritten = await loadLedger(store, { checkpointAfter: 0 })
        expect(rewritten).toMatchObject({ _tag: 'Loaded', checkpoint: null, replayed: 12 })
      }))
  })
}
