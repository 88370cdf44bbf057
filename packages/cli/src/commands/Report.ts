/**
 * `progress-ledger report`: the plan's status as of a date, as known at a date, rendered as
 * Markdown, self-contained HTML, CSV or JSON, in Chinese or English.
 *
 * @module commands/Report
 */
import { renderCsv, renderHtml, renderJson, renderMarkdown } from '@progress-ledger/reporting'
import { type CommandSpec, stringOption } from '../Command'
import { ExitCode, UsageError } from '../Failure'
import { asOfOf, asOfOption, buildReport, reportOptionSpecs } from '../ReportOptions'

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
  help: [
    '--as-of is the valid time (the world as of that day); --known-at the recorded time (what the',
    'report said then). Formats: md (default), html (one self-contained file with charts), csv',
    '(Excel-ready, UTF-8 with BOM), json (documented, versioned schema: docs/status-methods.md).',
  ].join('\n'),
  arguments: [],
  options: {
    'as-of': asOfOption,
    ...reportOptionSpecs,
    format: {
      type: 'string',
      value: 'md|html|csv|json',
      description: 'the output format (default md)',
      expected: 'md, html, csv or json',
      choices: ['md', 'html', 'csv', 'json'],
    },
    out: {
      type: 'string',
      value: 'FILE',
      description: 'write to a file instead of standard output',
      expected: 'a file name',
    },
  },
  access: 'read',
  run: async (ctx) => {
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
