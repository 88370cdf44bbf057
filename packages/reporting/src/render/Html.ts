/**
 * The HTML rendering: ONE self-contained file (inline CSS and SVG, no scripts, no external
 * assets). It opens with what needs attention — red, yellow and at-risk indicators with owner,
 * gap, forecast and the reason, delayed tasks and overdue projects — then the indicator table,
 * a chart per indicator with a table view, roll-ups and the projects' milestone charts. Status
 * and owner stay visible at every width: tables become cards on a phone; print CSS opens every
 * explanation.
 *
 * @module render/Html
 */
import type { IndicatorReport } from '../Evaluate'
import { renderExplanation } from '../ExplanationText'
import { attentionReasons, type AttentionReason } from '../Attention'
import { formatNumber, knownAtText } from '../Format'
import { label, localized, type TextKey } from '../Labels'
import type { PlanReport } from '../Report'
import { statusCodes } from '../Status'
import {
  finalTarget,
  forecastCell,
  gapCell,
  indicatorName,
  interimTarget,
  percent,
  targetCell,
  unitOf,
  valueCell,
} from './Common'
import {
  departmentsHtml,
  page,
  projectSection,
  responsiveTable,
  scrollTable,
  warningsHtml,
} from './HtmlParts'
import { esc, indicatorChart, lightSvg } from './Svg'

function statusHtml(i: IndicatorReport, r: PlanReport): string {
  return `<span class="st">${lightSvg(i.light)}${esc(label('status', i.status, r.lang))}</span>${i.atRisk ? ` <span class="risk">${esc(label('text', 'atRisk', r.lang))}</span>` : ''}`
}

const REASON_CLASS: Readonly<Record<AttentionReason, string>> = {
  'off-track': 'red',
  'needs-acceleration': 'yellow',
  'at-risk': 'risk-card',
}

function reasonTitle(reason: AttentionReason, r: PlanReport): string {
  return reason === 'at-risk' ? label('text', 'atRisk', r.lang) : label('status', reason, r.lang)
}

function card(i: IndicatorReport, reason: AttentionReason, r: PlanReport): string {
  const L = (k: TextKey): string => esc(label('text', k, r.lang))
  return [
    `<li class="card ${REASON_CLASS[reason]}">`,
    `<h4><a href="#ind-${esc(i.indicatorId)}">${esc(`${i.number ?? i.indicatorId}. ${indicatorName(r.lang, i)}`)}</a></h4>`,
    `<p class="meta">${statusHtml(i, r)} · ${esc(label('grade', i.grade, r.lang))}</p>`,
    '<dl class="facts">',
    `<dt>${L('owner')}</dt><dd>${departmentsHtml(r, i.departments)}</dd>`,
    `<dt>${L('latest')}</dt><dd>${esc(valueCell(r.lang, i.latest, unitOf(i, r.lang)))}</dd>`,
    `<dt>${L('target')}</dt><dd>${esc(targetCell(finalTarget(i), r.lang))}</dd>`,
    `<dt>${L('gap')}</dt><dd>${esc(gapCell(i, r.lang))}</dd>`,
    `<dt>${L('forecast')}</dt><dd>${esc(forecastCell(i, r.lang))}</dd>`,
    '</dl>',
    `<p class="why">${esc(i.summary)}</p>`,
    '</li>',
  ].join('')
}

function valueTable(i: IndicatorReport, r: PlanReport): string {
  const L = (k: TextKey): string => esc(label('text', k, r.lang))
  const rows = [
    ...(i.baseline === null
      ? []
      : [[i.baseline.period, formatNumber(i.baseline.value), label('text', 'baseline', r.lang)]]),
    ...i.series
      .filter((v) => i.baseline === null || v.period !== i.baseline.period)
      .map((v) => [v.period, formatNumber(v.value), label('text', 'actual', r.lang)]),
    ...i.targets.map((t) => [
      String(t.dueYear),
      t.meaning,
      label('text', t.role === 'final' ? 'finalTarget' : 'interimTarget', r.lang),
    ]),
    ...(i.forecast === null
      ? []
      : [
          [
            String(i.forecast.dueYear),
            formatNumber(i.forecast.projected, 3),
            label('text', 'forecast', r.lang),
          ],
        ]),
  ]
  return `<table><thead><tr><th scope="col">${L('year')}</th><th scope="col">${L('value')} (${esc(unitOf(i, r.lang) || '—')})</th><th scope="col">${L('kind')}</th></tr></thead><tbody>${rows
    .map(
      ([a, b, c]) =>
        `<tr><td>${esc(a ?? '')}</td><td class="num">${esc(b ?? '')}</td><td>${esc(c ?? '')}</td></tr>`,
    )
    .join('')}</tbody></table>`
}

/**
 * Renders a report as one self-contained HTML file. Deterministic: the same report gives the
 * same bytes.
 *
 * @example
 * import { ledgerProjection, replay } from '@progress-ledger/core'
 * import { fixtures, recorded } from '@progress-ledger/testkit'
 * import { evaluatePlan, renderHtml } from '@progress-ledger/reporting'
 * const r = evaluatePlan(replay(ledgerProjection, recorded(fixtures.gdpPlan)), { asOf: '2021-12-31', lang: 'en' })
 * const html = r._tag === 'Report' ? renderHtml(r.report) : ''
 * html.startsWith('<!DOCTYPE html>') // true
 * /<script|https?:\/\//.test(html) // false
 */
export function renderHtml(r: PlanReport): string {
  const L = (k: TextKey): string => esc(label('text', k, r.lang))
  const name = localized(r.name, r.lang)
  const a = r.attention
  const o: string[] = ['<header>', `<h1>${esc(name)}</h1>`]
  if (r.warnings.length > 0) o.push(warningsHtml(r.warnings, r.lang))
  o.push(
    `<p class="meta">${L('report')} · ${L('asOf')} ${r.asOf}${r.options.knownAt === null ? '' : ` · ${L('knownAt')} ${esc(knownAtText(r.options.knownAt))}`} · ${L('plan')} ${r.startYear}–${r.endYear} · ${L('elapsed')} ${percent(r.elapsed)}${r.illustrative ? ` · <span class="badge">${L('illustrative')}</span>` : ''}</p>`,
  )
  if (r.illustrative) o.push(`<p class="notice">${L('illustrativeNotice')}</p>`)
  const count = (reason: AttentionReason): number =>
    a.indicators.filter((x) => x.reason === reason).length
  const links: string[] = attentionReasons.map(
    (reason) =>
      `<li>${count(reason) > 0 ? `<a href="#att-${reason}">` : ''}${esc(reasonTitle(reason, r))} <b>${count(reason)}</b>${count(reason) > 0 ? '</a>' : ''}</li>`,
  )
  for (const s of statusCodes)
    if (s !== 'off-track' && s !== 'needs-acceleration' && r.overall.counts[s] > 0)
      links.push(
        `<li><a href="#indicators">${esc(label('status', s, r.lang))} <b>${r.overall.counts[s]}</b></a></li>`,
      )
  links.push(
    `<li>${a.tasks.length > 0 ? '<a href="#att-tasks">' : ''}${L('delayedTasks')} <b>${a.tasks.length}</b>${a.tasks.length > 0 ? '</a>' : ''}</li>`,
    `<li>${a.projects.length > 0 ? '<a href="#att-projects">' : ''}${L('overdueProjects')} <b>${a.projects.length}</b>${a.projects.length > 0 ? '</a>' : ''}</li>`,
    `<li>${L('onSchedule')} <b>${r.overall.onSchedule}/${r.overall.graded}</b> (${percent(r.overall.shareOnSchedule)})</li>`,
  )
  o.push(
    `<nav class="summary" aria-label="${L('summary')}"><ul>${links.join('')}</ul></nav>`,
    '</header>',
    '<main>',
  )

  o.push('<section id="attention">', `<h2>${L('attention')}</h2>`)
  if (a.indicators.length + a.tasks.length + a.projects.length === 0)
    o.push(`<p>${L('attentionNone')}</p>`)
  for (const reason of attentionReasons) {
    const items = a.indicators.filter((x) => x.reason === reason)
    if (items.length === 0) continue
    o.push(
      `<h3 id="att-${reason}">${esc(reasonTitle(reason, r))} (${items.length})</h3>`,
      '<ul class="cards">',
      ...items.map((x) => card(x.indicator, reason, r)),
      '</ul>',
    )
  }
  if (a.tasks.length > 0)
    o.push(
      `<h3 id="att-tasks">${L('delayedTasks')} (${a.tasks.length})</h3>`,
      responsiveTable(
        [
          label('text', 'kind', r.lang),
          label('text', 'number', r.lang),
          label('text', 'name', r.lang),
          label('text', 'status', r.lang),
          label('text', 'owner', r.lang),
        ],
        a.tasks.map((t) => ({
          cells: [
            { html: esc(label('taskKind', t.kind, r.lang)) },
            { html: esc(t.number ?? t.taskId) },
            { html: esc(localized(t.name, r.lang)) },
            { html: esc(label('task', t.status, r.lang)), className: 'status' },
            { html: departmentsHtml(r, t.departments), className: 'owner' },
          ],
        })),
      ),
    )
  if (a.projects.length > 0)
    o.push(
      `<h3 id="att-projects">${L('overdueProjects')} (${a.projects.length})</h3>`,
      responsiveTable(
        [
          label('text', 'project', r.lang),
          label('text', 'overdue', r.lang),
          label('text', 'owner', r.lang),
        ],
        a.projects.map((p) => ({
          cells: [
            {
              html: `<a href="#project-${esc(p.projectId)}">${esc(localized(p.name, r.lang))}</a>`,
            },
            {
              html: esc(
                p.milestones
                  .filter((m) => m.overdue)
                  .map((m) => `${localized(m.title, r.lang)} (${m.planned ?? '—'})`)
                  .join(r.lang === 'zh' ? '；' : '; '),
              ),
            },
            { html: departmentsHtml(r, p.departments), className: 'owner' },
          ],
        })),
      ),
    )
  o.push('</section>')

  o.push(
    '<section id="indicators">',
    `<h2>${L('indicators')} (${r.indicators.length})</h2>`,
    responsiveTable(
      [
        label('text', 'number', r.lang),
        label('text', 'indicator', r.lang),
        label('text', 'latest', r.lang),
        label('text', 'target', r.lang),
        label('text', 'status', r.lang),
        label('text', 'owner', r.lang),
      ],
      r.indicators.map((i) => ({
        id: `row-${i.indicatorId}`,
        cells: [
          { html: esc(i.number ?? ''), className: 'num' },
          {
            html: `<a href="#ind-${esc(i.indicatorId)}">${esc(indicatorName(r.lang, i))}</a>${unitOf(i, r.lang) === '' ? '' : ` <small>(${esc(unitOf(i, r.lang))})</small>`}`,
            className: 'name',
          },
          { html: esc(valueCell(r.lang, i.latest)), className: 'num' },
          {
            html: `${esc(targetCell(finalTarget(i), r.lang))}${interimTarget(i) === undefined ? '' : `<br><small>${L('interim')} ${esc(targetCell(interimTarget(i), r.lang))}</small>`}`,
          },
          { html: statusHtml(i, r), className: 'status' },
          { html: departmentsHtml(r, i.departments), className: 'owner' },
        ],
      })),
    ),
    '</section>',
  )

  o.push('<section id="details">', `<h2>${L('details')}</h2>`)
  for (const i of r.indicators) {
    const chart = indicatorChart(i, r.baseYear, r.endYear, r.lang)
    const expl = renderExplanation(i.explanation, r.lang, unitOf(i, r.lang))
    const fc =
      i.forecast === null
        ? ''
        : `\n${label('text', 'forecast', r.lang)}: ${forecastCell(i, r.lang)}\n${i.forecast.steps.join('\n')}`
    o.push(
      `<article class="ind" id="ind-${esc(i.indicatorId)}">`,
      `<h3>${esc(`${i.number ?? i.indicatorId}. ${indicatorName(r.lang, i)}`)}</h3>`,
      `<p class="meta">${statusHtml(i, r)} · ${esc(label('grade', i.grade, r.lang))} · ${L('owner')}: ${departmentsHtml(r, i.departments)} · ${L('target')}: ${esc(targetCell(finalTarget(i), r.lang))}</p>`,
      `<p class="why">${esc(i.summary)}</p>`,
      ...i.series.flatMap((v) =>
        v.outlier === null
          ? []
          : [
              `<p class="meta">${esc(`${v.period}${r.lang === 'zh' ? '：' : ': '}${v.outlier}`)}</p>`,
            ],
      ),
      chart,
      chart === ''
        ? ''
        : `<details><summary>${L('tableView')}</summary>${valueTable(i, r)}</details>`,
      `<details><summary>${L('explanation')}</summary><pre>${esc(expl + fc)}</pre></details>`,
      '</article>',
    )
  }
  o.push('</section>')

  o.push(
    '<section id="categories">',
    `<h2>${L('categories')}</h2>`,
    scrollTable(
      label('text', 'categories', r.lang),
      `<table><thead><tr><th scope="col">${L('category')}</th><th scope="col">${L('indicators')}</th>${statusCodes.map((s) => `<th scope="col">${esc(label('status', s, r.lang))}</th>`).join('')}<th scope="col">${L('share')}</th></tr></thead><tbody>${r.categories
        .map(
          (c) =>
            `<tr><td>${esc(localized(c.name, r.lang))}</td><td class="num">${c.indicators}</td>${statusCodes.map((s) => `<td class="num">${c.counts[s]}</td>`).join('')}<td class="num">${percent(c.shareOnSchedule)}</td></tr>`,
        )
        .join('')}</tbody></table>`,
    ),
    '</section>',
  )
  o.push(
    '<section id="scorecard">',
    `<h2>${L('scorecard')}</h2>`,
    responsiveTable(
      [
        label('text', 'rank', r.lang),
        label('text', 'departments', r.lang),
        label('text', 'graded', r.lang),
        label('text', 'onSchedule', r.lang),
        label('text', 'share', r.lang),
        label('status', 'off-track', r.lang),
      ],
      r.departments.map((d) => ({
        cells: [
          { html: d.rank === null ? '—' : String(d.rank), className: 'num' },
          { html: esc(localized(d.name, r.lang)) },
          { html: String(d.graded), className: 'num' },
          { html: String(d.onSchedule), className: 'num' },
          { html: percent(d.shareOnSchedule), className: 'num' },
          {
            html:
              d.offTrack.map((id) => `<a href="#ind-${esc(id)}">${esc(id)}</a>`).join(', ') || '—',
          },
        ],
      })),
    ),
    '</section>',
  )
  const taskKeys = [
    'not-started',
    'in-progress',
    'completed',
    'delayed',
    'suspended',
    'unreported',
  ] as const
  o.push(
    '<section id="tasks">',
    `<h2>${L('tasks')}</h2>`,
    scrollTable(
      label('text', 'tasks', r.lang),
      `<table><thead><tr><th scope="col">${L('kind')}</th><th scope="col">${L('total')}</th>${taskKeys.map((k) => `<th scope="col">${esc(label('task', k, r.lang))}</th>`).join('')}</tr></thead><tbody>${r.taskRollup
        .map(
          (t) =>
            `<tr><td>${esc(label('taskKind', t.kind, r.lang))}</td><td class="num">${t.total}</td>${taskKeys.map((k) => `<td class="num">${t.counts[k]}</td>`).join('')}</tr>`,
        )
        .join('')}</tbody></table>`,
    ),
    '</section>',
  )
  o.push('<section id="projects">', `<h2>${L('projects')}</h2>`)
  const withMilestones = r.projects.filter((p) => p.milestones.length > 0)
  const without = r.projects.filter((p) => p.milestones.length === 0)
  for (const p of withMilestones) o.push(projectSection(p, r.asOf, r))
  if (without.length > 0)
    o.push(
      `<h3>${L('projectsWithoutMilestones')} (${without.length})</h3>`,
      responsiveTable(
        [label('text', 'project', r.lang), label('text', 'owner', r.lang)],
        without.map((p) => ({
          id: `project-${p.projectId}`,
          cells: [
            { html: esc(localized(p.name, r.lang)) },
            { html: departmentsHtml(r, p.departments), className: 'owner' },
          ],
        })),
      ),
    )
  o.push('</section>', '</main>')
  return page(r.lang, `${name} — ${label('text', 'report', r.lang)} ${r.asOf}`, o)
}
