/**
 * Realistic SQLite ledgers for the per-command latency harness, written through the public
 * SQLite store: the plan × N counties workload (b) — plans, categories, 表1's indicators with
 * baselines and targets, key tasks and reforms, then monthly values and yearly task statuses —
 * cut at exactly the number of events asked for, with UUID event ids from a seeded generator
 * and recorded times a few days after each batch's valid time. Also the input of the intake
 * measurement: a ledger holding only the plan's definitions for enough counties, and a JSON
 * Lines file of `ReportValue` commands for it.
 *
 * @module ledgers/Generate
 */
import { closeSync, openSync, writeSync } from 'node:fs'
import { manualClock, type AppendRequest, type EventInput } from '@progress-ledger/core'
import { openSqliteStore } from '@progress-ledger/store-sqlite'
import { COUNTIES_SEED, countyBatches, countyEventCount, countyId } from '../workloads/Counties'
import { uuidSource } from '../workloads/Uuid'
import { loadSeeds } from '../workloads/Seeds'

/** The seed of the ids of the intake's commands. */
export const INTAKE_SEED = 5

/** Months of the plan's reporting rounds (2021-01 … 2025-12). */
const MONTHS = 60

/**
 * The first `events` events of workload (b) over just enough counties, as append batches (the
 * last batch cut to fit).
 *
 * @example
 * import { ledgerBatches } from '@progress-ledger/bench'
 * ledgerBatches(1000).flat().reduce((n, r) => n + r.events.length, 0) // 1000
 */
export function ledgerBatches(events: number, seed = COUNTIES_SEED): AppendRequest[][] {
  if (!Number.isInteger(events) || events < 1)
    throw new Error(`events: expected a whole number >= 1, got ${String(events)}`)
  const counties = Math.ceil(events / countyEventCount())
  const out: AppendRequest[][] = []
  let left = events
  for (const batch of countyBatches(counties, uuidSource(seed))) {
    const cut: AppendRequest[] = []
    for (const r of batch) {
      if (left === 0) break
      const take = Math.min(left, r.events.length)
      cut.push(take === r.events.length ? r : { ...r, events: r.events.slice(0, take) })
      left -= take
    }
    if (cut.length > 0) out.push(cut)
    if (left === 0) break
  }
  return out
}

/** Counties whose indicators the intake's `lines` values cover (one value per indicator and month). */
export function intakeCounties(lines: number): number {
  return Math.max(1, Math.ceil(lines / (loadSeeds().indicators.length * MONTHS)))
}

/**
 * The definitions of workload (b) for the counties of an intake of `lines` values: each county's
 * plan, categories, indicators with baselines and targets, and tasks — no values.
 */
export function intakeLedgerBatches(lines: number, seed = COUNTIES_SEED): AppendRequest[][] {
  const counties = intakeCounties(lines)
  return countyBatches(counties, uuidSource(seed)).slice(0, counties)
}

/**
 * The intake: `lines` `ReportValue` commands as JSON lines, month by month, every county's
 * indicators in 表1's order, plausible values for every unit, each with its own UUID.
 *
 * @example
 * import { intakeLines } from '@progress-ledger/bench'
 * const [first] = intakeLines(1)
 * JSON.parse(first).type // 'ReportValue'
 * JSON.parse(first).period // '2021-01'
 */
export function* intakeLines(lines: number, seed = INTAKE_SEED): Generator<string> {
  const ids = uuidSource(seed)
  const indicators = loadSeeds().indicators
  const counties = intakeCounties(lines)
  let written = 0
  for (let k = 0; k < MONTHS; k++) {
    const period = `${2021 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`
    for (let c = 0; c < counties; c++) {
      for (let i = 0; i < indicators.length; i++) {
        if (written === lines) return
        const value = 40 + ((i * 7 + k * 3 + c) % 50) + k / 10
        yield JSON.stringify({
          type: 'ReportValue',
          id: ids(),
          indicatorId: `${countyId(c)}-${(indicators[i] as { id: string }).id}`,
          period,
          value: Math.round(value * 10) / 10,
          status: 'final',
        })
        written++
      }
    }
  }
}

/** Writes the intake's lines to `path`, one per line. */
export function writeIntakeFile(path: string, lines: number, seed = INTAKE_SEED): void {
  const fd = openSync(path, 'wx')
  try {
    let chunk: string[] = []
    for (const line of intakeLines(lines, seed)) {
      chunk.push(line)
      if (chunk.length === 10_000) {
        writeSync(fd, `${chunk.join('\n')}\n`)
        chunk = []
      }
    }
    if (chunk.length > 0) writeSync(fd, `${chunk.join('\n')}\n`)
  } finally {
    closeSync(fd)
  }
}

/** When a batch is recorded: five days after its valid time, at 09:00 UTC. */
export function recordedTimeOf(batch: ReadonlyArray<AppendRequest>): string {
  const first = batch[0]?.events[0] as EventInput | undefined
  if (first === undefined) throw new Error('recordedTimeOf: expected a batch with an event')
  return new Date(Date.parse(`${first.validTime}T09:00:00.000Z`) + 5 * 86_400_000).toISOString()
}

/** What a ledger file holds once written. */
export interface Written {
  readonly events: number
  readonly ms: number
}

/**
 * Appends `batches` to a new SQLite ledger at `path` through the public store (`synchronous:
 * 'normal'`: the file is a bench input). Recorded times follow {@link recordedTimeOf}, never going
 * backwards. Throws if a batch is not appended.
 */
export async function writeLedger(
  path: string,
  batches: ReadonlyArray<ReadonlyArray<AppendRequest>>,
  progress?: (events: number) => void,
): Promise<Written> {
  const clock = manualClock('2021-01-01')
  let last = Date.parse('2021-01-01T00:00:00.000Z')
  const store = await openSqliteStore({ path, clock, synchronous: 'normal' })
  const start = performance.now()
  let events = 0
  try {
    for (let i = 0; i < batches.length; i++) {
      const batch = batches[i] as ReadonlyArray<AppendRequest>
      last = Math.max(last + 1, Date.parse(recordedTimeOf(batch)))
      clock.set(new Date(last).toISOString())
      const r = await store.appendBatch(batch)
      if (r._tag !== 'Appended')
        throw new Error(`batches[${i}]: expected Appended, got ${JSON.stringify(r).slice(0, 300)}`)
      events += r.written
      if (progress !== undefined && i % 500 === 0) progress(events)
    }
  } finally {
    await store.close()
  }
  return { events, ms: performance.now() - start }
}
