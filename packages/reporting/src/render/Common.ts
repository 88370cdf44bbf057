/**
 * What every renderer prints the same way: values with periods, targets, percentages, department
 * names. Keeps the Markdown, HTML and CSV renderings in agreement.
 *
 * @module render/Common
 */
import type { IndicatorReport, TargetInfo } from '../Evaluate'
import { formatNumber } from '../Explanation'
import { label, localized } from '../Labels'
import type { PlanReport } from '../Report'

/** A share as a percentage with one decimal, or `—`. */
export function percent(x: number | null): string {
  return x === null ? '—' : `${formatNumber(x * 100, 1)}%`
}

/** A value with its period, marked when illustrative: `11.8 (2022)`. */
export function valueCell(r: PlanReport, v: IndicatorReport['latest']): string {
  if (v === null) return '—'
  return `${formatNumber(v.value)} (${v.period})${v.illustrative ? ` [${label('text', 'illustrative', r.lang)}]` : ''}`
}

/** The final target (the one due last). */
export function finalTarget(i: IndicatorReport): TargetInfo | undefined {
  return i.targets[i.targets.length - 1]
}

/** The interim target, if the indicator has one before its final target. */
export function interimTarget(i: IndicatorReport): TargetInfo | undefined {
  return i.targets.length > 1 ? i.targets[0] : undefined
}

/** A target as `14 (2025)`. */
export function targetCell(t: TargetInfo | undefined): string {
  return t === undefined ? '—' : `${t.label} (${t.dueYear})`
}

/** Department names, joined. */
export function departmentsCell(r: PlanReport, ids: ReadonlyArray<string>): string {
  return ids
    .map((id) => localized(r.departmentNames[id] ?? { zh: id }, r.lang))
    .join(r.lang === 'zh' ? '、' : ', ')
}

/** The indicator's display name with its unit. */
export function indicatorName(r: PlanReport, i: IndicatorReport): string {
  return `${localized(i.name, r.lang)}${i.selfSelected ? '*' : ''}`
}
