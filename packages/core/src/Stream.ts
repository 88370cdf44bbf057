/**
 * Stream naming: one stream per plan, indicator, project, task and department, so that
 * optimistic concurrency guards each subject separately.
 *
 * @module Stream
 */

/**
 * Stream ids by convention.
 *
 * @example
 * import { streams } from '@progress-ledger/core'
 * streams.indicator('I01') // 'indicator-I01'
 */
export const streams = {
  plan: (id: string): string => `plan-${id}`,
  indicator: (id: string): string => `indicator-${id}`,
  project: (id: string): string => `project-${id}`,
  task: (id: string): string => `task-${id}`,
  department: (id: string): string => `department-${id}`,
  audit: (actor: string): string => `audit-${actor}`,
} as const
