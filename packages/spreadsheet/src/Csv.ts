/**
 * Reading a CSV file into one {@link Sheet}, named after the file as Excel names it when it
 * opens one (`figures.csv` → sheet `figures`). Every cell is text as written (or empty): the
 * figures reader decides what a number is, so nothing is converted on the way in. The text must
 * be UTF-8 (a byte-order mark is allowed, as Excel's "CSV UTF-8" writes it) unless
 * `encoding: 'gb18030'` says it is GB18030/GBK, as Excel's plain "CSV" writes it on Chinese
 * Windows. Fields are separated by commas and quoted as RFC 4180 says.
 *
 * @module Csv
 */
import { parse } from 'csv-parse/sync'
import { sheetProblem } from './Problem'
import { cellAddress } from './internal/A1'
import type { Cell, Sheet, SheetsResult } from './Sheet'

/** The encodings a CSV file may be in. */
export type CsvEncoding = 'utf-8' | 'gb18030'

/** Options of {@link readCsv}. */
export interface CsvOptions {
  /** The text encoding (default `utf-8`; a UTF-8 byte-order mark is skipped). */
  readonly encoding?: CsvEncoding
}

/**
 * The sheet name Excel gives a CSV file: its name without folders and extension.
 *
 * @example
 * import { csvSheetName } from '@progress-ledger/spreadsheet'
 * csvSheetName('data/figures.csv') // 'figures'
 */
export function csvSheetName(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(0, dot) : base
}

function decode(
  bytes: Uint8Array,
  encoding: CsvEncoding,
): { readonly text: string } | { readonly got: string } {
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  )
    return { got: 'UTF-16 text (save it as "CSV UTF-8")' }
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b)
    return { got: 'a zip archive (an .xlsx workbook? name it .xlsx)' }
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes)
    return { text }
  } catch {
    // Decodable but for its last bytes: a character begun and never finished — a file cut off.
    if (encoding === 'utf-8' && endsInsideCharacter(bytes))
      return {
        got: 'a file that ends inside a character (its last bytes begin one that never finishes): it looks cut off — copy or save it whole again',
      }
    return {
      got:
        encoding === 'utf-8'
          ? 'bytes that are not UTF-8 (save it as "CSV UTF-8", or read it as gb18030)'
          : 'bytes that are not GB18030',
    }
  }
}

/** Is `bytes` valid UTF-8 but for an unfinished sequence at its very end? */
function endsInsideCharacter(bytes: Uint8Array): boolean {
  let start = bytes.length - 1
  // Back over continuation bytes (10xxxxxx) to the lead byte of the last sequence, at most 3.
  while (start > 0 && bytes.length - start < 4 && ((bytes[start] as number) & 0xc0) === 0x80)
    start--
  const lead = bytes[start] as number
  const needs = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1
  if (needs <= bytes.length - start) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, start))
    return true
  } catch {
    return false
  }
}

/**
 * The last record, when it looks cut off: the text does not end with a line break and the record
 * has fewer fields than the one before it (a file copied or saved in part ends mid-row; a number
 * cut short there would otherwise be read as a smaller one).
 */
function cutOffRow(
  text: string,
  records: ReadonlyArray<ReadonlyArray<string>>,
): { readonly row: number; readonly fields: number; readonly expected: number } | undefined {
  if (records.length < 2 || /[\r\n]$/.test(text)) return undefined
  const last = records[records.length - 1] as ReadonlyArray<string>
  const before = records[records.length - 2] as ReadonlyArray<string>
  if (last.length >= before.length) return undefined
  return { row: records.length, fields: last.length, expected: before.length }
}

/**
 * Reads a CSV file as one sheet of text cells. `file` names the file in problems.
 *
 * @example
 * import { readCsv } from '@progress-ledger/spreadsheet'
 * const r = readCsv(new TextEncoder().encode('序号,2023年\n6,"1,234.5"\n'), 'figures.csv')
 * r._tag === 'Sheets' && r.sheets[0]?.name // 'figures'
 * r._tag === 'Sheets' && r.sheets[0]?.rows[1] // [{ kind: 'text', text: '6' }, { kind: 'text', text: '1,234.5' }]
 * readCsv(new TextEncoder().encode('a,"b\n'), 'bad.csv')._tag // 'Unreadable'
 */
export function readCsv(bytes: Uint8Array, file: string, options: CsvOptions = {}): SheetsResult {
  const name = csvSheetName(file)
  const decoded = decode(bytes, options.encoding ?? 'utf-8')
  if ('got' in decoded)
    return {
      _tag: 'Unreadable',
      problems: [
        sheetProblem(
          { file, sheet: null, cell: null },
          options.encoding === 'gb18030' ? 'GB18030 CSV text' : 'UTF-8 CSV text',
          decoded.got,
        ),
      ],
    }
  let records: string[][]
  try {
    records = parse(decoded.text, { relax_column_count: true, bom: true }) as string[][]
  } catch (e) {
    const { cell, got } = csvFailure(e)
    return {
      _tag: 'Unreadable',
      problems: [
        sheetProblem(
          { file, sheet: name, cell },
          'well-formed CSV (fields separated by commas, quotes doubled inside quoted fields)',
          got,
        ),
      ],
    }
  }
  const cut = cutOffRow(decoded.text, records)
  if (cut !== undefined)
    return {
      _tag: 'Unreadable',
      problems: [
        sheetProblem(
          { file, sheet: name, cell: cellAddress(cut.row, cut.fields) },
          `a last row of ${cut.expected} cells, as the row above it, ended by a line break`,
          `${cut.fields} cell(s) and no line break at the end of the file: it looks cut off (its last figure may be cut short too) — copy or save it whole again`,
        ),
      ],
    }
  const rows: Cell[][] = records.map((r) =>
    r.map((text): Cell => (text === '' ? { kind: 'empty' } : { kind: 'text', text })),
  )
  const sheet: Sheet = { name, hidden: false, rows }
  return { _tag: 'Sheets', file, sheets: [sheet] }
}

/** What the parser's error says, in the reader's words, and the cell of the field it stopped in. */
const CSV_FAILURES: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quote opened in this field and never closed (the file ends inside it)',
  INVALID_OPENING_QUOTE: 'a quote inside a field that does not start with one',
  CSV_INVALID_CLOSING_QUOTE: 'more text after the quote that closes this field',
}

/** The cell a CSV parse error is at (from the records read and the field it was in) and why. */
function csvFailure(e: unknown): { readonly cell: string; readonly got: string } {
  const o = typeof e === 'object' && e !== null ? (e as Record<string, unknown>) : {}
  const records = typeof o['records'] === 'number' ? o['records'] : 0
  const column = typeof o['column'] === 'number' ? o['column'] : 0
  const reason = e instanceof Error ? e.message : String(e)
  const known = typeof o['code'] === 'string' ? CSV_FAILURES[o['code']] : undefined
  return {
    cell: cellAddress(records + 1, column + 1),
    got: known === undefined ? reason : `${known} (${reason})`,
  }
}
