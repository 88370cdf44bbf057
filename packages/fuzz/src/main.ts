// `pnpm fuzz [--inputs N] [--seed S] [--stores memory,sqlite] [--sqlite FILE] [--world-size N]
// [--from I]`: runs the harness and exits 1 when it finds a crash, an accepted invalid input or
// a ledger change after a refusal. Without --seed a fresh seed is drawn and printed.
import { randomInt } from 'node:crypto'
import { parseArgs } from 'node:util'
import { findings, runFuzz } from './Fuzz'
import { renderReport } from './Report'
import type { StoreKind } from './World'

function whole(name: string, v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name}: expected a whole number >= 0, got ${JSON.stringify(v)}`)
  return n
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      inputs: { type: 'string' },
      seed: { type: 'string' },
      stores: { type: 'string' },
      sqlite: { type: 'string' },
      'world-size': { type: 'string' },
      from: { type: 'string' },
    },
  })
  const stores = (values.stores ?? 'memory,sqlite').split(',') as StoreKind[]
  for (const s of stores)
    if (s !== 'memory' && s !== 'sqlite')
      throw new Error(`--stores: expected memory and/or sqlite, got ${JSON.stringify(s)}`)
  const seed = whole('seed', values.seed, randomInt(2 ** 31 - 1))
  const inputs = whole('inputs', values.inputs, 100_000)
  process.stderr.write(`fuzz: seed ${seed}, ${inputs} inputs, stores ${stores.join(', ')}\n`)
  const report = await runFuzz({
    inputs,
    seed,
    stores,
    worldSize: whole('world-size', values['world-size'], 2000),
    from: whole('from', values.from, 0),
    ...(values.sqlite === undefined ? {} : { sqlitePath: values.sqlite }),
    progress: (done) => {
      if (done % 10_000 === 0 || done === inputs) process.stderr.write(`  ${done} / ${inputs}\n`)
    },
  })
  process.stdout.write(`${renderReport(report)}\n`)
  return findings(report) === 0 ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`fuzz: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exit(2)
  },
)
