/**
 * Excel in: the planning office's figures table — the layout of the plan's 表1, one row per
 * indicator, one column per year — read into `ReportValue` commands for the commands package's
 * decide → append path. Reading is all-or-nothing: either every figure of the file becomes a
 * command, or the result lists every problem, each as `FILE!SHEET!CELL: expected …, got …`.
 *
 * A table has a header row (found within the first 20 rows of a sheet) with an indicator
 * column — 序号/No. (the number printed in the plan: `6`, `14.1`) and/or 指标编号/ID (`I06`) — and
 * one column per year (`2023年`, `2023`, `2023 年`). Optional columns: 指标/Indicator (checked
 * against the plan's name), 单位/Unit, 状态/Status (初步/preliminary, 正式/final), 备注/Notes;
 * columns shown for information (类别, 指标属性, 责任单位, 最新值, 目标, …) are not read. Any other
 * heading is a problem, so that a misspelt year never drops its figures silently.
 *
 * @module Figures
 */
import { readFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { LedgerState, ValueStatus } from '@progress-ledger/core'
import type { CommandOf } from '@progress-ledger/commands'
import { type CsvOptions, readCsv } from './Csv'
import type { FormulaPolicy } from './Figure'
import { type SheetProblem, sheetProblem } from './Problem'
import type { SheetsResult } from './Sheet'
import { readXlsx } from './Xlsx'
import { findHeader } from './internal/Header'
import { findPlan, planIndex } from './internal/PlanIndex'
import { type Figure, sheetFigures } from './internal/SheetFigures'

export type { Figure, FigureOrigin } from './internal/SheetFigures'

/** What the figures reader needs besides the file. */
export interface FiguresContext {
  /** The ledger the figures are for (indicator numbers, names, units and the plan's years). */
  readonly state: LedgerState
  /** The plan; default: the only plan in the ledger. */
  readonly planId?: string
  /** The status of figures whose row has no status (default `preliminary`). */
  readonly defaultStatus?: ValueStatus
  /** Formulas: take the result saved with them (`cached`, default) or refuse them. */
  readonly formulas?: FormulaPolicy
  /** Check the 指标 column against the plan's names (`check`, default) or not. */
  readonly names?: 'check' | 'ignore'
  /** Read only this sheet (default: every visible sheet with a header row). */
  readonly sheet?: string
}

/** How one sheet was read. */
export interface SheetSummary {
  readonly name: string
  /** The header row, or `null` when the sheet was skipped. */
  readonly headerRow: number | null
  readonly figures: number
  /** Why the sheet was not read (`hidden`, `no header row`, `not selected`), or `null`. */
  readonly skipped: string | null
}

/** The figures of a file, or every problem found in it. */
export type FiguresResult =
  | {
      readonly _tag: 'Read'
      readonly file: string
      readonly planId: string
      readonly figures: ReadonlyArray<Figure>
      /**
       * The figures' commands, in file order (row by row, year columns left to right), each
       * `ifChanged`: a figure the ledger holds in force already when it is decided records
       * nothing, so a table sent again records only what changed.
       */
      readonly commands: ReadonlyArray<CommandOf<'ReportValue'>>
      readonly sheets: ReadonlyArray<SheetSummary>
    }
  | { readonly _tag: 'Invalid'; readonly problems: ReadonlyArray<SheetProblem> }

/**
 * The figures of sheets already read (see `readXlsx`, `readCsv`).
 *
 * @example
 * import { figuresFromSheets } from '@progress-ledger/spreadsheet'
 * import { emptyLedger } from '@progress-ledger/core'
 * const sheets = { _tag: 'Sheets', file: 'f.csv', sheets: [] } as const
 * const r = figuresFromSheets(sheets, { state: emptyLedger() })
 * r._tag === 'Invalid' && r.problems[0]?.message // 'f.csv: expected a ledger with an adopted plan, got none adopted'
 */
export function figuresFromSheets(read: SheetsResult, context: FiguresContext): FiguresResult {
  if (read._tag === 'Unreadable') return { _tag: 'Invalid', problems: read.problems }
  const { file } = read
  const whole = { file, sheet: null, cell: null }
  const found = findPlan(context.state, context.planId)
  if (found._tag === 'NotFound')
    return { _tag: 'Invalid', problems: [sheetProblem(whole, found.expected, found.got)] }
  const index = planIndex(context.state, found.plan)
  if (context.sheet !== undefined && !read.sheets.some((s) => s.name === context.sheet))
    return {
      _tag: 'Invalid',
      problems: [
        sheetProblem(
          whole,
          `a sheet named ${JSON.stringify(context.sheet)} (the sheets are ${read.sheets.map((s) => JSON.stringify(s.name)).join(', ')})`,
          'none',
        ),
      ],
    }
  const options = {
    file,
    index,
    defaultStatus: context.defaultStatus ?? 'preliminary',
    formulas: context.formulas ?? 'cached',
    names: context.names ?? 'check',
  } as const
  const problems: SheetProblem[] = []
  const figures: Figure[] = []
  const sheets: SheetSummary[] = []
  const firstAt = new Map<string, Figure>()
  for (const sheet of read.sheets) {
    const skip = (why: string): void => {
      sheets.push({ name: sheet.name, headerRow: null, figures: 0, skipped: why })
    }
    if (context.sheet !== undefined && sheet.name !== context.sheet) {
      skip('not selected')
      continue
    }
    if (sheet.hidden && context.sheet === undefined) {
      skip('hidden')
      continue
    }
    const header = findHeader(sheet)
    if (header === undefined) {
      if (context.sheet !== undefined)
        problems.push(
          sheetProblem(
            { file, sheet: sheet.name, cell: 'A1' },
            'a header row with 序号 (or 指标编号, No., ID) and year columns within the first 20 rows',
            'none',
          ),
        )
      skip('no header row')
      continue
    }
    const r = sheetFigures(sheet, header, options)
    problems.push(...r.problems)
    for (const f of r.figures) {
      const key = `${f.command.indicatorId} ${f.command.period}`
      const first = firstAt.get(key)
      if (first !== undefined) {
        problems.push(
          sheetProblem(
            f.origin,
            `one figure for ${f.command.indicatorId} in ${f.command.period}`,
            `another (the first is ${first.origin.file}!${first.origin.sheet}!${first.origin.cell})`,
          ),
        )
        continue
      }
      firstAt.set(key, f)
      figures.push(f)
    }
    sheets.push({
      name: sheet.name,
      headerRow: header.row,
      figures: r.figures.length,
      skipped: null,
    })
  }
  if (problems.length === 0 && !sheets.some((s) => s.headerRow !== null))
    problems.push(
      sheetProblem(
        whole,
        'a sheet with a header row: 序号 (or 指标编号, No., ID) and year columns (2023年 or 2023), within its first 20 rows',
        noTable(sheets),
      ),
    )
  if (problems.length > 0) return { _tag: 'Invalid', problems }
  return {
    _tag: 'Read',
    file,
    planId: found.plan.planId,
    figures,
    commands: figures.map((f) => f.command),
    sheets,
  }
}

/** Where no table was found: the sheets looked at, and the hidden ones passed over. */
function noTable(sheets: ReadonlyArray<SheetSummary>): string {
  if (sheets.length === 0) return 'none in no sheets'
  const read = sheets.filter((s) => s.skipped !== 'hidden').map((s) => JSON.stringify(s.name))
  const hidden = sheets.filter((s) => s.skipped === 'hidden').map((s) => JSON.stringify(s.name))
  const looked = read.length === 0 ? 'none in a visible sheet' : `none in ${read.join(', ')}`
  return hidden.length === 0
    ? looked
    : `${looked} (hidden, so not read: ${hidden.join(', ')}; unhide it, or name it as the sheet to read)`
}

/** A file's name and bytes, e.g. from an upload. */
export interface FileInput {
  /** The file name (its extension, `.xlsx` or `.csv`, chooses the format). */
  readonly name: string
  readonly bytes: Uint8Array
}

/**
 * Reads the figures of a workbook (`.xlsx`) or a CSV file (`.csv`).
 *
 * @example
 * import { readFigures } from '@progress-ledger/spreadsheet'
 * import { emptyLedger } from '@progress-ledger/core'
 * const r = await readFigures({ name: 'figures.xls', bytes: new Uint8Array() }, { state: emptyLedger() })
 * r._tag === 'Invalid' && r.problems[0]?.message // 'figures.xls: expected a .xlsx or .csv file, got ".xls"'
 */
export async function readFigures(
  input: FileInput,
  context: FiguresContext & CsvOptions,
): Promise<FiguresResult> {
  const file = basename(input.name)
  const ext = extname(file).toLowerCase()
  if (ext === '.xlsx') return figuresFromSheets(await readXlsx(input.bytes, file), context)
  if (ext === '.csv') return figuresFromSheets(readCsv(input.bytes, file, context), context)
  return {
    _tag: 'Invalid',
    problems: [
      sheetProblem(
        { file, sheet: null, cell: null },
        'a .xlsx or .csv file',
        JSON.stringify(ext === '' ? file : ext),
      ),
    ],
  }
}

/**
 * Reads the figures of a file on disk; a file that cannot be read is a problem, not an exception.
 *
 * @example
 * import { readFiguresFile } from '@progress-ledger/spreadsheet'
 * import { emptyLedger } from '@progress-ledger/core'
 * const r = await readFiguresFile('no/such/figures.xlsx', { state: emptyLedger() })
 * r._tag === 'Invalid' && r.problems[0]?.expected // 'a readable file'
 */
export async function readFiguresFile(
  path: string,
  context: FiguresContext & CsvOptions,
): Promise<FiguresResult> {
  let bytes: Uint8Array
  try {
    bytes = await readFile(path)
  } catch (e) {
    const code = (e as { code?: unknown }).code
    return {
      _tag: 'Invalid',
      problems: [
        sheetProblem(
          { file: basename(path), sheet: null, cell: null },
          'a readable file',
          // `ENOENT (no such file or directory)`: the code to search for, and what it means.
          typeof code === 'string'
            ? `${code} (${(e as Error).message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')})`
            : String(e),
        ),
      ],
    }
  }
  return readFigures({ name: path, bytes }, context)
}
