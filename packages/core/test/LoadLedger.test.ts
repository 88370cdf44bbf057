// The one loader: checkpoint + tail, chain verification from the checkpoint's head on, and what
// it does with a broken chain.
import { describe, expect, it } from 'vitest'
import { fixtures, recorded } from '@progress-ledger/testkit'
import {
  type EventStore,
  InMemoryEventStore,
  type RecordedEvent,
  loadLedger,
  manualClock,
} from '../src/index'

/** A store whose reads return the stored events with one of them edited (as a file edit would). */
function tampered(store: InMemoryEventStore, position: number): EventStore {
  return Object.assign(Object.create(store) as InMemoryEventStore, {
    readAll: async (o?: Parameters<EventStore['readAll']>[0]) =>
      (await store.readAll(o)).map((e: RecordedEvent) =>
        e.position === position ? ({ ...e, actor: 'someone-else' } as RecordedEvent) : e,
      ),
  })
}

async function seeded(): Promise<InMemoryEventStore> {
  const clock = manualClock('2021-08-10')
  const store = new InMemoryEventStore({ clock })
  for (const e of recorded(fixtures.gdpPlan)) {
    clock.advance(1000)
    const r = await store.append(e.streamId, [fixtures.gdpPlan[e.position - 1]!], 'any')
    expect(r._tag).toBe('Appended')
  }
  return store
}

describe('loadLedger', () => {
  it('loads an empty store', async () => {
    const r = await loadLedger(new InMemoryEventStore({ clock: manualClock('2022-01-01') }))
    expect(r).toMatchObject({ _tag: 'Loaded', replayed: 0, checkpoint: null, broken: null })
  })

  it('awaits what onProgress returns before it reads the next page', async () => {
    const store = await seeded()
    const total = await store.headPosition()
    const log: string[] = []
    const reads = Object.assign(Object.create(store) as InMemoryEventStore, {
      readAll: async (o?: Parameters<EventStore['readAll']>[0]) => {
        log.push(`read after ${o?.after ?? 0}`)
        return store.readAll(o)
      },
    })
    const r = await loadLedger(reads, {
      pageSize: 2,
      checkpointAfter: 0,
      onProgress: async (done) => {
        await new Promise<void>((resolve) => setImmediate(resolve))
        log.push(`progress ${done}`)
      },
    })
    expect(r).toMatchObject({ _tag: 'Loaded', replayed: total })
    const expected: string[] = []
    for (let done = 0; done < total; done += 2)
      expected.push(`read after ${done}`, `progress ${Math.min(done + 2, total)}`)
    expected.push(`read after ${total}`)
    expect(log).toEqual(expected)
  })

  it('refuses a ledger whose chain does not verify, naming the position', async () => {
    const store = await seeded()
    const r = await loadLedger(tampered(store, 4), { checkpointAfter: 0 })
    expect(r).toMatchObject({ _tag: 'ChainBroken', break: { position: 4 } })
  })

  it('loads it anyway when asked, reporting the break', async () => {
    const store = await seeded()
    const r = await loadLedger(tampered(store, 4), { allowBroken: true, checkpointAfter: 0 })
    expect(r).toMatchObject({ _tag: 'Loaded', broken: { position: 4 }, replayed: 6 })
  })

  it('verifies the tail from the checkpoint on, and writes no checkpoint of a broken chain', async () => {
    const store = await seeded()
    const first = await loadLedger(store, { checkpointAfter: 1 })
    expect(first).toMatchObject({ _tag: 'Loaded', checkpointWritten: true })
    const r = await loadLedger(tampered(store, 6), { checkpointAfter: 1, allowBroken: true })
    // The event at the checkpoint's position no longer has its hash: the checkpoint is not used.
    expect(r).toMatchObject({ _tag: 'Loaded', checkpoint: null, checkpointWritten: false })
  })
})
