/**
 * Renderings of a project on its own timeline (see `evaluateProjectTimeline`): Markdown, one
 * self-contained HTML file, versioned JSON and plain text for a terminal — as of any date, with
 * or without an adopted plan.
 *
 * @module render/Project
 */
import * as t from 'io-ts'
import { formatNumber } from '../Format'
import { label, localized, type TextKey } from '../Labels'
import type { ProjectTimelineReport } from '../ProjectTimeline'
import { type CellContext, departmentsCell, percent, warningLines } from './Common'
import { page, projectSection, warningsHtml } from './HtmlParts'
import { projectJson, ProjectJson, reportSchemaVersion, WarningsJson } from './Json'
import { markdownText, projectMarkdown, warningsMarkdown } from './Markdown'

const ProjectReportBody = t.strict({
  schemaVersion: t.literal(reportSchemaVersion),
  kind: t.literal('project-report'),
  projectId: t.string,
  asOf: t.string,
  lang: t.keyof({ zh: null, en: null }),
  planId: t.union([t.string, t.null]),
  project: ProjectJson,
})

/** The JSON project report (same schema version as the plan report, `warnings` as there). */
export const ProjectReportJson = t.intersection(
  [ProjectReportBody, WarningsJson],
  'ProjectReportJson',
)
/** The JSON project report. */
export type ProjectReportJson = t.TypeOf<typeof ProjectReportJson>

const ctxOf = (r: ProjectTimelineReport): CellContext => ({
  lang: r.lang,
  departmentNames: r.departmentNames,
})

/**
 * A project report as Markdown.
 *
 * @example
 * import { ledgerProjection, replay } from '@progress-ledger/core'
 * import { fixtures, recorded } from '@progress-ledger/testkit'
 * import { evaluateProjectTimeline, renderProjectMarkdown } from '@progress-ledger/reporting'
 * const state = replay(ledgerProjection, recorded([fixtures.railwayDefined, fixtures.tunnelPlanned, fixtures.tunnelMet]))
 * const r = evaluateProjectTimeline(state, { projectId: 'hangtai', asOf: '2019-12-31', lang: 'zh' })
 * r._tag === 'ProjectReport' && renderProjectMarkdown(r.report).split('\n')[0] // '# 杭台高铁嵊州段 — 截至 2019-12-31'
 */
export function renderProjectMarkdown(r: ProjectTimelineReport): string {
  const L = (k: TextKey): string => label('text', k, r.lang)
  const out = [
    `# ${markdownText(localized(r.project.name, r.lang))} — ${L('asOf')} ${r.asOf}`,
    '',
    ...warningsMarkdown(r.warnings, r.lang),
    ...(r.planId === null ? [`- ${L('noPlan')}`, ''] : []),
    ...projectMarkdown(r.project, ctxOf(r), 2),
  ]
  return `${out.join('\n').trimEnd()}\n`
}

/**
 * A project report as one self-contained HTML file (milestone chart, forecast history, table).
 *
 * @example
 * import { ledgerProjection, replay } from '@progress-ledger/core'
 * import { fixtures, recorded } from '@progress-ledger/testkit'
 * import { evaluateProjectTimeline, renderProjectHtml } from '@progress-ledger/reporting'
 * const state = replay(ledgerProjection, recorded([fixtures.railwayDefined, fixtures.tunnelPlanned, fixtures.tunnelMet]))
 * const r = evaluateProjectTimeline(state, { projectId: 'hangtai', asOf: '2019-12-31', lang: 'en' })
 * r._tag === 'ProjectReport' && renderProjectHtml(r.report).includes('class="milestones"') // true
 */
export function renderProjectHtml(r: ProjectTimelineReport): string {
  const name = localized(r.project.name, r.lang)
  const body = [
    '<main>',
    ...(r.warnings.length > 0 ? [warningsHtml(r.warnings, r.lang)] : []),
    `<p class="meta">${label('text', 'asOf', r.lang)} ${r.asOf}${r.planId === null ? ` · ${label('text', 'noPlan', r.lang)}` : ''}</p>`,
    projectSection(r.project, r.asOf, ctxOf(r), 2)
      .replace('<h2>', '<h1>')
      .replace('</h2>', '</h1>'),
    '</main>',
  ]
  return page(r.lang, `${name} — ${label('text', 'asOf', r.lang)} ${r.asOf}`, body)
}

/**
 * A project report as JSON ({@link ProjectReportJson}).
 *
 * @example
 * import { ledgerProjection, replay } from '@progress-ledger/core'
 * import { fixtures, recorded } from '@progress-ledger/testkit'
 * import { evaluateProjectTimeline, renderProjectJson } from '@progress-ledger/reporting'
 * const state = replay(ledgerProjection, recorded([fixtures.railwayDefined, fixtures.tunnelPlanned, fixtures.tunnelMet]))
 * const r = evaluateProjectTimeline(state, { projectId: 'hangtai', asOf: '2019-12-31', lang: 'en' })
 * r._tag === 'ProjectReport' && JSON.parse(renderProjectJson(r.report)).project.plannedMet // 1
 */
export function renderProjectJson(r: ProjectTimelineReport): string {
  const value: ProjectReportJson = {
    schemaVersion: reportSchemaVersion,
    kind: 'project-report',
    projectId: r.projectId,
    asOf: r.asOf,
    lang: r.lang,
    planId: r.planId,
    warnings: r.warnings,
    project: projectJson(r.project),
  }
  const { project, ...head } = ProjectReportJson.encode(value)
  // The warnings come before the project, where a reader looks first.
  return `${JSON.stringify({ ...head, warnings: r.warnings, project }, null, 2)}\n`
}

/**
 * A project's status as terminal text: counts, next due, overdue milestones, then each
 * milestone by date with planned, forecast, met and slip.
 *
 * @example
 * import { ledgerProjection, replay } from '@progress-ledger/core'
 * import { fixtures, recorded } from '@progress-ledger/testkit'
 * import { evaluateProjectTimeline, renderProjectText } from '@progress-ledger/reporting'
 * const state = replay(ledgerProjection, recorded([fixtures.railwayDefined, fixtures.tunnelPlanned, fixtures.tunnelMet]))
 * const r = evaluateProjectTimeline(state, { projectId: 'hangtai', asOf: '2019-12-31', lang: 'en' })
 * r._tag === 'ProjectReport' && renderProjectText(r.report).split('\n')[1] // 'Planned milestones: 1/1 (100%); Unplanned milestones recorded: 0; Overdue: —; Next due: —'
 */
export function renderProjectText(r: ProjectTimelineReport): string {
  const p = r.project
  const L = (k: TextKey): string => label('text', k, r.lang)
  const zh = r.lang === 'zh'
  const sep = zh ? '：' : ': '
  const semi = zh ? '；' : '; '
  const paren = (x: string): string => (zh ? `（${x}）` : ` (${x})`)
  const warnings = warningLines(r.warnings, r.lang)
  const lines = [
    ...warnings,
    ...(warnings.length > 0 ? [''] : []),
    `${localized(p.name, r.lang)} — ${L('asOf')} ${r.asOf}${paren(`${L('departments')}${sep}${departmentsCell(ctxOf(r), p.departments)}`)}`,
    `${L('plannedMilestones')}${sep}${p.plannedMet}/${p.plannedTotal}${paren(percent(p.shareMet))}${semi}${L('unplannedMet')}${sep}${p.unplannedMet}${semi}${L('overdue')}${sep}${p.overdue.join(', ') || '—'}${semi}${L('nextDue')}${sep}${p.nextDue === null ? '—' : `${p.nextDue.milestoneId} ${p.nextDue.date}`}`,
  ]
  for (const m of p.milestones) {
    const slip = m.slipDays === null ? '' : paren(`${L('slip')} ${formatNumber(m.slipDays)}`)
    const comma = zh ? '，' : ', '
    lines.push(
      `  ${m.met ?? m.forecast ?? m.planned ?? '—'}  ${localized(m.title, r.lang)}${m.unplanned ? paren(L('unplanned')) : ''} — ${L('planned')} ${m.planned ?? '—'}${comma}${L('forecast')} ${m.forecast ?? '—'}${comma}${L('met')} ${m.met ?? '—'}${slip}${m.overdue ? ` ${L('overdue')}` : ''}`,
    )
  }
  return `${lines.join('\n')}\n`
}
