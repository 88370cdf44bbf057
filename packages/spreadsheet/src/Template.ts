/**
 * The template: the workbook the planning office fills in for one plan and one year. One row
 * per indicator reported by year, in the order of the plan's numbers, with its number, id, name,
 * unit, responsible departments (on the year's last day), the last value reported up to that
 * year, and the target it is measured against; then the input column for the year (decimal
 * numbers only), a status column (a list: 初步/正式 or preliminary/final) and notes. The header
 * is frozen, the input cells are shaded. Read back with the figures reader, it gives one
 * `ReportValue` per filled cell.
 *
 * @module Template
 */
import {
  currentDefinition,
  type DecodeIssue,
  type IndicatorState,
  isInstant,
  type LedgerState,
  periodEnd,
  period,
  periodYear,
  responsibleOn,
  targetsByDue,
  currentValues,
} from '@progress-ledger/core'
import { formatTarget } from '@progress-ledger/plan'
import { csvField, type Lang, label, localized } from '@progress-ledger/reporting'
import {
  bookBytes,
  COLOURS,
  type ColumnSpec,
  headingRow,
  newBook,
  solidFill,
} from './internal/Book'
import { findPlan, planIndex } from './internal/PlanIndex'
import { instructions, word } from './internal/Words'

/** Options of {@link writeTemplate}. */
export interface TemplateOptions {
  /** The plan (default: the only plan in the ledger). */
  readonly planId?: string
  /** The year to fill in, within the plan's start and end years. */
  readonly year: number
  /** Headings and words in Chinese (default) or English. */
  readonly lang?: Lang
  /** The workbook's created/modified time, an instant (`2024-01-05T09:00:00.000Z`). */
  readonly at: string
}

/** The template's bytes, or what is wrong with the options. */
export type TemplateResult =
  | { readonly _tag: 'Template'; readonly bytes: Uint8Array; readonly indicators: number }
  | { readonly _tag: 'InvalidOptions'; readonly issues: ReadonlyArray<DecodeIssue> }

function issue(path: string, expected: string, got: string): DecodeIssue {
  return { path, expected, got, message: `${path}: expected ${expected}, got ${got}` }
}

interface Row {
  readonly number: string
  readonly id: string
  readonly name: string
  readonly unit: string
  readonly departments: string
  readonly latest: number | null
  readonly latestPeriod: string | null
  readonly latestStatus: string | null
  readonly target: string | null
  readonly dueYear: number | null
}

function rowOf(state: LedgerState, ind: IndicatorState, year: number, lang: Lang): Row {
  const def = currentDefinition(ind)
  const last = currentValues(ind)
    .filter((v) => periodYear(v.period) <= year)
    .pop()
  const targets = targetsByDue(ind)
  const t = targets.find((x) => x.current.dueYear >= year) ?? targets[targets.length - 1]
  const departments = responsibleOn(ind, periodEnd(period(String(year))))
    .map((id) => localized(state.departments.get(id)?.name ?? { zh: id }, lang))
    .join(lang === 'zh' ? '、' : ', ')
  return {
    number: def.number ?? '',
    id: ind.indicatorId,
    name: localized(def.name, lang),
    unit: lang === 'en' && def.unitEn !== undefined ? def.unitEn : def.unit,
    departments,
    latest: last?.value ?? null,
    latestPeriod: last?.period ?? null,
    latestStatus: last?.version.status == null ? null : word(last.version.status, lang),
    target: t === undefined ? null : formatTarget(t.current.expression, lang),
    dueYear: t?.current.dueYear ?? null,
  }
}

/** The template's rows and headings, or what is wrong with the options. */
type TemplateTable =
  | { readonly _tag: 'InvalidOptions'; readonly issues: ReadonlyArray<DecodeIssue> }
  | {
      readonly _tag: 'Table'
      readonly lang: Lang
      readonly year: number
      readonly title: string
      readonly planId: string
      readonly rows: ReadonlyArray<Row>
      readonly columns: ReadonlyArray<ColumnSpec>
      readonly yearHeading: string
    }

function templateTable(state: LedgerState, options: TemplateOptions): TemplateTable {
  const lang: Lang = options.lang ?? 'zh'
  const issues: DecodeIssue[] = []
  if (!isInstant(options.at))
    issues.push(
      issue('options.at', 'an instant YYYY-MM-DDTHH:mm:ss.sssZ', JSON.stringify(options.at)),
    )
  else if (options.at < '1980-01-01')
    issues.push(issue('options.at', 'an instant from 1980 on (zip dates start then)', options.at))
  if (lang !== 'zh' && lang !== 'en')
    issues.push(issue('options.lang', 'one of zh, en', JSON.stringify(lang)))
  const found = findPlan(state, options.planId)
  if (found._tag === 'NotFound') issues.push(issue('options.planId', found.expected, found.got))
  else {
    const p = found.plan
    if (!Number.isInteger(options.year) || options.year < p.startYear || options.year > p.endYear)
      issues.push(
        issue(
          'options.year',
          `a year within the plan's years ${p.startYear}–${p.endYear}`,
          String(options.year),
        ),
      )
  }
  if (issues.length > 0 || found._tag === 'NotFound') return { _tag: 'InvalidOptions', issues }
  const plan = found.plan
  const year = options.year
  const rows = planIndex(state, plan)
    .indicators.filter((i) => currentDefinition(i).periodicity === 'year')
    .map((i) => rowOf(state, i, year, lang))
  const title = `${localized(plan.name, lang)} — ${year}${word('templateTitle', lang)}`
  const yearHeading = lang === 'zh' ? `${year}年` : String(year)
  // English names and labels run longer than Chinese ones.
  const wide = lang === 'en'
  const columns: ReadonlyArray<ColumnSpec> = [
    { heading: label('text', 'number', lang), width: 7 },
    { heading: word('id', lang), width: 12 },
    { heading: label('text', 'indicator', lang), width: wide ? 60 : 44 },
    { heading: label('text', 'unit', lang), width: wide ? 22 : 14 },
    { heading: label('text', 'departments', lang), width: wide ? 44 : 26 },
    { heading: word('latestValue', lang), width: 12 },
    { heading: word('latestPeriod', lang), width: 12, centre: true },
    { heading: word('latestStatus', lang), width: 12, centre: true },
    { heading: label('text', 'target', lang), width: wide ? 26 : 18 },
    { heading: word('dueYear', lang), width: 10, centre: true },
    { heading: yearHeading, width: 14 },
    { heading: label('text', 'status', lang), width: 12 },
    { heading: word('notes', lang), width: 32 },
  ]
  return {
    _tag: 'Table',
    lang,
    year,
    title,
    planId: plan.planId,
    rows,
    columns,
    yearHeading,
  }
}

const rowCells = (row: Row): ReadonlyArray<string | number | null> => [
  row.number,
  row.id,
  row.name,
  row.unit,
  row.departments,
  row.latest,
  row.latestPeriod,
  row.latestStatus,
  row.target,
  row.dueYear,
]

/**
 * Writes the template for a plan and a year.
 *
 * @example
 * import { writeTemplate } from '@progress-ledger/spreadsheet'
 * import { emptyLedger } from '@progress-ledger/core'
 * const r = await writeTemplate(emptyLedger(), { year: 2023, at: '2024-01-05T09:00:00.000Z' })
 * r._tag === 'InvalidOptions' && r.issues[0]?.message // 'options.planId: expected a ledger with an adopted plan, got none adopted'
 */
export async function writeTemplate(
  state: LedgerState,
  options: TemplateOptions,
): Promise<TemplateResult> {
  const table = templateTable(state, options)
  if (table._tag === 'InvalidOptions') return table
  const { lang, year, title, rows, columns, yearHeading } = table
  const at = new Date(options.at)
  const wb = await newBook({ at, creator: 'progress-ledger', title, subject: table.planId })
  const ws = wb.addWorksheet(lang === 'zh' ? `${year}年` : String(year))
  const input = { year: 11, status: 12, notes: 13 }
  ws.mergeCells(1, 1, 1, columns.length)
  const titleCell = ws.getCell(1, 1)
  titleCell.value = title
  titleCell.font = { bold: true, size: 14 }
  headingRow(ws, 2, columns, 3)
  titleCell.alignment = { horizontal: 'left', vertical: 'middle' }
  const statusList = `"${word('preliminary', lang)},${word('final', lang)}"`
  rows.forEach((row, k) => {
    const r = ws.getRow(3 + k)
    r.values = [...rowCells(row)]
    for (const c of [input.year, input.status, input.notes])
      r.getCell(c).fill = solidFill(COLOURS.input)
    r.getCell(input.year).dataValidation = {
      type: 'decimal',
      operator: 'between',
      formulae: [-1e15, 1e15],
      allowBlank: true,
      showInputMessage: true,
      promptTitle: yearHeading,
      prompt: word('numberPrompt', lang),
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: yearHeading,
      error: word('numberError', lang),
    }
    r.getCell(input.status).dataValidation = {
      type: 'list',
      formulae: [statusList],
      allowBlank: true,
      showInputMessage: true,
      prompt: word('statusPrompt', lang),
      showErrorMessage: true,
      errorStyle: 'stop',
      error: word('statusError', lang),
    }
  })
  const help = wb.addWorksheet(word('instructions', lang))
  help.getColumn(1).width = 110
  help.getCell(1, 1).value = title
  help.getCell(1, 1).font = { bold: true, size: 14 }
  instructions(year, lang).forEach((text, k) => {
    const c = help.getCell(3 + k, 1)
    c.value = text
    c.alignment = { wrapText: true, vertical: 'top' }
  })
  return { _tag: 'Template', bytes: await bookBytes(wb, at), indicators: rows.length }
}

/**
 * The template as CSV text for a plan and a year: the same columns as the workbook (header on
 * line 1, one row per indicator, the year, status and notes columns empty to fill in), UTF-8
 * with a byte-order mark and CRLF line ends so Excel opens the Chinese text correctly. Read back
 * with the figures reader, it gives one `ReportValue` per filled cell. There are no input
 * checks in a CSV file: the reader checks every cell.
 *
 * @example
 * import { writeTemplateCsv } from '@progress-ledger/spreadsheet'
 * import { emptyLedger } from '@progress-ledger/core'
 * const r = writeTemplateCsv(emptyLedger(), { year: 2023, at: '2024-01-05T09:00:00.000Z' })
 * r._tag // 'InvalidOptions'
 */
export function writeTemplateCsv(
  state: LedgerState,
  options: TemplateOptions,
):
  | { readonly _tag: 'Template'; readonly text: string; readonly indicators: number }
  | {
      readonly _tag: 'InvalidOptions'
      readonly issues: ReadonlyArray<DecodeIssue>
    } {
  const table = templateTable(state, options)
  if (table._tag === 'InvalidOptions') return table
  const cell = (v: string | number | null): string =>
    v === null ? '' : typeof v === 'number' ? String(v) : csvField(v)
  const lines = [
    table.columns.map((c) => csvField(c.heading)).join(','),
    ...table.rows.map((row) => [...rowCells(row), null, null, null].map(cell).join(',')),
  ]
  return {
    _tag: 'Template',
    text: `\uFEFF${lines.join('\r\n')}\r\n`,
    indicators: table.rows.length,
  }
}
