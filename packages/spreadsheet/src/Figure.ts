/**
 * What a figure cell may hold, and nothing else. The rules, so that no figure is ever guessed:
 *
 * - a number cell is taken as it is; one formatted as a percentage (`0.0%`, where Excel keeps
 *   `0.125` and shows `12.5%`) is taken as the percentage shown (`12.5`), and only for an
 *   indicator whose unit is `%`;
 * - text is read after Unicode NFKC normalisation (full-width digits `１２．５`, `％`, `，`, `－`
 *   become `12.5`, `%`, `,`, `-`; `−` is a minus) and trimming, and is a number only as
 *   `[+|-]digits[.digits]`, with optional thousands separators in groups of three
 *   (`1,234,567.5`) and, for an indicator in `%`, an optional trailing `%` (`12.5%` is `12.5`);
 * - empty cells, and cells holding only `-`, `--`, `—`, `——`, `–` or `/`, hold no figure;
 * - everything else is refused: a decimal comma (`12,5`), separators not in groups of three
 *   (`1,2345`), units or words (`12万元`, `约12`), scientific notation (`1.2E+05`, which Excel
 *   writes into a CSV file when a number is too wide for its column, losing digits), dates,
 *   TRUE/FALSE and error values (`#DIV/0!`);
 * - a formula gives the result saved with it (policy `cached`, the default), or is refused
 *   (policy `refuse`); a formula with no saved result (written by a program that does not
 *   calculate) is always refused.
 *
 * @module Figure
 */
import { absurd } from '@progress-ledger/core'
import { type Cell, type SavedResult, showCell } from './Sheet'

/** How formulas are treated: take their saved result, or refuse them. */
export type FormulaPolicy = 'cached' | 'refuse'

/** What a cell says about a figure. */
export type FigureReading =
  | { readonly _tag: 'Figure'; readonly value: number; readonly formula: boolean }
  | { readonly _tag: 'NoFigure' }
  | { readonly _tag: 'Invalid'; readonly expected: string; readonly got: string }

/** Options of {@link parseFigure}. */
export interface FigureOptions {
  /** The unit the figure is in; `%` (or `％`) allows percent signs and percentage formats. */
  readonly unit: string
  /** Default `cached`. */
  readonly formulas?: FormulaPolicy
}

const NO_FIGURE = new Set(['-', '--', '—', '——', '–', '/'])
const PLAIN = /^[+-]?(?:\d+(?:\.\d+)?|\.\d+)$/
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/
const SCIENTIFIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)e[+-]?\d+$/i

/**
 * Is a unit a percentage?
 *
 * @example
 * import { isPercentUnit } from '@progress-ledger/spreadsheet'
 * isPercentUnit('％') // true
 * isPercentUnit('万元') // false
 */
export function isPercentUnit(unit: string): boolean {
  const u = unit.normalize('NFKC').trim()
  return u === '%'
}

/** Does a number format show a percentage (a `%` outside quotes and brackets)? */
function percentFormat(format: string | null): boolean {
  if (format === null) return false
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
  return bare.includes('%')
}

/** The normalised text of a figure cell: NFKC, `−` as `-`, trimmed. */
function normaliseFigureText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2212\u2012\uFE63]/g, '-')
    .trim()
}

const A_NUMBER = 'a number'

function fromNumber(value: number, format: string | null, unit: string): FigureReading {
  if (!Number.isFinite(value)) return { _tag: 'Invalid', expected: A_NUMBER, got: String(value) }
  if (!percentFormat(format)) return { _tag: 'Figure', value, formula: false }
  if (!isPercentUnit(unit))
    return {
      _tag: 'Invalid',
      expected: `a number in ${unit === '' ? 'the indicator’s unit' : unit} (the cell is formatted as a percentage; the indicator is not in %)`,
      got: `${String(Number((value * 100).toPrecision(15)))}%`,
    }
  return { _tag: 'Figure', value: Number((value * 100).toPrecision(15)), formula: false }
}

function fromText(text: string, unit: string): FigureReading {
  const s = normaliseFigureText(text)
  if (s === '' || NO_FIGURE.has(s)) return { _tag: 'NoFigure' }
  const got = JSON.stringify(text)
  let body = s
  if (s.endsWith('%')) {
    if (!isPercentUnit(unit))
      return {
        _tag: 'Invalid',
        expected: `a number in ${unit === '' ? 'the indicator’s unit' : unit} (a percent sign only for indicators in %)`,
        got,
      }
    body = s.slice(0, -1).trimEnd()
  }
  if (PLAIN.test(body) || GROUPED.test(body)) {
    const value = Number(body.replace(/,/g, ''))
    // `-0` reads as 0: a figure has no sign of zero.
    return { _tag: 'Figure', value: value === 0 ? 0 : value, formula: false }
  }
  if (SCIENTIFIC.test(body))
    return {
      _tag: 'Invalid',
      expected: 'a number written out in full (scientific notation may have lost digits)',
      got,
    }
  return { _tag: 'Invalid', expected: A_NUMBER, got }
}

function fromSaved(cell: SavedResult, unit: string): FigureReading {
  switch (cell.kind) {
    case 'number':
      return fromNumber(cell.value, cell.format, unit)
    case 'text':
      return fromText(cell.text, unit)
    case 'boolean':
    case 'date':
    case 'error':
      return { _tag: 'Invalid', expected: A_NUMBER, got: showCell(cell) }
    default:
      return absurd(cell)
  }
}

/**
 * Reads a figure from a cell, by the rules above.
 *
 * @example
 * import { parseFigure } from '@progress-ledger/spreadsheet'
 * parseFigure({ kind: 'text', text: '1,234.5' }, { unit: '万元' }) // { _tag: 'Figure', value: 1234.5, formula: false }
 * parseFigure({ kind: 'text', text: '１２．５％' }, { unit: '%' }) // { _tag: 'Figure', value: 12.5, formula: false }
 * parseFigure({ kind: 'number', value: 0.125, format: '0.0%' }, { unit: '%' }) // { _tag: 'Figure', value: 12.5, formula: false }
 * parseFigure({ kind: 'text', text: '12,5' }, { unit: '万元' }) // { _tag: 'Invalid', expected: 'a number', got: '"12,5"' }
 * parseFigure({ kind: 'text', text: '—' }, { unit: '万元' }) // { _tag: 'NoFigure' }
 * parseFigure({ kind: 'formula', formula: 'C2*2', result: { kind: 'number', value: 25, format: null } }, { unit: '万元' }) // { _tag: 'Figure', value: 25, formula: true }
 */
export function parseFigure(cell: Cell, options: FigureOptions): FigureReading {
  switch (cell.kind) {
    case 'empty':
      return { _tag: 'NoFigure' }
    case 'formula': {
      if ((options.formulas ?? 'cached') === 'refuse')
        return {
          _tag: 'Invalid',
          expected: 'a value, not a formula (paste the values)',
          got: showCell(cell),
        }
      if (cell.result === null)
        return {
          _tag: 'Invalid',
          expected:
            'a formula with a saved result (recalculate and save the workbook in Excel, or paste the values)',
          got: `${showCell(cell)} with no saved result`,
        }
      const r = fromSaved(cell.result, options.unit)
      return r._tag === 'Figure' ? { ...r, formula: true } : r
    }
    default:
      return fromSaved(cell, options.unit)
  }
}
