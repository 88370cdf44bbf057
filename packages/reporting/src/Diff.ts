/**
 * What changed between two reports (two as-of cuts of the same plan): values, statuses,
 * targets, milestones and tasks, each with the events responsible for the change.
 *
 * @module Diff
 */
import {
  absurd,
  type IsoDate,
  type LocalizedText,
  type TargetExpression,
  type TaskStatus,
} from '@progress-ledger/core'
import { formatTarget } from '@progress-ledger/plan'
import type { IndicatorReport } from './Evaluate'
import { formatNumber, knownAtText } from './Format'
import { label, localized } from './Labels'
import type { Lang } from './Options'
import type { PlanReport } from './Report'
import { warningLines } from './render/Common'
import type { Grade, StatusCode } from './Status'

/** What a change is about. */
export type ChangeKind =
  'indicator-added' | 'indicator-removed' | 'value' | 'status' | 'target' | 'milestone' | 'task'

/** One side of a change, as data (so that it can be printed in either language). */
export type ChangeSide =
  | { readonly _tag: 'Value'; readonly value: number; readonly period: string }
  | {
      readonly _tag: 'Status'
      readonly status: StatusCode
      readonly grade: Grade
      readonly atRisk: boolean
    }
  | {
      readonly _tag: 'Targets'
      readonly targets: ReadonlyArray<{
        readonly dueYear: number
        readonly expression: TargetExpression
      }>
    }
  | {
      readonly _tag: 'Milestone'
      readonly state: 'met' | 'forecast' | 'planned'
      readonly date: IsoDate
    }
  | {
      readonly _tag: 'Task'
      readonly status: TaskStatus | 'unreported'
      readonly progress: number | null
    }

/** One change between two reports. `eventIds` are the events behind the newer side that the older did not use. */
export interface Change {
  readonly kind: ChangeKind
  /** The indicator, milestone (`project/milestone`) or task id. */
  readonly subject: string
  /** The subject's name, when it has one. */
  readonly name: LocalizedText | null
  /** The older side as language-neutral text (`0.49 (2021)`, `on-track (ahead)`), `null` when absent. */
  readonly before: string | null
  readonly after: string | null
  /** The older side as data, `null` when absent. */
  readonly beforeSide: ChangeSide | null
  readonly afterSide: ChangeSide | null
  readonly eventIds: ReadonlyArray<string>
}

/** The changes from report `a` to report `b`. */
export interface ReportDiff {
  readonly from: string
  readonly to: string
  /** The recorded time each report was cut at (`knownAt`), when it was; shown beside its date. */
  readonly fromKnownAt?: string | null
  readonly toKnownAt?: string | null
  readonly changes: ReadonlyArray<Change>
  /** The warnings of both reports (each once): what the reader must know before trusting them. */
  readonly warnings: ReadonlyArray<string>
}

const fresh = (
  before: ReadonlyArray<string>,
  after: ReadonlyArray<string>,
): ReadonlyArray<string> => {
  const seen = new Set(before)
  return after.filter((id) => !seen.has(id))
}

const valueSide = (i: IndicatorReport): ChangeSide | null =>
  i.latest === null ? null : { _tag: 'Value', value: i.latest.value, period: i.latest.period }
const targetSide = (i: IndicatorReport): ChangeSide => ({
  _tag: 'Targets',
  targets: i.targets.map((t) => ({ dueYear: t.dueYear, expression: t.expression })),
})
const statusSide = (i: IndicatorReport): ChangeSide => ({
  _tag: 'Status',
  status: i.status,
  grade: i.grade,
  atRisk: i.atRisk,
})

/**
 * One side of a change as text in a language; `neutral` is the language-neutral form the
 * `before`/`after` fields carry (codes, English target forms).
 *
 * @example
 * import { changeSideText } from '@progress-ledger/reporting'
 * changeSideText({ _tag: 'Status', status: 'off-track', grade: 'behind', atRisk: false }, 'zh') // '滞后（慢于预期）'
 * changeSideText({ _tag: 'Value', value: 0.47, period: '2022' }, 'neutral') // '0.47 (2022)'
 */
export function changeSideText(side: ChangeSide, lang: Lang | 'neutral'): string {
  const zh = lang === 'zh'
  const en: Lang = lang === 'zh' ? 'zh' : 'en'
  switch (side._tag) {
    case 'Value':
      return zh
        ? `${formatNumber(side.value)}（${side.period}）`
        : `${formatNumber(side.value)} (${side.period})`
    case 'Status': {
      const risk = side.atRisk
        ? lang === 'neutral'
          ? ', at-risk'
          : zh
            ? '，预计到期难以实现'
            : ', at risk'
        : ''
      return lang === 'neutral'
        ? `${side.status} (${side.grade}${risk})`
        : zh
          ? `${label('status', side.status, en)}（${label('grade', side.grade, en)}${risk}）`
          : `${label('status', side.status, en)} (${label('grade', side.grade, en)}${risk})`
    }
    case 'Targets':
      return side.targets.map((t) => `${t.dueYear}: ${formatTarget(t.expression, en)}`).join('; ')
    case 'Milestone': {
      const word =
        lang === 'neutral'
          ? side.state
          : zh
            ? { met: '完成', forecast: '预计', planned: '计划' }[side.state]
            : { met: 'met', forecast: 'forecast', planned: 'planned' }[side.state]
      return `${word} ${side.date}`
    }
    case 'Task': {
      const status = lang === 'neutral' ? side.status : label('task', side.status, en)
      return `${status}${side.progress === null ? '' : ` ${formatNumber(side.progress)}%`}`
    }
    default:
      return absurd(side)
  }
}

const neutral = (side: ChangeSide | null): string | null =>
  side === null ? null : changeSideText(side, 'neutral')

function change(
  kind: ChangeKind,
  subject: string,
  name: LocalizedText | null,
  beforeSide: ChangeSide | null,
  afterSide: ChangeSide | null,
  eventIds: ReadonlyArray<string>,
): Change {
  return {
    kind,
    subject,
    name,
    before: neutral(beforeSide),
    after: neutral(afterSide),
    beforeSide,
    afterSide,
    eventIds,
  }
}

/**
 * Compares two reports of the same plan, e.g. as of 2021-12-31 and as of 2022-12-31, or the
 * same valid date at two recorded times. Changes are listed in report order.
 *
 * @example
 * import { ledgerProjection, replay, asOf } from '@progress-ledger/core'
 * import { fixtures, recorded } from '@progress-ledger/testkit'
 * import { diffReports, evaluatePlan } from '@progress-ledger/reporting'
 * const state = replay(ledgerProjection, recorded([...fixtures.gdpPlan, fixtures.valueReported('v21', '2021', 10.6), fixtures.valueReported('v22', '2022', 11.8)]))
 * const at = (day: string) => evaluatePlan(asOf(state, { validTime: day }), { asOf: day, lang: 'en' })
 * const a = at('2021-12-31')
 * const b = at('2022-12-31')
 * const d = a._tag === 'Report' && b._tag === 'Report' ? diffReports(a.report, b.report) : undefined
 * d?.changes.map((c) => [c.kind, c.before, c.after]) // [['value', '10.6 (2021)', '11.8 (2022)'], ['status', 'on-track (on-schedule)', 'on-track (ahead)']]
 */
export function diffReports(a: PlanReport, b: PlanReport): ReportDiff {
  const changes: Change[] = []
  const before = new Map(a.indicators.map((i) => [i.indicatorId, i]))
  const after = new Set(b.indicators.map((i) => i.indicatorId))
  for (const i of b.indicators) {
    const o = before.get(i.indicatorId)
    if (o === undefined) {
      changes.push(
        change('indicator-added', i.indicatorId, i.name, null, statusSide(i), i.eventIds),
      )
      continue
    }
    const ev = fresh(o.eventIds, i.eventIds)
    const vb = valueSide(o)
    const va = valueSide(i)
    if (neutral(vb) !== neutral(va))
      changes.push(
        change(
          'value',
          i.indicatorId,
          i.name,
          vb,
          va,
          fresh(
            o.series.map((s) => s.eventId),
            i.series.map((s) => s.eventId),
          ),
        ),
      )
    if (neutral(targetSide(o)) !== neutral(targetSide(i))) {
      changes.push(
        change(
          'target',
          i.indicatorId,
          i.name,
          targetSide(o),
          targetSide(i),
          fresh(
            o.targets.map((t) => t.eventId),
            i.targets.map((t) => t.eventId),
          ),
        ),
      )
    }
    if (o.status !== i.status || o.grade !== i.grade || o.atRisk !== i.atRisk)
      changes.push(change('status', i.indicatorId, i.name, statusSide(o), statusSide(i), ev))
  }
  for (const o of a.indicators) {
    if (!after.has(o.indicatorId))
      changes.push(change('indicator-removed', o.indicatorId, o.name, statusSide(o), null, []))
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
      const side = (x: typeof m | undefined): ChangeSide | null =>
        x === undefined
          ? null
          : x.met !== null
            ? { _tag: 'Milestone', state: 'met', date: x.met }
            : x.forecast !== null
              ? { _tag: 'Milestone', state: 'forecast', date: x.forecast }
              : x.planned !== null
                ? { _tag: 'Milestone', state: 'planned', date: x.planned }
                : null
      if (neutral(side(o)) !== neutral(side(m)))
        changes.push(
          change('milestone', key, m.title, side(o), side(m), fresh(o?.eventIds ?? [], m.eventIds)),
        )
    }
  }
  const oldTasks = new Map(a.tasks.map((t) => [t.taskId, t]))
  for (const t of b.tasks) {
    const o = oldTasks.get(t.taskId)
    if (o === undefined || o.status !== t.status || o.progress !== t.progress) {
      const side = (x: typeof t | undefined): ChangeSide | null =>
        x === undefined ? null : { _tag: 'Task', status: x.status, progress: x.progress }
      changes.push(
        change('task', t.taskId, t.name, side(o), side(t), fresh(o?.eventIds ?? [], t.eventIds)),
      )
    }
  }
  return {
    from: a.asOf,
    to: b.asOf,
    fromKnownAt: a.options.knownAt,
    toKnownAt: b.options.knownAt,
    changes,
    warnings: [...new Set([...a.warnings, ...b.warnings])],
  }
}

const KIND: Readonly<Record<ChangeKind, readonly [string, string]>> = {
  'indicator-added': ['新增指标', 'indicator added'],
  'indicator-removed': ['移除指标', 'indicator removed'],
  value: ['数值', 'value'],
  status: ['状态', 'status'],
  target: ['目标', 'target'],
  milestone: ['里程碑', 'milestone'],
  task: ['任务', 'task'],
}

/** `（按记录截至 2023-03-31）` / ` (as known at 2023-03-31)` for a report cut at a recorded time. */
function known(at: string | null | undefined, lang: Lang): string {
  if (at == null) return ''
  return lang === 'zh'
    ? `（${label('text', 'knownAt', lang)} ${knownAtText(at)}）`
    : ` (${label('text', 'knownAt', lang).toLowerCase()} ${knownAtText(at)})`
}

/**
 * A diff as text in Chinese or English: a heading line, then one line per change with the
 * subject's name, both sides and the events behind it.
 *
 * @example
 * import { renderDiff } from '@progress-ledger/reporting'
 * const diff = { from: '2021-12-31', to: '2022-12-31', changes: [{ kind: 'status', subject: 'I03', name: { zh: '单位GDP能耗', en: 'Energy use per unit of GDP' },
 *   before: null, after: null, beforeSide: { _tag: 'Status', status: 'target-pending', grade: 'quota-pending', atRisk: false },
 *   afterSide: { _tag: 'Status', status: 'on-track', grade: 'ahead', atRisk: false }, eventIds: ['I03-quota'] }], warnings: [] } as const
 * renderDiff(diff, 'zh').split('\n')[1] // '  状态\u3000I03 单位GDP能耗：目标待定（待上级下达） → 符合进度（快于预期）［I03-quota］'
 * renderDiff(diff, 'en').split('\n')[0] // 'Changes from 2021-12-31 to 2022-12-31: 1'
 * renderDiff({ ...diff, to: '2021-12-31', fromKnownAt: '2022-03-31T23:59:59.999Z', toKnownAt: null }, 'en').split('\n')[0] // 'Changes from 2021-12-31 (as known at 2022-03-31) to 2021-12-31: 1'
 * renderDiff({ ...diff, warnings: ['the hash chain is broken at position 812'] }, 'en').split('\n').slice(0, 2) // ['WARNINGS: The ledger does not verify; the figures below may not be reliable:', '  the hash chain is broken at position 812']
 */
export function renderDiff(d: ReportDiff, lang: Lang): string {
  const zh = lang === 'zh'
  const warnings = warningLines(d.warnings, lang)
  // The recorded times only when the two sides were cut at different ones (one --known-at for
  // both is the cut of the whole comparison, as a report's own title does not repeat it).
  const [fromKnown, toKnown] =
    (d.fromKnownAt ?? null) === (d.toKnownAt ?? null)
      ? ['', '']
      : [known(d.fromKnownAt, lang), known(d.toKnownAt, lang)]
  const lines = [
    ...warnings,
    ...(warnings.length > 0 ? [''] : []),
    zh
      ? `${d.from}${fromKnown} 至 ${d.to}${toKnown} 的变化：${d.changes.length} 项`
      : `Changes from ${d.from}${fromKnown} to ${d.to}${toKnown}: ${d.changes.length}`,
  ]
  for (const c of d.changes) {
    const kind = KIND[c.kind][zh ? 0 : 1]
    const name = c.name === null ? '' : ` ${localized(c.name, lang)}`
    const before = c.beforeSide === null ? '—' : changeSideText(c.beforeSide, lang)
    const after = c.afterSide === null ? '—' : changeSideText(c.afterSide, lang)
    const events =
      c.eventIds.length === 0
        ? ''
        : zh
          ? `［${c.eventIds.join('，')}］`
          : `  [${c.eventIds.join(', ')}]`
    lines.push(
      zh
        ? `  ${kind}\u3000${c.subject}${name}：${before} → ${after}${events}`
        : `  ${kind}: ${c.subject}${name}: ${before} → ${after}${events}`,
    )
  }
  return `${lines.join('\n')}\n`
}
