/**
 * The JSON rendering with a documented, versioned schema. The io-ts codec {@link ReportJson}
 * is the schema's one definition; `docs/status-methods.md` describes each field. Version 2 adds
 * the attention list, the full explanation of every indicator (sentence, method, inputs,
 * thresholds, numbers, arithmetic, notes), the gap and the at-risk flag, and milestones. The
 * `warnings` array was added within version 2 (additive: documents written before it lack the
 * field, which reads as no warnings).
 *
 * @module render/Json
 */
import * as t from 'io-ts'
import { LocalizedText } from '@progress-ledger/core'
import { attentionReasons } from '../Attention'
import type { IndicatorReport, TargetInfo } from '../Evaluate'
import { renderNote } from '../Note'
import type { Lang } from '../Options'
import type { ProjectReport } from '../Milestones'
import type { PlanReport } from '../Report'
import { grades, ruleNames, statusCodes } from '../Status'
import { label } from '../Labels'
import { thresholdLabel } from '../Threshold'

/** The schema version written by {@link renderJson}; bumped on any incompatible change. */
export const reportSchemaVersion = 2

const Nullable = <C extends t.Mixed>(c: C) => t.union([c, t.null])
const oneOf = <K extends string>(keys: ReadonlyArray<K>, name: string) =>
  t.keyof(Object.fromEntries(keys.map((k) => [k, null])) as Record<K, null>, name)

const Status = oneOf(statusCodes, 'StatusCode')
const Grade = oneOf(grades, 'Grade')
const Rule = oneOf(ruleNames, 'RuleName')
const Light = t.keyof({ green: null, yellow: null, red: null, grey: null }, 'Light')

const ValueAt = t.strict({
  value: t.number,
  period: t.string,
  illustrative: t.boolean,
  eventId: t.string,
  outlier: Nullable(t.string),
})
const TargetAt = t.strict({
  targetId: t.string,
  label: t.string,
  meaning: t.string,
  value: Nullable(t.number),
  dueYear: t.number,
  inference: Nullable(
    t.strict({
      direction: t.keyof({ higher: null, lower: null }),
      from: t.keyof({
        'falling-targets': null,
        'rising-targets': null,
        baseline: null,
        nothing: null,
      }),
      other: Nullable(t.number),
    }),
  ),
})

/** The explanation of one indicator's status in the JSON report. */
export const ExplanationJson = t.strict({
  summary: t.string,
  method: Rule,
  methodLabel: t.string,
  grade: Grade,
  status: Status,
  inputs: t.readonlyArray(
    t.strict({
      name: t.string,
      value: t.number,
      period: Nullable(t.string),
      eventId: Nullable(t.string),
    }),
  ),
  thresholds: t.readonlyArray(t.strict({ name: t.string, label: t.string, value: t.number })),
  numbers: t.record(t.string, t.number),
  steps: t.readonlyArray(t.string),
  notes: t.readonlyArray(t.strict({ code: t.string, text: t.string })),
  eventIds: t.readonlyArray(t.string),
})

/** One indicator in the JSON report. */
export const IndicatorJson = t.strict({
  id: t.string,
  number: Nullable(t.string),
  name: LocalizedText,
  unit: t.string,
  unitEn: Nullable(t.string),
  categoryId: t.string,
  attribute: t.keyof({ evaluation: null, observation: null }),
  status: Status,
  statusLabel: t.string,
  light: Light,
  grade: Grade,
  gradeLabel: t.string,
  atRisk: t.boolean,
  method: Rule,
  departments: t.readonlyArray(t.string),
  baseline: Nullable(ValueAt),
  latest: Nullable(ValueAt),
  series: t.readonlyArray(ValueAt),
  interimTarget: Nullable(TargetAt),
  target: Nullable(TargetAt),
  gap: Nullable(
    t.strict({ targetId: t.string, dueYear: t.number, target: t.number, value: t.number }),
  ),
  forecast: Nullable(
    t.strict({
      pace: t.keyof({ compound: null, linear: null }),
      rate: t.number,
      projected: t.number,
      dueYear: t.number,
      meetsByDue: t.boolean,
      metOn: Nullable(t.string),
      steps: t.readonlyArray(t.string),
    }),
  ),
  explanation: ExplanationJson,
  eventIds: t.readonlyArray(t.string),
})

const MilestoneJson = t.strict({
  id: t.string,
  title: LocalizedText,
  planned: Nullable(t.string),
  forecast: Nullable(t.string),
  met: Nullable(t.string),
  slipDays: Nullable(t.number),
  overdue: t.boolean,
  unplanned: t.boolean,
  forecastHistory: t.readonlyArray(
    t.strict({ reportedOn: t.string, forecast: t.string, reason: Nullable(t.string) }),
  ),
})

/** One project in the JSON report (also the body of the project report). */
export const ProjectJson = t.strict({
  id: t.string,
  name: LocalizedText,
  departments: t.readonlyArray(t.string),
  milestonesMet: t.number,
  milestonesTotal: t.number,
  plannedTotal: t.number,
  plannedMet: t.number,
  unplannedMet: t.number,
  shareMet: Nullable(t.number),
  overdue: t.readonlyArray(t.string),
  nextDue: Nullable(t.strict({ milestoneId: t.string, date: t.string })),
  milestones: t.readonlyArray(MilestoneJson),
})

/**
 * What the reader must know before trusting the figures, e.g. that the ledger's hash chain does
 * not verify. Optional in the codec so that version-2 documents written before the field decode;
 * the renderers always write it.
 */
export const WarningsJson = t.exact(
  t.partial({
    warnings: t.readonlyArray(t.string),
    /** The recorded time the figures were cut at (`--known-at`), when they were. */
    knownAt: t.string,
  }),
)

const ReportBody = t.strict({
  schemaVersion: t.literal(reportSchemaVersion),
  kind: t.literal('plan-report'),
  planId: t.string,
  name: LocalizedText,
  asOf: t.string,
  lang: t.keyof({ zh: null, en: null }),
  illustrative: t.boolean,
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
    atRisk: t.number,
    counts: t.record(t.string, t.number),
  }),
  attention: t.strict({
    indicators: t.readonlyArray(
      t.strict({ id: t.string, reason: oneOf(attentionReasons, 'AttentionReason'), why: t.string }),
    ),
    tasks: t.readonlyArray(
      t.strict({
        id: t.string,
        kind: t.string,
        name: LocalizedText,
        status: t.string,
        departments: t.readonlyArray(t.string),
      }),
    ),
    projects: t.readonlyArray(t.strict({ id: t.string, overdue: t.readonlyArray(t.string) })),
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

/** The JSON report, schema version 2. */
export const ReportJson = t.intersection([ReportBody, WarningsJson], 'ReportJson')
/** The JSON report. */
export type ReportJson = t.TypeOf<typeof ReportJson>

const valueAt = (v: IndicatorReport['latest']): t.TypeOf<typeof ValueAt> | null =>
  v === null
    ? null
    : {
        value: v.value,
        period: v.period,
        illustrative: v.illustrative,
        eventId: v.eventId,
        outlier: v.outlier,
      }

const targetAt = (x: TargetInfo | undefined): t.TypeOf<typeof TargetAt> | null =>
  x === undefined
    ? null
    : {
        targetId: x.targetId,
        label: x.label,
        meaning: x.meaning,
        value: x.value,
        dueYear: x.dueYear,
        inference: x.inference,
      }

/** A project as JSON. */
export function projectJson(p: ProjectReport): t.TypeOf<typeof ProjectJson> {
  return {
    id: p.projectId,
    name: p.name,
    departments: p.departments,
    milestonesMet: p.met,
    milestonesTotal: p.total,
    plannedTotal: p.plannedTotal,
    plannedMet: p.plannedMet,
    unplannedMet: p.unplannedMet,
    shareMet: p.shareMet,
    overdue: p.overdue,
    nextDue: p.nextDue,
    milestones: p.milestones.map((m) => ({
      id: m.milestoneId,
      title: m.title,
      planned: m.planned,
      forecast: m.forecast,
      met: m.met,
      slipDays: m.slipDays,
      overdue: m.overdue,
      unplanned: m.unplanned,
      forecastHistory: m.history.map((h) => ({
        reportedOn: h.reportedOn,
        forecast: h.forecast,
        reason: h.reason,
      })),
    })),
  }
}

function indicatorJson(i: IndicatorReport, lang: Lang): t.TypeOf<typeof IndicatorJson> {
  const e = i.explanation
  return {
    id: i.indicatorId,
    number: i.number,
    name: i.name,
    unit: i.unit,
    unitEn: i.unitEn,
    categoryId: i.categoryId,
    attribute: i.attribute,
    status: i.status,
    statusLabel: label('status', i.status, lang),
    light: i.light,
    grade: i.grade,
    gradeLabel: label('grade', i.grade, lang),
    atRisk: i.atRisk,
    method: i.method,
    departments: i.departments,
    baseline: valueAt(i.baseline),
    latest: valueAt(i.latest),
    series: i.series.map((v) => valueAt(v) as t.TypeOf<typeof ValueAt>),
    interimTarget: targetAt(i.targets.length > 1 ? i.targets[0] : undefined),
    target: targetAt(i.targets[i.targets.length - 1]),
    gap: i.gap,
    forecast:
      i.forecast === null
        ? null
        : {
            pace: i.forecast.pace,
            rate: i.forecast.rate,
            projected: i.forecast.projected,
            dueYear: i.forecast.dueYear,
            meetsByDue: i.forecast.meetsByDue,
            metOn: i.forecast.metOn,
            steps: i.forecast.steps,
          },
    explanation: {
      summary: i.summary,
      method: e.method,
      methodLabel: label('method', e.method, lang),
      grade: e.grade,
      status: e.status,
      inputs: e.inputs,
      thresholds: e.thresholds.map((x) => ({
        name: x.name,
        label: thresholdLabel(x.name, lang),
        value: x.value,
      })),
      numbers: e.numbers,
      steps: e.steps,
      notes: e.notes.map((n) => ({ code: n._tag, text: renderNote(n, lang) })),
      eventIds: e.eventIds,
    },
    eventIds: i.eventIds,
  }
}

/**
 * The report as a {@link ReportJson} value.
 *
 * @example
 * import { ledgerProjection, replay } from '@progress-ledger/core'
 * import { fixtures, recorded } from '@progress-ledger/testkit'
 * import { evaluatePlan, toReportJson } from '@progress-ledger/reporting'
 * const r = evaluatePlan(replay(ledgerProjection, recorded(fixtures.gdpPlan)), { asOf: '2021-12-31', lang: 'en' })
 * const json = r._tag === 'Report' ? toReportJson(r.report) : undefined
 * json?.schemaVersion // 2
 * json?.indicators[0]?.explanation.summary // 'Too few data points (only the baseline, or no values yet) to grade.'
 */
export function toReportJson(r: PlanReport): ReportJson {
  return {
    schemaVersion: reportSchemaVersion,
    kind: 'plan-report',
    planId: r.planId,
    name: r.name,
    asOf: r.asOf,
    lang: r.lang,
    illustrative: r.illustrative,
    warnings: r.warnings,
    ...(r.options.knownAt === null ? {} : { knownAt: r.options.knownAt }),
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
      atRisk: r.indicators.filter((i) => i.atRisk).length,
      counts: { ...r.overall.counts },
    },
    attention: {
      indicators: r.attention.indicators.map((a) => ({
        id: a.indicator.indicatorId,
        reason: a.reason,
        why: a.indicator.summary,
      })),
      tasks: r.attention.tasks.map((x) => ({
        id: x.taskId,
        kind: x.kind,
        name: x.name,
        status: x.status,
        departments: x.departments,
      })),
      projects: r.attention.projects.map((p) => ({ id: p.projectId, overdue: p.overdue })),
    },
    indicators: r.indicators.map((i) => indicatorJson(i, r.lang)),
    departments: r.departments.map((d) => ({
      id: d.departmentId,
      rank: d.rank,
      graded: d.graded,
      onSchedule: d.onSchedule,
    })),
    tasks: r.taskRollup.map((x) => ({ kind: x.kind, total: x.total, counts: { ...x.counts } })),
    projects: r.projects.map(projectJson),
  }
}

/**
 * Renders a report as JSON (schema version {@link reportSchemaVersion}), two-space indented,
 * ending with a newline.
 *
 * @example
 * import { ledgerProjection, replay } from '@progress-ledger/core'
 * import { fixtures, recorded } from '@progress-ledger/testkit'
 * import { evaluatePlan, renderJson } from '@progress-ledger/reporting'
 * const r = evaluatePlan(replay(ledgerProjection, recorded(fixtures.gdpPlan)), { asOf: '2021-12-31', lang: 'zh' })
 * r._tag === 'Report' && JSON.parse(renderJson(r.report)).schemaVersion // 2
 */
export function renderJson(r: PlanReport): string {
  const { schemaVersion, kind, planId, name, asOf, knownAt, lang, illustrative, ...rest } =
    ReportJson.encode(toReportJson(r))
  // The warnings come right after the heading fields, where a reader looks first.
  const ordered = {
    schemaVersion,
    kind,
    planId,
    name,
    asOf,
    ...(knownAt === undefined ? {} : { knownAt }),
    lang,
    illustrative,
    warnings: r.warnings,
    ...rest,
  }
  return `${JSON.stringify(ordered, null, 2)}\n`
}
