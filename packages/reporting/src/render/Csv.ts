/**
 * The CSV rendering, one row per indicator, made to open correctly in Excel with Chinese text:
 * UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting, and text that would start a
 * formula (`=`, `+`, `@`, `-` not followed by a digit) prefixed with `'`.
 *
 * @module render/Csv
 */
import { formatNumber } from '../Explanation'
import { label, localized } from '../Labels'
import type { PlanReport } from '../Report'
import { departmentsCell, finalTarget, interimTarget } from './Common'

/** Quotes one CSV field when it needs it. */
export function csvField(s: string): string {
  const safe = /^[=+@]/.test(s) || /^-(?![\d.])/.test(s) ? `'${s}` : s
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

const COLUMNS = [
  'id',
  'number',
  'name',
  'category',
  'attribute',
  'unit',
  'baselineValue',
  'baselinePeriod',
  'latestValue',
  'latestPeriod',
  'illustrative',
  'interimTarget',
  'interimDueYear',
  'target',
  'dueYear',
  'status',
  'statusLabel',
  'grade',
  'gradeLabel',
  'light',
  'method',
  'departments',
  'projectedAtDue',
  'targetMetOn',
  'eventIds',
] as const

/**
 * Renders the indicators of a report as CSV (header in English keys, labels in the report
 * language, one indicator per row).
 *
 * @example
 * import { renderCsv } from '@progress-ledger/reporting'
 * // writeFileSync('report.csv', renderCsv(report)) // starts with '\uFEFFid,number,name,…\r\n'
 */
export function renderCsv(r: PlanReport): string {
  const n = (x: number | undefined | null): string =>
    x === undefined || x === null ? '' : formatNumber(x, 6)
  const cats = new Map(r.categories.map((c) => [c.categoryId, localized(c.name, r.lang)]))
  const rows: string[][] = [[...COLUMNS]]
  for (const i of r.indicators) {
    const it = interimTarget(i)
    const ft = finalTarget(i)
    rows.push([
      i.indicatorId,
      i.number ?? '',
      localized(i.name, r.lang),
      cats.get(i.categoryId) ?? i.categoryId,
      i.attribute,
      i.unit,
      n(i.baseline?.value),
      i.baseline?.period ?? '',
      n(i.latest?.value),
      i.latest?.period ?? '',
      i.latest?.illustrative === true ? 'true' : 'false',
      it?.label ?? '',
      it === undefined ? '' : String(it.dueYear),
      ft?.label ?? '',
      ft === undefined ? '' : String(ft.dueYear),
      i.status,
      label('status', i.status, r.lang),
      i.grade,
      label('grade', i.grade, r.lang),
      i.light,
      i.method,
      departmentsCell(r, i.departments),
      n(i.forecast?.projected),
      i.forecast?.metOn ?? '',
      i.eventIds.join(' '),
    ])
  }
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`
}
