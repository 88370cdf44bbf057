/**
 * What changed between two reports (two as-of cuts of the same plan): values, statuses,
 * targets, milestones and tasks, each with the events responsible for the change.
 *
 * @module Diff
 */
import type { IndicatorReport } from './Evaluate'
import { formatNumber } from './Explanation'
import type { PlanReport } from './Report'

/** One change between two reports. `eventIds` are the events behind the newer side that the older did not use. */
export interface Change {
  readonly kind:
    'indicator-added' | 'indicator-removed' | 'value' | 'status' | 'target' | 'milestone' | 'task'
  /** The indicator, milestone (`project/milestone`) or task id. */
  readonly subject: string
  readonly before: string | null
  readonly after: string | null
  readonly eventIds: ReadonlyArray<string>
}

/** The changes from report `a` to report `b`. */
export interface ReportDiff {
  readonly from: string
  readonly to: string
  readonly changes: ReadonlyArray<Change>
}

const fresh = (
  before: ReadonlyArray<string>,
  after: ReadonlyArray<string>,
): ReadonlyArray<string> => {
  const seen = new Set(before)
  return after.filter((id) => !seen.has(id))
}

const valueText = (i: IndicatorReport): string | null =>
  i.latest === null ? null : `${formatNumber(i.latest.value)} (${i.latest.period})`
const targetText = (i: IndicatorReport): string =>
  i.targets.map((t) => `${t.dueYear}: ${t.label}`).join('; ')

/**
 * Compares two reports of the same plan, e.g. as of 2021-12-31 and as of 2022-12-31, or the
 * same valid date at two recorded times. Changes are listed in report order.
 *
 * @example
 * import { diffReports } from '@progress-ledger/reporting'
 * // diffReports(report2021, report2022).changes.filter((c) => c.kind === 'status')
 */
export function diffReports(a: PlanReport, b: PlanReport): ReportDiff {
  const changes: Change[] = []
  const before = new Map(a.indicators.map((i) => [i.indicatorId, i]))
  const after = new Set(b.indicators.map((i) => i.indicatorId))
  for (const i of b.indicators) {
    const o = before.get(i.indicatorId)
    if (o === undefined) {
      changes.push({
        kind: 'indicator-added',
        subject: i.indicatorId,
        before: null,
        after: i.status,
        eventIds: i.eventIds,
      })
      continue
    }
    const ev = fresh(o.eventIds, i.eventIds)
    const vb = valueText(o)
    const va = valueText(i)
    if (vb !== va)
      changes.push({
        kind: 'value',
        subject: i.indicatorId,
        before: vb,
        after: va,
        eventIds: fresh(
          o.series.map((s) => s.eventId),
          i.series.map((s) => s.eventId),
        ),
      })
    if (targetText(o) !== targetText(i)) {
      changes.push({
        kind: 'target',
        subject: i.indicatorId,
        before: targetText(o),
        after: targetText(i),
        eventIds: fresh(
          o.targets.map((t) => t.eventId),
          i.targets.map((t) => t.eventId),
        ),
      })
    }
    if (o.status !== i.status || o.grade !== i.grade) {
      changes.push({
        kind: 'status',
        subject: i.indicatorId,
        before: `${o.status} (${o.grade})`,
        after: `${i.status} (${i.grade})`,
        eventIds: ev,
      })
    }
  }
  for (const o of a.indicators) {
    if (!after.has(o.indicatorId))
      changes.push({
        kind: 'indicator-removed',
        subject: o.indicatorId,
        before: o.status,
        after: null,
        eventIds: [],
      })
  }
  const oldMilestones = new Map<string, PlanReport['projects'][number]['milestones'][number]>(
    a.projects.flatMap((p) =>
      p.milestones.map((m) => [`${p.projectId}/${m.milestoneId}`, m] as [string, typeof m]),
    ),
  )
  for (const p of b.projects) {
    for (const m of p.milestones) {
      const key = `${p.projectId}/${m.milestoneId}`
      const o = oldMilestones.get(key)
      const text = (x: typeof m | undefined): string | null =>
        x === undefined
          ? null
          : x.met !== null
            ? `met ${x.met}`
            : x.forecast !== null
              ? `forecast ${x.forecast}`
              : x.planned !== null
                ? `planned ${x.planned}`
                : null
      if (text(o) !== text(m))
        changes.push({
          kind: 'milestone',
          subject: key,
          before: text(o),
          after: text(m),
          eventIds: fresh(o?.eventIds ?? [], m.eventIds),
        })
    }
  }
  const oldTasks = new Map(a.tasks.map((t) => [t.taskId, t]))
  for (const t of b.tasks) {
    const o = oldTasks.get(t.taskId)
    if (o === undefined || o.status !== t.status || o.progress !== t.progress) {
      const show = (x: typeof t | undefined): string | null =>
        x === undefined
          ? null
          : `${x.status}${x.progress === null ? '' : ` ${formatNumber(x.progress)}%`}`
      changes.push({
        kind: 'task',
        subject: t.taskId,
        before: show(o),
        after: show(t),
        eventIds: fresh(o?.eventIds ?? [], t.eventIds),
      })
    }
  }
  return { from: a.asOf, to: b.asOf, changes }
}
