/**
 * One indicator's status as terminal text, for `status INDICATOR`: the headline with the at-risk
 * flag, the sentence saying why, owner, latest value, target, gap and forecast, then the full
 * explanation and the forecast arithmetic — all in the report's language.
 *
 * @module render/Status
 */
import type { IndicatorReport } from '../Evaluate'
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
 * Renders one indicator of a report as text.
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
  if (i.forecast !== null) lines.push(...i.forecast.steps.map((s) => `${L('forecast')}${sep}${s}`))
  const warnings = warningLines(r.warnings, r.lang)
  return `${[...warnings, ...(warnings.length > 0 ? [''] : []), ...lines].join('\n')}\n`
}
