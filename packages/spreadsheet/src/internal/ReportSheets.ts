// The sheets of the report workbook other than the indicators: summary, departments, tasks,
// projects and milestones.
import type ExcelJS from 'exceljs'
import {
  type LabelKeys,
  type PlanReport,
  label,
  localized,
  statusCodes,
} from '@progress-ledger/reporting'
import { COLOURS, type ColumnSpec, excelDate, headingRow, solidFill } from './Book'
import { word } from './Words'

const PERCENT = '0.0%'
const DATE = 'yyyy-mm-dd'

export function departmentsCell(r: PlanReport, ids: ReadonlyArray<string>): string {
  return ids
    .map((id) => localized(r.departmentNames[id] ?? { zh: id }, r.lang))
    .join(r.lang === 'zh' ? '、' : ', ')
}

/** Header, rows, filters: a table sheet. */
export function tableSheet(
  ws: ExcelJS.Worksheet,
  columns: ReadonlyArray<ColumnSpec>,
  rows: ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>>,
  frozenColumns: number,
): void {
  headingRow(ws, 1, columns, frozenColumns)
  rows.forEach((values, k) => {
    ws.getRow(2 + k).values = [...values]
  })
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, rows.length + 1), column: columns.length },
  }
}

export function summarySheet(wb: ExcelJS.Workbook, r: PlanReport): void {
  const L = (k: LabelKeys['text']): string => label('text', k, r.lang)
  const ws = wb.addWorksheet(word('summary', r.lang))
  ws.getColumn(1).width = 24
  ws.getColumn(2).width = 10
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  }
  const facts: Array<[string, ExcelJS.CellValue, string?]> = [
    [word('planName', r.lang), localized(r.name, r.lang)],
    [L('asOf'), excelDate(r.asOf), DATE],
    [L('plan'), `${r.startYear}–${r.endYear}`],
    [L('elapsed'), r.elapsed, PERCENT],
    [word('position', r.lang), r.position],
  ]
  facts.forEach(([k, v, fmt], i) => {
    const row = ws.getRow(1 + i)
    row.getCell(1).value = k
    row.getCell(1).font = { bold: true }
    row.getCell(2).value = v
    if (fmt !== undefined) row.getCell(2).numFmt = fmt
    row.getCell(2).alignment = { horizontal: 'left' }
  })
  const top = facts.length + 2
  const columns: ColumnSpec[] = [
    { heading: L('category'), width: 22 },
    { heading: L('indicators'), width: 10 },
    ...statusCodes.map((s) => ({ heading: label('status', s, r.lang), width: 12 })),
    { heading: L('atRisk'), width: 16 },
    { heading: L('onSchedule'), width: 12 },
    { heading: L('share'), width: 10, format: PERCENT },
  ]
  const head = ws.getRow(top)
  columns.forEach((c, i) => {
    const cell = head.getCell(i + 1)
    cell.value = c.heading
    cell.font = { bold: true }
    cell.fill = solidFill(COLOURS.header)
    if (i >= 2) ws.getColumn(i + 1).width = c.width
  })
  const atRisk = (categoryId?: string): number =>
    r.indicators.filter(
      (i) => i.atRisk && (categoryId === undefined || i.categoryId === categoryId),
    ).length
  const lines = [
    ...r.categories.map((c) => ({
      name: localized(c.name, r.lang),
      t: c,
      risk: atRisk(c.categoryId),
    })),
    { name: L('overall'), t: r.overall, risk: atRisk() },
  ]
  lines.forEach(({ name, t, risk }, k) => {
    const row = ws.getRow(top + 1 + k)
    row.values = [
      name,
      t.indicators,
      ...statusCodes.map((s) => t.counts[s]),
      risk,
      t.onSchedule,
      t.shareOnSchedule,
    ]
    row.getCell(columns.length).numFmt = PERCENT
    if (k === lines.length - 1) row.font = { bold: true }
  })
}

export function departmentsSheet(wb: ExcelJS.Workbook, r: PlanReport): void {
  const L = (k: LabelKeys['text']): string => label('text', k, r.lang)
  const ws = wb.addWorksheet(word('departmentsSheet', r.lang))
  tableSheet(
    ws,
    [
      { heading: L('rank'), width: 7 },
      { heading: L('departments'), width: 26 },
      { heading: L('indicators'), width: 10 },
      { heading: L('graded'), width: 10 },
      { heading: L('onSchedule'), width: 10 },
      { heading: L('share'), width: 10, format: PERCENT },
      ...statusCodes.map((s) => ({ heading: label('status', s, r.lang), width: 11 })),
      { heading: word('offTrackIds', r.lang), width: 30 },
    ],
    r.departments.map((d) => [
      d.rank,
      localized(d.name, r.lang),
      d.indicators,
      d.graded,
      d.onSchedule,
      d.shareOnSchedule,
      ...statusCodes.map((s) => d.counts[s]),
      d.offTrack.length === 0 ? null : d.offTrack.join(', '),
    ]),
    2,
  )
}

const TASK_FILL: Readonly<Record<string, string>> = {
  completed: COLOURS.green,
  delayed: COLOURS.red,
  suspended: COLOURS.yellow,
}

export function tasksSheet(wb: ExcelJS.Workbook, r: PlanReport): void {
  const L = (k: LabelKeys['text']): string => label('text', k, r.lang)
  const ws = wb.addWorksheet(word('tasksSheet', r.lang))
  tableSheet(
    ws,
    [
      { heading: L('number'), width: 7 },
      { heading: L('kind'), width: 12 },
      { heading: word('name', r.lang), width: 50 },
      { heading: L('departments'), width: 30 },
      { heading: L('status'), width: 12 },
      { heading: word('progress', r.lang), width: 10 },
    ],
    r.tasks.map((t) => [
      t.number,
      label('taskKind', t.kind, r.lang),
      localized(t.name, r.lang),
      departmentsCell(r, t.departments),
      label('task', t.status, r.lang),
      t.progress,
    ]),
    3,
  )
  r.tasks.forEach((t, k) => {
    const fill = TASK_FILL[t.status]
    if (fill !== undefined) ws.getCell(2 + k, 5).fill = solidFill(fill)
  })
}

export function projectsSheets(wb: ExcelJS.Workbook, r: PlanReport): void {
  const L = (k: LabelKeys['text']): string => label('text', k, r.lang)
  const yesNo = (b: boolean): string => word(b ? 'yes' : 'no', r.lang)
  const projects = wb.addWorksheet(word('projectsSheet', r.lang))
  tableSheet(
    projects,
    [
      { heading: 'ID', width: 24 },
      { heading: word('name', r.lang), width: 40 },
      { heading: L('kind'), width: 12 },
      { heading: L('departments'), width: 26 },
      { heading: word('total', r.lang), width: 10 },
      { heading: L('milestonesMet'), width: 10 },
      { heading: word('shareMet', r.lang), width: 10, format: PERCENT },
      { heading: L('overdue'), width: 24 },
      { heading: L('nextDue'), width: 24 },
      { heading: word('forecastDate', r.lang), width: 12, format: DATE },
    ],
    r.projects.map((p) => [
      p.projectId,
      localized(p.name, r.lang),
      p.kind,
      departmentsCell(r, p.departments),
      p.total,
      p.met,
      p.shareMet,
      p.overdue.length === 0 ? null : p.overdue.join(', '),
      p.nextDue?.milestoneId ?? null,
      p.nextDue === null ? null : excelDate(p.nextDue.date),
    ]),
    2,
  )
  const milestones = r.projects.flatMap((p) => p.milestones.map((m) => ({ p, m })))
  const ws = wb.addWorksheet(word('milestonesSheet', r.lang))
  tableSheet(
    ws,
    [
      { heading: word('project', r.lang), width: 24 },
      { heading: L('milestone'), width: 40 },
      { heading: L('kind'), width: 14 },
      { heading: L('planned'), width: 12, format: DATE },
      { heading: word('forecastDate', r.lang), width: 12, format: DATE },
      { heading: L('met'), width: 12, format: DATE },
      { heading: L('slip'), width: 10 },
      { heading: L('overdue'), width: 8 },
    ],
    milestones.map(({ p, m }) => [
      p.projectId,
      localized(m.title, r.lang),
      m.kind,
      m.planned === null ? null : excelDate(m.planned),
      m.forecast === null ? null : excelDate(m.forecast),
      m.met === null ? null : excelDate(m.met),
      m.slipDays,
      yesNo(m.overdue),
    ]),
    2,
  )
  milestones.forEach(({ m }, k) => {
    if (m.overdue) ws.getCell(2 + k, 8).fill = solidFill(COLOURS.red)
  })
}
