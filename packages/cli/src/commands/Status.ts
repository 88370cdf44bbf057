/**
 * `progress-ledger status INDICATOR`: one indicator's status with its full explanation — the
 * method, inputs with their periods, thresholds, arithmetic, the events used — and the forecast
 * to the deadline at the current pace, as reporting's `renderIndicatorStatus` prints it (the
 * status coloured on a terminal). The indicator may be named by id or by its printed number.
 *
 * @module commands/Status
 */
import { streams } from '@progress-ledger/core'
import {
  forecastSentence,
  type IndicatorReport,
  label,
  renderIndicatorStatus,
} from '@progress-ledger/reporting'
import { paintLight, paletteFor } from '../Colour'
import { type CommandSpec, flagOption, positional, type RunContext, stringOption } from '../Command'
import { ExitCode, Refusal } from '../Failure'
import { ambiguousRef, indicatorsOf, resolveRef } from '../IndicatorRef'
import { checkShownEvents } from '../Ledger'
import {
  asOfOf,
  asOfOption,
  buildReport,
  jsonOption,
  planOfIndicator,
  reportOptionSpecs,
} from '../ReportOptions'

/**
 * The forecast line of `status`, in the report language (reporting's `forecastSentence`).
 *
 * @example
 * import { forecastLine } from '@progress-ledger/cli'
 * forecastLine(null, '万元', 'en') // 'Forecast: none (needs a baseline and a later value against a numeric target)'
 */
export const forecastLine: typeof forecastSentence = forecastSentence

/**
 * The plan of an indicator named by a number printed in a plan, or by an id in another case:
 * found among every plan's indicators (the whole ledger is loaded), or a refusal saying that
 * no indicator of the ledger is so named, or that several plans print that number. `undefined`
 * on a ledger of one plan (or none), where the plan's report answers.
 */
async function planOfRef(ctx: RunContext, ref: string): Promise<string | undefined> {
  const { state } = await ctx.ledger()
  if (state.plans.size <= 1) return undefined
  const candidates = indicatorsOf(state)
  const found = resolveRef(ref, candidates)
  if (found._tag === 'Found') return candidates.find((c) => c.id === found.id)?.plan
  if (found._tag === 'NotFound')
    throw new Refusal(
      `indicator ${JSON.stringify(ref)}: no indicator of the ledger's ${state.plans.size} plans has that id or number`,
      'the ids and numbers are listed by `progress-ledger list indicators --plan ID` (the plans by `list plans`)',
    )
  throw ambiguousRef(ref, found.ids, candidates)
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
    // Without --plan, the plan the indicator is defined in (found from the checkpoint's index):
    // on a ledger of many plans, only that plan is loaded, and none need be named.
    const plan =
      stringOption(ctx, 'plan') ?? (await planOfIndicator(ctx, ref)) ?? (await planOfRef(ctx, ref))
    const r = await buildReport(ctx, asOfOf(ctx), plan)
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
    // The status comes from the checkpoint, which vouches for the state, not for the rows stored
    // before it: the indicator's own events, which the explanation cites, are checked against
    // their hashes, so a figure edited in place is refused here as `history` refuses it.
    const store = await ctx.store()
    checkShownEvents(
      await store.readStream(streams.indicator(indicator.indicatorId)),
      ctx.loading,
      ctx.io,
    )
    if (flagOption(ctx, 'json')) {
      ctx.io.stdout.write(`${JSON.stringify({ ...indicator, warnings: r.warnings }, null, 2)}\n`)
      return ExitCode.ok
    }
    // The headline's status word in its light's colour, on a terminal only.
    const p = paletteFor(ctx.io.stdout, ctx.io.env)
    const word = label('status', indicator.status, r.lang)
    const lines = renderIndicatorStatus(r, indicator).split('\n')
    const at = lines.findIndex((l) => l.startsWith(`${indicator.indicatorId} `))
    lines[at] = (lines[at] as string).replace(
      ` — ${word}`,
      ` — ${paintLight(p, indicator.light, word)}`,
    )
    ctx.io.stdout.write(lines.join('\n'))
    return ExitCode.ok
  },
}
