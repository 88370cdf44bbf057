/**
 * One indicator's status as terminal text, for `status INDICATOR`: the headline with the at-risk
 * flag, the sentence saying why, owner, latest value, target, gap and forecast, then the full
 * explanation and the forecast arithmetic — all in the report's language.
 *
 * @module render/Status
 */
import type { IndicatorReport } from '../Evaluate'
import type { Forecast } from '../Forecast'
import { formatNumber } from '../Format'
import type { Lang } from '../Options'
import { renderExplanation } from '../ExplanationText'
import { label, type TextKey } from '../Labels'
import type { PlanReport } from '../Report'
import {
  departmentsCell,
  finalTarget,
  forecastCell,
  gapCell,
  indicatorName,
  statusText,
  targetCell,
  unitOf,
  valueCell,
  warningLines,
} from './Common'

/** Why an indicator measured against a numeric target has no forecast. */
export interface NoForecast {
  /**
   * `due-reached`: the latest value is for the due year or later; `no-later-value`: none since
   * the way to the target started; `one-value`: the way starts from the interim target (planned,
   * not measured) and only one measured value is there to pace from.
   */
  readonly kind: 'due-reached' | 'no-later-value' | 'one-value'
  /** The latest value's period. */
  readonly period: string
  readonly dueYear: number
  /** For `one-value`: the due year of the interim target the way starts from. */
  readonly interimYear?: number
}

/** Why `i` has no forecast, when it has a gap to a numeric target (and so a case to forecast). */
function noForecast(i: IndicatorReport): NoForecast | undefined {
  if (i.forecast !== null || i.gap === null || i.latest === null) return undefined
  const year = Number(i.latest.period.slice(0, 4))
  const period = i.latest.period
  const dueYear = i.gap.dueYear
  if (year >= dueYear) return { kind: 'due-reached', period, dueYear }
  const at = i.segments.findIndex((s) => s.state === 'active')
  const interim = at > 0 ? i.segments[at - 1] : undefined
  if (interim !== undefined && i.segments[at]?.start === 'interim-target')
    return { kind: 'one-value', period, dueYear, interimYear: interim.dueYear }
  return { kind: 'no-later-value', period, dueYear }
}

/**
 * The forecast as one sentence: the value projected for the end of the due year at the current
 * pace (compound growth or the mean annual change), whether it meets the target, and the date
 * the target would be reached — or why there is no forecast.
 *
 * @example
 * import { forecastSentence } from '@progress-ledger/reporting'
 * const f = { pace: 'compound', rate: 0.0954, dueYear: 2025, projected: 14.62, meetsByDue: true, metOn: '2024-09-09', steps: [] } as const
 * forecastSentence(f, '万元', 'en') // 'Forecast: 14.62 万元 by the end of 2025 at 9.54 % a year (compound growth); meets the target, reached on 2024-09-09'
 * forecastSentence(null, '万元', 'en') // 'Forecast: none (needs a baseline and a later value against a numeric target)'
 * forecastSentence(null, '万元', 'en', { kind: 'due-reached', period: '2022', dueYear: 2022 }) // "Forecast: none (the latest value, for 2022, already reaches the target's due year 2022: the gap above is the outcome)"
 * forecastSentence(null, '万元', 'en', { kind: 'one-value', period: '2023', dueYear: 2025, interimYear: 2022 }) // 'Forecast: none (the way to the 2025 target starts from the 2022 interim target, a planned number, and the value for 2023 is the only measured one to pace from: a pace needs two)'
 */
export function forecastSentence(
  f: Forecast | null,
  unit: string,
  lang: Lang,
  why?: NoForecast,
): string {
  const u = unit === '' ? '' : ` ${unit}`
  if (f === null && why?.kind === 'due-reached')
    return lang === 'en'
      ? `Forecast: none (the latest value, for ${why.period}, already reaches the target's due year ${why.dueYear}: the gap above is the outcome)`
      : `预测：无（最新数值（${why.period}）已到目标年份 ${why.dueYear}，以上差距即为结果）`
  if (f === null && why?.kind === 'one-value')
    return lang === 'en'
      ? `Forecast: none (the way to the ${why.dueYear} target starts from the ${why.interimYear ?? ''} interim target, a planned number, and the value for ${why.period} is the only measured one to pace from: a pace needs two)`
      : `预测：无（${why.dueYear}年目标从 ${why.interimYear ?? ''} 年中期目标值起算，该值为计划数而非实测；可用的实测值只有 ${why.period} 一个，无法推算速度）`
  if (f === null && why?.kind === 'no-later-value')
    return lang === 'en'
      ? `Forecast: none (the way to the ${why.dueYear} target starts from the value for ${why.period}, and no later value is reported yet: a pace needs two)`
      : `预测：无（${why.dueYear}年目标从 ${why.period} 的数值起算，其后尚无数值，无法推算速度）`
  if (f === null)
    return lang === 'en'
      ? 'Forecast: none (needs a baseline and a later value against a numeric target)'
      : '预测：无（需要基期值、其后的数值和数值目标）'
  const pace =
    f.pace === 'compound'
      ? lang === 'en'
        ? `${formatNumber(f.rate * 100, 2)} % a year (compound growth)`
        : `年均增长 ${formatNumber(f.rate * 100, 2)}%（复合）`
      : lang === 'en'
        ? `${formatNumber(f.rate)}${u} a year (linear)`
        : `每年 ${formatNumber(f.rate)}${u}（线性）`
  if (lang === 'en')
    return `Forecast: ${formatNumber(f.projected, 2)}${u} by the end of ${f.dueYear} at ${pace}; ${
      f.meetsByDue ? 'meets the target' : 'falls short of the target'
    }${f.metOn === null ? ', not reached at this pace' : `, reached on ${f.metOn}`}`
  return `预测：按${pace}，${f.dueYear}年末为 ${formatNumber(f.projected, 2)}${u}；${
    f.meetsByDue ? '可达到目标' : '达不到目标'
  }${f.metOn === null ? '，按此速度不能达到' : `，预计 ${f.metOn} 达到`}`
}

/**
 * Renders one indicator of a report as text: the warnings first (if any), the headline, owner,
 * latest, target, gap and forecast, the explanation with every event the evaluation rests on,
 * then for an evaluation indicator the forecast sentence (see {@link forecastSentence}) and its
 * arithmetic.
 *
 * @example
 * import { ledgerProjection, replay } from '@progress-ledger/core'
 * import { fixtures, recorded } from '@progress-ledger/testkit'
 * import { evaluatePlan, renderIndicatorStatus } from '@progress-ledger/reporting'
 * const state = replay(ledgerProjection, recorded([...fixtures.gdpPlan, fixtures.valueReported('v21', '2021', 10.6), fixtures.valueReported('v22', '2022', 11.2)]))
 * const r = evaluatePlan(state, { asOf: '2022-12-31', lang: 'en' })
 * const gdp = r._tag === 'Report' ? r.report.indicators[0] : undefined
 * const text = r._tag === 'Report' && gdp !== undefined ? renderIndicatorStatus(r.report, gdp) : ''
 * text.split('\n')[0] // 'I01 GDP per capita — On track · At risk as of 2022-12-31'
 * text.split('\n')[5] // 'Forecast: 13.68万元 in 2025: misses the target'
 * text.split('\n')[7] // 'By now 40% of the way should be done and 33.3% is done: 6.7 pp behind. But at the current pace it reaches only 13.68万元 by 2025, short of the target ≥14万元.'
 */
export function renderIndicatorStatus(r: PlanReport, i: IndicatorReport): string {
  const L = (k: TextKey): string => label('text', k, r.lang)
  const sep = r.lang === 'zh' ? '：' : ': '
  const unit = unitOf(i, r.lang)
  const lines = [
    `${i.indicatorId} ${indicatorName(r.lang, i)} — ${statusText(i, r.lang)} ${r.lang === 'zh' ? `（截至 ${r.asOf}）` : `as of ${r.asOf}`}`,
    `${L('owner')}${sep}${departmentsCell(r, i.departments)}`,
    `${L('latest')}${sep}${valueCell(r.lang, i.latest, unit)}`,
    `${L('target')}${sep}${targetCell(finalTarget(i), r.lang)}`,
    `${L('gap')}${sep}${gapCell(i, r.lang)}`,
    `${L('forecast')}${sep}${forecastCell(i, r.lang)}`,
    '',
    // One list of events: every event the evaluation rests on.
    renderExplanation({ ...i.explanation, eventIds: i.eventIds }, r.lang, unit),
  ]
  if (i.atRisk) lines.splice(7, 0, i.summary, '')
  if (i.attribute === 'evaluation')
    lines.push(forecastSentence(i.forecast, unit, r.lang, noForecast(i)))
  if (i.forecast !== null) lines.push(...i.forecast.steps.map((s) => `${L('forecast')}${sep}${s}`))
  const warnings = warningLines(r.warnings, r.lang)
  return `${[...warnings, ...(warnings.length > 0 ? [''] : []), ...lines].join('\n')}\n`
}
