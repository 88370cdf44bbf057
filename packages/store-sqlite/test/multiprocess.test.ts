import { join } from 'node:path'
import { type RecordedEvent, manualClock } from '@progress-ledger/core'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { openSqliteStore } from '../src/SqliteEventStore'
import { tempDir } from './tmp'
import { disposeWriter, startWriter } from './workers/spawn'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})

async function fresh(): Promise<string> {
  const tmp = tempDir()
  cleanups.push(tmp.remove)
  const path = join(tmp.dir, 'ledger.db')
  const store = await openSqliteStore({ path, clock: manualClock('2022-01-01') })
  await store.close()
  return path
}

/** Events grouped by batch (ids are `<batch>.<size>.<k>`): every batch is whole. */
function batchesOf(events: ReadonlyArray<RecordedEvent>): Map<string, number> {
  const sizes = new Map<string, number>()
  for (const e of events) {
    const [batch, size] = e.id.split('.') as [string, string]
    sizes.set(batch, (sizes.get(batch) ?? 0) + 1)
    expect(Number(size)).toBeGreaterThan(0)
  }
  for (const e of events) {
    const [batch, size] = e.id.split('.') as [string, string]
    expect(sizes.get(batch), `batch ${batch} is whole`).toBe(Number(size))
  }
  return sizes
}

afterAll(disposeWriter)

describe('several processes on one file', () => {
  it('four processes racing on one shared stream and four on their own: conflicts detected, nothing lost or duplicated', async () => {
    const path = await fresh()
    const writers = await Promise.all(
      Array.from({ length: 8 }, (_, w) =>
        startWriter({ mode: 'race', path, writer: `p${w}`, batches: 15, shared: w < 4 }),
      ),
    )
    expect(await Promise.all(writers.map((w) => w.exit))).toEqual(Array(8).fill(0))
    const summaries = writers.map(
      (w) => JSON.parse(w.output().trim()) as { acked: string[]; conflicts: number },
    )
    const store = await openSqliteStore({ path, clock: manualClock('2022-01-01') })
    const all = await store.readAll()
    expect(all.map((e) => e.position)).toEqual(all.map((_, i) => i + 1))
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length)
    const batches = batchesOf(all)
    const acked = summaries.flatMap((s) => s.acked)
    expect(acked).toHaveLength(8 * 15)
    for (const b of acked) expect(batches.has(b), `acknowledged batch ${b} is stored`).toBe(true)
    expect(batches.size).toBe(acked.length)
    const shared = await store.readStream('shared')
    expect(shared.map((e) => e.version)).toEqual(shared.map((_, i) => i + 1))
    // Conflicts are typed results the writers counted; with 4 racers some are practically certain
    // but not guaranteed, so only their sum's consistency is checked.
    expect(summaries.every((s) => Number.isInteger(s.conflicts) && s.conflicts >= 0)).toBe(true)
    expect((await store.verify())._tag).toBe('Intact')
    await store.close()
  })

  it('a catch-up reader racing four writer processes sees every event exactly once, in position order', async () => {
    const path = await fresh()
    const store = await openSqliteStore({ path, clock: manualClock('2022-01-01') })
    const writers = await Promise.all(
      Array.from({ length: 4 }, (_, w) =>
        startWriter({ mode: 'race', path, writer: `r${w}`, batches: 25, shared: w % 2 === 0 }),
      ),
    )
    let exited = false
    const all = Promise.all(writers.map((w) => w.exit)).finally(() => {
      exited = true
    })
    const seen: number[] = []
    const drain = async (): Promise<void> => {
      for (;;) {
        const page = await store.readAll({ after: seen[seen.length - 1] ?? 0, limit: 13 })
        if (page.length === 0) return
        seen.push(...page.map((e) => e.position))
      }
    }
    let polls = 0
    while (!exited) {
      await drain()
      polls++
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
    expect(await all).toEqual([0, 0, 0, 0])
    await drain()
    const head = await store.headPosition()
    expect(polls).toBeGreaterThan(0)
    expect(seen).toEqual(Array.from({ length: head }, (_, i) => i + 1))
    expect((await store.verify())._tag).toBe('Intact')
    await store.close()
  })
})
