/**
 * Problems found in a spreadsheet, each pointing at the cell to fix:
 * `figures.xlsx!表1!D7: expected a number, got "12,5"`. A problem with the whole file names the
 * file alone (`figures.xlsx: expected …`); one with a whole sheet names its first cell.
 *
 * @module Problem
 */

/** Where a problem is: the file, and when known the sheet and the cell (`D7`). */
export interface CellRef {
  readonly file: string
  readonly sheet: string | null
  readonly cell: string | null
}

/** One problem: where, what was expected, what was found, and the sentence saying so. */
export interface SheetProblem extends CellRef {
  readonly expected: string
  readonly got: string
  /** `FILE!SHEET!CELL: expected …, got …`. */
  readonly message: string
  /** For a problem found by the commands' deciders, the rule the figure broke. */
  readonly rule?: string
}

/**
 * The reference of a place: `FILE!SHEET!CELL`, `FILE!SHEET` or `FILE`.
 *
 * @example
 * import { cellRefText } from '@progress-ledger/spreadsheet'
 * cellRefText({ file: 'figures.xlsx', sheet: '表1', cell: 'D7' }) // 'figures.xlsx!表1!D7'
 * cellRefText({ file: 'figures.xlsx', sheet: null, cell: null }) // 'figures.xlsx'
 */
export function cellRefText(ref: CellRef): string {
  if (ref.sheet === null) return ref.file
  return ref.cell === null ? `${ref.file}!${ref.sheet}` : `${ref.file}!${ref.sheet}!${ref.cell}`
}

/**
 * Builds a problem whose message names the place, what was expected and what was found.
 *
 * @example
 * import { sheetProblem } from '@progress-ledger/spreadsheet'
 * sheetProblem({ file: 'figures.xlsx', sheet: '表1', cell: 'D7' }, 'a number', '"12,5"').message // 'figures.xlsx!表1!D7: expected a number, got "12,5"'
 */
export function sheetProblem(
  ref: CellRef,
  expected: string,
  got: string,
  rule?: string,
): SheetProblem {
  return {
    file: ref.file,
    sheet: ref.sheet,
    cell: ref.cell,
    expected,
    got,
    message: `${cellRefText(ref)}: expected ${expected}, got ${got}`,
    ...(rule === undefined ? {} : { rule }),
  }
}
