/**
 * `progress-ledger append FILE.xlsx|FILE.csv`: the figures of a filled-in spreadsheet (the
 * template, or the planning office's own table) read at their cells, decided against the ledger
 * and appended in one atomic batch — or nothing appended, every problem printed at its cell.
 *
 * @module commands/AppendSheet
 */
import { resolve } from 'node:path'
import { currentVersion, dateOf, type LedgerState, type ValueVersion } from '@progress-ledger/core'
import { handleStream, sequentialIds } from '@progress-ledger/commands'
import { locateRejections, readFiguresFile, type SheetProblem } from '@progress-ledger/spreadsheet'
import { parseActor, unknownDepartmentHint } from '../ActorOption'
import { flagOption, type RunContext, stringOption } from '../Command'
import { ExitCode, UsageError } from '../Failure'
import { asOfOf, loadCut, noPlan } from '../ReportOptions'
import { REDECIDE, movedOn } from '../Redecide'
import { describeResult } from '../Results'

/** Is this a spreadsheet `append` reads figures from (`.xlsx`, `.csv`, any case)? */
export function isSpreadsheet(file: string): boolean {
  return /\.(xlsx|csv)$/i.test(file)
}

/** A figure of the sheet that differs from the value in force for its period. */
interface Replacement {
  readonly indicatorId: string
  readonly period: string
  readonly value: number
  readonly was: ValueVersion
}

/**
 * The sheet's figures that would replace a different value in force (an older sheet sent again
 * records its figures over newer ones: said, not silently done).
 */
function replacements(
  state: LedgerState,
  commands: ReadonlyArray<{ readonly type: string }>,
): Replacement[] {
  const out: Replacement[] = []
  for (const c of commands) {
    if (c.type !== 'ReportValue') continue
    const r = c as unknown as { indicatorId: string; period: string; value: number }
    const was = state.indicators.get(r.indicatorId)?.values.find((pv) => pv.period === r.period)
    const v = was === undefined ? undefined : currentVersion(was)
    if (v !== undefined && v.value !== null && v.value !== r.value)
      out.push({ indicatorId: r.indicatorId, period: r.period, value: r.value, was: v })
  }
  return out
}

const SHOWN = 10

function describeReplacements(list: ReadonlyArray<Replacement>): string {
  if (list.length === 0) return ''
  const lines = list
    .slice(0, SHOWN)
    .map(
      (r) =>
        `  ${r.indicatorId} ${r.period}: ${r.value} replaces ${r.was.value} (recorded ${r.was.recordedTime.slice(0, 10)} by ${r.was.actor})\n`,
    )
  return `${list.length} figure(s) differ from the value in force and replace it:\n${lines.join('')}${list.length > SHOWN ? `  … and ${list.length - SHOWN} more\n` : ''}`
}

function refuse(ctx: RunContext, file: string, problems: ReadonlyArray<SheetProblem>): number {
  for (const p of problems) ctx.io.stderr.write(`${p.message}\n`)
  ctx.io.stderr.write(`${problems.length} problem(s) in ${file}; nothing appended\n`)
  return ExitCode.failed
}

/**
 * Appends the figures of a spreadsheet: read against the ledger as of today (indicator numbers,
 * names, units, the plan's years) — the plan of `--plan`, loaded alone, or the ledger's only plan
 * — every problem reported as `FILE!SHEET!CELL: expected …, got …`, then decided against the plans
 * the figures need (as `append FILE.jsonl` decides a short file) and appended all or nothing.
 * Figures the ledger already holds in force are not recorded again. Exit 1 on any problem or
 * refusal, and when the ledger's hash chain is broken (nothing is appended to it).
 */
export async function appendSpreadsheet(ctx: RunContext, file: string): Promise<number> {
  const actorText = stringOption(ctx, 'actor')
  if (actorText === undefined)
    throw new UsageError('--actor is required: plan-admin:ID, reporter:ID@DEPARTMENT or auditor:ID')
  const actor = parseActor(actorText)
  const now = ctx.io.clock.now()
  const encoding = stringOption(ctx, 'encoding')
  if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'gb18030')
    throw new UsageError(`--encoding: expected utf-8 or gb18030, got ${JSON.stringify(encoding)}`)
  const asOfDate = asOfOf(ctx)
  const plan = stringOption(ctx, 'plan')
  const sheet = stringOption(ctx, 'sheet')
  // A table is one plan's: with --plan, that plan is read alone (and what belongs to none).
  const request = plan === undefined ? {} : { plans: [plan] }
  const state = await loadCut(ctx, asOfDate, request)
  const whole = async () => (await ctx.ledger(request)).state
  if (plan !== undefined && !state.plans.has(plan))
    throw noPlan(
      ctx,
      state,
      `--plan: expected an adopted plan, got ${JSON.stringify(plan)}`,
      await whole(),
      asOfDate,
    )
  if (plan === undefined && state.plans.size !== 1)
    throw noPlan(
      ctx,
      state,
      `--plan: expected the plan ${file} is for, got none`,
      await whole(),
      asOfDate,
    )
  const read = await readFiguresFile(resolve(ctx.io.cwd, file), {
    state,
    ...(plan === undefined ? {} : { planId: plan }),
    ...(sheet === undefined ? {} : { sheet }),
    ...(encoding === undefined ? {} : { encoding }),
  })
  if (read._tag === 'Invalid') return refuse(ctx, file, read.problems)
  if (read.commands.length === 0) {
    ctx.io.stderr.write(
      `${file}: expected at least one figure filled in, got none in ${read.sheets
        .filter((s) => s.headerRow !== null)
        .map((s) => s.name)
        .join(', ')}; nothing appended\n`,
    )
    return ExitCode.failed
  }
  const what = `${read.commands.length} figure(s) from ${file}`
  const replacing = replacements(state, read.commands)
  const store = await ctx.store()
  const decide = () =>
    handleStream(
      store,
      read.commands.map((command) => ({ command })),
      { actor, today: dateOf(now), ids: sequentialIds(ctx.io.idPrefix()) },
      {
        maxRejections: read.commands.length,
        recordDenied: flagOption(ctx, 'record-denied'),
        narrow: async (plans) => {
          const loaded = await ctx.ledger({
            owned: true,
            ...(plans === undefined ? {} : { plans }),
          })
          return { _tag: 'Loaded', state: loaded.state, planScope: loaded.planScope }
        },
      },
    )
  let result = await decide()
  // Decided while another writer appended: decided again against the ledger as it now is.
  for (let i = 0; i < REDECIDE && movedOn(result); i++) result = await decide()
  switch (result._tag) {
    case 'StreamRejected': {
      const code = refuse(
        ctx,
        file,
        locateRejections(read, { _tag: 'BatchRejected', rejections: result.rejections }),
      )
      const department = unknownDepartmentHint(actor, state.departments)
      if (department !== undefined) ctx.io.stderr.write(department)
      return code
    }
    case 'StreamAppended': {
      if (result.written > 0) ctx.io.committed?.()
      // Each figure records one event, or none when it is the value in force already.
      const unchanged = read.commands.length - result.written
      ctx.io.stdout.write(
        result.written === 0
          ? `${what}: each already in force in the ledger; nothing appended (head at position ${result.head})\n`
          : `${what}: appended ${result.written} event(s)${unchanged > 0 ? ` (${unchanged} already in force)` : ''}, head at position ${result.head}\n${describeReplacements(replacing)}`,
      )
      return ExitCode.ok
    }
    case 'VersionConflict':
      if (movedOn(result)) {
        ctx.io.stderr.write(
          `conflict: the ledger moved from position ${String(result.expected)} to ${result.actual} while ${file} was decided, ${REDECIDE + 1} times; someone else wrote first — run again\n`,
        )
        return ExitCode.failed
      }
      return describeResult(ctx.io, result, what)
    default:
      return describeResult(ctx.io, result, what)
  }
}
