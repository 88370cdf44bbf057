/**
 * The jobs of a bench run: which suite, with which sizes, how many fresh processes. `full` is
 * what `pnpm bench` runs; `quick` is a smoke test with small sizes and one run each.
 *
 * @module Jobs
 */
import { runAnchorSuite } from './measure/Anchor'
import { runCountiesSuite, runRailwaySuite } from './measure/Growth'
import { runPostgresSuite, runSqliteSuite } from './measure/Stores'
import type { SuiteResult } from './measure/Timing'
import { ANCHOR_1M } from './workloads/Anchor'

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

/** A job: a named task run in `runs` fresh processes. */
export interface Job {
  readonly name: string
  readonly title: string
  readonly task: Task
  readonly runs: number
  /** Heap limit of the child process, in MB. */
  readonly heapMb: number
}

/**
 * Fresh processes for the plan over 1,000 counties (4.7M events, about a minute and a half each
 * on the reference machine): fewer than the other jobs' 5 to keep the full run near 10 minutes.
 */
export const LARGE_RUNS = 2

/** Bench modes. */
export type Mode = 'full' | 'quick'

/** The jobs of a mode. PostgreSQL runs only when `pgUrl` is set. */
export function jobsFor(mode: Mode, pgUrl: string | undefined): Job[] {
  const q = mode === 'quick'
  const runs = q ? 1 : 5
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
      runs: n === 1000 ? Math.min(runs, LARGE_RUNS) : runs,
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
      runs: q ? 1 : 5,
      heapMb: 4096,
    },
  ]
  if (pgUrl !== undefined && pgUrl !== '') {
    jobs.push({
      name: 'postgres',
      title: `PostgreSQL store, ${q ? '2,000' : '100,000'} events of workload (a)`,
      task: { suite: 'postgres', events: q ? 2_000 : 100_000 },
      runs: q ? 1 : 5,
      heapMb: 4096,
    })
  }
  return jobs
}

/** Runs a task in this process (the child's body; also what the bench's test calls). */
export async function runTask(task: Task): Promise<SuiteResult> {
  switch (task.suite) {
    case 'anchor':
      return runAnchorSuite({
        size: { ...ANCHOR_1M, events: task.events },
        spreadEvents: task.spreadEvents,
        incrementalEvents: task.incrementalEvents,
        snapshot: task.snapshot,
      })
    case 'counties':
      return runCountiesSuite(task.counties, task.report)
    case 'railway':
      return runRailwaySuite(task.projects)
    case 'sqlite':
      return runSqliteSuite(task.events)
    case 'postgres':
      return runPostgresSuite(task.events, process.env['PG_URL'])
  }
}
