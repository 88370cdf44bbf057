/**
 * `progress-ledger status INDICATOR`: one indicator's status with its full explanation — the
 * method, inputs with their periods, thresholds, arithmetic and the events used.
 *
 * @module commands/Status
 */
import { renderExplanation } from '@progress-ledger/reporting'
import type { CommandSpec } from '../Command'
import { ExitCode, UsageError } from '../Io'
import { asOfOf, buildReport, langOf, reportOptionSpecs } from '../ReportOptions'

/** `status`. */
export const status: CommandSpec = {
  name: 'status',
  summary: "one indicator's status with its full explanation (method, inputs, arithmetic, events)",
  usage:
    'progress-ledger status INDICATOR [--as-of DATE] [--known-at DATE] [--lang zh|en] [--json]',
  help: 'Explains the status well enough to check it by hand. --json prints the evaluation as JSON.',
  options: { ...reportOptionSpecs, 'as-of': { type: 'string' }, json: { type: 'boolean' } },
  run: async (ctx) => {
    const [id, ...rest] = ctx.positionals
    if (id === undefined || rest.length > 0)
      throw new UsageError('expected exactly one INDICATOR id')
    const r = await buildReport(ctx, asOfOf(ctx))
    const indicator = r.indicators.find((i) => i.indicatorId === id)
    if (indicator === undefined) {
      ctx.io.stderr.write(
        `indicator ${JSON.stringify(id)}: not in plan ${r.planId} as of ${r.asOf}\n`,
      )
      return ExitCode.failed
    }
    if (ctx.values['json'] === true) {
      ctx.io.stdout.write(`${JSON.stringify(indicator, null, 2)}\n`)
      return ExitCode.ok
    }
    const lang = langOf(ctx)
    const name = lang === 'en' ? (indicator.name.en ?? indicator.name.zh) : indicator.name.zh
    ctx.io.stdout.write(
      `${indicator.indicatorId} ${name} — ${indicator.status} (${indicator.grade}) as of ${r.asOf}\n`,
    )
    ctx.io.stdout.write(`${renderExplanation(indicator.explanation, lang)}\n`)
    ctx.io.stdout.write(`events: ${indicator.eventIds.join(', ')}\n`)
    return ExitCode.ok
  },
}
