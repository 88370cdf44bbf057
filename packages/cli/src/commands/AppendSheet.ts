/**
 * `progress-ledger append FILE.xlsx|FILE.csv`: the figures of a filled-in spreadsheet (the
 * template, or the planning office's own table) read at their cells, decided against the ledger
 * and appended in one atomic batch — or nothing appended, every problem printed at its cell.
 *
 * @module commands/AppendSheet
 */
import { resolve } from 'node:path'
import { dateOf } from '@progress-ledger/core'
import { sequentialIds } from '@progress-ledger/commands'
import { appendFigures, readFiguresFile, type SheetProblem } from '@progress-ledger/spreadsheet'
import { parseActor } from '../ActorOption'
import { flagOption, type RunContext, stringOption } from '../Command'
import { ExitCode, UsageError } from '../Failure'
import { asOfOf, loadCut } from '../ReportOptions'
import { describeResult } from '../Results'

/** Is this a spreadsheet `append` reads figures from (`.xlsx`, `.csv`, any case)? */
export function isSpreadsheet(file: string): boolean {
  return /\.(xlsx|csv)$/i.test(file)
}

function refuse(ctx: RunContext, file: string, problems: ReadonlyArray<SheetProblem>): number {
  for (const p of problems) ctx.io.stderr.write(`${p.message}\n`)
  ctx.io.stderr.write(`${problems.length} problem(s) in ${file}; nothing appended\n`)
  return ExitCode.failed
}

/**
 * Appends the figures of a spreadsheet: read against the ledger as of today (indicator numbers,
 * names, units, the plan's years), every problem reported as `FILE!SHEET!CELL: expected …, got …`,
 * then decided and appended all or nothing. Exit 1 on any problem or refusal, and when the
 * ledger's hash chain is broken (nothing is appended to it).
 */
export async function appendSpreadsheet(ctx: RunContext, file: string): Promise<number> {
  const actorText = stringOption(ctx, 'actor')
  if (actorText === undefined)
    throw new UsageError('--actor is required: plan-admin:ID, reporter:ID@DEPARTMENT or auditor:ID')
  const actor = parseActor(actorText)
  const now = ctx.io.clock.now()
  const state = await loadCut(ctx, asOfOf(ctx))
  const encoding = stringOption(ctx, 'encoding')
  if (encoding !== undefined && encoding !== 'utf-8' && encoding !== 'gb18030')
    throw new UsageError(`--encoding: expected utf-8 or gb18030, got ${JSON.stringify(encoding)}`)
  const read = await readFiguresFile(resolve(ctx.io.cwd, file), {
    state,
    ...(encoding === undefined ? {} : { encoding }),
  })
  if (read._tag === 'Invalid') return refuse(ctx, file, read.problems)
  const unchanged =
    read.unchanged.length === 0 ? '' : ` (${read.unchanged.length} more already in force)`
  if (read.commands.length === 0 && read.unchanged.length > 0) {
    ctx.io.stdout.write(
      `${read.unchanged.length} figure(s) from ${file}: each already in force in the ledger; nothing appended\n`,
    )
    return ExitCode.ok
  }
  if (read.commands.length === 0) {
    ctx.io.stderr.write(
      `${file}: expected at least one figure filled in, got none in ${read.sheets
        .filter((s) => s.headerRow !== null)
        .map((s) => s.name)
        .join(', ')}; nothing appended\n`,
    )
    return ExitCode.failed
  }
  const result = await appendFigures(
    await ctx.store(),
    read,
    { actor, today: dateOf(now), ids: sequentialIds(ctx.io.idPrefix()) },
    { recordDenied: flagOption(ctx, 'record-denied') },
  )
  if (result._tag === 'Refused') return refuse(ctx, file, result.problems)
  return describeResult(
    ctx.io,
    result,
    `${read.commands.length} figure(s) from ${file}${unchanged}`,
  )
}
