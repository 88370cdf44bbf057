/**
 * Reading a workbook (.xlsx) into {@link Sheet}s with exceljs. Whatever the bytes are — a
 * truncated download, an old .xls, a text file renamed — the result is a value: the sheets, or
 * an `Unreadable` problem naming the file.
 *
 * @module Xlsx
 */
import type ExcelJS from 'exceljs'
import { excel } from './internal/Excel'
import { sheetProblem } from './Problem'
import type { Cell, SavedResult, Sheet, SheetsResult } from './Sheet'

type ExcelCell = ExcelJS.Cell
type Result = NonNullable<ExcelJS.CellFormulaValue['result']>

function errorCode(u: unknown): string | undefined {
  if (typeof u === 'object' && u !== null && 'error' in u) {
    const e = (u as { error: unknown }).error
    return typeof e === 'string' ? e : String(e)
  }
  return undefined
}

function dateText(d: Date): string {
  return Number.isNaN(d.getTime()) ? 'an invalid date' : d.toISOString().slice(0, 10)
}

function savedResult(r: Result | undefined, format: string | null): SavedResult | null {
  if (r === undefined || r === null) return null
  if (typeof r === 'number') return { kind: 'number', value: r, format }
  if (typeof r === 'string') return { kind: 'text', text: r }
  if (typeof r === 'boolean') return { kind: 'boolean', value: r }
  if (r instanceof Date) return { kind: 'date', date: dateText(r) }
  const code = errorCode(r)
  return code === undefined ? null : { kind: 'error', code }
}

function richText(u: unknown): string | undefined {
  if (typeof u === 'object' && u !== null && 'richText' in u) {
    const parts = (u as { richText: unknown }).richText
    if (Array.isArray(parts))
      return parts.map((p) => (typeof p?.text === 'string' ? (p.text as string) : '')).join('')
  }
  return undefined
}

function formatOf(c: ExcelCell): string | null {
  const f = c.numFmt
  return typeof f === 'string' && f !== '' && f !== 'General' ? f : null
}

/** One exceljs cell as a {@link Cell}. Cells covered by a merge read as empty (the first holds the value). */
function toCell(c: ExcelCell, types: typeof ExcelJS.ValueType): Cell {
  const v: unknown = c.value
  switch (c.type) {
    case types.Null:
    case types.Merge:
      return { kind: 'empty' }
    case types.Number:
      return typeof v === 'number'
        ? { kind: 'number', value: v, format: formatOf(c) }
        : { kind: 'text', text: String(v) }
    case types.String:
    case types.SharedString:
      return typeof v === 'string' ? { kind: 'text', text: v } : { kind: 'text', text: String(v) }
    case types.RichText:
      return { kind: 'text', text: richText(v) ?? '' }
    case types.Hyperlink: {
      const text = (v as { text?: unknown }).text
      return { kind: 'text', text: typeof text === 'string' ? text : (richText(text) ?? '') }
    }
    case types.Date:
      return { kind: 'date', date: v instanceof Date ? dateText(v) : String(v) }
    case types.Boolean:
      return { kind: 'boolean', value: v === true }
    case types.Error:
      return { kind: 'error', code: errorCode(v) ?? String(v) }
    case types.Formula: {
      const f = v as { formula?: unknown; sharedFormula?: unknown; result?: Result }
      const formula =
        typeof f.formula === 'string'
          ? f.formula
          : typeof f.sharedFormula === 'string'
            ? f.sharedFormula
            : ''
      return { kind: 'formula', formula, result: savedResult(f.result, formatOf(c)) }
    }
    default:
      return v === null || v === undefined ? { kind: 'empty' } : { kind: 'text', text: String(v) }
  }
}

function toSheet(ws: ExcelJS.Worksheet, types: typeof ExcelJS.ValueType): Sheet {
  const rows: Cell[][] = []
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: Cell[] = []
    row.eachCell({ includeEmpty: false }, (c, col) => {
      cells[col - 1] = toCell(c, types)
    })
    for (let i = 0; i < cells.length; i++) cells[i] ??= { kind: 'empty' }
    rows[r - 1] = cells
  })
  for (let i = 0; i < rows.length; i++) rows[i] ??= []
  return { name: ws.name, hidden: ws.state !== 'visible', rows }
}

/**
 * Reads the sheets of a workbook. `file` names the file in problems (e.g. `figures.xlsx`).
 *
 * @example
 * import { readXlsx } from '@progress-ledger/spreadsheet'
 * const r = await readXlsx(new TextEncoder().encode('not a workbook'), 'figures.xlsx')
 * r._tag // 'Unreadable'
 * r._tag === 'Unreadable' && r.problems[0]?.message // 'figures.xlsx: expected an .xlsx workbook (Office Open XML), got a file that is not a zip archive'
 */
export async function readXlsx(bytes: Uint8Array, file: string): Promise<SheetsResult> {
  const problem = (got: string): SheetsResult => ({
    _tag: 'Unreadable',
    problems: [
      sheetProblem({ file, sheet: null, cell: null }, 'an .xlsx workbook (Office Open XML)', got),
    ],
  })
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    return problem(
      bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf
        ? 'an old binary .xls file (save it as .xlsx)'
        : 'a file that is not a zip archive',
    )
  const X = await excel()
  const wb = new X.Workbook()
  try {
    await wb.xlsx.load(Uint8Array.from(bytes).buffer)
  } catch {
    // What the zip or XML reader says ("Cannot set properties of undefined", "Bug : …") reads as
    // a crash of the tool to whoever filled in the sheet: the file is what is wrong.
    return problem(
      'a damaged or truncated file (its contents do not read: save it again from Excel)',
    )
  }
  const sheets = wb.worksheets.map((ws) => toSheet(ws, X.ValueType))
  if (sheets.length === 0) return problem('a workbook without worksheets')
  return { _tag: 'Sheets', file, sheets }
}
