/**
 * `pnpm --filter @progress-ledger/bench generate --events N --out FILE.sqlite`: writes the first
 * N events of the plan × counties workload to a new SQLite ledger through the public store.
 * `generate --intake LINES --out FILE.sqlite --jsonl FILE.jsonl`: writes the definitions the
 * intake needs and LINES `ReportValue` commands for them. Refuses to overwrite a file.
 *
 * @module generate
 */
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import {
  intakeLedgerBatches,
  ledgerBatches,
  writeIntakeFile,
  writeLedger,
} from './ledgers/Generate'

const usage =
  'usage: generate --events N --out FILE.sqlite | generate --intake LINES --out FILE.sqlite --jsonl FILE.jsonl'

function fail(message: string): never {
  process.stderr.write(`${message}\n${usage}\n`)
  process.exit(2)
}

function count(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) fail(`--${name}: expected a whole number >= 1, got "${value}"`)
  return n
}

function fresh(name: string, path: string | undefined): string {
  if (path === undefined) fail(`--${name}: expected a file path, got nothing`)
  if (existsSync(path)) fail(`--${name}: expected a path that does not exist yet, got "${path}"`)
  return path
}

function parse(): {
  readonly events?: string
  readonly intake?: string
  readonly out?: string
  readonly jsonl?: string
} {
  try {
    return parseArgs({
      args: process.argv.slice(2).filter((a) => a !== '--'),
      options: {
        events: { type: 'string' },
        intake: { type: 'string' },
        out: { type: 'string' },
        jsonl: { type: 'string' },
      },
    }).values
  } catch (e) {
    return fail((e as Error).message)
  }
}

const args = parse()
const events = count('events', args.events)
const intake = count('intake', args.intake)
if ((events === undefined) === (intake === undefined))
  fail('expected exactly one of --events and --intake')
const out = fresh('out', args.out)
const log = (line: string): void => void process.stderr.write(`${line}\n`)

if (events !== undefined) {
  const r = await writeLedger(out, ledgerBatches(events), (n) => log(`${n} events`))
  log(`wrote ${r.events} events to ${out} in ${(r.ms / 1000).toFixed(1)} s`)
} else if (intake !== undefined) {
  const jsonl = fresh('jsonl', args.jsonl)
  const r = await writeLedger(out, intakeLedgerBatches(intake))
  writeIntakeFile(jsonl, intake)
  log(`wrote ${r.events} definitions to ${out} and ${intake} lines to ${jsonl}`)
}
