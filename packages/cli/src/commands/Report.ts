/**
 * `progress-ledger report`: the plan's status as of a date, as known at a date, rendered as
 * Markdown, self-contained HTML, CSV or JSON, in Chinese or English.
 *
 * @module commands/Report
 */
import { renderCsv, renderHtml, renderJson, renderMarkdown } from '@progress-ledger/reporting'
import { type CommandSpec, stringOption } from '../Command'
import { ExitCode, UsageError } from '../Io'
import { asOfOf, buildReport, reportOptionSpecs } from '../ReportOptions'

const renderers = {
  md: renderMarkdown,
  html: renderHtml,
  csv: renderCsv,
  json: renderJson,
} as const

/** `report`. */
export const report: CommandSpec = {
  name: 'report',
  summary: 'render the plan status as of a date (md, html, csv, json; zh or en)',
  usage:
    'progress-ledger report [--as-of DATE] [--known-at DATE] [--format md|html|csv|json] [--lang zh|en] [--out FILE] [--plan ID] [--method NAME]',
  help: [
    '--as-of DATE      the valid time: the world as of that day (default: today)',
    '--known-at DATE   the recorded time: only what the ledger knew by the end of that day',
    '                  (what the report said then); default: everything recorded',
    '--format          md (default), html (one self-contained file with charts), csv (Excel-ready,',
    '                  UTF-8 with BOM), json (documented, versioned schema: docs/status-methods.md)',
    '--method NAME     the status method for numeric targets (see docs/status-methods.md)',
    '--out FILE        write to a file instead of standard output',
  ].join('\n'),
  options: {
    ...reportOptionSpecs,
    'as-of': { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  run: async (ctx) => {
    if (ctx.positionals.length > 0)
      throw new UsageError(`unexpected argument ${JSON.stringify(ctx.positionals[0])}`)
    const format = stringOption(ctx, 'format') ?? 'md'
    if (!(format in renderers))
      throw new UsageError(
        `--format: expected md, html, csv or json, got ${JSON.stringify(format)}`,
      )
    const r = await buildReport(ctx, asOfOf(ctx))
    const text = renderers[format as keyof typeof renderers](r)
    const out = stringOption(ctx, 'out')
    if (out === undefined) ctx.io.stdout.write(text)
    else {
      ctx.io.writeFile(out, text)
      ctx.io.stderr.write(`wrote ${out}\n`)
    }
    return ExitCode.ok
  },
}
