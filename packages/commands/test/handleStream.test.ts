// Handling a stream of commands as one batch: decided in place against an owned state, written
// through appendStream under the expected head, and the state settled to what the store holds.
import { describe, expect, it } from 'vitest'
import {
  InMemoryEventStore,
  LEDGER_STREAM,
  ledgerProjection,
  loadLedger,
  manualClock,
  replay,
  takeCheckpoint,
} from '@progress-ledger/core'
import { handleAll } from '../src/Handle'
import { handleStream } from '../src/HandleStream'
import { admin, ctx, report, setup } from './fixtures'

async function seeded() {
  const clock = manualClock('2023-06-30T08:00:00.000Z')
  const store = new InMemoryEventStore({ clock })
  expect((await handleAll(store, setup, ctx(admin)))._tag).toBe('Appended')
  clock.set('2023-06-30T10:15:00.000Z')
  return store
}

const values = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ command: report('I01', '2022', 11 + i / 100) }))

describe('handleStream', () => {
  it('returns the state the store holds after the append, settled with its recorded time and head', async () => {
    const store = await seeded()
    const r = await handleStream(store, values(300), ctx(admin), { pageSize: 64 })
    expect(r).toMatchObject({ _tag: 'StreamAppended', written: 300 })
    if (r._tag !== 'StreamAppended' || r.state === null) throw new Error('expected a settled state')
    const stored = await store.readAll()
    const replayed = replay(ledgerProjection, stored, { freeze: false })
    expect(r.state.head).toBe(stored[stored.length - 1]?.hash)
    expect(Buffer.compare(takeCheckpoint(r.state).image, takeCheckpoint(replayed).image)).toBe(0)
  })

  it('settles the state only after as many events as asked (settleFrom)', async () => {
    const store = await seeded()
    const few = await handleStream(store, values(3), ctx(admin), { settleFrom: 4 })
    expect(few).toMatchObject({ _tag: 'StreamAppended', written: 3, state: null })
    const enough = await handleStream(store, values(4), ctx(admin), { settleFrom: 4 })
    expect(enough).toMatchObject({ _tag: 'StreamAppended', written: 4 })
    if (enough._tag !== 'StreamAppended') throw new Error('expected an append')
    expect(enough.state?.head).toBe(enough.headHash)
    await expect(handleStream(store, values(1), ctx(admin), { settleFrom: -1 })).rejects.toThrow(
      'settleFrom: expected a whole number >= 0, got -1',
    )
  })

  it('settles nothing for a state it does not own', async () => {
    const store = await seeded()
    const loaded = await loadLedger(store)
    if (loaded._tag !== 'Loaded') throw new Error('expected the ledger')
    const r = await handleStream(store, values(3), ctx(admin), { state: loaded.state })
    expect(r).toMatchObject({ _tag: 'StreamAppended', written: 3, state: null })
  })

  it('refuses the whole stream for a refusal late in it, and reports every refusal with its index', async () => {
    const store = await seeded()
    const head = await store.headPosition()
    const inputs = [
      ...values(5),
      { command: report('I99', '2022', 1) },
      { unreadable: 'line 7: not JSON' },
      ...values(5),
    ]
    const r = await handleStream(store, inputs, ctx(admin), { pageSize: 2 })
    expect(r).toMatchObject({ _tag: 'StreamRejected', refused: 2, inputs: 12 })
    if (r._tag !== 'StreamRejected') throw new Error('expected a refusal')
    expect(r.rejections.map((x) => [x.index, x.rejection.rule])).toEqual([
      [5, 'indicator-missing'],
      [6, 'malformed'],
    ])
    expect(await store.headPosition()).toBe(head)
  })

  it('is a conflict on the whole ledger when it moved after the state was loaded', async () => {
    const store = await seeded()
    const loaded = await loadLedger(store, { freeze: false })
    if (loaded._tag !== 'Loaded') throw new Error('expected the ledger')
    await handleAll(store, [report('I01', '2021', 10.6)], ctx(admin))
    const r = await handleStream(store, values(2), ctx(admin), {
      state: loaded.state,
      ownsState: true,
    })
    expect(r).toMatchObject({
      _tag: 'VersionConflict',
      streamId: LEDGER_STREAM,
      expected: loaded.state.position,
      actual: loaded.state.position + 1,
    })
  })
})
