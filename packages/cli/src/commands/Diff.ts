/**
 * `progress-ledger diff --from DATE --to DATE`: what changed between two reports, with the
 * events responsible.
 *
 * @module commands/Diff
 */
import { diffReports } from '@progress-ledger/reporting'
import { type CommandSpec, stringOption } from '../Command'
import { ExitCode, UsageError } from '../Io'
import { buildReport, reportOptionSpecs } from '../ReportOptions'

/** `diff`. */
export const diff: CommandSpec = {
  name: 'diff',
  summary: 'what changed between the reports as of two dates, with the events responsible',
  usage: 'progress-ledger diff --from DATE --to DATE [--known-at DATE] [--lang zh|en] [--json]',
  help: 'Compares values, statuses, targets, milestones and tasks of the two reports.',
  options: {
    ...reportOptionSpecs,
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
  },
  run: async (ctx) => {
    const from = stringOption(ctx, 'from')
    const to = stringOption(ctx, 'to')
    if (from === undefined || to === undefined)
      throw new UsageError('--from DATE and --to DATE are required')
    const d = diffReports(await buildReport(ctx, from), await buildReport(ctx, to))
    if (ctx.values['json'] === true) {
      ctx.io.stdout.write(`${JSON.stringify(d, null, 2)}\n`)
      return ExitCode.ok
    }
    ctx.io.stdout.write(`changes from ${d.from} to ${d.to}: ${d.changes.length}\n`)
    for (const c of d.changes) {
      ctx.io.stdout.write(
        `  ${c.kind.padEnd(17)} ${c.subject.padEnd(12)} ${c.before ?? '—'} → ${c.after ?? '—'}  [${c.eventIds.join(', ')}]\n`,
      )
    }
    return ExitCode.ok
  },
}
