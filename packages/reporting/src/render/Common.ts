/**
 * What every renderer prints the same way: values, units, targets with their meaning, statuses
 * with the at-risk flag, gaps, forecasts, department names. Keeps the Markdown, HTML and CSV
 * renderings in agreement.
 *
 * @module render/Common
 */
import type { LocalizedText } from '@progress-ledger/core'
import type { IndicatorReport, TargetInfo } from '../Evaluate'
import { formatNumber } from '../Format'
import { label, localized } from '../Labels'
import { inferredText } from '../Note'
import type { Lang } from '../Options'
import { projectionDigits, withUnit } from '../Sentence'

/** What the common cells need from a report. */
export interface CellContext {
  readonly lang: Lang
  readonly departmentNames: Readonly<Record<string, LocalizedText>>
}

/** A share as a percentage with one decimal, or `—`. */
export function percent(x: number | null): string {
  return x === null ? '—' : `${formatNumber(x * 100, 1)}%`
}

/** The indicator's unit in the report language (`unitEn` in English when the plan gives it). */
export function unitOf(i: IndicatorReport, lang: Lang): string {
  return lang === 'en' ? (i.unitEn ?? i.unit) : i.unit
}

/** A value with its period, and its unit when given: `11.8万元（2022）`, `11.8 (2022)`, or `—`. */
export function valueCell(lang: Lang, v: IndicatorReport['latest'], unit = ''): string {
  if (v === null) return '—'
  return lang === 'zh'
    ? `${withUnit(v.value, unit)}（${v.period}）`
    : `${withUnit(v.value, unit)} (${v.period})`
}

/** The final target (the one due last). */
export function finalTarget(i: IndicatorReport): TargetInfo | undefined {
  return i.targets[i.targets.length - 1]
}

/** The interim target, if the indicator has one before its final target. */
export function interimTarget(i: IndicatorReport): TargetInfo | undefined {
  return i.targets.length > 1 ? i.targets[0] : undefined
}

/**
 * A target as `≥14 (2025)`; a direction inferred as "lower is better" says so:
 * `≤0.54 (2025), inferred from the falling targets`.
 */
export function targetCell(t: TargetInfo | undefined, lang: Lang): string {
  if (t === undefined) return '—'
  const year = lang === 'zh' ? `（${t.dueYear}）` : ` (${t.dueYear})`
  const inferred =
    t.inference !== null && t.inference.direction === 'lower'
      ? `${lang === 'zh' ? '，' : ', '}${inferredText(t.inference.from, lang)}`
      : ''
  return `${t.meaning}${year}${inferred}`
}

/** The status as words, with the at-risk flag: `符合进度 · 预计到期难以实现`. */
export function statusText(i: IndicatorReport, lang: Lang): string {
  const s = label('status', i.status, lang) + closedSegmentOf(i, lang)
  return i.atRisk ? `${s} · ${label('text', 'atRisk', lang)}` : s
}

/**
 * `（2022年目标）` / ` (2022 target)` when the status is the closed segment's (the next target's
 * segment has no value yet: an interim target met reads "achieved" while the final one is not),
 * else nothing.
 */
function closedSegmentOf(i: IndicatorReport, lang: Lang): string {
  const shown = i.explanation.notes.find((n) => n._tag === 'ClosedSegmentShown')
  if (shown === undefined || shown._tag !== 'ClosedSegmentShown') return ''
  return lang === 'zh' ? `（${shown.dueYear}年目标）` : ` (${shown.dueYear} target)`
}

/** The gap to the active target with the unit (`差 0.7万元` / `0.7 10,000 yuan short`), or `—`. */
export function gapCell(i: IndicatorReport, lang: Lang): string {
  if (i.gap === null) return '—'
  const unit = unitOf(i, lang)
  if (i.gap.value <= 0) return lang === 'zh' ? '已达到' : 'met'
  const amount =
    i.unit.trim() === '%'
      ? lang === 'zh'
        ? `${formatNumber(i.gap.value)}个百分点`
        : `${formatNumber(i.gap.value)} pp`
      : withUnit(i.gap.value, unit)
  return lang === 'zh' ? `差${amount}（${i.gap.dueYear}）` : `${amount} short (${i.gap.dueYear})`
}

/** The forecast: `2025年预计 18.47万元，未达目标` / `18.47 in 2025 — misses the target`, or `—`. */
export function forecastCell(i: IndicatorReport, lang: Lang): string {
  const fc = i.forecast
  if (fc === null) return '—'
  const target = i.gap?.target
  const v = withUnit(
    fc.projected,
    unitOf(i, lang),
    target === undefined ? 2 : projectionDigits(fc.projected, target),
  )
  return lang === 'zh'
    ? `${fc.dueYear}年预计${v}，${fc.meetsByDue ? '可达目标' : '达不到目标'}`
    : `${v} in ${fc.dueYear}: ${fc.meetsByDue ? 'meets the target' : 'misses the target'}`
}

/** Department names, joined. */
export function departmentsCell(r: CellContext, ids: ReadonlyArray<string>): string {
  if (ids.length === 0) return '—'
  return ids
    .map((id) => localized(r.departmentNames[id] ?? { zh: id }, r.lang))
    .join(r.lang === 'zh' ? '、' : ', ')
}

/** The indicator's display name (cleaned, one line), `*` marking a self-selected indicator. */
export function indicatorName(lang: Lang, i: IndicatorReport): string {
  return `${localized(i.name, lang)}${i.selfSelected ? '*' : ''}`
}

/**
 * The warnings of a report as plain text lines: a heading line in the report language, then one
 * indented line per warning; nothing when there are none.
 */
export function warningLines(warnings: ReadonlyArray<string>, lang: Lang): string[] {
  if (warnings.length === 0) return []
  const sep = lang === 'zh' ? '：' : ': '
  return [
    `${label('text', 'warnings', lang).toUpperCase()}${sep}${label('text', 'warningsNotice', lang)}`,
    ...warnings.map((w) => `  ${oneLine(w)}`),
  ]
}

/** A sentence kept on one line (line breaks and tabs as spaces). */
export function oneLine(s: string): string {
  return s.replace(/[\r\n\t\u2028\u2029]+/g, ' ')
}
