// Workloads and generated ledgers: sizes as documented, ids as users make them (UUIDs, the same on
// every run), and SQLite ledgers written through the public store with exactly the events asked.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { InMemoryEventStore, manualClock, type AppendRequest } from '@progress-ledger/core'
import { anchorRequests } from '../src/workloads/Anchor'
import { countyBatches, countyEventCount } from '../src/workloads/Counties'
import { railwayEventCount, railwayRequests } from '../src/workloads/Railway'
import {
  intakeCounties,
  intakeLedgerBatches,
  intakeLines,
  ledgerBatches,
  writeIntakeFile,
  writeLedger,
} from '../src/ledgers/Generate'
import { headOf } from '../src/measure/Cli'
import { loadSeeds } from '../src/workloads/Seeds'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const count = (batches: ReadonlyArray<ReadonlyArray<AppendRequest>>): number =>
  batches.flat().reduce((n, r) => n + r.events.length, 0)

function appendAll(batches: ReadonlyArray<ReadonlyArray<AppendRequest>>): number {
  const clock = manualClock('2021-01-01')
  const store = new InMemoryEventStore({ clock })
  for (const [i, b] of batches.entries()) {
    clock.advance(1000)
    const r = store.appendNow(b)
    if (r._tag !== 'Appended') throw new Error(`batches[${i}]: ${JSON.stringify(r).slice(0, 300)}`)
  }
  return store.readAllNow().length
}

const dir = mkdtempSync(join(tmpdir(), 'bench-workloads-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('workloads', () => {
  it('have the documented sizes', () => {
    expect(appendAll(countyBatches(1))).toBe(countyEventCount())
    expect(appendAll(railwayRequests(1).map((r) => [r]))).toBe(railwayEventCount())
    const anchor = anchorRequests({ events: 2_000, streams: 10, blockSize: 100 }).flatMap(
      (r) => r.events,
    )
    expect(anchor.filter((e) => e.type === 'TargetSet')).toHaveLength(20)
    expect(anchor.filter((e) => e.type === 'IndicatorDefined')).toHaveLength(10)
  })

  it('use distinct UUID event ids, the same on every run', () => {
    for (const make of [
      () => anchorRequests({ events: 2_000, streams: 10, blockSize: 100 }),
      () => countyBatches(2).flat(),
      () => railwayRequests(2),
    ]) {
      const ids = make().flatMap((r) => r.events.map((e) => e.id))
      expect(ids.every((id) => UUID.test(id))).toBe(true)
      expect(new Set(ids).size).toBe(ids.length)
      expect(make().flatMap((r) => r.events.map((e) => e.id))).toEqual(ids)
    }
  })
})

describe('the ledger generator', () => {
  it('cuts workload (b) at exactly the events asked for, a valid prefix', () => {
    for (const n of [1, 333, countyEventCount(), countyEventCount() + 1, 12_000]) {
      const batches = ledgerBatches(n)
      expect(count(batches)).toBe(n)
      expect(appendAll(batches)).toBe(n)
    }
    expect(() => ledgerBatches(0)).toThrow('events: expected a whole number >= 1, got 0')
  })

  it('writes a SQLite ledger through the public store', async () => {
    const path = join(dir, 'ledger.sqlite')
    const r = await writeLedger(path, ledgerBatches(5_000))
    expect(r.events).toBe(5_000)
    expect(await headOf(path)).toBe(5_000)
  })

  it('writes the intake: definitions for the counties the lines cover, and the lines', async () => {
    const lines = 68 * 60 + 5
    expect(intakeCounties(lines)).toBe(2)
    const batches = intakeLedgerBatches(lines)
    expect(batches).toHaveLength(2)
    expect(
      batches
        .flat()
        .flatMap((r) => r.events)
        .filter((e) => e.type === 'ValueReported'),
    ).toEqual([])
    const path = join(dir, 'intake.jsonl')
    writeIntakeFile(path, lines)
    const written = readFileSync(path, 'utf8').trimEnd().split('\n')
    expect(written).toEqual([...intakeLines(lines)])
    const parsed = written.map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(
      new Set(parsed.map((c) => `${String(c['indicatorId'])}/${String(c['period'])}`)).size,
    ).toBe(lines)
    // Month by month over both counties (136 lines a month): 30 full months, then 5 lines of 2023-07.
    expect(parsed.at(-1)).toMatchObject({
      type: 'ReportValue',
      indicatorId: `c0000-${loadSeeds().indicators[4]?.id}`,
      period: '2023-07',
    })
  })
})
