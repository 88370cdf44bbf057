// The figures of one sheet: header checks, then row by row, every problem collected.
import { currentDefinition, period, type ValueStatus } from '@progress-ledger/core'
import type { CommandOf } from '@progress-ledger/commands'
import { type FormulaPolicy, parseFigure } from '../Figure'
import { type CellRef, type SheetProblem, sheetProblem } from '../Problem'
import { type Cell, cellAt, type Sheet, showCell } from '../Sheet'
import { cellAddress } from './A1'
import { type ColumnRole, type Header, HEADINGS, roleOf } from './Header'
import type { PlanIndex } from './PlanIndex'
import { comparableName, keyText, plainText, readStatus, STATUS_WORDS } from './RowValues'

/** Where a figure came from: its value cell. */
export interface FigureOrigin extends CellRef {
  readonly sheet: string
  readonly cell: string
  /** 1-based row and column of the cell. */
  readonly row: number
  readonly column: number
}

/** A figure read from a sheet: the command to decide, where it came from, whether a formula gave it. */
export interface Figure {
  readonly command: CommandOf<'ReportValue'>
  readonly origin: FigureOrigin
  readonly formula: boolean
}

export interface SheetReadOptions {
  readonly file: string
  readonly index: PlanIndex
  readonly defaultStatus: ValueStatus
  readonly formulas: FormulaPolicy
  readonly names: 'check' | 'ignore'
}

const KNOWN_HEADINGS = `a known column heading (${[
  '序号/No.',
  '指标编号/ID',
  '指标/Indicator',
  'a year such as 2023年 or 2023',
  '单位/Unit',
  '责任单位/Responsible',
  '状态/Status',
  '备注/Notes',
  'or one shown for information: ' + HEADINGS.info.filter((h) => /[^\x20-\x7e]/.test(h)).join(', '),
].join(', ')})`

const STATUS_EXPECTED = `a status (${STATUS_WORDS.preliminary.join(', ')} or ${STATUS_WORDS.final.join(', ')}) or nothing`

type SingleRole = Exclude<ColumnRole['role'], 'info' | 'year'>

export function sheetFigures(
  sheet: Sheet,
  header: Header,
  o: SheetReadOptions,
): { readonly figures: ReadonlyArray<Figure>; readonly problems: ReadonlyArray<SheetProblem> } {
  const problems: SheetProblem[] = []
  const at = (row: number, column: number): CellRef => ({
    file: o.file,
    sheet: sheet.name,
    cell: cellAddress(row, column),
  })
  const lastRow = sheet.rows.length
  const hasData = (column: number): boolean => {
    for (let r = header.row + 1; r <= lastRow; r++)
      if (cellAt(sheet, r, column).kind !== 'empty') return true
    return false
  }

  // Headings: unknown ones, columns of data without one, one column per role and year.
  for (const u of header.unknown)
    problems.push(sheetProblem(at(header.row, u.column), KNOWN_HEADINGS, showCell(u.cell)))
  const width = Math.max(header.width, ...sheet.rows.map((r) => r.length))
  for (let c = 1; c <= width; c++)
    if (roleOf(cellAt(sheet, header.row, c)) === null && hasData(c))
      problems.push(
        sheetProblem(at(header.row, c), 'a column heading above the data', 'an empty heading'),
      )
  const single = new Map<SingleRole, number>()
  const years: Array<{ readonly column: number; readonly year: number }> = []
  for (const [column, role] of [...header.columns].sort((a, b) => a[0] - b[0])) {
    if (role.role === 'info') continue
    if (role.role === 'year') {
      const first = years.find((y) => y.year === role.year)
      if (first !== undefined)
        problems.push(
          sheetProblem(
            at(header.row, column),
            `one ${role.year} column`,
            `another (the first is ${cellAddress(header.row, first.column)})`,
          ),
        )
      else years.push({ column, year: role.year })
      continue
    }
    const first = single.get(role.role)
    if (first !== undefined)
      problems.push(
        sheetProblem(
          at(header.row, column),
          `one ${role.role} column`,
          `another (the first is ${cellAddress(header.row, first)})`,
        ),
      )
    else single.set(role.role, column)
  }
  const { plan } = o.index
  const inPlan = years.filter((y) => {
    if (y.year >= plan.startYear && y.year <= plan.endYear) return true
    if (hasData(y.column))
      problems.push(
        sheetProblem(
          at(header.row, y.column),
          `a year within the plan's years ${plan.startYear}–${plan.endYear}`,
          String(y.year),
        ),
      )
    return false
  })

  const col = (role: SingleRole): number | undefined => single.get(role)
  const cell = (row: number, role: SingleRole): Cell => {
    const c = col(role)
    return c === undefined ? { kind: 'empty' } : cellAt(sheet, row, c)
  }
  const figures: Figure[] = []
  const seen = new Map<string, number>()
  for (let r = header.row + 1; r <= lastRow; r++) {
    const numberCell = cell(r, 'number')
    const idCell = cell(r, 'id')
    const numberKey = keyText(numberCell)
    const idKey = keyText(idCell)
    const keyColumn = col('number') ?? (col('id') as number)
    const anyFigure = inPlan.some((y) => cellAt(sheet, r, y.column).kind !== 'empty')
    if (numberKey === undefined && idKey === undefined) {
      const keyCell = col('number') !== undefined ? numberCell : idCell
      if (keyCell.kind !== 'empty')
        problems.push(
          sheetProblem(at(r, keyColumn), 'an indicator number or id', showCell(keyCell)),
        )
      else if (anyFigure)
        problems.push(
          sheetProblem(
            at(r, keyColumn),
            'an indicator number (as printed in the plan, e.g. 14.1) or id (e.g. I14a)',
            'nothing',
          ),
        )
      continue
    }
    // A heading row repeated under the table (续表) holds no figures.
    const repeated = roleOf(col('number') !== undefined ? numberCell : idCell)
    if (repeated?.role === 'number' || repeated?.role === 'id') continue
    const byNumber = numberKey === undefined ? undefined : o.index.find(numberKey)
    const byId = idKey === undefined ? undefined : o.index.find(idKey)
    if (numberKey !== undefined && byNumber === undefined) {
      problems.push(
        sheetProblem(
          at(r, col('number') as number),
          `an indicator number or id of plan ${plan.planId}`,
          showCell(numberCell),
        ),
      )
      continue
    }
    if (idKey !== undefined && byId === undefined) {
      problems.push(
        sheetProblem(
          at(r, col('id') as number),
          `an indicator id of plan ${plan.planId}`,
          showCell(idCell),
        ),
      )
      continue
    }
    const ind = byId ?? byNumber
    if (ind === undefined) continue
    if (byId !== undefined && byNumber !== undefined && byId !== byNumber) {
      problems.push(
        sheetProblem(
          at(r, col('id') as number),
          `the id of indicator number ${numberKey ?? ''} (${byNumber.indicatorId})`,
          showCell(idCell),
        ),
      )
      continue
    }
    const def = currentDefinition(ind)
    // A row with a problem is still read to the end, so that every problem is reported at once;
    // its figures are not kept.
    const before = problems.length
    const firstRow = seen.get(ind.indicatorId)
    if (firstRow !== undefined)
      problems.push(
        sheetProblem(
          at(r, keyColumn),
          `each indicator on one row`,
          `${ind.indicatorId} again (first on row ${firstRow})`,
        ),
      )
    else seen.set(ind.indicatorId, r)
    if (o.names === 'check' && col('name') !== undefined) {
      const nameCell = cell(r, 'name')
      const written = plainText(nameCell)
      if (written !== undefined && written.trim() !== '') {
        const w = comparableName(written)
        const names = [def.name.zh, def.name.en].filter((n): n is string => n !== undefined)
        if (!names.some((n) => comparableName(n) === w))
          problems.push(
            sheetProblem(
              at(r, col('name') as number),
              `the name of indicator ${def.number ?? ind.indicatorId} (${def.name.zh})`,
              showCell(nameCell),
            ),
          )
      }
    }
    if (!anyFigure) continue
    // A unit cell that names the indicator's own unit (in Chinese or English) changes nothing;
    // another unit goes to the decider, which asks for a conversion factor.
    const unitText = plainText(cell(r, 'unit'))?.normalize('NFKC').trim() ?? ''
    const own = [def.unit, def.unitEn].map((u) => u?.normalize('NFKC').trim())
    const otherUnit = unitText !== '' && !own.includes(unitText) ? unitText : undefined
    const unit = otherUnit ?? def.unit
    const status = readStatus(cell(r, 'status'))
    if (status._tag === 'Invalid')
      problems.push(sheetProblem(at(r, col('status') as number), STATUS_EXPECTED, status.got))
    const rowStatus = status._tag === 'Status' ? status.status : undefined
    const note = plainText(cell(r, 'notes'))?.trim()
    for (const y of inPlan) {
      const reading = parseFigure(cellAt(sheet, r, y.column), { unit, formulas: o.formulas })
      if (reading._tag === 'NoFigure') continue
      const ref = at(r, y.column)
      if (reading._tag === 'Invalid') {
        problems.push(sheetProblem(ref, reading.expected, reading.got))
        continue
      }
      if (problems.length > before) continue
      const source = `${o.file}!${sheet.name}!${ref.cell as string}`
      figures.push({
        command: {
          type: 'ReportValue',
          indicatorId: ind.indicatorId,
          period: period(String(y.year)),
          value: reading.value,
          status: rowStatus ?? o.defaultStatus,
          ...(otherUnit === undefined ? {} : { unit: otherUnit }),
          ifChanged: true,
          source:
            note === undefined || note === ''
              ? { document: source }
              : { document: source, quote: note },
        },
        origin: { ...ref, sheet: sheet.name, cell: ref.cell as string, row: r, column: y.column },
        formula: reading.formula,
      })
    }
  }
  return { figures, problems }
}
