/**
 * Inline SVG charts for the HTML report: a sparkline per indicator (with its final target line
 * and interim target marker), traffic lights, and a milestone timeline. No scripts, no fonts,
 * no external references; coordinates are rounded so output is byte-stable.
 *
 * @module render/Svg
 */
import type { IndicatorReport } from '../Evaluate'
import { formatNumber } from '../Explanation'
import type { ProjectReport } from '../Milestones'
import type { Light } from '../Status'
import { periodTime } from '../internal/Series'
import { yearTime } from '../internal/Time'
import type { IsoDate } from '@progress-ledger/core'

/** Escapes text for HTML and SVG. */
export function esc(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

const c = (x: number): string => formatNumber(x, 1)

const COLOURS: Readonly<Record<Light, string>> = {
  green: '#1a7f37',
  yellow: '#bf8700',
  red: '#cf222e',
  grey: '#8c959f',
}

/** A traffic-light dot with its label as the accessible name. */
export function lightSvg(light: Light, title: string): string {
  return `<svg class="light" width="14" height="14" viewBox="0 0 14 14" role="img" aria-label="${esc(title)}"><circle cx="7" cy="7" r="6" fill="${COLOURS[light]}"/></svg>`
}

function targetValue(e: IndicatorReport['targets'][number]['expression']): number | undefined {
  return e.kind === 'level' || e.kind === 'comparison' ? e.value : undefined
}

/** A sparkline of the baseline and values, with the final target line and the interim target marker. */
export function sparkline(i: IndicatorReport, fromYear: number, toYear: number): string {
  const W = 160
  const H = 40
  const pad = 4
  const pts = [
    ...(i.baseline === null ? [] : [i.baseline]),
    ...i.series.filter(
      (v) => i.baseline === null || periodTime(v.period) > periodTime(i.baseline.period),
    ),
  ].map((v) => ({ x: periodTime(v.period), y: v.value }))
  const final = i.targets[i.targets.length - 1]
  const interim = i.targets.length > 1 ? i.targets[0] : undefined
  const fv = final === undefined ? undefined : targetValue(final.expression)
  const iv = interim === undefined ? undefined : targetValue(interim.expression)
  const ys = [
    ...pts.map((p) => p.y),
    ...(fv === undefined ? [] : [fv]),
    ...(iv === undefined ? [] : [iv]),
  ]
  if (ys.length === 0)
    return `<svg class="spark" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="no data"></svg>`
  const x0 = Math.min(fromYear, ...pts.map((p) => p.x))
  const x1 = Math.max(toYear, ...pts.map((p) => p.x))
  let y0 = Math.min(...ys)
  let y1 = Math.max(...ys)
  if (y0 === y1) {
    y0 -= 1
    y1 += 1
  }
  const X = (x: number): number => pad + ((x - x0) / (x1 - x0 || 1)) * (W - 2 * pad)
  const Y = (y: number): number => H - pad - ((y - y0) / (y1 - y0)) * (H - 2 * pad)
  const parts: string[] = []
  if (fv !== undefined)
    parts.push(
      `<line class="target" x1="${c(pad)}" y1="${c(Y(fv))}" x2="${c(W - pad)}" y2="${c(Y(fv))}" stroke="#57606a" stroke-dasharray="3 2" stroke-width="1"/>`,
    )
  if (iv !== undefined && interim !== undefined) {
    const x = X(interim.dueYear)
    const y = Y(iv)
    parts.push(
      `<path class="interim" d="M${c(x)} ${c(y - 3)}L${c(x + 3)} ${c(y)}L${c(x)} ${c(y + 3)}L${c(x - 3)} ${c(y)}Z" fill="none" stroke="#57606a" stroke-width="1"/>`,
    )
  }
  if (pts.length > 1)
    parts.push(
      `<polyline fill="none" stroke="${COLOURS[i.light]}" stroke-width="1.5" points="${pts.map((p) => `${c(X(p.x))},${c(Y(p.y))}`).join(' ')}"/>`,
    )
  for (const p of pts)
    parts.push(`<circle cx="${c(X(p.x))}" cy="${c(Y(p.y))}" r="1.8" fill="${COLOURS[i.light]}"/>`)
  const aria = `${pts.map((p) => formatNumber(p.y)).join(', ')}${fv === undefined ? '' : ` → ${formatNumber(fv)}`}`
  return `<svg class="spark" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(aria)}">${parts.join('')}</svg>`
}

/** A milestone timeline: met milestones filled, planned ones hollow, overdue ones red. */
export function timeline(
  p: ProjectReport,
  asOf: IsoDate,
  title: (m: ProjectReport['milestones'][number]) => string,
): string {
  const dated = p.milestones.flatMap((m) => {
    const d = m.met ?? m.forecast ?? m.planned
    return d === null ? [] : [{ m, t: yearTime(d), d }]
  })
  if (dated.length === 0) return ''
  const W = 640
  const H = 56
  const pad = 16
  const now = yearTime(asOf)
  const t0 = Math.min(...dated.map((x) => x.t))
  const t1 = Math.max(now, ...dated.map((x) => x.t))
  const X = (t: number): number => pad + ((t - t0) / (t1 - t0 || 1)) * (W - 2 * pad)
  const parts = [
    `<line x1="${pad}" y1="28" x2="${W - pad}" y2="28" stroke="#8c959f" stroke-width="1"/>`,
  ]
  parts.push(
    `<line x1="${c(X(now))}" y1="10" x2="${c(X(now))}" y2="46" stroke="#0969da" stroke-dasharray="2 2" stroke-width="1"/>`,
  )
  for (const { m, t, d } of dated) {
    const colour = m.overdue ? COLOURS.red : m.met !== null ? COLOURS.green : '#57606a'
    const fill = m.met !== null ? colour : '#ffffff'
    parts.push(
      `<circle cx="${c(X(t))}" cy="28" r="4" fill="${fill}" stroke="${colour}" stroke-width="1.5"><title>${esc(`${d} ${title(m)}`)}</title></circle>`,
    )
  }
  const firstYear = Math.floor(t0) + 1
  const lastYear = Math.floor(t1)
  for (let y = firstYear; y <= lastYear + 1 && y - firstYear < 30; y++) {
    const x = X(y - 1)
    if (x < pad || x > W - pad) continue
    parts.push(
      `<text x="${c(x)}" y="54" font-size="9" text-anchor="middle" fill="#57606a">${y}</text>`,
    )
  }
  return `<svg class="timeline" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(`${p.met}/${p.total}`)}">${parts.join('')}</svg>`
}
