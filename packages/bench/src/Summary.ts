/**
 * From runs to figures: the median, min and max of every figure over a job's fresh processes,
 * and the one JSON object `pnpm bench --json` prints, whose headline keys are the issue's.
 *
 * @module Summary
 */
import type { Job } from './Jobs'
import type { SuiteResult } from './measure/Timing'

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

/** Median (upper median for an even count), min and max of finite values, or `null` if none. */
export function stat(values: ReadonlyArray<number | null | undefined>): Stat | null {
  const xs = values
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
    .sort((a, b) => a - b)
  if (xs.length === 0) return null
  return {
    median: xs[Math.floor(xs.length / 2)] as number,
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

/** The headline keys of the JSON output: [key, job, figure]. */
export const HEADLINE: ReadonlyArray<readonly [string, string, string]> = [
  ['append_events_per_sec', 'anchor', 'append_events_per_sec'],
  ['fold_vs_floor_ratio', 'anchor', 'fold_vs_floor_ratio'],
  ['fold_vs_spread_ratio', 'anchor', 'fold_vs_spread_ratio'],
  ['bytes_per_event', 'anchor', 'bytes_per_event'],
  ['asof_ms', 'anchor', 'asof_ms'],
  ['incremental_us', 'anchor', 'incremental_us'],
  ['report_ms', 'counties-1', 'report_ms'],
  ['sqlite_append_events_per_sec', 'sqlite', 'sqlite_append_events_per_sec'],
  ['sqlite_append_vs_floor', 'sqlite', 'sqlite_append_vs_floor'],
  ['sqlite_read_events_per_sec', 'sqlite', 'sqlite_read_events_per_sec'],
  ['sqlite_fold_events_per_sec', 'sqlite', 'sqlite_fold_events_per_sec'],
  ['pg_append_events_per_sec', 'postgres', 'pg_append_events_per_sec'],
  ['pg_append_vs_floor', 'postgres', 'pg_append_vs_floor'],
  ['pg_read_events_per_sec', 'postgres', 'pg_read_events_per_sec'],
]

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
  readonly machine: MachineInfo
  readonly jobs: Readonly<Record<string, JobSummary>>
  readonly notes: ReadonlyArray<string>
}

/** Builds the JSON output from job summaries. */
export function benchJson(
  mode: string,
  command: string,
  machine: MachineInfo,
  jobs: ReadonlyArray<JobSummary>,
): BenchJson {
  const byName: Record<string, JobSummary> = {}
  for (const j of jobs) byName[j.name] = j
  const headline: Record<string, number | null> = {}
  for (const [key, job, figure] of HEADLINE)
    headline[key] = byName[job]?.figures[figure]?.median ?? null
  return { ...headline, mode, command, machine, jobs: byName, notes: jobs.flatMap((j) => j.notes) }
}
