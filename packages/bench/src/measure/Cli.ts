/**
 * Per-command latency of the `progress-ledger` CLI on SQLite ledgers of several sizes: `report`,
 * `status`, `verify` and `append` of one line, each in a fresh process (process start included),
 * called only through the documented command line. One run of the suite runs each command once
 * per size on a fresh copy of the generated ledger (the job's fresh processes give the median);
 * the operating system's file cache is warm, since the copy was just written. A command that
 * fails gives no figure and a note; so does an `append` that exits 0 without adding its event.
 *
 * @module measure/Cli
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { manualClock } from '@progress-ledger/core'
import { openSqliteStore } from '@progress-ledger/store-sqlite'
import { cachedLedger, copyLedger, sizeLabel } from '../ledgers/Cache'
import { uuidSource } from '../workloads/Uuid'
import { repoRoot } from '../workloads/Seeds'
import { timeProcess } from './Process'
import type { Figures, SuiteResult } from './Timing'

/** How the CLI is started: the built `dist` (what users run), or its sources through tsx. */
export function cliInvocation(source: boolean): {
  readonly command: string
  readonly args: string[]
} {
  return source
    ? {
        command: process.execPath,
        args: [
          '--conditions=@progress-ledger/source',
          '--import',
          'tsx',
          `${repoRoot}packages/cli/src/bin.ts`,
        ],
      }
    : { command: process.execPath, args: [`${repoRoot}packages/cli/dist/bin.js`] }
}

/** The actor of every append the bench makes. */
export const BENCH_ACTOR = 'plan-admin:bench'

/** The plan, indicator and date the read commands ask about (the first county's). */
export const CLI_QUERY = { plan: 'sz-c0000', indicator: 'c0000-I01', asOf: '2025-12-31' } as const

/** A timed command: its name in the figures and its arguments for a store URL and a JSONL file. */
export interface CliCommand {
  readonly name: 'checkpoint' | 'report' | 'status' | 'list_plans' | 'verify' | 'append_one'
  readonly args: (store: string, jsonl: string) => ReadonlyArray<string>
}

/**
 * The commands timed, in the order they run (the reads first; `append` changes the ledger). The
 * generated ledger holds no checkpoint: the first command (`checkpoint`) is the cost of the first
 * command a user runs on it — a full replay, then storing the checkpoint — and every later one
 * starts from that checkpoint, as a user's commands do once one is stored.
 */
export const CLI_COMMANDS: ReadonlyArray<CliCommand> = [
  { name: 'checkpoint', args: (s) => ['checkpoint', '--store', s] },
  {
    name: 'report',
    args: (s) => [
      'report',
      '--store',
      s,
      '--as-of',
      CLI_QUERY.asOf,
      '--format',
      'md',
      '--plan',
      CLI_QUERY.plan,
    ],
  },
  {
    name: 'status',
    args: (s) => [
      'status',
      CLI_QUERY.indicator,
      '--store',
      s,
      '--as-of',
      CLI_QUERY.asOf,
      '--plan',
      CLI_QUERY.plan,
    ],
  },
  { name: 'list_plans', args: (s) => ['list', 'plans', '--store', s] },
  { name: 'verify', args: (s) => ['verify', '--store', s] },
  { name: 'append_one', args: (s, f) => ['append', f, '--actor', BENCH_ACTOR, '--store', s] },
]

/**
 * The figure names of a command on a ledger of `events` events: on SQLite (`cli_…`), or on
 * PostgreSQL with the prefix `cli_pg_`.
 *
 * @example
 * import { cliFigureNames } from '@progress-ledger/bench'
 * cliFigureNames('report', 1_000_000) // ['cli_report_cold_ms_1m', 'cli_report_peak_rss_mb_1m']
 * cliFigureNames('report', 1_000_000, 'cli_pg_') // ['cli_pg_report_cold_ms_1m', 'cli_pg_report_peak_rss_mb_1m']
 */
export function cliFigureNames(
  name: CliCommand['name'],
  events: number,
  prefix = 'cli_',
): readonly [string, string] {
  const label = sizeLabel(events)
  return [`${prefix}${name}_cold_ms_${label}`, `${prefix}${name}_peak_rss_mb_${label}`]
}

/** The one line `append` records: a December 2025 value for the first county's first indicator. */
export function oneLine(): string {
  return JSON.stringify({
    type: 'ReportValue',
    id: uuidSource(6)(),
    indicatorId: CLI_QUERY.indicator,
    period: '2025-12',
    value: 50,
    status: 'final',
  })
}

/**
 * The figure name of restoring a stored checkpoint on a ledger of `events` events: what `report
 * --plan` loads of it (`plan` given) or the whole state.
 */
export function restoreFigureName(plan: string | undefined, events: number): string {
  return `checkpoint_restore_${plan === undefined ? 'all' : 'plan'}_ms_${sizeLabel(events)}`
}

/**
 * The figure name of the first as-of query on the whole state just restored from the checkpoint
 * of a CLI ledger of `events` events.
 *
 * @example
 * import { asOfColdFigureName } from '@progress-ledger/bench'
 * asOfColdFigureName(1_000_000) // 'asof_cold_cli_ms_1m'
 */
export function asOfColdFigureName(events: number): string {
  return `asof_cold_cli_ms_${sizeLabel(events)}`
}

/**
 * Restores a SQLite ledger's checkpoint (whole, or a plan's part and the index) in a fresh process
 * through the built packages (`src/restore.ts`): the milliseconds `loadLedgerCheckpoint` took in
 * it, the position it restored and, for the whole state, the milliseconds of the first as-of
 * query on it.
 */
async function timeRestore(
  ledger: string,
  plan: string | undefined,
  timeoutS: number,
): Promise<
  | { _tag: 'Failed'; reason: string }
  | { _tag: 'Restored'; ms: number; position: number; asOfMs: number | null }
> {
  const script = `${repoRoot}packages/bench/src/restore.ts`
  const r = await timeProcess(
    process.execPath,
    ['--import', 'tsx', script, ledger, ...(plan === undefined ? [] : [plan])],
    { timeoutMs: timeoutS * 1000, cwd: `${repoRoot}packages/bench` },
  )
  if (r._tag === 'Failed') return r
  const out = JSON.parse(r.stdout) as { ms: number; position: number; asOfMs: number | null }
  return { _tag: 'Restored', ms: out.ms, position: out.position, asOfMs: out.asOfMs }
}

/** The head position of a SQLite ledger, read through the public store. */
export async function headOf(path: string): Promise<number> {
  const store = await openSqliteStore({ path, clock: manualClock('2021-01-01') })
  try {
    return await store.headPosition()
  } finally {
    await store.close()
  }
}

/** Options of the latency suite. */
export interface CliOptions {
  /** Ledger sizes, in events. */
  readonly sizes: ReadonlyArray<number>
  /** Where generated ledgers are kept between runs. */
  readonly dir: string
  /** Run the CLI's sources through tsx instead of its `dist`. */
  readonly source: boolean
  /** Time limit of one command. */
  readonly timeoutS: number
}

/** Runs each command once per ledger size. */
export async function runCliSuite(options: CliOptions): Promise<SuiteResult> {
  const notes: string[] = []
  const figures: Figures = {}
  const log = (line: string): void => void process.stderr.write(`${line}\n`)
  const cli = cliInvocation(options.source)
  const entry = cli.args[cli.args.length - 1] as string
  for (const events of options.sizes) {
    for (const c of CLI_COMMANDS) for (const k of cliFigureNames(c.name, events)) figures[k] = null
    for (const plan of [CLI_QUERY.plan, undefined]) figures[restoreFigureName(plan, events)] = null
    figures[asOfColdFigureName(events)] = null
  }
  if (!existsSync(entry)) {
    notes.push(`cli: ${entry} does not exist (run pnpm build first)`)
    return { figures, notes }
  }
  const work = mkdtempSync(join(tmpdir(), 'ledger-bench-cli-'))
  try {
    const jsonl = join(work, 'one.jsonl')
    writeFileSync(jsonl, `${oneLine()}\n`)
    for (const events of options.sizes) {
      const label = sizeLabel(events)
      const ledger = join(work, `ledger-${label}.sqlite`)
      copyLedger(await cachedLedger(options.dir, events, log), ledger)
      const store = `sqlite:${ledger}`
      for (const c of CLI_COMMANDS) {
        const [msKey, rssKey] = cliFigureNames(c.name, events)
        const r = await timeProcess(cli.command, [...cli.args, ...c.args(store, jsonl)], {
          timeoutMs: options.timeoutS * 1000,
          cwd: repoRoot,
        })
        if (r._tag === 'Failed') {
          notes.push(`cli ${c.name} on ${label} events: ${r.reason}`)
          continue
        }
        if (c.name === 'append_one') {
          const head = await headOf(ledger)
          if (head !== events + 1) {
            notes.push(
              `cli append_one on ${label} events: exited 0 but the head is ${head}, not ${events + 1}`,
            )
            continue
          }
        }
        figures[msKey] = r.ms
        figures[rssKey] = r.peakRssMb
      }
      for (const plan of [CLI_QUERY.plan, undefined]) {
        const key = restoreFigureName(plan, events)
        const r = await timeRestore(ledger, plan, options.timeoutS)
        if (r._tag === 'Failed') notes.push(`${key}: ${r.reason}`)
        else if (r.position !== events)
          notes.push(`${key}: restored position ${r.position}, not the checkpoint's ${events}`)
        else {
          figures[key] = r.ms
          if (plan === undefined) figures[asOfColdFigureName(events)] = r.asOfMs
        }
      }
      rmSync(ledger, { force: true })
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  return { figures, notes }
}
