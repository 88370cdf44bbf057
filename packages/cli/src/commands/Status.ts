/**
 * `progress-ledger status INDICATOR`: one indicator's status with its full explanation — the
 * method, inputs with their periods, thresholds, arithmetic, the events used — and the forecast
 * to the deadline at the current pace. The indicator may be named by id or by its printed number.
 *
 * @module commands/Status
 */
import {
  type Forecast,
  formatNumber,
  type IndicatorReport,
  localized,
  renderExplanation,
} from '@progress-ledger/reporting'
import { paintLight, paletteFor } from '../Colour'
import { type CommandSpec, flagOption, positional } from '../Command'
import { ExitCode, Refusal } from '../Failure'
import { resolveRef } from '../IndicatorRef'
import {
  asOfOf,
  asOfOption,
  buildReport,
  jsonOption,
  langOf,
  reportOptionSpecs,
} from '../ReportOptions'

/**
 * The forecast line of `status`, in the report language.
 *
 * @example
 * import { forecastLine } from '@progress-ledger/cli'
 * const f = { pace: 'compound', rate: 0.0954, dueYear: 2025, projected: 14.62, meetsByDue: true, metOn: '2024-09-09', steps: [] } as const
 * forecastLine(f, '万元', 'en') // 'Forecast: 14.62 万元 by the end of 2025 at 9.54 % a year (compound growth); meets the target, reached on 2024-09-09'
 * forecastLine(null, '万元', 'en') // 'Forecast: none (needs a baseline and a later value against a numeric target)'
 */
export function forecastLine(f: Forecast | null, unit: string, lang: 'zh' | 'en'): string {
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

function headline(i: IndicatorReport, asOfDate: string, lang: 'zh' | 'en', status: string): string {
  const number =
    i.number === null ? '' : lang === 'en' ? ` (no. ${i.number})` : `（序号 ${i.number}）`
  return `${i.indicatorId} ${localized(i.name, lang)}${number} — ${status} (${i.grade}) as of ${asOfDate}\n`
}

/** `status`. */
export const status: CommandSpec = {
  name: 'status',
  summary:
    "one indicator's status with its explanation (method, inputs, arithmetic, events) and forecast",
  help: [
    'INDICATOR is an id (I06, i06) or the number printed in the plan (6, 14.1); see `progress-ledger list indicators`.',
    'The explanation is detailed enough to check the status by hand. --json prints the evaluation as JSON.',
  ].join('\n'),
  arguments: [{ name: 'INDICATOR', description: 'an indicator id or its number in the plan' }],
  options: { 'as-of': asOfOption, ...reportOptionSpecs, json: jsonOption },
  access: 'read',
  run: async (ctx) => {
    const ref = positional(ctx, 0)
    const lang = langOf(ctx)
    const r = await buildReport(ctx, asOfOf(ctx))
    const found = resolveRef(
      ref,
      r.indicators.map((i) => ({ id: i.indicatorId, number: i.number })),
    )
    if (found._tag !== 'Found')
      throw new Refusal(
        found._tag === 'Ambiguous'
          ? `indicator ${JSON.stringify(ref)}: could be ${found.ids.join(' or ')}; give the id`
          : `indicator ${JSON.stringify(ref)}: not in plan ${r.planId} as of ${r.asOf}`,
        'the ids and numbers are listed by `progress-ledger list indicators`',
      )
    const indicator = r.indicators.find((i) => i.indicatorId === found.id) as IndicatorReport
    if (flagOption(ctx, 'json')) {
      ctx.io.stdout.write(`${JSON.stringify(indicator, null, 2)}\n`)
      return ExitCode.ok
    }
    const p = paletteFor(ctx.io.stdout, ctx.io.env)
    ctx.io.stdout.write(
      headline(indicator, r.asOf, lang, paintLight(p, indicator.light, indicator.status)),
    )
    // One list of events: every event the evaluation rests on.
    ctx.io.stdout.write(
      `${renderExplanation({ ...indicator.explanation, eventIds: indicator.eventIds }, lang)}\n`,
    )
    if (indicator.attribute === 'evaluation')
      ctx.io.stdout.write(`${forecastLine(indicator.forecast, indicator.unit, lang)}\n`)
    return ExitCode.ok
  },
}
