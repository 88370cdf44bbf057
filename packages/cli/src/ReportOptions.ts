/**
 * Building a report from the command line's options: check the options, load the ledger, cut it
 * at `--as-of` (valid time) and `--known-at` (recorded time), evaluate. A ledger without the plan
 * is a refusal with a hint to record one.
 *
 * @module ReportOptions
 */
import {
  asOf,
  currentDefinition,
  type IsoDate,
  isIsoDate,
  type LedgerState,
} from '@progress-ledger/core'
import { formatTarget } from '@progress-ledger/plan'
import { evaluatePlan, type PlanReport } from '@progress-ledger/reporting'
import { type LedgerRequest, type OptionSpec, type RunContext, stringOption } from './Command'
import { Refusal, UsageError } from './Failure'
import { brokenChainWarning, cutOf } from './Ledger'
import { resolveProject } from './ProjectRef'
import { describeLocation, noLedgerFile, noSqliteLedger } from './StoreUrl'

/** `--as-of DATE`. */
export const asOfOption: OptionSpec = {
  type: 'string',
  value: 'DATE',
  description: 'the valid time: the world as of the end of that day (default: today)',
  expected: 'a date YYYY-MM-DD',
}

/** `--json`. */
export const jsonOption: OptionSpec = {
  type: 'boolean',
  description: 'print JSON instead of text',
}

/** `--lang zh|en`. */
export const langOption: OptionSpec = {
  type: 'string',
  value: 'zh|en',
  description: 'the language of names and labels (default zh)',
  expected: 'zh or en',
  choices: ['zh', 'en'],
}

/** Options shared by `report`, `status`, `list` and `diff`. */
export const reportOptionSpecs: Readonly<Record<string, OptionSpec>> = {
  'known-at': {
    type: 'string',
    value: 'DATE',
    description:
      'the recorded time: only what the ledger knew by the end of that day (default: everything recorded)',
    expected: 'a date YYYY-MM-DD or an instant YYYY-MM-DDTHH:mm:ss.sssZ',
  },
  lang: langOption,
  plan: {
    type: 'string',
    value: 'ID',
    description:
      "the plan, when the ledger holds several (status: default the indicator's own plan)",
    expected: 'a plan id',
  },
  method: {
    type: 'string',
    value: 'NAME',
    description: 'the status method for numeric targets (see docs/status-methods.md)',
    expected: 'a status method name',
  },
}

/** The `--lang` option (default zh). */
export function langOf(ctx: RunContext): 'zh' | 'en' {
  const lang = stringOption(ctx, 'lang') ?? 'zh'
  if (lang !== 'zh' && lang !== 'en')
    throw new UsageError(`--lang: expected zh or en, got ${JSON.stringify(lang)}`)
  return lang
}

/** Plans named in a hint before the rest are counted. */
const PLANS_SHOWN = 10

/** `as of 2022-12-31` and, with `--known-at`, `, as known at …`: the cut a command was asked for. */
export function cutWords(ctx: RunContext, asOfDate: string): string {
  const knownAt = stringOption(ctx, 'known-at')
  return `as of ${asOfDate}${knownAt === undefined ? '' : `, as known at ${knownAt}`}`
}

/**
 * The refusal for a ledger that holds no plan (or not the one asked for) in the cut a command
 * was asked for; `whole` is the same load uncut, which tells a ledger without a plan from a cut
 * taken before its plan was adopted (or recorded).
 */
export function noPlan(
  ctx: RunContext,
  state: LedgerState,
  message: string,
  whole: LedgerState,
  asOfDate: string,
): Refusal {
  const where = describeLocation(ctx.location)
  if (state.plans.size === 0 && whole.plans.size > 0) {
    const later = whole.plans
      .toArray()
      .slice(0, PLANS_SHOWN)
      .map(
        (p) => `${p.planId} (adopted on ${p.adoptedOn}, recorded ${p.recordedTime.slice(0, 10)})`,
      )
    return new Refusal(
      `no plan in the ledger at ${where} ${cutWords(ctx, asOfDate)}: its ${whole.plans.size === 1 ? 'plan came' : 'plans came'} later: ${later.join(', ')}${whole.plans.size > PLANS_SHOWN ? ', …' : ''}`,
      // `diff` cuts at its --from and --to dates; every other command at --as-of.
      `choose a later ${ctx.values['from'] === undefined ? '--as-of' : '--from'} (or --known-at)`,
    )
  }
  // A write on a SQLite file not there yet works on a new ledger under a temporary name (put in
  // place only once something is written): nothing to decide against means no ledger at all.
  if (state.position === 0 && noLedgerFile(ctx.location)) return noSqliteLedger(ctx.location)
  if (state.plans.size === 0)
    return new Refusal(
      `no plan in the ledger at ${where}${state.position === 0 ? ' (it is empty)' : ''}`,
      // A memory: ledger lives for one command: a plan imported by another is gone by now.
      ctx.location.kind === 'memory'
        ? 'a memory: ledger lasts one command, so it never holds a plan another command recorded; keep the ledger in a file (--store sqlite:FILE) or on PostgreSQL'
        : 'record a plan first: `progress-ledger import-plan PLAN.json` (see docs/plan-model.md)',
    )
  const ids = state.plans.toArray().map((p) => p.planId)
  // A misspelt --plan: the plan ids closest to it (every plan is in the checkpoint's index).
  const asked = stringOption(ctx, 'plan')
  const found = asked === undefined ? undefined : resolveProject(asked, ids)
  const near = found === undefined ? [] : found._tag === 'Found' ? [found.id] : found.suggestions
  return new Refusal(
    `${message.replace(/^options\.planId/, '--plan')}${near.length === 0 ? '' : ` (did you mean ${near.join(' or ')}?)`}`,
    `the ledger holds ${ids.length > PLANS_SHOWN ? `${ids.length} plans: ${ids.slice(0, PLANS_SHOWN).join(', ')}, …` : ids.join(', ')}: choose one with --plan ID`,
  )
}

/** A date option (`--as-of` by default), or today by the run's clock; checked. */
export function asOfOf(ctx: RunContext, name = 'as-of'): IsoDate {
  const v = stringOption(ctx, name) ?? ctx.io.clock.now().slice(0, 10)
  if (!isIsoDate(v))
    throw new UsageError(`--${name}: expected a date YYYY-MM-DD, got ${JSON.stringify(v)}`)
  return v
}

/**
 * Loads the ledger cut at a valid date (checked) and `--known-at` (checked); `request` as for
 * `ctx.ledger` (e.g. only the plans the command reads).
 */
export async function loadCut(
  ctx: RunContext,
  asOfDate: IsoDate,
  request: LedgerRequest = {},
  knownAt: KnownAt = knownAtOf(ctx),
): Promise<LedgerState> {
  const cut = cutOf(asOfDate, knownAt.value, knownAt.option)
  return asOf((await ctx.ledger(request)).state, cut)
}

/** A recorded-time cut as given on the command line: its value and the option that gave it. */
export interface KnownAt {
  readonly value: string | undefined
  readonly option: string
}

/** The recorded time of option `option` (default `--known-at`), falling back to `--known-at`. */
export function knownAtOf(ctx: RunContext, option = 'known-at'): KnownAt {
  const own = stringOption(ctx, option)
  return own === undefined
    ? { value: stringOption(ctx, 'known-at'), option: 'known-at' }
    : { value: own, option }
}

/** A report on a plan named (`--plan`, or `plan` given) reads that plan alone. */
function planRequest(plan: string | undefined): LedgerRequest {
  return plan === undefined ? {} : { plans: [plan] }
}

/**
 * The plan an indicator is defined in now, found from the ledger's checkpoint index (core's
 * `PlanScope.elsewhere`) without loading any plan's part, or `undefined` when the ledger does not
 * define it under that id (e.g. a number printed in the plan, which only a plan resolves).
 */
export async function planOfIndicator(ctx: RunContext, id: string): Promise<string | undefined> {
  const read = await ctx.ledger({ plans: [] })
  const elsewhere = read.planScope?.elsewhere('indicators', id)
  if (elsewhere !== undefined) return elsewhere
  const held = read.state.indicators.get(id)
  return held === undefined ? undefined : currentDefinition(held).planId
}

/**
 * A report needs its plan named on a ledger of several: known from the checkpoint's index alone
 * (which holds every plan), before the whole ledger is loaded only to find that out. A ledger
 * without a checkpoint, or with one plan in it, is left to the report to answer.
 */
async function refuseUnnamedPlan(ctx: RunContext): Promise<void> {
  const read = await ctx.ledger({ plans: [] })
  const plans = read.planScope === null ? [] : [...read.state.plans.keys()]
  if (plans.length < 2) return
  throw new Refusal(
    `--plan: expected one of ${plans.length} plans (${plans.slice(0, PLANS_SHOWN).join(', ')}${plans.length > PLANS_SHOWN ? ', …' : ''}), got nothing`,
    'choose one with --plan ID; `progress-ledger list plans` lists them',
  )
}

/**
 * Evaluates the plan as of a valid date, as known at `--known-at`. Bad options are usage errors
 * naming the option; a missing plan is a {@link Refusal}.
 */
export async function buildReport(
  ctx: RunContext,
  asOfDate: IsoDate,
  plan: string | undefined = stringOption(ctx, 'plan'),
  known: KnownAt = knownAtOf(ctx),
): Promise<PlanReport> {
  const lang = langOf(ctx)
  if (plan === undefined) await refuseUnnamedPlan(ctx)
  const request = planRequest(plan)
  const state = await loadCut(ctx, asOfDate, request, known)
  const { broken } = await ctx.ledger(request)
  // The warning in the report's language (the command's own line on stderr stays English).
  const warnings = broken === null ? [] : [brokenChainWarning(broken, lang)]
  const method = stringOption(ctx, 'method')
  const knownAt = cutOf(asOfDate, known.value, known.option).recordedTime
  const result = evaluatePlan(
    state,
    {
      asOf: asOfDate,
      lang,
      warnings,
      ...(knownAt === undefined ? {} : { knownAt }),
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
      throw noPlan(ctx, state, result.message, (await ctx.ledger(request)).state, asOfDate)
  }
}
