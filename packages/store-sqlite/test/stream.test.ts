// Streamed appends across processes: a writer killed in the middle of a streamed append leaves
// the file exactly as before, and a writer in another process waits for the stream and lands
// after all of it.
import { join } from 'node:path'
import { manualClock, verifyChain } from '@progress-ledger/core'
import { afterAll, describe, expect, it } from 'vitest'
import { openSqliteStore } from '../src/SqliteEventStore'
import { tempDir } from './tmp'
import { disposeWriter, startWriter, waitFor } from './workers/spawn'

const tmp = tempDir()
afterAll(() => {
  tmp.remove()
  disposeWriter()
})

const report = (id: string) =>
  ({
    id,
    type: 'ValueReported',
    validTime: '2021-12-31',
    actor: 'test',
    data: { indicatorId: 'I01', period: '2021', value: 1, status: 'final' },
  }) as const

describe('streamed appends across processes', () => {
  it('a streamed append SIGKILLed after some of its pages leaves the file exactly as before', async () => {
    const path = join(tmp.dir, 'killed.db')
    const store = await openSqliteStore({ path, clock: manualClock('2022-01-01') })
    expect((await store.append('seed', [report('seed-1')], 'no-stream'))._tag).toBe('Appended')
    const before = await store.readAll()
    for (const round of [1, 2, 3]) {
      const w = await startWriter({ mode: 'stream', path, writer: `s${round}`, batches: 200 })
      await waitFor(w, `PAGE ${round * 2}`)
      w.child.kill('SIGKILL')
      await w.exit
      expect(w.output()).not.toContain('ACK')
      expect(await store.readAll()).toEqual(before)
    }
    expect(await store.verify()).toMatchObject({ _tag: 'Intact', count: 1 })
    await store.close()
  })

  it('a writer in another process waits for the whole stream and lands after it', async () => {
    const path = join(tmp.dir, 'serial.db')
    const w = await startWriter({ mode: 'stream', path, writer: 'big', batches: 15 })
    await waitFor(w, 'PAGE 2')
    const store = await openSqliteStore({ path, clock: manualClock('2030-01-01') })
    // This append blocks on SQLite's write lock until the stream in the other process commits.
    const r = await store.append('late', [report('late-1')], 'no-stream')
    await w.exit
    expect(w.output()).toContain('ACK 1500')
    expect(r._tag === 'Appended' && r.events[0]?.position).toBe(1501)
    const all = await store.readAll()
    expect(all.slice(0, 1500).every((e) => e.id.startsWith('big-'))).toBe(true)
    expect(verifyChain(all)).toMatchObject({ _tag: 'Intact', count: 1501 })
    await store.close()
  })
})
