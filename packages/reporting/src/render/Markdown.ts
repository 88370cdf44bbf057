/**
 * The Markdown rendering of a plan report.
 *
 * @module render/Markdown
 */
import { formatNumber, renderExplanation } from '../Explanation'
import { label, localized } from '../Labels'
import type { PlanReport } from '../Report'
import { statusCodes } from '../Status'
import {
  departmentsCell,
  finalTarget,
  indicatorName,
  interimTarget,
  percent,
  targetCell,
  valueCell,
} from './Common'

const LIGHT: Readonly<Record<string, string>> = { green: '🟢', yellow: '🟡', red: '🔴', grey: '⚪' }

function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

function table(head: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<string>>): string[] {
  return [
    `| ${head.map(cell).join(' | ')} |`,
    `|${head.map(() => ' --- |').join('')}`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ]
}

/**
 * Renders a report as Markdown: summary, indicator table, explanations, roll-ups, tasks and
 * milestones. Deterministic: the only date printed is the report's as-of date.
 *
 * @example
 * import { renderMarkdown } from '@progress-ledger/reporting'
 * // const md = renderMarkdown(report) // '# 嵊州共同富裕行动方案 — 进展报告 …'
 */
export function renderMarkdown(r: PlanReport): string {
  const L = (k: string): string => label('text', k, r.lang)
  const out: string[] = []
  out.push(`# ${localized(r.name, r.lang)} — ${L('report')}`, '')
  out.push(`- ${L('asOf')}: ${r.asOf}`)
  out.push(
    `- ${L('plan')}: ${r.startYear}–${r.endYear} (${L('baseline')} ${r.baseYear}); ${L('elapsed')}: ${percent(r.elapsed)}`,
  )
  out.push(
    `- ${L('overall')}: ${
      statusCodes
        .filter((s) => r.overall.counts[s] > 0)
        .map((s) => `${label('status', s, r.lang)} ${r.overall.counts[s]}`)
        .join(', ') || '—'
    }; ${L('onSchedule')} ${r.overall.onSchedule}/${r.overall.graded} (${percent(r.overall.shareOnSchedule)})`,
    '',
  )
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
        L('departments'),
      ],
      r.indicators.map((i) => [
        i.number ?? '',
        indicatorName(r, i),
        i.unit,
        valueCell(r, i.baseline),
        valueCell(r, i.latest),
        targetCell(interimTarget(i)),
        targetCell(finalTarget(i)),
        LIGHT[i.light] ?? '',
        label('status', i.status, r.lang),
        label('grade', i.grade, r.lang),
        departmentsCell(r, i.departments),
      ]),
    ),
    '',
  )
  out.push(`## ${L('explanation')}`, '')
  for (const i of r.indicators) {
    out.push(
      `### ${i.number === null ? '' : `${i.number}. `}${indicatorName(r, i)}`,
      '',
      '```text',
      renderExplanation(i.explanation, r.lang),
    )
    if (i.forecast !== null) {
      out.push(
        `${L('forecast')}: ${L('projected')} ${formatNumber(i.forecast.projected)} (${i.forecast.dueYear}); ${L('metOn')} ${i.forecast.metOn ?? L('never')}`,
      )
    }
    out.push('```', '')
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
        label('task', t.kind, r.lang),
        String(t.total),
        ...taskKeys.map((k) => String(t.counts[k])),
      ]),
    ),
    '',
  )
  out.push(`## ${L('projects')}`, '')
  for (const p of r.projects) {
    out.push(`### ${localized(p.name, r.lang)}`, '')
    out.push(
      `- ${L('milestonesMet')}: ${p.met}/${p.total} (${percent(p.shareMet)}); ${L('unplanned')}: ${p.unplannedMet}`,
    )
    out.push(
      `- ${L('overdue')}: ${p.overdue.join(', ') || '—'}; ${L('nextDue')}: ${p.nextDue === null ? '—' : `${p.nextDue.milestoneId} (${p.nextDue.date})`}`,
      '',
    )
    out.push(
      ...table(
        [L('milestone'), L('planned'), L('forecast'), L('met'), L('slip'), L('overdue')],
        p.milestones.map((m) => [
          `${localized(m.title, r.lang)}${m.unplanned ? ` (${L('unplanned')})` : ''}`,
          m.planned ?? '—',
          m.forecast ?? '—',
          m.met ?? '—',
          m.slipDays === null ? '—' : String(m.slipDays),
          m.overdue ? '!' : '',
        ]),
      ),
      '',
    )
  }
  return `${out.join('\n').trimEnd()}\n`
}
