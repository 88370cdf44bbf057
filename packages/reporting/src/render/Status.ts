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
 */
export function forecastSentence(f: Forecast | null, unit: string, lang: Lang): string {
  const u = unit === '' ? '' : ` ${unit}`
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
  if (i.attribute === 'evaluation') lines.push(forecastSentence(i.forecast, i.unit, r.lang))
  if (i.forecast !== null) lines.push(...i.forecast.steps.map((s) => `${L('forecast')}${sep}${s}`))
  const warnings = warningLines(r.warnings, r.lang)
  return `${[...warnings, ...(warnings.length > 0 ? [''] : []), ...lines].join('\n')}\n`
}
