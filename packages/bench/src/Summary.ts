/**
 * From runs to figures: the median, min and max of every figure over a job's fresh processes,
 * and the one JSON object `pnpm bench --json` prints, whose headline keys are the issue's.
 *
 * @module Summary
 */
import type { Job } from './Jobs'
import { median, type SuiteResult } from './measure/Timing'

/** A figure over several runs. */
export interface Stat {
  readonly median: number
  readonly min: number
  readonly max: number
  readonly runs: number
}

/** The figures of one job. */
export interface JobSummary {
  readonly name: string
  readonly title: string
  readonly figures: Readonly<Record<string, Stat | null>>
  readonly notes: ReadonlyArray<string>
}

/** When the full run that wrote docs/benchmarks.json finished, and how long it took (`run`). */
export interface BenchRun {
  readonly finishedAt: string
  readonly seconds: number
}

/**
 * Median (see {@link median}), min and max of the finite values, or `null` if none. `runs`
 * counts the values measured: a run that failed gives none.
 *
 * @example
 * import { stat } from '@progress-ledger/bench'
 * stat([3, 1, null, 2, 9]) // { median: 2.5, min: 1, max: 9, runs: 4 }
 * stat([7, 1, 3]) // { median: 3, min: 1, max: 7, runs: 3 }
 * stat([null]) // null
 */
export function stat(values: ReadonlyArray<number | null | undefined>): Stat | null {
  const xs = values
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
    .sort((a, b) => a - b)
  if (xs.length === 0) return null
  return {
    median: median(xs),
    min: xs[0] as number,
    max: xs[xs.length - 1] as number,
    runs: xs.length,
  }
}

/** Summarises the runs of a job. */
export function summariseJob(
  job: Pick<Job, 'name' | 'title'>,
  results: ReadonlyArray<SuiteResult>,
): JobSummary {
  const keys = new Set<string>()
  for (const r of results) for (const k of Object.keys(r.figures)) keys.add(k)
  const figures: Record<string, Stat | null> = {}
  for (const k of keys) figures[k] = stat(results.map((r) => r.figures[k]))
  return {
    name: job.name,
    title: job.title,
    figures,
    notes: [...new Set(results.flatMap((r) => r.notes))],
  }
}

/**
 * The headline keys of the JSON output, each the median of the figure of that name in the first
 * job (in run order) that measured it, or `null`: the goals' keys first, then figures kept beside
 * them. A suite that returns one of these names fills it, whichever job runs it.
 */
export const HEADLINE: ReadonlyArray<string> = [
  'sqlite_append_events_per_sec',
  'sqlite_append_vs_floor',
  'pg_append_events_per_sec',
  'pg_append_vs_floor',
  'pg_read_events_per_sec',
  'sqlite_read_events_per_sec',
  'sqlite_read_replay_events_per_sec',
  'pg_read_replay_events_per_sec',
  'fold_vs_floor_ratio',
  'fold_vs_persistent_floor_ratio',
  'asof_cold_ms',
  'checkpoint_restore_ms',
  'checkpoint_restore_plan_ms_1m',
  'checkpoint_restore_all_ms_1m',
  'cli_report_cold_ms_1m',
  'cli_append_1m_lines_s',
  'cli_append_1m_lines_peak_rss_mb',
  'append_events_per_sec',
  'memory_read_replay_events_per_sec',
  'fold_vs_spread_ratio',
  'bytes_per_event',
  'asof_ms',
  'asof_published_first_ms',
  'incremental_us',
  'incremental_cold_us',
  'report_ms',
]

/** The figure `key` of the first job that measured it, or `null`. */
export function findFigure(jobs: Readonly<Record<string, JobSummary>>, key: string): Stat | null {
  for (const j of Object.values(jobs)) {
    const s = j.figures[key]
    if (s !== undefined && s !== null) return s
  }
  return null
}

/** The machine a run was measured on. */
export interface MachineInfo {
  readonly cpu: string
  readonly cores: number
  readonly node: string
  readonly os: string
}

/** The JSON output: headline medians (or `null`), then the machine, every job's figures and notes. */
export interface BenchJson {
  readonly [key: string]: unknown
  readonly mode: string
  readonly command: string
  /** What was measured: the packages' built `dist`, or their sources (`--source`). */
  readonly code: 'dist' | 'source'
  readonly machine: MachineInfo
  readonly jobs: Readonly<Record<string, JobSummary>>
  readonly notes: ReadonlyArray<string>
}

/** Builds the JSON output from job summaries. */
export function benchJson(
  mode: string,
  command: string,
  code: 'dist' | 'source',
  machine: MachineInfo,
  jobs: ReadonlyArray<JobSummary>,
): BenchJson {
  const byName: Record<string, JobSummary> = {}
  for (const j of jobs) byName[j.name] = j
  const headline: Record<string, number | null> = {}
  for (const key of HEADLINE) headline[key] = findFigure(byName, key)?.median ?? null
  return {
    ...headline,
    mode,
    command,
    code,
    machine,
    jobs: byName,
    notes: jobs.flatMap((j) => j.notes),
  }
}
