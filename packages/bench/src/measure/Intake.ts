/**
 * Intake through the CLI: `append FILE.jsonl` of many valid `ReportValue` lines in one process
 * (process start included) on a fresh copy of a ledger holding the plan's definitions for the
 * counties the lines report on, with its peak resident set size. The appended count is checked
 * in the ledger afterwards; a command that fails, runs out of time or appends the wrong number of
 * events gives no figure and a note.
 *
 * @module measure/Intake
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cachedIntake, copyLedger, sizeLabel } from '../ledgers/Cache'
import { repoRoot } from '../workloads/Seeds'
import { BENCH_ACTOR, cliInvocation, headOf } from './Cli'
import { timeProcess } from './Process'
import { perSecond, type SuiteResult } from './Timing'

/** Options of the intake suite. */
export interface IntakeOptions {
  /** Lines in the appended file. */
  readonly lines: number
  /** Where the generated inputs are kept between runs. */
  readonly dir: string
  /** Run the CLI's sources through tsx instead of its `dist`. */
  readonly source: boolean
  /** Time limit of the append. */
  readonly timeoutS: number
}

/** The figure names of an intake of `lines` lines: seconds, peak RSS in MB, lines per second. */
export function intakeFigureNames(lines: number): readonly [string, string, string] {
  const label = sizeLabel(lines)
  return [
    `cli_append_${label}_lines_s`,
    `cli_append_${label}_lines_peak_rss_mb`,
    `cli_append_${label}_lines_per_sec`,
  ]
}

/** Appends the intake file once and times it. */
export async function runIntakeSuite(options: IntakeOptions): Promise<SuiteResult> {
  const [secondsKey, rssKey, rateKey] = intakeFigureNames(options.lines)
  const figures = { [secondsKey]: null, [rssKey]: null, [rateKey]: null } as Record<
    string,
    number | null
  >
  const label = sizeLabel(options.lines)
  const log = (line: string): void => void process.stderr.write(`${line}\n`)
  const cli = cliInvocation(options.source)
  const entry = cli.args[cli.args.length - 1] as string
  if (!existsSync(entry))
    return { figures, notes: [`cli: ${entry} does not exist (run pnpm build first)`] }
  const input = await cachedIntake(options.dir, options.lines, log)
  const work = mkdtempSync(join(tmpdir(), 'ledger-bench-intake-'))
  try {
    const ledger = join(work, 'ledger.sqlite')
    copyLedger(input.ledger, ledger)
    const r = await timeProcess(
      cli.command,
      [...cli.args, 'append', input.jsonl, '--actor', BENCH_ACTOR, '--store', `sqlite:${ledger}`],
      { timeoutMs: options.timeoutS * 1000, cwd: repoRoot },
    )
    if (r._tag === 'Failed')
      return { figures, notes: [`cli append of ${label} lines: ${r.reason}`] }
    const head = await headOf(ledger)
    const expected = input.definitions + options.lines
    if (head !== expected)
      return {
        figures,
        notes: [`cli append of ${label} lines: exited 0 but the head is ${head}, not ${expected}`],
      }
    figures[secondsKey] = r.ms / 1000
    figures[rssKey] = r.peakRssMb
    figures[rateKey] = perSecond(options.lines, r.ms)
    return { figures, notes: [] }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
