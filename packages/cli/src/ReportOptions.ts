/**
 * Building a report from the command line's options: load the ledger, cut it at `--as-of`
 * (valid time) and `--known-at` (recorded time), evaluate.
 *
 * @module ReportOptions
 */
import { asOf } from '@progress-ledger/core'
import { formatTarget } from '@progress-ledger/plan'
import { evaluatePlan, type PlanReport } from '@progress-ledger/reporting'
import { type RunContext, stringOption } from './Command'
import { UsageError } from './Io'
import { cutOf, loadLedger } from './Ledger'

/** Options shared by `report`, `status` and `diff`. */
export const reportOptionSpecs = {
  'known-at': { type: 'string' },
  lang: { type: 'string' },
  plan: { type: 'string' },
  method: { type: 'string' },
} as const

/** The `--lang` option (default zh). */
export function langOf(ctx: RunContext): 'zh' | 'en' {
  const lang = stringOption(ctx, 'lang') ?? 'zh'
  if (lang !== 'zh' && lang !== 'en')
    throw new UsageError(`--lang: expected zh or en, got ${JSON.stringify(lang)}`)
  return lang
}

/** Evaluates the plan as of a valid date, as known at `--known-at`. Errors are usage errors naming the option. */
export async function buildReport(ctx: RunContext, asOfDate: string): Promise<PlanReport> {
  const knownAt = stringOption(ctx, 'known-at')
  const store = await ctx.store()
  const state = asOf(await loadLedger(store, ctx.io), cutOf(asOfDate, knownAt))
  const plan = stringOption(ctx, 'plan')
  const method = stringOption(ctx, 'method')
  const result = evaluatePlan(
    state,
    {
      asOf: asOfDate,
      lang: langOf(ctx),
      ...(plan === undefined ? {} : { planId: plan }),
      ...(method === undefined ? {} : { method }),
    },
    { formatTarget },
  )
  switch (result._tag) {
    case 'Report':
      return result.report
    case 'InvalidOptions':
      throw new UsageError(
        result.issues
          .map((i) =>
            i.message
              .replace(/^options\./, '--')
              .replace('--asOf', '--as-of')
              .replace('--planId', '--plan'),
          )
          .join('; '),
      )
    case 'PlanNotFound':
      throw new UsageError(result.message)
  }
}

/** The as-of date: `--as-of`, or today by the run's clock. */
export function asOfOf(ctx: RunContext, name = 'as-of'): string {
  return stringOption(ctx, name) ?? ctx.io.clock.now().slice(0, 10)
}
