/**
 * Excel out: the plan report as a workbook. Sheets: a summary (the plan, the as-of date, time
 * elapsed, statuses by category) — preceded, when the report carries warnings (a ledger that does
 * not verify), by a first sheet that opens with them; the indicators, one row each, with the numeric target, the gap
 * to it and the forecast (see `targetGap`), the status in a cell filled with its traffic light;
 * the departments' scorecard; tasks and reforms; projects; milestones. Every table has a frozen
 * header and filters; headings and words follow the report's language. The output depends on
 * the report alone: the workbook's dates are the report's as-of date unless `at` says otherwise.
 *
 * @module ReportWorkbook
 */
import type ExcelJS from 'exceljs'
import { isInstant } from '@progress-ledger/core'
import {
  type IndicatorReport,
  type LabelKeys,
  type Light,
  type PlanReport,
  label,
  localized,
} from '@progress-ledger/reporting'
import { bookBytes, COLOURS, excelDate, newBook, solidFill } from './internal/Book'
import {
  departmentsCell,
  departmentsSheet,
  projectsSheets,
  summarySheet,
  tableSheet,
  tasksSheet,
} from './internal/ReportSheets'
import { word } from './internal/Words'
import { type TargetComparison, targetGap } from './TargetGap'

/** Options of {@link renderXlsx}. */
export interface XlsxOptions {
  /** The workbook's created/modified time (an instant); default: the report's as-of date, 00:00 UTC. */
  readonly at?: string
}

const LIGHT: Readonly<Record<Light, readonly [fill: string, font: string]>> = {
  green: [COLOURS.green, COLOURS.greenText],
  yellow: [COLOURS.yellow, COLOURS.yellowText],
  red: [COLOURS.red, COLOURS.redText],
  grey: [COLOURS.grey, COLOURS.greyText],
}

const COMPARISON: Readonly<Record<TargetComparison, string>> = {
  ge: '≥',
  gt: '>',
  le: '≤',
  lt: '<',
  eq: '≈',
  between: '~',
}

function indicatorRow(r: PlanReport, i: IndicatorReport, category: string): ExcelJS.CellValue[] {
  const g = targetGap(i)
  const f = i.forecast
  const yesNo = (b: boolean): string => word(b ? 'yes' : 'no', r.lang)
  // The unit in the report's language, as the other formats write it (`10,000 yuan`).
  const unit = r.lang === 'en' ? (i.unitEn ?? i.unit) : i.unit
  return [
    i.number,
    i.indicatorId,
    `${localized(i.name, r.lang)}${i.selfSelected ? '*' : ''}`,
    category,
    label('text', i.attribute, r.lang),
    unit === '' ? null : unit,
    i.baseline?.value ?? null,
    i.baseline?.period ?? null,
    i.latest?.value ?? null,
    i.latest?.period ?? null,
    g?.target.label ?? null,
    g?.value ?? null,
    g?.comparison == null ? null : COMPARISON[g.comparison],
    g?.target.dueYear ?? null,
    g?.gap ?? null,
    f?.projected ?? null,
    f?.metOn == null ? null : excelDate(f.metOn),
    f === null ? null : yesNo(f.meetsByDue),
    label('status', i.status, r.lang),
    i.atRisk ? label('text', 'atRisk', r.lang) : null,
    label('grade', i.grade, r.lang),
    label('light', i.light, r.lang),
    i.method,
    departmentsCell(r, i.departments),
    i.latest?.illustrative === true ? label('text', 'illustrative', r.lang) : null,
  ]
}

/** The first sheet, when there are warnings: the notice, then one warning per row, in red. */
function warningsSheet(wb: ExcelJS.Workbook, r: PlanReport): void {
  const ws = wb.addWorksheet(label('text', 'warnings', r.lang), {
    properties: { tabColor: { argb: COLOURS.redText } },
  })
  ws.getColumn(1).width = 120
  const head = ws.getCell(1, 1)
  head.value = `⚠ ${label('text', 'warnings', r.lang)} — ${label('text', 'warningsNotice', r.lang)}`
  head.font = { bold: true, size: 14, color: { argb: COLOURS.redText } }
  head.fill = solidFill(COLOURS.red)
  r.warnings.forEach((w, k) => {
    const cell = ws.getCell(3 + k, 1)
    cell.value = w
    cell.font = { color: { argb: COLOURS.redText } }
    cell.alignment = { wrapText: true, vertical: 'top' }
  })
}

/**
 * Renders a plan report (reporting's `evaluatePlan` result) as an .xlsx workbook.
 *
 * @example
 * import { renderXlsx, readXlsx } from '@progress-ledger/spreadsheet'
 * import { evaluatePlan } from '@progress-ledger/reporting'
 * import { fixtures, recorded } from '@progress-ledger/testkit'
 * import { ledgerProjection, replay } from '@progress-ledger/core'
 * const state = replay(ledgerProjection, recorded([...fixtures.gdpPlan, fixtures.valueReported('v2021', '2021', 10.6)]))
 * const r = evaluatePlan(state, { asOf: '2022-12-31', lang: 'en' })
 * const bytes = r._tag === 'Report' ? await renderXlsx(r.report) : new Uint8Array()
 * const book = await readXlsx(bytes, 'report.xlsx')
 * book._tag === 'Sheets' && book.sheets.map((s) => s.name) // ['Summary', 'Indicators', 'Departments', 'Tasks', 'Projects', 'Milestones']
 * const warned = evaluatePlan(state, { asOf: '2022-12-31', lang: 'en', warnings: ['the hash chain is broken at position 2'] })
 * const book2 = await readXlsx(warned._tag === 'Report' ? await renderXlsx(warned.report) : new Uint8Array(), 'report.xlsx')
 * book2._tag === 'Sheets' && book2.sheets[0]?.name // 'Warnings'
 */
export async function renderXlsx(
  report: PlanReport,
  options: XlsxOptions = {},
): Promise<Uint8Array> {
  const atText = options.at ?? `${report.asOf}T00:00:00.000Z`
  if (!isInstant(atText))
    throw new Error(
      `options.at: expected an instant YYYY-MM-DDTHH:mm:ss.sssZ, got ${JSON.stringify(atText)}`,
    )
  const at = new Date(atText)
  const r = report
  const L = (k: LabelKeys['text']): string => label('text', k, r.lang)
  const title = `${localized(r.name, r.lang)} — ${L('report')} (${r.asOf})`
  const wb = await newBook({ at, creator: 'progress-ledger', title, subject: r.planId })
  if (r.warnings.length > 0) warningsSheet(wb, r)
  summarySheet(wb, r)
  const ws = wb.addWorksheet(word('indicatorsSheet', r.lang))
  const categories = new Map(r.categories.map((c) => [c.categoryId, localized(c.name, r.lang)]))
  // English names and labels run longer than Chinese ones.
  const wide = r.lang === 'en'
  tableSheet(
    ws,
    [
      { heading: L('number'), width: 7 },
      { heading: word('id', r.lang), width: 10 },
      { heading: L('indicator'), width: wide ? 56 : 40 },
      { heading: L('category'), width: wide ? 30 : 18 },
      { heading: L('attribute'), width: wide ? 12 : 10 },
      { heading: L('unit'), width: wide ? 18 : 12 },
      { heading: L('baseline'), width: 10 },
      { heading: L('period'), width: 8, centre: true },
      { heading: L('latest'), width: 10 },
      { heading: L('period'), width: 8, centre: true },
      { heading: L('target'), width: wide ? 24 : 16 },
      { heading: word('numericTarget', r.lang), width: 10 },
      { heading: word('comparison', r.lang), width: 8, centre: true },
      { heading: L('dueYear'), width: 8, centre: true },
      { heading: word('gap', r.lang), width: 10 },
      { heading: L('projected'), width: 12, format: '0.0##' },
      { heading: L('metOn'), width: 12, format: 'yyyy-mm-dd', centre: true },
      { heading: word('meetsByDue', r.lang), width: 12, centre: true },
      { heading: L('status'), width: 14 },
      { heading: L('atRisk'), width: wide ? 10 : 16 },
      { heading: L('grade'), width: wide ? 24 : 16 },
      { heading: L('light'), width: 8 },
      { heading: L('method'), width: 16 },
      { heading: L('departments'), width: wide ? 44 : 26 },
      { heading: L('illustrative'), width: 10 },
    ],
    r.indicators.map((i) => indicatorRow(r, i, categories.get(i.categoryId) ?? i.categoryId)),
    3,
  )
  r.indicators.forEach((i, k) => {
    const [fill, font] = LIGHT[i.light]
    for (const c of [19, 22]) {
      const cell = ws.getCell(2 + k, c)
      cell.fill = solidFill(fill)
      cell.font = { color: { argb: font } }
    }
    // At risk: on schedule now, but the forecast misses the target by its due date.
    if (i.atRisk) {
      const cell = ws.getCell(2 + k, 20)
      cell.fill = solidFill(COLOURS.yellow)
      cell.font = { bold: true, color: { argb: COLOURS.yellowText } }
    }
  })
  departmentsSheet(wb, r)
  tasksSheet(wb, r)
  projectsSheets(wb, r)
  return bookBytes(wb, at)
}
