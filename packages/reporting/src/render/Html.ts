/**
 * The HTML rendering: ONE self-contained file (inline CSS and SVG, no scripts, no external
 * assets), readable on a phone (tables scroll, columns collapse) and on paper (print CSS).
 *
 * @module render/Html
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
import { esc, lightSvg, sparkline, timeline } from './Svg'

const CSS = `
:root{--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#ffffff}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1100px;padding:16px;font:14px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg)}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid var(--line)}h3{font-size:1.05em}
.meta{color:var(--muted)}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
td.num{text-align:right;white-space:nowrap}
.light{vertical-align:middle;margin-right:4px}
details{margin:.3em 0}
pre{white-space:pre-wrap;font-size:12px;background:#f6f8fa;padding:6px;margin:.3em 0}
svg.timeline{width:100%;height:auto;max-height:90px}
@media (max-width:640px){body{padding:8px;font-size:13px}.hide-sm{display:none}svg.spark{width:100px;height:26px}}
@media print{body{max-width:none;padding:0;font-size:10pt}.scroll{overflow:visible}details>pre{display:block}
details:not([open])>*:not(summary){display:block}tr,svg,pre{break-inside:avoid}h2{break-after:avoid}a{color:inherit;text-decoration:none}}
`.trim()

/**
 * Renders a report as one self-contained HTML file. Deterministic: the same report gives the
 * same bytes.
 *
 * @example
 * import { renderHtml } from '@progress-ledger/reporting'
 * // writeFileSync('report.html', renderHtml(report))
 */
export function renderHtml(r: PlanReport): string {
  const L = (k: string): string => esc(label('text', k, r.lang))
  const S = (s: string): string => esc(label('status', s, r.lang))
  const o: string[] = []
  o.push(
    '<!DOCTYPE html>',
    `<html lang="${r.lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(localized(r.name, r.lang))} — ${L('report')} ${r.asOf}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
  )
  o.push(`<h1>${esc(localized(r.name, r.lang))}</h1>`)
  o.push(
    `<p class="meta">${L('report')} · ${L('asOf')} ${r.asOf} · ${L('plan')} ${r.startYear}–${r.endYear} · ${L('elapsed')} ${percent(r.elapsed)}</p>`,
  )
  o.push(
    `<p>${statusCodes
      .filter((s) => r.overall.counts[s] > 0)
      .map((s) => `${S(s)} <b>${r.overall.counts[s]}</b>`)
      .join(
        ' · ',
      )} · ${L('onSchedule')} ${r.overall.onSchedule}/${r.overall.graded} (${percent(r.overall.shareOnSchedule)})</p>`,
  )
  o.push(
    `<h2>${L('indicators')}</h2>`,
    '<div class="scroll"><table>',
    '<thead><tr>',
    `<th>${L('number')}</th><th>${L('indicator')}</th><th class="hide-sm">${L('unit')}</th><th>${L('latest')}</th><th class="hide-sm">${L('interim')}</th><th>${L('target')}</th><th>${L('status')}</th><th class="hide-sm">${L('departments')}</th><th></th>`,
    '</tr></thead>',
    '<tbody>',
  )
  for (const i of r.indicators) {
    const expl = renderExplanation(i.explanation, r.lang)
    const fc =
      i.forecast === null
        ? ''
        : `\n${label('text', 'forecast', r.lang)}: ${label('text', 'projected', r.lang)} ${formatNumber(i.forecast.projected)} (${i.forecast.dueYear}); ${label('text', 'metOn', r.lang)} ${i.forecast.metOn ?? label('text', 'never', r.lang)}`
    o.push(
      `<tr id="ind-${esc(i.indicatorId)}"><td>${esc(i.number ?? '')}</td>`,
      `<td>${esc(indicatorName(r, i))}<details><summary>${L('explanation')}</summary><pre>${esc(expl + fc)}</pre></details></td>`,
      `<td class="hide-sm">${esc(i.unit)}</td><td class="num">${esc(valueCell(r, i.latest))}</td>`,
      `<td class="hide-sm">${esc(targetCell(interimTarget(i)))}</td><td>${esc(targetCell(finalTarget(i)))}</td>`,
      `<td>${lightSvg(i.light, label('status', i.status, r.lang))}${S(i.status)}<br><small>${esc(label('grade', i.grade, r.lang))}</small></td>`,
      `<td class="hide-sm">${esc(departmentsCell(r, i.departments))}</td><td>${sparkline(i, r.baseYear, r.endYear)}</td></tr>`,
    )
  }
  o.push('</tbody></table></div>')
  o.push(
    `<h2>${L('categories')}</h2>`,
    '<div class="scroll"><table>',
    `<thead><tr><th>${L('category')}</th><th>${L('indicators')}</th>${statusCodes.map((s) => `<th>${S(s)}</th>`).join('')}<th>${L('share')}</th></tr></thead><tbody>`,
  )
  for (const c of r.categories) {
    o.push(
      `<tr><td>${esc(localized(c.name, r.lang))}</td><td class="num">${c.indicators}</td>${statusCodes.map((s) => `<td class="num">${c.counts[s]}</td>`).join('')}<td class="num">${percent(c.shareOnSchedule)}</td></tr>`,
    )
  }
  o.push('</tbody></table></div>')
  o.push(
    `<h2>${L('scorecard')}</h2>`,
    '<div class="scroll"><table>',
    `<thead><tr><th>${L('rank')}</th><th>${L('departments')}</th><th>${L('graded')}</th><th>${L('onSchedule')}</th><th>${L('share')}</th><th>${S('off-track')}</th></tr></thead><tbody>`,
  )
  for (const d of r.departments) {
    o.push(
      `<tr><td class="num">${d.rank ?? '—'}</td><td>${esc(localized(d.name, r.lang))}</td><td class="num">${d.graded}</td><td class="num">${d.onSchedule}</td><td class="num">${percent(d.shareOnSchedule)}</td><td>${d.offTrack.map((id) => `<a href="#ind-${esc(id)}">${esc(id)}</a>`).join(', ')}</td></tr>`,
    )
  }
  o.push('</tbody></table></div>')
  const taskKeys = [
    'not-started',
    'in-progress',
    'completed',
    'delayed',
    'suspended',
    'unreported',
  ] as const
  o.push(
    `<h2>${L('tasks')}</h2>`,
    '<div class="scroll"><table>',
    `<thead><tr><th>${L('kind')}</th><th>${L('total')}</th>${taskKeys.map((k) => `<th>${esc(label('task', k, r.lang))}</th>`).join('')}</tr></thead><tbody>`,
  )
  for (const t of r.taskRollup)
    o.push(
      `<tr><td>${esc(label('task', t.kind, r.lang))}</td><td class="num">${t.total}</td>${taskKeys.map((k) => `<td class="num">${t.counts[k]}</td>`).join('')}</tr>`,
    )
  o.push('</tbody></table></div>')
  o.push(`<h2>${L('projects')}</h2>`)
  for (const p of r.projects) {
    o.push(
      `<h3>${esc(localized(p.name, r.lang))}</h3>`,
      `<p class="meta">${L('milestonesMet')} ${p.met}/${p.total} (${percent(p.shareMet)}) · ${L('overdue')} ${p.overdue.length} · ${L('nextDue')} ${p.nextDue === null ? '—' : `${esc(p.nextDue.milestoneId)} ${p.nextDue.date}`}</p>`,
      timeline(p, r.asOf, (m) => localized(m.title, r.lang)),
      '<div class="scroll"><table>',
      `<thead><tr><th>${L('milestone')}</th><th>${L('planned')}</th><th class="hide-sm">${L('forecast')}</th><th>${L('met')}</th><th>${L('slip')}</th></tr></thead><tbody>`,
    )
    for (const m of p.milestones) {
      o.push(
        `<tr><td>${esc(localized(m.title, r.lang))}${m.unplanned ? ` <small>(${L('unplanned')})</small>` : ''}${m.overdue ? ` <b>${L('overdue')}</b>` : ''}</td><td>${m.planned ?? '—'}</td><td class="hide-sm">${m.forecast ?? '—'}</td><td>${m.met ?? '—'}</td><td class="num">${m.slipDays ?? '—'}</td></tr>`,
      )
    }
    o.push('</tbody></table></div>')
  }
  o.push('</body>', '</html>')
  return `${o.join('\n')}\n`
}
