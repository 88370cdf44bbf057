/**
 * Roll-ups: status counts by category and for the whole plan, a department scorecard (督查考评)
 * ranking owners by the share of their evaluation indicators on schedule, and status counts of
 * key tasks, reforms and action items.
 *
 * @module Rollup
 */
import {
  type DepartmentState,
  type LocalizedText,
  type PlanState,
  type TaskKind,
  type TaskState,
  type TaskStatus,
  taskStatus,
} from '@progress-ledger/core'
import type { IndicatorReport } from './Evaluate'
import { gradeRank, onSchedule, type StatusCode, statusCodes } from './Status'

/** How many indicators have each status. */
export type StatusCounts = Readonly<Record<StatusCode, number>>

/** Counts of a set of indicators. */
export interface Tally {
  readonly indicators: number
  readonly counts: StatusCounts
  /** Indicators with a grade (achieved, on track, needs acceleration, off track). */
  readonly graded: number
  readonly onSchedule: number
  /** `onSchedule / graded`, `null` when nothing is graded. */
  readonly shareOnSchedule: number | null
}

/** A category's tally. */
export interface CategoryRollup extends Tally {
  readonly categoryId: string
  readonly name: LocalizedText
  readonly order: number
}

/** A department's line on the scorecard. Only evaluation indicators count. */
export interface DepartmentScore extends Tally {
  readonly departmentId: string
  readonly name: LocalizedText
  /** 1 = best share on schedule; `null` when none of its indicators is graded. */
  readonly rank: number | null
  readonly indicatorIds: ReadonlyArray<string>
  /** Its indicators that are off track. */
  readonly offTrack: ReadonlyArray<string>
}

/** Tasks of one kind by reported status (`unreported` when no status was reported yet). */
export interface TaskRollup {
  readonly kind: TaskKind
  readonly total: number
  readonly counts: Readonly<Record<TaskStatus | 'unreported', number>>
}

/**
 * Tallies indicator statuses.
 *
 * @example
 * import { tally } from '@progress-ledger/reporting'
 * tally([]).shareOnSchedule // null
 */
export function tally(items: ReadonlyArray<Pick<IndicatorReport, 'status'>>): Tally {
  const counts = Object.fromEntries(statusCodes.map((s) => [s, 0])) as Record<StatusCode, number>
  for (const i of items) counts[i.status] += 1
  const graded = items.filter((i) => gradeRank(i.status) !== undefined).length
  const on = items.filter((i) => onSchedule(i.status)).length
  return {
    indicators: items.length,
    counts,
    graded,
    onSchedule: on,
    shareOnSchedule: graded === 0 ? null : on / graded,
  }
}

/** Tallies by category, in the plan's category order (categories without indicators included). */
export function byCategory(
  plan: PlanState,
  indicators: ReadonlyArray<IndicatorReport>,
): ReadonlyArray<CategoryRollup> {
  const cats = Object.values(plan.categories).map((c) => ({
    categoryId: c.categoryId,
    name: c.name,
    order: c.order,
  }))
  for (const i of indicators) {
    if (!cats.some((c) => c.categoryId === i.categoryId))
      cats.push({
        categoryId: i.categoryId,
        name: { zh: i.categoryId },
        order: Number.MAX_SAFE_INTEGER,
      })
  }
  cats.sort(
    (a, b) =>
      a.order - b.order || (a.categoryId < b.categoryId ? -1 : a.categoryId > b.categoryId ? 1 : 0),
  )
  return cats.map((c) => ({
    ...c,
    ...tally(indicators.filter((i) => i.categoryId === c.categoryId)),
  }))
}

/**
 * The department scorecard: evaluation indicators attributed to the departments responsible on
 * the as-of date, ranked by share on schedule (equal shares share a rank; listed with more graded indicators first, then by id).
 */
export function scorecard(
  departments: ReadonlyMap<string, DepartmentState>,
  indicators: ReadonlyArray<IndicatorReport>,
): ReadonlyArray<DepartmentScore> {
  const owned = new Map<string, IndicatorReport[]>()
  for (const i of indicators) {
    if (i.attribute !== 'evaluation') continue
    for (const d of i.departments) owned.set(d, [...(owned.get(d) ?? []), i])
  }
  const rows = [...owned.entries()].map(([id, items]) => ({
    departmentId: id,
    name: departments.get(id)?.name ?? { zh: id },
    indicatorIds: items.map((i) => i.indicatorId),
    offTrack: items.filter((i) => i.status === 'off-track').map((i) => i.indicatorId),
    ...tally(items),
  }))
  rows.sort((a, b) => {
    if (a.shareOnSchedule === null || b.shareOnSchedule === null) {
      if (a.shareOnSchedule !== b.shareOnSchedule) return a.shareOnSchedule === null ? 1 : -1
    } else if (a.shareOnSchedule !== b.shareOnSchedule) return b.shareOnSchedule - a.shareOnSchedule
    return (
      b.graded - a.graded ||
      (a.departmentId < b.departmentId ? -1 : a.departmentId > b.departmentId ? 1 : 0)
    )
  })
  let rank = 0
  let prev: (typeof rows)[number] | undefined
  return rows.map((r, i) => {
    if (r.shareOnSchedule === null) return { ...r, rank: null }
    if (prev === undefined || prev.shareOnSchedule !== r.shareOnSchedule) rank = i + 1
    prev = r
    return { ...r, rank }
  })
}

const TASK_KINDS: ReadonlyArray<TaskKind> = ['key-task', 'reform', 'action-item']
const TASK_STATUSES: ReadonlyArray<TaskStatus | 'unreported'> = [
  'not-started',
  'in-progress',
  'completed',
  'delayed',
  'suspended',
  'unreported',
]

/** Counts tasks of each kind by their status in force. */
export function byTaskKind(tasks: ReadonlyArray<TaskState>): ReadonlyArray<TaskRollup> {
  return TASK_KINDS.map((kind) => {
    const mine = tasks.filter((t) => t.definition.kind === kind)
    const counts = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<
      TaskStatus | 'unreported',
      number
    >
    for (const t of mine) counts[taskStatus(t)?.status ?? 'unreported'] += 1
    return { kind, total: mine.length, counts }
  })
}
