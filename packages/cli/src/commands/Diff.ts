/**
 * `progress-ledger diff --from DATE --to DATE`: what changed between two reports, with the
 * events responsible.
 *
 * @module commands/Diff
 */
import { diffReports, renderDiff } from '@progress-ledger/reporting'
import { type CommandSpec, flagOption, stringOption } from '../Command'
import { ExitCode, UsageError } from '../Failure'
import {
  asOfOf,
  buildReport,
  jsonOption,
  knownAtOf,
  langOf,
  reportOptionSpecs,
} from '../ReportOptions'

/** `diff`. */
export const diff: CommandSpec = {
  name: 'diff',
  summary: 'what changed between the reports as of two dates, with the events responsible',
  help: [
    'Compares values, statuses, targets, milestones and tasks of the two reports; printed in',
    '--lang (zh by default, en), each change with the events responsible. --json prints the diff',
    'as data (language-neutral before/after text and both sides). --from-known-at and',
    '--to-known-at compare what the ledger knew at two times: the same --from and --to with',
    'two recorded times is what changed since a report was published.',
  ].join('\n'),
  arguments: [],
  options: {
    from: {
      type: 'string',
      value: 'DATE',
      description: 'the earlier as-of date',
      expected: 'a date YYYY-MM-DD',
    },
    to: {
      type: 'string',
      value: 'DATE',
      description: 'the later as-of date',
      expected: 'a date YYYY-MM-DD',
    },
    'from-known-at': {
      type: 'string',
      value: 'DATE',
      description:
        'the recorded time of the earlier report (default --known-at): e.g. the day it was published',
      expected: 'a date YYYY-MM-DD or an instant YYYY-MM-DDTHH:mm:ss.sssZ',
    },
    'to-known-at': {
      type: 'string',
      value: 'DATE',
      description: 'the recorded time of the later report (default --known-at)',
      expected: 'a date YYYY-MM-DD or an instant YYYY-MM-DDTHH:mm:ss.sssZ',
    },
    ...reportOptionSpecs,
    json: jsonOption,
  },
  access: 'read',
  run: async (ctx) => {
    if (stringOption(ctx, 'from') === undefined || stringOption(ctx, 'to') === undefined)
      throw new UsageError('--from DATE and --to DATE are required')
    const from = asOfOf(ctx, 'from')
    const to = asOfOf(ctx, 'to')
    if (from > to)
      throw new UsageError(
        `--from: expected a date on or before --to ${to}, got ${JSON.stringify(from)}`,
      )
    const plan = stringOption(ctx, 'plan')
    const d = diffReports(
      await buildReport(ctx, from, plan, knownAtOf(ctx, 'from-known-at')),
      await buildReport(ctx, to, plan, knownAtOf(ctx, 'to-known-at')),
    )
    if (flagOption(ctx, 'json')) {
      ctx.io.stdout.write(`${JSON.stringify(d, null, 2)}\n`)
      return ExitCode.ok
    }
    ctx.io.stdout.write(renderDiff(d, langOf(ctx)))
    return ExitCode.ok
  },
}
