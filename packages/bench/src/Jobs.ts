/**
 * The jobs of a bench run: which suite, with which sizes, how many fresh processes. `full` is
 * what `pnpm bench` runs; `quick` is a smoke test with small sizes and one run each. Every job of
 * the full run takes an odd number of fresh processes, so that its median is one of them.
 *
 * @module Jobs
 */
import { join } from 'node:path'
import { ANCHOR_1M } from './workloads/Anchor'
import { repoRoot } from './workloads/Seeds'

/** A suite and its parameters: what one fresh process measures. */
export type Task =
  | {
      readonly suite: 'anchor'
      readonly events: number
      readonly spreadEvents: number
      readonly incrementalEvents: number
      readonly snapshot: boolean
    }
  | { readonly suite: 'counties'; readonly counties: number; readonly report: boolean }
  | { readonly suite: 'railway'; readonly projects: number }
  | { readonly suite: 'sqlite'; readonly events: number }
  | { readonly suite: 'postgres'; readonly events: number }
  | {
      readonly suite: 'cli'
      readonly sizes: ReadonlyArray<number>
      readonly dir: string
      readonly source: boolean
      readonly timeoutS: number
    }
  | {
      readonly suite: 'cli-pg'
      readonly sizes: ReadonlyArray<number>
      readonly dir: string
      readonly source: boolean
      readonly timeoutS: number
    }
  | {
      readonly suite: 'cli-intake'
      readonly lines: number
      readonly dir: string
      readonly source: boolean
      readonly timeoutS: number
    }

/** A job: a named task run in `runs` fresh processes. */
export interface Job {
  readonly name: string
  readonly title: string
  readonly task: Task
  readonly runs: number
  /** Heap limit of the child process, in MB. */
  readonly heapMb: number
  /** Stop after a run that measured nothing (e.g. a command that ran out of time). */
  readonly stopAfterFailure?: boolean
}

/** Fresh processes per job in the full run. */
export const FULL_RUNS = 5

/** Bench modes. */
export type Mode = 'full' | 'quick'

/** What a run is asked for besides its mode. */
export interface JobOptions {
  /** PostgreSQL's URL: its job runs only when set. */
  readonly pgUrl?: string | undefined
  /** Measure the packages' sources through tsx instead of their built `dist`. */
  readonly source?: boolean
  /** Where generated ledgers are kept between runs. */
  readonly ledgers?: string
  /** Only the CLI's jobs (`--cli`). */
  readonly cliOnly?: boolean
}

/** Where generated ledgers are kept unless told otherwise (ignored by git). */
export const DEFAULT_LEDGERS = join(repoRoot, 'packages/bench/scratch/ledgers')

/** The ledger sizes of the per-command latency table. */
export const CLI_SIZES: ReadonlyArray<number> = [10_000, 100_000, 1_000_000]

/** Lines of the intake measurement. */
export const INTAKE_LINES = 1_000_000

function cliJobs(q: boolean, runs: number, options: JobOptions): Job[] {
  const dir = options.ledgers ?? DEFAULT_LEDGERS
  const source = options.source ?? false
  const sizes = q ? [2_000] : CLI_SIZES
  const lines = q ? 2_000 : INTAKE_LINES
  const listed = sizes.map((n) => n.toLocaleString('en-US')).join(', ')
  const pg: Job[] =
    options.pgUrl === undefined || options.pgUrl === ''
      ? []
      : [
          {
            name: 'cli-pg',
            title: `CLI commands that read, fresh process each, on PostgreSQL ledgers of ${listed} events`,
            task: { suite: 'cli-pg', sizes, dir, source, timeoutS: 600 },
            runs,
            heapMb: 8192,
          },
        ]
  return [
    {
      name: 'cli',
      title: `CLI commands, fresh process each, on SQLite ledgers of ${listed} events`,
      task: { suite: 'cli', sizes, dir, source, timeoutS: 600 },
      runs,
      heapMb: 8192,
    },
    ...pg,
    {
      name: 'cli-intake',
      title: `CLI append of ${lines.toLocaleString('en-US')} lines in one process`,
      task: { suite: 'cli-intake', lines, dir, source, timeoutS: q ? 120 : 900 },
      runs,
      heapMb: 8192,
      stopAfterFailure: true,
    },
  ]
}

/** The jobs of a mode. */
export function jobsFor(mode: Mode, options: JobOptions = {}): Job[] {
  const q = mode === 'quick'
  const runs = q ? 1 : FULL_RUNS
  if (options.cliOnly === true) return cliJobs(q, runs, options)
  const jobs: Job[] = [
    {
      name: 'anchor',
      title: q
        ? 'workload (a), 20,000 events / 1,000 streams'
        : 'workload (a), 1,000,000 events / 1,000 streams',
      task: {
        suite: 'anchor',
        events: q ? 20_000 : ANCHOR_1M.events,
        spreadEvents: q ? 2_000 : 5_000,
        incrementalEvents: q ? 100 : 100_000,
        snapshot: true,
      },
      runs,
      heapMb: 8192,
    },
    ...(q ? [1, 2] : [1, 100, 1000]).map((n): Job => ({
      name: `counties-${n}`,
      title: `workload (b), plan × ${n} ${n === 1 ? 'county' : 'counties'}`,
      task: { suite: 'counties', counties: n, report: true },
      runs,
      heapMb: 12288,
    })),
    {
      name: 'railway',
      title: `workload (c), railway chronicle × ${q ? 10 : 1000} projects`,
      task: { suite: 'railway', projects: q ? 10 : 1000 },
      runs,
      heapMb: 4096,
    },
    {
      name: 'sqlite',
      title: `SQLite store, ${q ? '2,000' : '100,000'} events of workload (a)`,
      task: { suite: 'sqlite', events: q ? 2_000 : 100_000 },
      runs,
      heapMb: 4096,
    },
  ]
  if (options.pgUrl !== undefined && options.pgUrl !== '') {
    jobs.push({
      name: 'postgres',
      title: `PostgreSQL store, ${q ? '2,000' : '100,000'} events of workload (a)`,
      task: { suite: 'postgres', events: q ? 2_000 : 100_000 },
      runs,
      heapMb: 4096,
    })
  }
  return [...jobs, ...cliJobs(q, runs, options)]
}
