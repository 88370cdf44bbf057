/**
 * Runs a task in this process: the body of a bench child, and what the bench's test calls.
 *
 * @module Tasks
 */
import { absurd } from '@progress-ledger/core'
import type { Task } from './Jobs'
import { runAnchorSuite } from './measure/Anchor'
import { runCliSuite } from './measure/Cli'
import { runCliPostgresSuite } from './measure/CliPostgres'
import { runCountiesSuite, runRailwaySuite } from './measure/Growth'
import { runIntakeSuite } from './measure/Intake'
import { runPostgresSuite, runSqliteSuite } from './measure/Stores'
import type { SuiteResult } from './measure/Timing'
import { ANCHOR_1M } from './workloads/Anchor'

/** Runs a task in this process. */
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
    case 'cli':
      return runCliSuite(task)
    case 'cli-pg':
      return runCliPostgresSuite(task, process.env['PG_URL'])
    case 'cli-intake':
      return runIntakeSuite(task)
    default:
      return absurd(task)
  }
}
