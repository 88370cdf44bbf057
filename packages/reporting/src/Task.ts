/**
 * Key tasks, reforms and action items as a report shows them.
 *
 * @module Task
 */
import type { LocalizedText, TaskKind, TaskStatus } from '@progress-ledger/core'

/** A key task, reform or action item as of the report date. */
export interface TaskReport {
  readonly taskId: string
  readonly kind: TaskKind
  readonly number: string | null
  readonly name: LocalizedText
  readonly departments: ReadonlyArray<string>
  readonly status: TaskStatus | 'unreported'
  readonly progress: number | null
  readonly eventIds: ReadonlyArray<string>
}
