/**
 * The JSON rendering with a documented, versioned schema. The io-ts codec {@link ReportJson}
 * is the schema's one definition; `docs/status-methods.md` describes each field.
 *
 * @module render/Json
 */
import * as t from 'io-ts'
import { LocalizedText } from '@progress-ledger/core'
import type { PlanReport } from '../Report'

/** The schema version written by {@link renderJson}; bumped on any incompatible change. */
export const reportSchemaVersion = 1

const Nullable = <C extends t.Mixed>(c: C) => t.union([c, t.null])
const ValueAt = t.strict({
  value: t.number,
  period: t.string,
  illustrative: t.boolean,
  eventId: t.string,
})
const TargetAt = t.strict({ targetId: t.string, label: t.string, dueYear: t.number })

/** One indicator in the JSON report. */
export const IndicatorJson = t.strict({
  id: t.string,
  number: Nullable(t.string),
  name: LocalizedText,
  unit: t.string,
  categoryId: t.string,
  attribute: t.keyof({ evaluation: null, observation: null }),
  status: t.string,
  light: t.string,
  grade: t.string,
  method: t.string,
  departments: t.readonlyArray(t.string),
  baseline: Nullable(ValueAt),
  latest: Nullable(ValueAt),
  interimTarget: Nullable(TargetAt),
  target: Nullable(TargetAt),
  forecast: Nullable(
    t.strict({ projected: t.number, dueYear: t.number, metOn: Nullable(t.string), pace: t.string }),
  ),
  eventIds: t.readonlyArray(t.string),
})

/** One project in the JSON report. */
export const ProjectJson = t.strict({
  id: t.string,
  name: LocalizedText,
  milestonesMet: t.number,
  milestonesTotal: t.number,
  overdue: t.readonlyArray(t.string),
  nextDue: Nullable(t.strict({ milestoneId: t.string, date: t.string })),
})

/** The JSON report, schema version 1. */
export const ReportJson = t.strict({
  schemaVersion: t.literal(reportSchemaVersion),
  planId: t.string,
  name: LocalizedText,
  asOf: t.string,
  lang: t.string,
  period: t.strict({
    baseYear: t.number,
    startYear: t.number,
    endYear: t.number,
    adoptedOn: t.string,
  }),
  summary: t.strict({
    indicators: t.number,
    graded: t.number,
    onSchedule: t.number,
    counts: t.record(t.string, t.number),
  }),
  indicators: t.readonlyArray(IndicatorJson),
  departments: t.readonlyArray(
    t.strict({ id: t.string, rank: Nullable(t.number), graded: t.number, onSchedule: t.number }),
  ),
  tasks: t.readonlyArray(
    t.strict({ kind: t.string, total: t.number, counts: t.record(t.string, t.number) }),
  ),
  projects: t.readonlyArray(ProjectJson),
})
/** The JSON report. */
export type ReportJson = t.TypeOf<typeof ReportJson>

const valueAt = (v: PlanReport['indicators'][number]['latest']): t.TypeOf<typeof ValueAt> | null =>
  v === null
    ? null
    : { value: v.value, period: v.period, illustrative: v.illustrative, eventId: v.eventId }

/**
 * The report as a {@link ReportJson} value.
 *
 * @example
 * import { toReportJson } from '@progress-ledger/reporting'
 * // toReportJson(report).schemaVersion === 1
 */
export function toReportJson(r: PlanReport): ReportJson {
  return {
    schemaVersion: reportSchemaVersion,
    planId: r.planId,
    name: r.name,
    asOf: r.asOf,
    lang: r.lang,
    period: {
      baseYear: r.baseYear,
      startYear: r.startYear,
      endYear: r.endYear,
      adoptedOn: r.adoptedOn,
    },
    summary: {
      indicators: r.overall.indicators,
      graded: r.overall.graded,
      onSchedule: r.overall.onSchedule,
      counts: { ...r.overall.counts },
    },
    indicators: r.indicators.map((i) => {
      const ft = i.targets[i.targets.length - 1]
      const it = i.targets.length > 1 ? i.targets[0] : undefined
      return {
        id: i.indicatorId,
        number: i.number,
        name: i.name,
        unit: i.unit,
        categoryId: i.categoryId,
        attribute: i.attribute,
        status: i.status,
        light: i.light,
        grade: i.grade,
        method: i.method,
        departments: i.departments,
        baseline: valueAt(i.baseline),
        latest: valueAt(i.latest),
        interimTarget:
          it === undefined ? null : { targetId: it.targetId, label: it.label, dueYear: it.dueYear },
        target:
          ft === undefined ? null : { targetId: ft.targetId, label: ft.label, dueYear: ft.dueYear },
        forecast:
          i.forecast === null
            ? null
            : {
                projected: i.forecast.projected,
                dueYear: i.forecast.dueYear,
                metOn: i.forecast.metOn,
                pace: i.forecast.pace,
              },
        eventIds: i.eventIds,
      }
    }),
    departments: r.departments.map((d) => ({
      id: d.departmentId,
      rank: d.rank,
      graded: d.graded,
      onSchedule: d.onSchedule,
    })),
    tasks: r.taskRollup.map((x) => ({ kind: x.kind, total: x.total, counts: { ...x.counts } })),
    projects: r.projects.map((p) => ({
      id: p.projectId,
      name: p.name,
      milestonesMet: p.met,
      milestonesTotal: p.total,
      overdue: p.overdue,
      nextDue: p.nextDue,
    })),
  }
}

/**
 * Renders a report as JSON (schema version {@link reportSchemaVersion}), two-space indented,
 * ending with a newline.
 *
 * @example
 * import { renderJson } from '@progress-ledger/reporting'
 * // JSON.parse(renderJson(report)).schemaVersion === 1
 */
export function renderJson(r: PlanReport): string {
  return `${JSON.stringify(ReportJson.encode(toReportJson(r)), null, 2)}\n`
}
