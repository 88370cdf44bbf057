/**
 * Generated ledgers kept between bench runs (generating a 1M-event ledger takes a while): one
 * file per size and generator version in a directory of the caller's choosing, written under a
 * temporary name and renamed when complete, and copied before a command may change it.
 *
 * @module ledgers/Cache
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { intakeLedgerBatches, ledgerBatches, writeIntakeFile, writeLedger } from './Generate'

/** Bumped whenever the generated ledgers change, so that older files are not reused. */
export const GENERATOR_VERSION = 1

/**
 * A short label of a count for figure names.
 *
 * @example
 * import { sizeLabel } from '@progress-ledger/bench'
 * sizeLabel(1_000_000) // '1m'
 * sizeLabel(100_000) // '100k'
 * sizeLabel(2_500) // '2.5k'
 * sizeLabel(500) // '500'
 */
export function sizeLabel(n: number): string {
  if (n >= 1_000_000 && n % 100_000 === 0) return `${n / 1_000_000}m`
  if (n >= 1_000 && n % 100 === 0) return `${n / 1_000}k`
  return String(n)
}

function fresh(path: string): string {
  const tmp = `${path}.partial`
  for (const p of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(p, { force: true })
  return tmp
}

/** The ledger of `events` events of workload (b) in `dir`, generated if missing. */
export async function cachedLedger(
  dir: string,
  events: number,
  log: (line: string) => void,
): Promise<string> {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `ledger-${sizeLabel(events)}-v${GENERATOR_VERSION}.sqlite`)
  if (existsSync(path)) return path
  log(`generating ${path}`)
  const tmp = fresh(path)
  const r = await writeLedger(tmp, ledgerBatches(events))
  renameSync(tmp, path)
  log(`generated ${r.events} events in ${(r.ms / 1000).toFixed(1)} s`)
  return path
}

/** The intake's definitions ledger and its JSON Lines file in `dir`, generated if missing. */
export async function cachedIntake(
  dir: string,
  lines: number,
  log: (line: string) => void,
): Promise<{ readonly ledger: string; readonly jsonl: string; readonly definitions: number }> {
  mkdirSync(dir, { recursive: true })
  const base = join(dir, `intake-${sizeLabel(lines)}-v${GENERATOR_VERSION}`)
  const ledger = `${base}.sqlite`
  const jsonl = `${base}.jsonl`
  const batches = intakeLedgerBatches(lines)
  const definitions = batches.flat().reduce((n, r) => n + r.events.length, 0)
  if (!existsSync(ledger)) {
    log(`generating ${ledger}`)
    const tmp = fresh(ledger)
    await writeLedger(tmp, batches)
    renameSync(tmp, ledger)
  }
  if (!existsSync(jsonl)) {
    log(`generating ${jsonl}`)
    const tmp = fresh(jsonl)
    writeIntakeFile(tmp, lines)
    renameSync(tmp, jsonl)
  }
  return { ledger, jsonl, definitions }
}

/** A fresh copy of a cached ledger at `to` (replacing what was there), for a command that writes. */
export function copyLedger(from: string, to: string): void {
  for (const p of [to, `${to}-wal`, `${to}-shm`]) rmSync(p, { force: true })
  copyFileSync(from, to)
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`)
}
