/**
 * Inline SVG charts for the HTML report, in the manner of Open SDG indicator pages and DHIS2
 * charts: per indicator a chart with a year axis, labelled values, labelled final and interim
 * target lines, the expected 序时进度 path and the forecast; per project a milestone chart
 * (planned vs actual, slip) and a milestone trend chart (each forecast at each report date). No
 * scripts, no fonts, no external references; coordinates are rounded so output is byte-stable.
 *
 * @module render/Svg
 */
import type { IsoDate } from '@progress-ledger/core'
import type { IndicatorReport } from '../Evaluate'
import { formatNumber } from '../Format'
import { label, localized } from '../Labels'
import type { MilestoneReport, ProjectReport } from '../Milestones'
import type { Lang } from '../Options'
import { projectionDigits } from '../Sentence'
import type { Light } from '../Status'
import { periodTime } from '../internal/Series'
import { yearTime } from '../internal/Time'

/** Escapes text for HTML and SVG (text and attribute values). */
export function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

const c = (x: number): string => formatNumber(x, 1)

/** The colours of the traffic lights (WCAG AA against white for text and marks). */
export const COLOURS: Readonly<Record<Light, string>> = {
  green: '#1a7f37',
  yellow: '#9a6700',
  red: '#cf222e',
  grey: '#6e7781',
}

const INK = '#1f2328'
const MUTED = '#57606a'
const PATH = '#0969da'

/** A traffic-light dot; decorative (the status word beside it carries the meaning). */
export function lightSvg(light: Light): string {
  return `<svg class="light" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><circle cx="6" cy="6" r="5" fill="${COLOURS[light]}"/></svg>`
}

function targetNumber(e: IndicatorReport['targets'][number]['expression']): number | undefined {
  return e.kind === 'level' || e.kind === 'comparison' ? e.value : undefined
}

/** Up to five round tick values covering [lo, hi]. */
function ticks(lo: number, hi: number): number[] {
  const span = hi - lo
  const raw = span / 4
  const mag = Math.pow(10, Math.floor(Math.log10(raw)))
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag) || 1
  const out: number[] = []
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Number(v.toPrecision(12)))
  return out
}

/** A point of an indicator chart. */
interface XY {
  readonly x: number
  readonly y: number
}

/**
 * The chart of one indicator: values by year with labels, the final target line and the interim
 * target, the expected 序时进度 path from the baseline through the targets, and the forecast to
 * the due year. Returns `''` when there is nothing to draw.
 */
export function indicatorChart(
  i: IndicatorReport,
  fromYear: number,
  toYear: number,
  lang: Lang,
): string {
  const W = 600
  const H = 230
  const left = 52
  const right = 136
  const top = 30
  const bottom = 30
  const pts: XY[] = [
    ...(i.baseline === null ? [] : [i.baseline]),
    ...i.series.filter(
      (v) => i.baseline === null || periodTime(v.period) > periodTime(i.baseline.period),
    ),
  ].map((v) => ({ x: periodTime(v.period), y: v.value }))
  const final = i.targets[i.targets.length - 1]
  const interim = i.targets.length > 1 ? i.targets[0] : undefined
  const fv = final === undefined ? undefined : targetNumber(final.expression)
  const iv = interim === undefined ? undefined : targetNumber(interim.expression)
  const path: XY[] = []
  const first = pts[0]
  if (
    first !== undefined &&
    fv !== undefined &&
    final !== undefined &&
    i.attribute === 'evaluation'
  ) {
    path.push(first)
    if (iv !== undefined && interim !== undefined) path.push({ x: interim.dueYear, y: iv })
    path.push({ x: final.dueYear, y: fv })
  }
  const fc =
    i.forecast !== null && pts.length > 0
      ? { x: i.forecast.dueYear, y: i.forecast.projected }
      : undefined
  const ys = [...pts.map((p) => p.y), ...path.map((p) => p.y), ...(fc === undefined ? [] : [fc.y])]
  if (ys.length === 0) return ''
  const x0 = Math.min(fromYear, ...pts.map((p) => p.x)) - 0.3
  const x1 = Math.max(toYear, ...pts.map((p) => p.x)) + 0.2
  let y0 = Math.min(...ys)
  let y1 = Math.max(...ys)
  const padY = (y1 - y0) * 0.12 || Math.abs(y1) * 0.05 || 1
  y0 -= padY
  y1 += padY
  const X = (x: number): number => left + ((x - x0) / (x1 - x0 || 1)) * (W - left - right)
  const Y = (y: number): number => H - bottom - ((y - y0) / (y1 - y0)) * (H - top - bottom)
  const colour = COLOURS[i.light]
  const o: string[] = []
  for (const v of ticks(y0, y1)) {
    o.push(
      `<line x1="${left}" y1="${c(Y(v))}" x2="${W - right}" y2="${c(Y(v))}" stroke="#d0d7de" stroke-width="1"/>`,
      `<text x="${left - 6}" y="${c(Y(v) + 4)}" text-anchor="end" font-size="12" fill="${MUTED}">${esc(formatNumber(v))}</text>`,
    )
  }
  for (let y = Math.ceil(x0); y <= Math.floor(x1); y++)
    o.push(
      `<line x1="${c(X(y))}" y1="${H - bottom}" x2="${c(X(y))}" y2="${H - bottom + 4}" stroke="${MUTED}" stroke-width="1"/>`,
    )
  for (let y = Math.ceil(x0); y <= Math.floor(x1); y++)
    o.push(
      `<text x="${c(X(y))}" y="${H - 10}" text-anchor="middle" font-size="12" fill="${MUTED}">${y}</text>`,
    )
  o.push(
    `<line x1="${left}" y1="${H - bottom}" x2="${W - right}" y2="${H - bottom}" stroke="${MUTED}" stroke-width="1"/>`,
  )
  const finalY = fv === undefined ? undefined : Y(fv)
  if (fv !== undefined && final !== undefined && finalY !== undefined) {
    o.push(
      `<line x1="${left}" y1="${c(finalY)}" x2="${W - right}" y2="${c(finalY)}" stroke="${INK}" stroke-dasharray="6 3" stroke-width="1.2"/>`,
      `<text x="${W - right + 6}" y="${c(finalY + 4)}" font-size="12" fill="${INK}">${esc(`${label('text', 'target', lang)} ${final.meaning} (${final.dueYear})`)}</text>`,
    )
  }
  if (iv !== undefined && interim !== undefined) {
    const x = X(interim.dueYear)
    let ly = Y(iv) + 4
    if (finalY !== undefined && Math.abs(ly - (finalY + 4)) < 14)
      ly = ly <= finalY + 4 ? finalY + 4 - 14 : finalY + 4 + 14
    o.push(
      `<line x1="${c(x - 24)}" y1="${c(Y(iv))}" x2="${c(W - right)}" y2="${c(Y(iv))}" stroke="${INK}" stroke-dasharray="1 4" stroke-width="1"/>`,
      `<line x1="${c(x - 24)}" y1="${c(Y(iv))}" x2="${c(x + 24)}" y2="${c(Y(iv))}" stroke="${INK}" stroke-dasharray="3 2" stroke-width="1.5"/>`,
      `<text x="${W - right + 6}" y="${c(ly)}" font-size="12" fill="${INK}">${esc(`${label('text', 'interimShort', lang)} ${interim.meaning} (${interim.dueYear})`)}</text>`,
    )
  }
  if (path.length > 1)
    o.push(
      `<polyline fill="none" stroke="${PATH}" stroke-dasharray="2 3" stroke-width="1.5" points="${path.map((p) => `${c(X(p.x))},${c(Y(p.y))}`).join(' ')}"/>`,
    )
  const last = pts[pts.length - 1]
  if (fc !== undefined && last !== undefined && fc.x > last.x) {
    o.push(
      `<line x1="${c(X(last.x))}" y1="${c(Y(last.y))}" x2="${c(X(fc.x))}" y2="${c(Y(fc.y))}" stroke="${MUTED}" stroke-dasharray="5 3" stroke-width="1.5"/>`,
      `<circle cx="${c(X(fc.x))}" cy="${c(Y(fc.y))}" r="3.5" fill="#ffffff" stroke="${MUTED}" stroke-width="1.5"/>`,
      `<text x="${c(X(fc.x) - 8)}" y="${c(Y(fc.y) + (fv === undefined || fc.y >= fv ? -8 : 17))}" text-anchor="end" font-size="12" fill="${MUTED}">${esc(`${label('text', 'forecast', lang)} ${formatNumber(fc.y, fv === undefined ? 2 : projectionDigits(fc.y, fv))}`)}</text>`,
    )
  }
  if (pts.length > 1)
    o.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${pts.map((p) => `${c(X(p.x))},${c(Y(p.y))}`).join(' ')}"/>`,
    )
  pts.forEach((p, k) => {
    const prev = pts[k - 1]
    const above = prev === undefined || p.y >= prev.y
    o.push(
      `<circle cx="${c(X(p.x))}" cy="${c(Y(p.y))}" r="3.5" fill="${colour}"/>`,
      `<text x="${c(X(p.x))}" y="${c(Y(p.y) + (above ? -8 : 16))}" text-anchor="middle" font-size="12" fill="${INK}">${esc(formatNumber(p.y, 3))}</text>`,
    )
  })
  const legend: Array<[string, string]> = [
    [
      `<line x1="0" y1="0" x2="16" y2="0" stroke="${colour}" stroke-width="2"/>`,
      label('text', 'actual', lang),
    ],
  ]
  if (path.length > 1)
    legend.push([
      `<line x1="0" y1="0" x2="16" y2="0" stroke="${PATH}" stroke-dasharray="2 3" stroke-width="1.5"/>`,
      label('text', 'expectedPath', lang),
    ])
  if (fv !== undefined)
    legend.push([
      `<line x1="0" y1="0" x2="16" y2="0" stroke="${INK}" stroke-dasharray="6 3" stroke-width="1.2"/>`,
      label('text', 'target', lang),
    ])
  if (fc !== undefined)
    legend.push([
      `<line x1="0" y1="0" x2="16" y2="0" stroke="${MUTED}" stroke-dasharray="5 3" stroke-width="1.5"/>`,
      label('text', 'forecast', lang),
    ])
  let lx = left
  for (const [mark, text] of legend) {
    o.push(
      `<g transform="translate(${c(lx)} 12)">${mark}<text x="20" y="4" font-size="12" fill="${INK}">${esc(text)}</text></g>`,
    )
    lx += 28 + text.length * (lang === 'zh' ? 12 : 6.8)
  }
  const title = `${localized(i.name, lang)}: ${pts.map((p) => `${Math.round(p.x)} ${formatNumber(p.y)}`).join(', ')}${final === undefined ? '' : ` → ${final.meaning} (${final.dueYear})`}`
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}">${o.join('')}</svg>`
}

const MS_LABEL_W = 170

/**
 * The milestone chart of a project: one row per planned milestone (planned ◇, met ●, the slip
 * between them as a bar), one row of ticks for the milestones recorded without a plan, a year
 * axis and the report date. Returns `''` for a project without dated milestones.
 */
export function milestoneChart(p: ProjectReport, asOf: IsoDate, lang: Lang): string {
  const planned = p.milestones.filter((m) => !m.unplanned && (m.planned ?? m.forecast) !== null)
  const unplanned = p.milestones.filter((m) => m.unplanned && m.met !== null)
  const dates = p.milestones.flatMap((m) =>
    [m.planned, m.forecast, m.met].flatMap((d) => (d === null ? [] : [yearTime(d)])),
  )
  if (dates.length === 0) return ''
  const now = yearTime(asOf)
  const t0 = Math.floor(Math.min(...dates, now))
  const t1 = Math.ceil(Math.max(...dates, now)) + 0.001
  const W = 720
  const rowH = 26
  const rows = planned.length + (unplanned.length > 0 ? 1 : 0)
  const top = 12
  const H = top + rows * rowH + 34
  const X = (t: number): number => MS_LABEL_W + ((t - t0) / (t1 - t0)) * (W - MS_LABEL_W - 16)
  const o: string[] = []
  for (let y = Math.ceil(t0); y <= Math.floor(t1); y++) {
    o.push(
      `<line x1="${c(X(y))}" y1="${top}" x2="${c(X(y))}" y2="${H - 26}" stroke="#d0d7de" stroke-width="1"/>`,
      `<text x="${c(X(y))}" y="${H - 10}" text-anchor="middle" font-size="11" fill="${MUTED}">${y + 1}</text>`,
    )
  }
  const row = (k: number): number => top + k * rowH + rowH / 2
  planned.forEach((m, k) => {
    const y = row(k)
    const plan = m.planned ?? m.forecast
    const actual = m.met ?? m.forecast ?? (m.overdue ? asOf : null)
    const colour = m.overdue ? COLOURS.red : m.met !== null ? COLOURS.green : MUTED
    const name = localized(m.title, lang)
    o.push(
      `<text x="${MS_LABEL_W - 8}" y="${c(y + 4)}" text-anchor="end" font-size="11" fill="${INK}">${esc(name.length > 14 ? `${name.slice(0, 13)}…` : name)}</text>`,
    )
    if (plan !== null && actual !== null && actual !== plan)
      o.push(
        `<line x1="${c(X(yearTime(plan)))}" y1="${c(y)}" x2="${c(X(yearTime(actual)))}" y2="${c(y)}" stroke="${colour}" stroke-width="4" stroke-opacity="0.5"/>`,
      )
    if (plan !== null) {
      const x = X(yearTime(plan))
      o.push(
        `<path d="M${c(x)} ${c(y - 6)}L${c(x + 6)} ${c(y)}L${c(x)} ${c(y + 6)}L${c(x - 6)} ${c(y)}Z" fill="#ffffff" stroke="${INK}" stroke-width="1.5"><title>${esc(`${label('text', 'planned', lang)} ${plan}`)}</title></path>`,
      )
    }
    if (m.met !== null)
      o.push(
        `<circle cx="${c(X(yearTime(m.met)))}" cy="${c(y)}" r="5" fill="${colour}"><title>${esc(`${label('text', 'met', lang)} ${m.met}`)}</title></circle>`,
      )
    if (m.slipDays !== null && actual !== null)
      o.push(
        `<text x="${c(X(yearTime(actual)) + 9)}" y="${c(y + 4)}" font-size="11" fill="${colour === MUTED ? INK : colour}">${esc(`${m.slipDays > 0 ? '+' : ''}${m.slipDays}${lang === 'zh' ? '天' : ' d'}`)}</text>`,
      )
  })
  if (unplanned.length > 0) {
    const y = row(planned.length)
    o.push(
      `<text x="${MS_LABEL_W - 8}" y="${c(y + 4)}" text-anchor="end" font-size="11" fill="${INK}">${esc(`${label('text', 'unplanned', lang)} (${unplanned.length})`)}</text>`,
    )
    for (const m of unplanned)
      if (m.met !== null)
        o.push(
          `<line x1="${c(X(yearTime(m.met)))}" y1="${c(y - 7)}" x2="${c(X(yearTime(m.met)))}" y2="${c(y + 7)}" stroke="${COLOURS.green}" stroke-width="1.5"><title>${esc(`${m.met} ${localized(m.title, lang)}`)}</title></line>`,
        )
  }
  o.push(
    `<line x1="${c(X(now))}" y1="${top - 4}" x2="${c(X(now))}" y2="${H - 26}" stroke="${PATH}" stroke-dasharray="3 3" stroke-width="1.5"/>`,
  )
  const aria = `${localized(p.name, lang)}: ${label('text', 'plannedMilestones', lang)} ${p.plannedMet}/${p.plannedTotal}, ${label('text', 'unplannedMet', lang)} ${p.unplannedMet}`
  return `<svg class="milestones" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(aria)}">${o.join('')}</svg>`
}

/**
 * The milestone trend chart of one milestone: the forecast date (vertical) at each report date
 * (horizontal), the planned date as a line and the met date on the diagonal. Returns `''` for a
 * milestone without forecasts.
 */
export function forecastHistoryChart(m: MilestoneReport, lang: Lang): string {
  if (m.history.length === 0) return ''
  const reports = m.history.map((h) => ({ x: yearTime(h.reportedOn), y: yearTime(h.forecast), h }))
  const met = m.met === null ? undefined : yearTime(m.met)
  const plan = m.planned === null ? undefined : yearTime(m.planned)
  const xs = [...reports.map((r) => r.x), ...(met === undefined ? [] : [met])]
  const ys = [
    ...reports.map((r) => r.y),
    ...(met === undefined ? [] : [met]),
    ...(plan === undefined ? [] : [plan]),
  ]
  const W = 480
  const H = 200
  const left = 86
  const right = 20
  const top = 16
  const bottom = 30
  const x0 = Math.min(...xs) - 0.1
  const x1 = Math.max(...xs) + 0.1
  const y0 = Math.min(...ys) - 0.05
  const y1 = Math.max(...ys) + 0.05
  const X = (x: number): number => left + ((x - x0) / (x1 - x0)) * (W - left - right)
  const Y = (y: number): number => H - bottom - ((y - y0) / (y1 - y0)) * (H - top - bottom)
  const o: string[] = [
    `<line x1="${left}" y1="${H - bottom}" x2="${W - right}" y2="${H - bottom}" stroke="${MUTED}" stroke-width="1"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${H - bottom}" stroke="${MUTED}" stroke-width="1"/>`,
  ]
  if (plan !== undefined)
    o.push(
      `<line x1="${left}" y1="${c(Y(plan))}" x2="${W - right}" y2="${c(Y(plan))}" stroke="${INK}" stroke-dasharray="6 3" stroke-width="1.2"/>`,
      `<text x="${left - 6}" y="${c(Y(plan) + 4)}" text-anchor="end" font-size="11" fill="${INK}">${esc(m.planned ?? '')}</text>`,
    )
  o.push(
    `<polyline fill="none" stroke="${PATH}" stroke-width="1.5" points="${[...reports, ...(met === undefined ? [] : [{ x: met, y: met }])].map((p) => `${c(X(p.x))},${c(Y(p.y))}`).join(' ')}"/>`,
  )
  for (const r of reports)
    o.push(
      `<circle cx="${c(X(r.x))}" cy="${c(Y(r.y))}" r="4" fill="${PATH}"/>`,
      `<text x="${c(X(r.x))}" y="${c(Y(r.y) - 8)}" text-anchor="middle" font-size="11" fill="${INK}">${esc(r.h.forecast)}</text>`,
      `<text x="${c(X(r.x))}" y="${H - 10}" text-anchor="middle" font-size="11" fill="${MUTED}">${esc(r.h.reportedOn)}</text>`,
    )
  if (met !== undefined && m.met !== null)
    o.push(
      `<circle cx="${c(X(met))}" cy="${c(Y(met))}" r="5" fill="${COLOURS.green}"/>`,
      `<text x="${c(X(met) - 8)}" y="${c(Y(met) + 16)}" text-anchor="end" font-size="11" fill="${COLOURS.green}">${esc(`${label('text', 'met', lang)} ${m.met}`)}</text>`,
    )
  const aria = `${localized(m.title, lang)} — ${label('text', 'forecastHistory', lang)}: ${m.history.map((h) => `${h.reportedOn} → ${h.forecast}`).join('; ')}`
  return `<svg class="trend" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(aria)}">${o.join('')}</svg>`
}
