/**
 * What needs attention first: indicators that are red, yellow or at risk (on track today,
 * forecast to miss the due target), delayed or suspended tasks and reforms, and projects with
 * overdue milestones — each with its owners, so that a report can open with them.
 *
 * @module Attention
 */
import type { IndicatorReport } from './Evaluate'
import type { ProjectReport } from './Milestones'
import type { TaskReport } from './Task'

/** Why an indicator is on the attention list, most urgent first. */
export type AttentionReason = 'off-track' | 'needs-acceleration' | 'at-risk'

/**
 * Every attention reason, most urgent first.
 *
 * @example
 * import { attentionReasons } from '@progress-ledger/reporting'
 * attentionReasons // ['off-track', 'needs-acceleration', 'at-risk']
 */
export const attentionReasons: ReadonlyArray<AttentionReason> = [
  'off-track',
  'needs-acceleration',
  'at-risk',
]

/** An indicator on the attention list. */
export interface AttentionItem {
  readonly reason: AttentionReason
  readonly indicator: IndicatorReport
}

/** The attention list of a report. */
export interface Attention {
  readonly indicators: ReadonlyArray<AttentionItem>
  /** Key tasks, reforms and action items reported delayed or suspended. */
  readonly tasks: ReadonlyArray<TaskReport>
  /** Projects with at least one overdue milestone. */
  readonly projects: ReadonlyArray<ProjectReport>
}

/**
 * The reason an indicator needs attention, or `null` when it does not.
 *
 * @example
 * import { attentionReason } from '@progress-ledger/reporting'
 * attentionReason({ status: 'on-track', atRisk: true }) // 'at-risk'
 * attentionReason({ status: 'achieved', atRisk: false }) // null
 */
export function attentionReason(
  i: Pick<IndicatorReport, 'status' | 'atRisk'>,
): AttentionReason | null {
  if (i.status === 'off-track') return 'off-track'
  if (i.status === 'needs-acceleration') return 'needs-acceleration'
  return i.atRisk ? 'at-risk' : null
}

/**
 * Collects the attention list: indicators by reason (red, yellow, at risk), each group in
 * report order; delayed and suspended tasks; projects with overdue milestones.
 *
 * @example
 * import { attentionOf } from '@progress-ledger/reporting'
 * attentionOf([], [], []) // { indicators: [], tasks: [], projects: [] }
 */
export function attentionOf(
  indicators: ReadonlyArray<IndicatorReport>,
  tasks: ReadonlyArray<TaskReport>,
  projects: ReadonlyArray<ProjectReport>,
): Attention {
  const items = attentionReasons.flatMap((reason) =>
    indicators
      .filter((i) => attentionReason(i) === reason)
      .map((indicator) => ({ reason, indicator })),
  )
  return {
    indicators: items,
    tasks: tasks.filter((t) => t.status === 'delayed' || t.status === 'suspended'),
    projects: projects.filter((p) => p.overdue.length > 0),
  }
}
