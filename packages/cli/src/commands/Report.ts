/**
 * `progress-ledger report`: the plan's status as of a date, as known at a date, rendered as
 * Markdown, self-contained HTML, CSV, JSON or an Excel workbook, in Chinese or English; or, with
 * `--project ID`, one project on its own timeline (Markdown, HTML, JSON).
 *
 * @module commands/Report
 */
import {
  evaluateProjectTimeline,
  renderCsv,
  renderHtml,
  renderJson,
  renderMarkdown,
  renderProjectHtml,
  renderProjectJson,
  renderProjectMarkdown,
} from '@progress-ledger/reporting'
import { renderXlsx } from '@progress-ledger/spreadsheet'
import { type CommandSpec, type RunContext, stringOption } from '../Command'
import { ExitCode, Refusal, UsageError } from '../Failure'
import { resolveProject } from '../ProjectRef'
import {
  asOfOf,
  asOfOption,
  buildReport,
  cutWords,
  langOf,
  loadCut,
  reportOptionSpecs,
} from '../ReportOptions'

const renderers = {
  md: renderMarkdown,
  html: renderHtml,
  csv: renderCsv,
  json: renderJson,
} as const

const projectRenderers = {
  md: renderProjectMarkdown,
  html: renderProjectHtml,
  json: renderProjectJson,
} as const

const FORMATS = ['md', 'html', 'csv', 'json', 'xlsx'] as const

/** Writes the output to `--out`, or text to standard output. */
function emit(ctx: RunContext, content: string | Uint8Array): void {
  const out = stringOption(ctx, 'out')
  if (out === undefined && typeof content === 'string') ctx.io.stdout.write(content)
  else if (out !== undefined) {
    ctx.io.writeFile(out, content)
    ctx.io.stderr.write(`wrote ${out}\n`)
  } else throw new Error('binary output without --out: the format check should have refused')
}

/** `report --project ID`: one project's timeline. */
async function projectReport(ctx: RunContext, ref: string, format: string): Promise<number> {
  if (!(format in projectRenderers))
    throw new UsageError(
      `--format: expected md, html or json with --project, got ${JSON.stringify(format)}`,
    )
  const lang = langOf(ctx)
  const asOfDate = asOfOf(ctx)
  const state = await loadCut(ctx, asOfDate)
  const ids = state.projects
    .toArray()
    .map((p) => p.projectId)
    .sort()
  const found = resolveProject(ref, ids)
  if (found._tag === 'NotFound')
    throw new Refusal(
      `project ${JSON.stringify(ref)}: not in the ledger ${cutWords(ctx, asOfDate)}${
        found.suggestions.length === 0 ? '' : ` (did you mean ${found.suggestions.join(' or ')}?)`
      }`,
      ids.length === 0
        ? 'the ledger records no projects'
        : 'the ids are listed by `progress-ledger list projects`',
    )
  const { warnings } = await ctx.ledger()
  const r = evaluateProjectTimeline(state, {
    projectId: found.id,
    asOf: asOfDate,
    lang,
    warnings,
  })
  if (r._tag !== 'ProjectReport')
    throw new Error(
      `project ${found.id}: ${r._tag === 'ProjectNotFound' ? r.message : r.issues.map((i) => i.message).join('; ')}`,
    )
  emit(ctx, projectRenderers[format as keyof typeof projectRenderers](r.report))
  return ExitCode.ok
}

/** `report`. */
export const report: CommandSpec = {
  name: 'report',
  summary: 'render the plan status as of a date (md, html, csv, json, xlsx; zh or en)',
  help: [
    '--as-of is the valid time (the world as of that day); --known-at the recorded time (what the',
    'report said then). Formats: md (default), html (one self-contained file with charts), csv',
    '(Excel-ready, UTF-8 with BOM), json (documented, versioned schema: docs/status-methods.md),',
    'xlsx (an Excel workbook; needs --out). --project ID reports one project on its own timeline',
    '(md, html or json).',
  ].join('\n'),
  arguments: [],
  options: {
    'as-of': asOfOption,
    ...reportOptionSpecs,
    format: {
      type: 'string',
      value: 'md|html|csv|json|xlsx',
      description: 'the output format (default md; xlsx needs --out)',
      expected: 'md, html, csv, json or xlsx',
      choices: [...FORMATS],
    },
    out: {
      type: 'string',
      value: 'FILE',
      description: 'write to a file instead of standard output',
      expected: 'a file name',
    },
    project: {
      type: 'string',
      value: 'ID',
      description: 'report one project on its own timeline instead of the plan (md, html, json)',
      expected: 'a project id',
    },
  },
  access: 'read',
  run: async (ctx) => {
    const format = stringOption(ctx, 'format') ?? 'md'
    if (!(FORMATS as ReadonlyArray<string>).includes(format))
      throw new UsageError(
        `--format: expected md, html, csv, json or xlsx, got ${JSON.stringify(format)}`,
      )
    const project = stringOption(ctx, 'project')
    if (project !== undefined) return projectReport(ctx, project, format)
    if (format === 'xlsx') {
      if (stringOption(ctx, 'out') === undefined)
        throw new UsageError('--format xlsx writes a binary workbook: give --out FILE.xlsx')
      emit(ctx, await renderXlsx(await buildReport(ctx, asOfOf(ctx))))
      return ExitCode.ok
    }
    const r = await buildReport(ctx, asOfOf(ctx))
    emit(ctx, renderers[format as keyof typeof renderers](r))
    return ExitCode.ok
  },
}
