import { join } from 'node:path'
import { manualClock } from '@progress-ledger/core'
import { afterAll, describe, expect, it } from 'vitest'
import { openSqliteStore } from '../src/SqliteEventStore'
import { tempDir } from './tmp'
import { disposeWriter, startWriter, waitFor } from './workers/spawn'

const tmp = tempDir()
afterAll(() => {
  tmp.remove()
  disposeWriter()
})

/** Deterministic kill delays (a linear congruential sequence); the seed is printed in failures. */
function delays(seed: number, n: number): number[] {
  const out: number[] = []
  let x = seed
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31
    out.push(5 + (x % 120))
  }
  return out
}

describe('crash safety', () => {
  it('a writer SIGKILLed mid-batch 20 times loses no acknowledged batch and leaves no partial one', async () => {
    const path = join(tmp.dir, 'crash.db')
    const seed = 20220108
    const acked: string[] = []
    for (const [round, delay] of delays(seed, 20).entries()) {
      const w = await startWriter({ mode: 'crash', path, writer: `k${round}` })
      await waitFor(w, 'READY')
      await new Promise((resolve) => setTimeout(resolve, delay))
      w.child.kill('SIGKILL')
      await w.exit
      for (const line of w.output().split('\n'))
        if (line.startsWith('ACK ')) acked.push(line.slice(4))
    }
    const store = await openSqliteStore({ path, clock: manualClock('2030-01-01') })
    const all = await store.readAll()
    const sizes = new Map<string, { expected: number; found: number }>()
    for (const e of all) {
      const [part, size] = e.id.split('.') as [string, string]
      const s = sizes.get(part) ?? { expected: Number(size), found: 0 }
      s.found++
      sizes.set(part, s)
    }
    const context = `seed ${seed}, ${acked.length} acknowledged batches, ${all.length} events`
    for (const [part, s] of sizes) expect(s.found, `${part} is whole (${context})`).toBe(s.expected)
    for (const batch of acked) {
      expect(sizes.has(`${batch}x`), `acknowledged ${batch} part x is stored (${context})`).toBe(
        true,
      )
      expect(sizes.has(`${batch}y`), `acknowledged ${batch} part y is stored (${context})`).toBe(
        true,
      )
    }
    for (const part of sizes.keys())
      expect(
        sizes.has(`${part.slice(0, -1)}x`) && sizes.has(`${part.slice(0, -1)}y`),
        `both halves of ${part}`,
      ).toBe(true)
    expect(acked.length).toBeGreaterThan(0)
    expect(all.map((e) => e.position)).toEqual(all.map((_, i) => i + 1))
    expect(await store.verify()).toMatchObject({ _tag: 'Intact', count: all.length })
    await store.close()
  })
})
