/**
 * `progress-ledger template --out FILE.xlsx|FILE.csv`: the fill-in template of the plan's yearly
 * indicators for one year — number, id, name, unit, owners, the last value and the target, and
 * the columns to fill in — to hand out and read back with `append FILE`.
 *
 * @module commands/Template
 */
import { extname } from 'node:path'
import { currentDefinition, type LedgerState } from '@progress-ledger/core'
import { writeTemplate, writeTemplateCsv } from '@progress-ledger/spreadsheet'
import { type CommandSpec, stringOption } from '../Command'
import { ExitCode, Refusal, UsageError } from '../Failure'
import { asOfOf, langOf, langOption, loadCut, noPlan, reportOptionSpecs } from '../ReportOptions'

/**
 * The refusal of a template without rows: the plan reports no indicator by year, and says how
 * its indicators are reported instead.
 */
function noYearly(state: LedgerState, plan: string | undefined, out: string): Refusal {
  const planId = plan ?? state.plans.toArray()[0]?.planId
  const kinds = new Map<string, number>()
  state.indicators.each((ind) => {
    const def = currentDefinition(ind)
    if (def.planId === planId) kinds.set(def.periodicity, (kinds.get(def.periodicity) ?? 0) + 1)
  })
  const how = [...kinds].map(([kind, n]) => `${n} by ${kind}`).join(', ') || 'none defined'
  return new Refusal(
    `${out}: no indicator of plan ${String(planId)} is reported by year (its indicators: ${how}); nothing written`,
    'the template is for yearly figures: report monthly or quarterly figures as JSON lines with `progress-ledger append FILE.jsonl`',
  )
}

/** The year of `--period` (default: the year before the run's clock). */
function yearOf(period: string | undefined, today: string): number {
  if (period === undefined) return Number(today.slice(0, 4)) - 1
  if (!/^\d{4}$/.test(period))
    throw new UsageError(
      `--period: expected a year YYYY (the template is for yearly figures), got ${JSON.stringify(period)}`,
    )
  return Number(period)
}

/** `template`. */
export const template: CommandSpec = {
  name: 'template',
  summary: 'write the fill-in template of the indicators for a year (.xlsx or .csv)',
  help: [
    'One row per indicator reported by year, in plan order: number, id, name, unit, responsible',
    'departments, the last value and the target; then the year to fill in, a status (初步/正式,',
    'preliminary/final) and notes. The format follows the file name: .xlsx (input cells shaded and',
    'checked, an instructions sheet) or .csv (UTF-8 with BOM). Read it back with',
    '`progress-ledger append FILE --actor …`.',
  ].join('\n'),
  arguments: [],
  options: {
    out: {
      type: 'string',
      value: 'FILE',
      description: 'the file to write: FILE.xlsx or FILE.csv',
      expected: 'a file name ending in .xlsx or .csv',
    },
    period: {
      type: 'string',
      value: 'YEAR',
      description: 'the year to fill in (default: last year)',
      expected: 'a year YYYY',
    },
    plan: reportOptionSpecs['plan'] ?? { type: 'string', description: 'the plan' },
    lang: langOption,
  },
  access: 'read',
  run: async (ctx) => {
    const out = stringOption(ctx, 'out')
    if (out === undefined) throw new UsageError('--out FILE.xlsx or --out FILE.csv is required')
    const ext = extname(out).toLowerCase()
    if (ext !== '.xlsx' && ext !== '.csv')
      throw new UsageError(
        `--out: expected a file name ending in .xlsx or .csv, got ${JSON.stringify(out)}`,
      )
    const lang = langOf(ctx)
    const now = ctx.io.clock.now()
    const year = yearOf(stringOption(ctx, 'period'), now)
    const asOfDate = asOfOf(ctx)
    const plan = stringOption(ctx, 'plan')
    // One plan's template reads that plan alone (and what belongs to no single plan).
    const request = plan === undefined ? {} : { plans: [plan] }
    const state = await loadCut(ctx, asOfDate, request)
    const options = { year, lang, at: now, ...(plan === undefined ? {} : { planId: plan }) }
    const r =
      ext === '.xlsx' ? await writeTemplate(state, options) : writeTemplateCsv(state, options)
    if (r._tag === 'InvalidOptions') {
      const planIssue = r.issues.find((i) => i.path === 'options.planId')
      if (planIssue !== undefined)
        throw noPlan(ctx, state, planIssue.message, (await ctx.ledger(request)).state, asOfDate)
      throw new UsageError(
        r.issues
          .map((i) => i.message.replace(/^options\.year/, '--period').replace(/^options\./, '--'))
          .join('; '),
      )
    }
    if (r.indicators === 0) throw noYearly(state, plan, out)
    ctx.io.writeFile(out, 'bytes' in r ? r.bytes : r.text)
    ctx.io.stderr.write(`wrote ${out}: ${r.indicators} indicator(s) for ${year}\n`)
    return ExitCode.ok
  },
}
