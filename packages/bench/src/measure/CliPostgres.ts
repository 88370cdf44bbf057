/**
 * Per-command latency of the `progress-ledger` CLI on PostgreSQL ledgers (the ledger many users
 * share): the same generated ledgers as the SQLite table, loaded into a schema of the database at
 * `PG_URL` by the CLI itself (`export` from the SQLite file, then `import`; the first run of a
 * size pays it, later runs and later bench runs find the schema holding the ledger and reuse it).
 * Before the timed commands an untimed `checkpoint` makes sure the stored checkpoint is this
 * code's (one of another format is rebuilt once, not timed). The commands timed only read, so
 * the ledger stays as generated: `report`, `status`, `list plans` and `verify`, each in a fresh
 * process, process start included.
 *
 * @module measure/CliPostgres
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { GENERATOR_VERSION, cachedLedger, sizeLabel } from '../ledgers/Cache'
import { repoRoot } from '../workloads/Seeds'
import { CLI_COMMANDS, cliFigureNames, cliInvocation, type CliCommand } from './Cli'
import { timeProcess } from './Process'
import type { Figures, SuiteResult } from './Timing'

/** The commands timed on PostgreSQL: those that only read. */
export const PG_CLI_COMMANDS: ReadonlyArray<CliCommand> = CLI_COMMANDS.filter((c) =>
  ['report', 'status', 'list_plans', 'verify'].includes(c.name),
)

/** The prefix of the figures measured on PostgreSQL (see {@link cliFigureNames}). */
const PG = 'cli_pg_'

/**
 * The schema a generated ledger of `events` events is kept in, and the `--store` URL that opens
 * it (the database's URL with `schema` set).
 *
 * @example
 * import { pgCliLedger } from '@progress-ledger/bench'
 * pgCliLedger('postgres://pl@db:5432/bench', 10_000).store // 'postgres://pl@db:5432/bench?schema=bench_cli_10k_v1'
 */
export function pgCliLedger(
  url: string,
  events: number,
): { readonly schema: string; readonly store: string } {
  const schema = `bench_cli_${sizeLabel(events).replace('.', '_')}_v${GENERATOR_VERSION}`
  const u = new URL(url)
  u.searchParams.set('schema', schema)
  return { schema, store: u.toString() }
}

/** Options of the PostgreSQL latency suite. */
export interface PgCliOptions {
  /** Ledger sizes, in events. */
  readonly sizes: ReadonlyArray<number>
  /** Where the generated SQLite ledgers are kept between runs. */
  readonly dir: string
  /** Run the CLI's sources through tsx instead of its `dist`. */
  readonly source: boolean
  /** Time limit of one command (the load of a ledger gets four times as long). */
  readonly timeoutS: number
}

/** The head position the schema's ledger holds (0: none there). */
async function headIn(pool: pg.Pool, schema: string): Promise<number> {
  const exists = await pool.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [
    `${schema}.ledger_head`,
  ])
  if (exists.rows[0]?.t == null) return 0
  const r = await pool.query<{ position: string | number }>(
    `SELECT position FROM ${schema}.ledger_head WHERE singleton`,
  )
  return Number(r.rows[0]?.position ?? 0)
}

/** Runs each read command once per ledger size on PostgreSQL at `url`. */
export async function runCliPostgresSuite(
  options: PgCliOptions,
  url: string | undefined,
): Promise<SuiteResult> {
  const figures: Figures = {}
  for (const events of options.sizes)
    for (const c of PG_CLI_COMMANDS)
      for (const k of cliFigureNames(c.name, events, PG)) figures[k] = null
  if (url === undefined || url === '') return { figures, notes: ['cli-pg: PG_URL is not set'] }
  const notes: string[] = []
  const log = (line: string): void => void process.stderr.write(`${line}\n`)
  const cli = cliInvocation(options.source)
  const run = (args: ReadonlyArray<string>, timeoutS: number) =>
    timeProcess(cli.command, [...cli.args, ...args], { timeoutMs: timeoutS * 1000, cwd: repoRoot })
  const pool = new pg.Pool({ connectionString: url, max: 1 })
  const work = mkdtempSync(join(tmpdir(), 'ledger-bench-cli-pg-'))
  try {
    for (const events of options.sizes) {
      const label = sizeLabel(events)
      const { schema, store } = pgCliLedger(url, events)
      if ((await headIn(pool, schema)) !== events) {
        log(`loading the ${label}-event ledger into schema ${schema}`)
        await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
        const file = join(work, `ledger-${label}.jsonl`)
        const from = `sqlite:${await cachedLedger(options.dir, events, log)}`
        const exported = await run(['export', '--store', from, '--out', file], options.timeoutS)
        const loaded =
          exported._tag === 'Failed'
            ? exported
            : await run(['import', file, '--store', store], options.timeoutS * 4)
        rmSync(file, { force: true })
        if (loaded._tag === 'Failed') {
          notes.push(`cli-pg: loading ${label} events: ${loaded.reason}`)
          continue
        }
        const head = await headIn(pool, schema)
        if (head !== events) {
          notes.push(`cli-pg: loading ${label} events: the head is ${head}, not ${events}`)
          continue
        }
      }
      const prepared = await run(['checkpoint', '--store', store], options.timeoutS)
      if (prepared._tag === 'Failed') {
        notes.push(`cli-pg checkpoint on ${label} events: ${prepared.reason}`)
        continue
      }
      for (const c of PG_CLI_COMMANDS) {
        const [msKey, rssKey] = cliFigureNames(c.name, events, PG)
        const r = await run(c.args(store, ''), options.timeoutS)
        if (r._tag === 'Failed') {
          notes.push(`cli-pg ${c.name} on ${label} events: ${r.reason}`)
          continue
        }
        figures[msKey] = r.ms
        figures[rssKey] = r.peakRssMb
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
    await pool.end()
  }
  return { figures, notes }
}
