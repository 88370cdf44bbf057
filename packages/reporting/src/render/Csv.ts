/**
 * The CSV rendering, one row per indicator, made to open correctly in Excel with Chinese text:
 * UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting, headings in the report
 * language, numbers as plain numbers (target, gap, forecast) beside the labels, and every text
 * cell that a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return) prefixed with `'`. The last column, `warnings`, repeats on every row what the
 * reader must know before trusting the figures (empty when nothing): the header stays the first
 * line, every row keeps the same columns, and a row copied or filtered out keeps its warning.
 *
 * @module render/Csv
 */
import { formatNumber } from '../Format'
import { label, localized } from '../Labels'
import type { Lang } from '../Options'
import type { PlanReport } from '../Report'
import { departmentsCell, finalTarget, interimTarget, oneLine, unitOf } from './Common'

/**
 * A text cell made safe and quoted: a leading `=`, `+`, `-`, `@`, tab or carriage return gets a
 * `'` in front (so that a spreadsheet shows it as text); quotes, commas and line breaks are
 * quoted as RFC 4180 says.
 *
 * @example
 * import { csvField } from '@progress-ledger/reporting'
 * csvField('=1+1') // "'=1+1"
 * csvField('-1+1') // "'-1+1"
 * csvField('\tcmd') // "'\tcmd"
 * csvField('a,"b"') // '"a,""b"""'
 */
export function csvField(s: string): string {
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** A number cell: written by the renderer from a finite number, never a formula. */
function numberCell(x: number | null | undefined): string {
  return x === undefined || x === null || !Number.isFinite(x) ? '' : formatNumber(x, 6)
}

const COLUMNS = {
  id: ['编号', 'id'],
  number: ['序号', 'number'],
  name: ['指标名称', 'name'],
  category: ['类别', 'category'],
  attribute: ['属性', 'attribute'],
  unit: ['单位', 'unit'],
  baselineValue: ['基期值', 'baselineValue'],
  baselinePeriod: ['基期', 'baselinePeriod'],
  latestValue: ['最新值', 'latestValue'],
  latestPeriod: ['最新值期间', 'latestPeriod'],
  illustrative: ['示例数据', 'illustrative'],
  interimTarget: ['中期目标', 'interimTarget'],
  interimTargetValue: ['中期目标数值', 'interimTargetValue'],
  interimDueYear: ['中期目标年', 'interimDueYear'],
  target: ['目标', 'target'],
  targetValue: ['目标数值', 'targetValue'],
  targetOp: ['目标比较', 'targetOp'],
  dueYear: ['目标年', 'dueYear'],
  gap: ['距目标差距', 'gap'],
  gapDueYear: ['差距对应目标年', 'gapDueYear'],
  status: ['状态代码', 'status'],
  statusLabel: ['状态', 'statusLabel'],
  atRisk: ['预计到期难以实现', 'atRisk'],
  grade: ['评价代码', 'grade'],
  gradeLabel: ['评价', 'gradeLabel'],
  light: ['亮灯', 'light'],
  method: ['方法', 'method'],
  departments: ['责任单位', 'departments'],
  projectedAtDue: ['目标年预测值', 'projectedAtDue'],
  meetsByDue: ['预计按期实现', 'meetsByDue'],
  targetMetOn: ['预计实现日期', 'targetMetOn'],
  summary: ['原因', 'summary'],
  eventIds: ['依据事件', 'eventIds'],
  warnings: ['警告', 'warnings'],
} as const satisfies Readonly<Record<string, readonly [string, string]>>

type Column = keyof typeof COLUMNS
const ORDER = Object.keys(COLUMNS) as Column[]

/**
 * The CSV headings in a language, in column order.
 *
 * @example
 * import { csvColumns } from '@progress-ledger/reporting'
 * csvColumns('en').slice(0, 3) // ['id', 'number', 'name']
 * csvColumns('zh').slice(0, 3) // ['编号', '序号', '指标名称']
 */
export function csvColumns(lang: Lang): ReadonlyArray<string> {
  return ORDER.map((k) => COLUMNS[k][lang === 'zh' ? 0 : 1])
}

const OPS: Readonly<Record<string, string>> = { ge: '>=', gt: '>', le: '<=', lt: '<' }

/**
 * Renders the indicators of a report as CSV (one indicator per row; headings and labels in the
 * report language; codes, numbers and booleans as plain values).
 *
 * @example
 * import { ledgerProjection, replay } from '@progress-ledger/core'
 * import { fixtures, recorded } from '@progress-ledger/testkit'
 * import { evaluatePlan, renderCsv } from '@progress-ledger/reporting'
 * const r = evaluatePlan(replay(ledgerProjection, recorded(fixtures.gdpPlan)), { asOf: '2021-12-31', lang: 'en' })
 * const csv = r._tag === 'Report' ? renderCsv(r.report) : ''
 * csv.startsWith('\uFEFFid,number,name,') // true
 * csv.split('\r\n')[1]?.split(',').slice(0, 3) // ['I01', '', 'GDP per capita']
 * csv.split('\r\n')[0]?.split(',').pop() // 'warnings'
 */
export function renderCsv(r: PlanReport): string {
  const cats = new Map(r.categories.map((c) => [c.categoryId, localized(c.name, r.lang)]))
  const rows: string[] = [csvColumns(r.lang).map(csvField).join(',')]
  const warnings = { text: r.warnings.map(oneLine).join(' | ') }
  for (const i of r.indicators) {
    const it = interimTarget(i)
    const ft = finalTarget(i)
    const op =
      ft === undefined
        ? ''
        : ft.expression.kind === 'comparison'
          ? (OPS[ft.expression.op] ?? '')
          : ft.expression.kind === 'level'
            ? ft.expression.direction === 'lower'
              ? '<='
              : ft.expression.direction === 'higher'
                ? '>='
                : '='
            : ''
    const cells: Readonly<Record<Column, { readonly text: string } | { readonly num: string }>> = {
      id: { text: i.indicatorId },
      number: { text: i.number ?? '' },
      name: { text: localized(i.name, r.lang) },
      category: { text: cats.get(i.categoryId) ?? i.categoryId },
      attribute: { text: label('text', i.attribute, r.lang) },
      unit: { text: unitOf(i, r.lang) },
      baselineValue: { num: numberCell(i.baseline?.value) },
      baselinePeriod: { text: i.baseline?.period ?? '' },
      latestValue: { num: numberCell(i.latest?.value) },
      latestPeriod: { text: i.latest?.period ?? '' },
      illustrative: { num: String(i.latest?.illustrative === true) },
      interimTarget: { text: it?.label ?? '' },
      interimTargetValue: { num: numberCell(it?.value) },
      interimDueYear: { num: it === undefined ? '' : String(it.dueYear) },
      target: { text: ft?.label ?? '' },
      targetValue: { num: numberCell(ft?.value) },
      targetOp: { text: op },
      dueYear: { num: ft === undefined ? '' : String(ft.dueYear) },
      // How far short, 0 once met: as the Markdown, HTML and workbook show it ("met", 0).
      gap: { num: numberCell(i.gap === null ? undefined : Math.max(0, i.gap.value)) },
      gapDueYear: { num: i.gap === null ? '' : String(i.gap.dueYear) },
      status: { text: i.status },
      statusLabel: { text: label('status', i.status, r.lang) },
      atRisk: { num: String(i.atRisk) },
      grade: { text: i.grade },
      gradeLabel: { text: label('grade', i.grade, r.lang) },
      light: { text: i.light },
      method: { text: i.method },
      departments: { text: departmentsCell(r, i.departments) },
      projectedAtDue: { num: numberCell(i.forecast?.projected) },
      meetsByDue: { num: i.forecast === null ? '' : String(i.forecast.meetsByDue) },
      targetMetOn: { text: i.forecast?.metOn ?? '' },
      summary: { text: i.summary },
      eventIds: { text: i.eventIds.join(' ') },
      warnings,
    }
    rows.push(
      ORDER.map((k) => {
        const cell = cells[k]
        return 'num' in cell ? cell.num : csvField(cell.text)
      }).join(','),
    )
  }
  return `\uFEFF${rows.join('\r\n')}\r\n`
}
