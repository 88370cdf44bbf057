// Contract: checkpoints of the ledger state (binary images with head and format), and loading a
// ledger through them.
import {
  CHECKPOINTS_KEPT,
  type LedgerState,
  ledgerProjection,
  loadLedger,
  replay,
  takeCheckpoint,
} from '@progress-ledger/core'
import { describe, expect, it } from 'vitest'
import type { OpenStore } from '../Contract'
import { fixtures } from '@progress-ledger/testkit'
import { appended, withStore } from './harness'

const { reports } = fixtures

const image = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) % 256)

/** The state as plain JSON, for comparing a loaded state with a fresh replay. */
const plain = (s: LedgerState): unknown => JSON.parse(JSON.stringify(s))

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
