/**
 * The Markdown rendering of a plan report: what needs attention first, then the indicators,
 * explanations, roll-ups, tasks and milestones. Every text that comes from the ledger is escaped
 * (HTML is shown, not interpreted; Markdown punctuation is literal) and kept on one line.
 *
 * @module render/Markdown
 */
import { knownAtText } from '../Format'
import { label, localized, type TextKey } from '../Labels'
import type { ProjectReport } from '../Milestones'
import type { Lang } from '../Options'
import type { PlanReport } from '../Report'
import { renderExplanation } from '../ExplanationText'
import { attentionReasons } from '../Attention'
import { statusCodes } from '../Status'
import {
  type CellContext,
  departmentsCell,
  finalTarget,
  forecastCell,
  gapCell,
  indicatorName,
  interimTarget,
  percent,
  statusText,
  targetCell,
  unitOf,
  valueCell,
} from './Common'

const LIGHT: Readonly<Record<string, string>> = { green: '🟢', yellow: '🟡', red: '🔴', grey: '⚪' }

/**
 * Text from the ledger made safe for Markdown: HTML characters as entities, Markdown
 * punctuation escaped, line breaks and tabs as spaces.
 *
 * @example
 * import { markdownText } from '@progress-ledger/reporting'
 * markdownText('<img src=x onerror=alert(1)>') // '&lt;img src=x onerror=alert(1)&gt;'
 * markdownText('名称\n# 标题') // '名称 \\# 标题'
 */
export function markdownText(s: string): string {
  return s
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#])/g, '\\$1')
}

function table(head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string[] {
  return [
    `| ${head.map(markdownText).join(' | ')} |`,
    `|${head.map(() => ' --- |').join('')}`,
    ...rows.map((r) => `| ${r.map(markdownText).join(' | ')} |`),
  ]
}

/** The milestone table of one project (milestones by date), or a line saying there are none. */
export function projectMarkdown(p: ProjectReport, ctx: CellContext, level = 3): string[] {
  const L = (k: TextKey): string => label('text', k, ctx.lang)
  const zh = ctx.lang === 'zh'
  const sep = zh ? '：' : ': '
  const semi = zh ? '；' : '; '
  const out: string[] = [`${'#'.repeat(level)} ${markdownText(localized(p.name, ctx.lang))}`, '']
  out.push(
    `- ${L('departments')}${sep}${markdownText(departmentsCell(ctx, p.departments))}`,
    `- ${L('plannedMilestones')}${sep}${p.plannedMet}/${p.plannedTotal} (${percent(p.shareMet)})${semi}${L('unplannedMet')}${sep}${p.unplannedMet}`,
    `- ${L('overdue')}${sep}${markdownText(p.overdue.join(', ')) || '—'}${semi}${L('nextDue')}${sep}${p.nextDue === null ? '—' : `${markdownText(p.nextDue.milestoneId)} (${p.nextDue.date})`}`,
    '',
  )
  if (p.milestones.length === 0) {
    const none = L('noMilestones')
    out.push(`${none.charAt(0).toUpperCase()}${none.slice(1)}${zh ? '。' : '.'}`, '')
    return out
  }
  out.push(
    ...table(
      [L('milestone'), L('planned'), L('forecast'), L('met'), L('slip'), L('overdue')],
      p.milestones.map((m) => [
        `${localized(m.title, ctx.lang)}${m.unplanned ? ` (${L('unplanned')})` : ''}`,
        m.planned ?? '—',
        m.forecast ?? '—',
        m.met ?? '—',
        m.slipDays === null ? '—' : String(m.slipDays),
        m.overdue ? '!' : '',
      ]),
    ),
    '',
  )
  return out
}

/**
 * The warnings block of a Markdown report: a quote with the label, the notice and one item per
 * warning; nothing when there are none.
 */
export function warningsMarkdown(warnings: ReadonlyArray<string>, lang: Lang): string[] {
  if (warnings.length === 0) return []
  return [
    `> **⚠ ${label('text', 'warnings', lang)}** — ${label('text', 'warningsNotice', lang)}`,
    '>',
    ...warnings.map((w) => `> - ${markdownText(w)}`),
    '',
  ]
}

function header(lang: Lang, title: string): string[] {
  return [`# ${markdownText(title)} — ${label('text', 'report', lang)}`, '']
}

/**
 * Renders a report as Markdown. Deterministic: the only date printed is the report's as-of date.
 *
 * @example
 * import { ledgerProjection, replay } from '@progress-ledger/core'
 * import { fixtures, recorded } from '@progress-ledger/testkit'
 * import { evaluatePlan, renderMarkdown } from '@progress-ledger/reporting'
 * const r = evaluatePlan(replay(ledgerProjection, recorded(fixtures.gdpPlan)), { asOf: '2021-12-31', lang: 'zh' })
 * r._tag === 'Report' && renderMarkdown(r.report).split('\n')[0] // '# 嵊州市共同富裕行动方案 — 进展报告'
 */
export function renderMarkdown(r: PlanReport): string {
  const L = (k: TextKey): string => label('text', k, r.lang)
  const ctx: CellContext = r
  const sep = r.lang === 'zh' ? '：' : ': '
  const out: string[] = header(r.lang, localized(r.name, r.lang))
  out.push(...warningsMarkdown(r.warnings, r.lang))
  if (r.illustrative) out.push(`> **${L('illustrative')}** — ${L('illustrativeNotice')}`, '')
  out.push(`- ${L('asOf')}${sep}${r.asOf}`)
  if (r.options.knownAt !== null)
    out.push(`- ${L('knownAt')}${sep}${knownAtText(r.options.knownAt)}`)
  out.push(
    r.lang === 'zh'
      ? `- ${L('plan')}${sep}${r.startYear}–${r.endYear}（${L('baselinePeriod')} ${r.baseYear}）；${L('elapsed')}${sep}${percent(r.elapsed)}`
      : `- ${L('plan')}${sep}${r.startYear}–${r.endYear} (${L('baselinePeriod')} ${r.baseYear}); ${L('elapsed')}${sep}${percent(r.elapsed)}`,
  )
  out.push(
    `- ${L('overall')}${sep}${
      statusCodes
        .filter((s) => r.overall.counts[s] > 0)
        .map((s) => `${label('status', s, r.lang)} ${r.overall.counts[s]}`)
        .join(r.lang === 'zh' ? '，' : ', ') || '—'
    }${r.lang === 'zh' ? '；' : '; '}${L('atRisk')} ${r.attention.indicators.filter((a) => a.reason === 'at-risk').length}${r.lang === 'zh' ? '；' : '; '}${L('onSchedule')} ${r.overall.onSchedule}/${r.overall.graded} (${percent(r.overall.shareOnSchedule)})`,
    '',
  )
  out.push(`## ${L('attention')}`, '')
  const a = r.attention
  if (a.indicators.length + a.tasks.length + a.projects.length === 0)
    out.push(L('attentionNone'), '')
  for (const reason of attentionReasons) {
    const items = a.indicators.filter((x) => x.reason === reason)
    if (items.length === 0) continue
    const title = reason === 'at-risk' ? L('atRisk') : label('status', reason, r.lang)
    out.push(`### ${title} (${items.length})`, '')
    out.push(
      ...table(
        [
          L('number'),
          L('indicator'),
          L('latest'),
          L('target'),
          L('gap'),
          L('forecast'),
          L('owner'),
          L('why'),
        ],
        items.map(({ indicator: i }) => [
          i.number ?? i.indicatorId,
          indicatorName(r.lang, i),
          valueCell(r.lang, i.latest),
          targetCell(finalTarget(i), r.lang),
          gapCell(i, r.lang),
          forecastCell(i, r.lang),
          departmentsCell(ctx, i.departments),
          i.summary,
        ]),
      ),
      '',
    )
  }
  if (a.tasks.length > 0) {
    out.push(`### ${L('delayedTasks')} (${a.tasks.length})`, '')
    out.push(
      ...table(
        [L('kind'), L('number'), L('name'), L('status'), L('owner')],
        a.tasks.map((t) => [
          label('taskKind', t.kind, r.lang),
          t.number ?? t.taskId,
          localized(t.name, r.lang),
          label('task', t.status, r.lang),
          departmentsCell(ctx, t.departments),
        ]),
      ),
      '',
    )
  }
  if (a.projects.length > 0) {
    out.push(`### ${L('overdueProjects')} (${a.projects.length})`, '')
    out.push(
      ...table(
        [L('project'), L('overdue'), L('owner')],
        a.projects.map((p) => [
          localized(p.name, r.lang),
          p.overdue.join(', '),
          departmentsCell(ctx, p.departments),
        ]),
      ),
      '',
    )
  }
  out.push(`## ${L('indicators')}`, '')
  out.push(
    ...table(
      [
        L('number'),
        L('indicator'),
        L('unit'),
        L('baseline'),
        L('latest'),
        L('interim'),
        L('target'),
        L('light'),
        L('status'),
        L('grade'),
        L('forecast'),
        L('departments'),
      ],
      r.indicators.map((i) => [
        i.number ?? '',
        indicatorName(r.lang, i),
        unitOf(i, r.lang),
        valueCell(r.lang, i.baseline),
        valueCell(r.lang, i.latest),
        targetCell(interimTarget(i), r.lang),
        targetCell(finalTarget(i), r.lang),
        LIGHT[i.light] ?? '',
        statusText(i, r.lang),
        label('grade', i.grade, r.lang),
        forecastCell(i, r.lang),
        departmentsCell(ctx, i.departments),
      ]),
    ),
    '',
  )
  out.push(`## ${L('explanation')}`, '')
  for (const i of r.indicators) {
    out.push(
      `### ${markdownText(`${i.number === null ? '' : `${i.number}. `}${indicatorName(r.lang, i)}`)}`,
      '',
    )
    const lines = renderExplanation(i.explanation, r.lang, unitOf(i, r.lang)).split('\n')
    // At risk, the summary adds the forecast to the explanation's sentence: it stands in for the
    // sentence it begins with (said once), or follows it.
    if (i.atRisk) {
      const first = lines[0]
      if (first !== undefined && first !== '' && i.summary.startsWith(first)) lines[0] = i.summary
      else lines.splice(1, 0, i.summary)
    }
    if (i.forecast !== null) lines.push(`${L('forecast')}${sep}${forecastCell(i, r.lang)}`)
    for (const v of i.series) if (v.outlier !== null) lines.push(`${v.period}${sep}${v.outlier}`)
    out.push(...lines.map((l) => `- ${markdownText(l)}`), '')
  }
  out.push(`## ${L('categories')}`, '')
  out.push(
    ...table(
      [
        L('category'),
        L('indicators'),
        ...statusCodes.map((s) => label('status', s, r.lang)),
        L('share'),
      ],
      r.categories.map((c) => [
        localized(c.name, r.lang),
        String(c.indicators),
        ...statusCodes.map((s) => String(c.counts[s])),
        percent(c.shareOnSchedule),
      ]),
    ),
    '',
  )
  out.push(`## ${L('scorecard')}`, '')
  out.push(
    ...table(
      [
        L('rank'),
        L('departments'),
        L('graded'),
        L('onSchedule'),
        L('share'),
        label('status', 'off-track', r.lang),
      ],
      r.departments.map((d) => [
        d.rank === null ? '—' : String(d.rank),
        localized(d.name, r.lang),
        String(d.graded),
        String(d.onSchedule),
        percent(d.shareOnSchedule),
        d.offTrack.join(', '),
      ]),
    ),
    '',
  )
  out.push(`## ${L('tasks')}`, '')
  const taskKeys = [
    'not-started',
    'in-progress',
    'completed',
    'delayed',
    'suspended',
    'unreported',
  ] as const
  out.push(
    ...table(
      [L('kind'), L('total'), ...taskKeys.map((k) => label('task', k, r.lang))],
      r.taskRollup.map((t) => [
        label('taskKind', t.kind, r.lang),
        String(t.total),
        ...taskKeys.map((k) => String(t.counts[k])),
      ]),
    ),
    '',
  )
  out.push(`## ${L('projects')}`, '')
  const withMilestones = r.projects.filter((p) => p.milestones.length > 0)
  const without = r.projects.filter((p) => p.milestones.length === 0)
  for (const p of withMilestones) out.push(...projectMarkdown(p, ctx))
  if (without.length > 0) {
    out.push(`### ${L('projectsWithoutMilestones')} (${without.length})`, '')
    out.push(
      ...table(
        [L('project'), L('owner')],
        without.map((p) => [localized(p.name, r.lang), departmentsCell(ctx, p.departments)]),
      ),
      '',
    )
  }
  return `${out.join('\n').trimEnd()}\n`
}
