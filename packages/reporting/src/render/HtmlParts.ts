/**
 * Pieces of the HTML report shared by the plan report and the project report: the style sheet,
 * the page frame, responsive tables and the project section.
 *
 * @module render/HtmlParts
 */
import type { IsoDate } from '@progress-ledger/core'
import { label, localized, type TextKey } from '../Labels'
import type { ProjectReport } from '../Milestones'
import type { Lang } from '../Options'
import { type CellContext, percent } from './Common'
import { esc, forecastHistoryChart, milestoneChart } from './Svg'

/** The style sheet: readable on paper, a desktop and a phone (card rows below 700 px). */
export const CSS = `
:root{--fg:#1f2328;--muted:#57606a;--line:#d0d7de;--bg:#ffffff;--soft:#f6f8fa;--link:#0969da}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1180px;padding:16px;font:15px/1.55 system-ui,-apple-system,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
a{color:var(--link)}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.25em;margin-top:1.8em;border-bottom:1px solid var(--line);padding-bottom:.2em}h3{font-size:1.08em;margin:1.2em 0 .4em}h4{font-size:1em;margin:0 0 .3em}
.meta{color:var(--muted);margin:.2em 0}
.badge{display:inline-block;border:1px solid #d4a72c;background:#fff8c5;color:var(--fg);border-radius:10px;padding:0 8px;font-size:.85em;font-weight:600;white-space:nowrap}
.risk{display:inline-block;border:1px solid #cf222e;color:#a40e26;background:#ffebe9;border-radius:10px;padding:0 6px;font-size:.82em;white-space:nowrap}
.alert{background:#ffebe9;border:2px solid #cf222e;border-radius:6px;padding:8px 12px;margin:.6em 0;color:var(--fg)}
.alert p{margin:0 0 .3em}.alert strong{color:#a40e26}.alert ul{margin:0;padding-left:1.4em}
.notice{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:6px 10px;margin:.6em 0}
nav.summary ul{list-style:none;padding:0;margin:.6em 0;display:flex;flex-wrap:wrap;gap:6px 14px}
nav.summary li{white-space:nowrap}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:var(--soft)}
td.num{text-align:right;white-space:nowrap}
td.status{white-space:nowrap}
td .nw{white-space:nowrap}
td.name{min-width:11em}
.light{vertical-align:-1px;margin-right:4px}
ul.cards{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:10px}
li.card{min-width:0;border:1px solid var(--line);border-left:5px solid var(--muted);border-radius:6px;padding:8px 10px}
li.card.red{border-left-color:#cf222e}li.card.yellow{border-left-color:#9a6700}li.card.risk-card{border-left-color:#bc4c00}
dl.facts{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:0 10px;margin:.3em 0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
p.why{margin:.3em 0}
article.ind{border-top:1px solid var(--line);padding:.4em 0 .8em}
svg.chart{width:100%;max-width:620px;height:auto;display:block}
svg.milestones{width:100%;height:auto;display:block}
svg.trend{width:100%;max-width:520px;height:auto;display:block}
details{margin:.3em 0}
summary{cursor:pointer;color:var(--link)}
pre{white-space:pre-wrap;font-size:13px;background:var(--soft);padding:6px;margin:.3em 0}
@media (max-width:700px){
body{padding:10px;font-size:14px}
table.rt thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table.rt,table.rt tbody,table.rt tr,table.rt td{display:block;width:100%}
table.rt tr{border:1px solid var(--line);border-radius:6px;margin:0 0 8px;padding:4px 0}
table.rt td{border:0;padding:1px 8px;white-space:normal;text-align:left}
td .nw{white-space:normal}
td.name{min-width:0}
table.rt td[data-label]::before{content:attr(data-label) ": ";color:var(--muted)}
}
@media print{body{max-width:none;padding:0;font-size:10pt}.scroll{overflow:visible}a{color:inherit;text-decoration:none}
details>*{display:block}details>summary{display:none}li.card,article.ind,tr,svg{break-inside:avoid}h2,h3{break-after:avoid}}
`.trim()

/**
 * The warnings of a report as an alert at the top of the page (`role="alert"`), or nothing when
 * there are none.
 */
export function warningsHtml(warnings: ReadonlyArray<string>, lang: Lang): string {
  if (warnings.length === 0) return ''
  return [
    '<div class="alert" role="alert">',
    `<p><strong>⚠ ${esc(label('text', 'warnings', lang))}</strong> — ${esc(label('text', 'warningsNotice', lang))}</p>`,
    `<ul>${warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`,
    '</div>',
  ].join('')
}

/** The page around a report body. */
export function page(lang: Lang, title: string, body: ReadonlyArray<string>): string {
  return `${[
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
  ].join('\n')}\n`
}

/** Names longer than this wrap inside themselves; shorter ones are kept on one line. */
const ONE_LINE_NAME = 16

/**
 * Department names for HTML, the list free to wrap between names: a short name (市发改局) is kept
 * on one line, a long one (an English name of a sub-bureau) wraps too — kept whole, it would
 * squeeze the other columns of a table to a character's width.
 */
export function departmentsHtml(ctx: CellContext, ids: ReadonlyArray<string>): string {
  if (ids.length === 0) return '—'
  return ids
    .map((id) => {
      const name = localized(ctx.departmentNames[id] ?? { zh: id }, ctx.lang)
      return name.length > ONE_LINE_NAME ? esc(name) : `<span class="nw">${esc(name)}</span>`
    })
    .join(ctx.lang === 'zh' ? '、' : ', ')
}

/** A cell of a responsive table: its column heading travels with it for the card view. */
export interface Cell {
  readonly html: string
  readonly className?: string
}

/**
 * A table that turns into one card per row below 700 px (each cell labelled with its heading).
 * Cells are HTML already escaped by the caller.
 */
export function responsiveTable(
  head: ReadonlyArray<string>,
  rows: ReadonlyArray<{ readonly id?: string; readonly cells: ReadonlyArray<Cell> }>,
): string {
  const th = head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')
  const body = rows
    .map(
      (r) =>
        `<tr${r.id === undefined ? '' : ` id="${esc(r.id)}"`}>${r.cells
          .map(
            (cell, k) =>
              `<td${cell.className === undefined ? '' : ` class="${cell.className}"`} data-label="${esc(head[k] ?? '')}">${cell.html}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n')
  return `<table class="rt"><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`
}

/** A wide table in a focusable scroll region (so that it scrolls inside itself on a phone). */
export function scrollTable(name: string, html: string): string {
  return `<div class="scroll" role="region" aria-label="${esc(name)}" tabindex="0">${html}</div>`
}

/** One project: summary line, milestone chart, forecast history charts, milestones by date. */
export function projectSection(
  p: ProjectReport,
  asOf: IsoDate,
  ctx: CellContext,
  headingLevel: 2 | 3 = 3,
): string {
  const lang = ctx.lang
  const L = (k: TextKey): string => esc(label('text', k, lang))
  const h = `h${headingLevel}`
  const o: string[] = [
    `<section class="project" id="project-${esc(p.projectId)}">`,
    `<${h}>${esc(localized(p.name, lang))}</${h}>`,
    `<p class="meta">${L('departments')}: ${departmentsHtml(ctx, p.departments)} · ${L('plannedMilestones')} ${p.plannedMet}/${p.plannedTotal} (${percent(p.shareMet)}) · ${L('unplannedMet')} ${p.unplannedMet} · ${L('overdue')} ${p.overdue.length} · ${L('nextDue')} ${p.nextDue === null ? '—' : `${esc(p.nextDue.milestoneId)} ${p.nextDue.date}`}</p>`,
    milestoneChart(p, asOf, lang),
  ]
  for (const m of p.milestones) {
    const chart = forecastHistoryChart(m, lang)
    if (chart === '') continue
    o.push(
      `<h4>${esc(localized(m.title, lang))} — ${L('forecastHistory')}</h4>`,
      chart,
      `<details><summary>${L('tableView')}</summary>${scrollTable(
        label('text', 'forecastHistory', lang),
        `<table><thead><tr><th scope="col">${L('reportedOn')}</th><th scope="col">${L('forecastDate')}</th><th scope="col">${L('reason')}</th></tr></thead><tbody>${m.history
          .map(
            (x) =>
              `<tr><td>${x.reportedOn}</td><td>${x.forecast}</td><td>${esc(x.reason ?? '—')}</td></tr>`,
          )
          .join('')}</tbody></table>`,
      )}</details>`,
    )
  }
  o.push(
    responsiveTable(
      [
        label('text', 'milestone', lang),
        label('text', 'planned', lang),
        label('text', 'forecast', lang),
        label('text', 'met', lang),
        label('text', 'slip', lang),
      ],
      p.milestones.map((m) => ({
        cells: [
          {
            html: `${esc(localized(m.title, lang))}${m.unplanned ? ` <small>(${L('unplanned')})</small>` : ''}${m.overdue ? ` <span class="risk">${L('overdue')}</span>` : ''}`,
          },
          { html: m.planned ?? '—', className: 'num' },
          { html: m.forecast ?? '—', className: 'num' },
          { html: m.met ?? '—', className: 'num' },
          { html: m.slipDays === null ? '—' : String(m.slipDays), className: 'num' },
        ],
      })),
    ),
    '</section>',
  )
  return o.join('\n')
}
