/**
 * The cells of a spreadsheet as the readers hand them on: a workbook (.xlsx) or a CSV file
 * becomes a list of sheets, each a grid of typed cells. What a cell means (a figure, an
 * indicator number, a heading) is decided later, by the figures reader.
 *
 * @module Sheet
 */
import { absurd } from '@progress-ledger/core'
import type { SheetProblem } from './Problem'

/**
 * One cell. A `number` keeps its number format (a cell formatted `0.0%` holds `0.125` and shows
 * `12.5%`); a `formula` keeps the result the writing program saved with it (`null` when none
 * was saved).
 */
export type Cell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number; readonly format: string | null }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'error'; readonly code: string }
  | { readonly kind: 'formula'; readonly formula: string; readonly result: SavedResult | null }

/** The result a program saved with a formula: any cell but an empty one or another formula. */
export type SavedResult = Exclude<Cell, { readonly kind: 'empty' | 'formula' }>

/** A sheet: its name, whether it is hidden, and its rows (`rows[0]` is row 1, `rows[0][0]` is A1). */
export interface Sheet {
  readonly name: string
  readonly hidden: boolean
  readonly rows: ReadonlyArray<ReadonlyArray<Cell>>
}

/** What reading a file gives: its sheets, or the problems that kept it from being read. */
export type SheetsResult =
  | { readonly _tag: 'Sheets'; readonly file: string; readonly sheets: ReadonlyArray<Sheet> }
  | { readonly _tag: 'Unreadable'; readonly problems: ReadonlyArray<SheetProblem> }

const EMPTY: Cell = { kind: 'empty' }

/**
 * The empty cell.
 *
 * @example
 * import { emptyCell } from '@progress-ledger/spreadsheet'
 * emptyCell() // { kind: 'empty' }
 */
export function emptyCell(): Cell {
  return EMPTY
}

/**
 * The cell at a 1-based row and column; beyond the sheet's rows or a row's cells, an empty cell.
 *
 * @example
 * import { cellAt, emptyCell } from '@progress-ledger/spreadsheet'
 * const sheet = { name: '表1', hidden: false, rows: [[{ kind: 'text', text: '序号' }]] } as const
 * cellAt(sheet, 1, 1) // { kind: 'text', text: '序号' }
 * cellAt(sheet, 5, 5) // emptyCell()
 */
export function cellAt(sheet: Sheet, row: number, column: number): Cell {
  return sheet.rows[row - 1]?.[column - 1] ?? EMPTY
}

/**
 * How a cell reads in a message: text quoted as JSON, numbers as written, formulas with `=`.
 *
 * @example
 * import { showCell } from '@progress-ledger/spreadsheet'
 * showCell({ kind: 'text', text: '12,5' }) // '"12,5"'
 * showCell({ kind: 'formula', formula: 'C2*2', result: null }) // '=C2*2'
 * showCell({ kind: 'empty' }) // 'nothing'
 */
export function showCell(cell: Cell): string {
  switch (cell.kind) {
    case 'empty':
      return 'nothing'
    case 'number':
      return String(cell.value)
    case 'text': {
      const s = JSON.stringify(cell.text)
      return s.length > 80 ? `${s.slice(0, 77)}..."` : s
    }
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE'
    case 'date':
      return `the date ${cell.date}`
    case 'error':
      return cell.code
    case 'formula':
      return `=${cell.formula}`
    default:
      return absurd(cell)
  }
}
