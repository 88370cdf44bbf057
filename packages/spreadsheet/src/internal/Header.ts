// Column headings of a figures table, in Chinese and English, and finding the header row.
import type { Cell, Sheet } from '../Sheet'
import { cellAt } from '../Sheet'

/** What a column holds. `info` columns are shown to people and not read. */
export type ColumnRole =
  | { readonly role: 'id' }
  | { readonly role: 'number' }
  | { readonly role: 'name' }
  | { readonly role: 'unit' }
  | { readonly role: 'departments' }
  | { readonly role: 'status' }
  | { readonly role: 'notes' }
  | { readonly role: 'info' }
  | { readonly role: 'year'; readonly year: number }

type Named = Exclude<ColumnRole, { role: 'year' }>['role']

/** Every heading the reader knows, normalised (see {@link normaliseHeading}). */
export const HEADINGS: Readonly<Record<Named, ReadonlyArray<string>>> = {
  id: ['指标编号', '指标id', 'id', 'indicatorid'],
  number: ['序号', 'no', 'no.', 'number', '#'],
  name: ['指标', '指标名称', '名称', 'indicator', 'name', 'indicatorname'],
  unit: ['单位', '计量单位', 'unit'],
  departments: [
    '责任单位',
    '责任部门',
    '牵头单位',
    'responsible',
    'department',
    'departments',
    'owner',
    'owners',
  ],
  status: ['状态', '数据状态', 'status'],
  notes: ['备注', '说明', 'notes', 'note', 'remarks', 'comment', 'comments'],
  info: [
    '类别',
    'category',
    '指标属性',
    '属性',
    'attribute',
    '最新值',
    'latest',
    'latestvalue',
    '最新值期间',
    'latestperiod',
    '期间',
    'period',
    '最新值状态',
    'lateststatus',
    '目标',
    'target',
    '目标年份',
    '目标年',
    'dueyear',
    '基期值',
    'baseline',
  ],
}

const LOOKUP = new Map<string, Named>(
  (Object.entries(HEADINGS) as Array<[Named, ReadonlyArray<string>]>).flatMap(([role, names]) =>
    names.map((n) => [n, role] as const),
  ),
)

/** NFKC, no spaces, lower case, no trailing colon, no `*`. */
export function normaliseHeading(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').replace(/\*/g, '').replace(/:$/, '').toLowerCase()
}

const YEAR = /^(?:fy)?(\d{4})(?:年|年度)?$/

/** The role of a heading cell, `undefined` when the heading is not known, `null` when empty. */
export function roleOf(cell: Cell): ColumnRole | undefined | null {
  if (cell.kind === 'empty') return null
  if (cell.kind === 'number')
    return Number.isInteger(cell.value) && cell.value >= 1000 && cell.value <= 9999
      ? { role: 'year', year: cell.value }
      : undefined
  if (cell.kind !== 'text') return undefined
  const h = normaliseHeading(cell.text)
  if (h === '') return null
  const y = YEAR.exec(h)
  if (y !== null) return { role: 'year', year: Number(y[1]) }
  const named = LOOKUP.get(h)
  if (named !== undefined) return { role: named } as ColumnRole
  // "2025年目标", "Target 2025", "目标值": targets shown to people, not figures.
  if (h.includes('目标') || h.includes('target')) return { role: 'info' }
  return undefined
}

export interface Header {
  /** 1-based row of the headings. */
  readonly row: number
  /** Role by 1-based column; unknown headings and empty ones are absent. */
  readonly columns: ReadonlyMap<number, ColumnRole>
  readonly unknown: ReadonlyArray<{ readonly column: number; readonly cell: Cell }>
  readonly width: number
}

/** How far down a sheet the header row is looked for. */
export const HEADER_SEARCH_ROWS = 20

/** The first row with an indicator column (序号/No./ID) and a year column, with its columns. */
export function findHeader(sheet: Sheet): Header | undefined {
  const last = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS)
  for (let r = 1; r <= last; r++) {
    const width = sheet.rows[r - 1]?.length ?? 0
    const columns = new Map<number, ColumnRole>()
    const unknown: Array<{ column: number; cell: Cell }> = []
    for (let c = 1; c <= width; c++) {
      const cell = cellAt(sheet, r, c)
      const role = roleOf(cell)
      if (role === undefined) unknown.push({ column: c, cell })
      else if (role !== null) columns.set(c, role)
    }
    const roles = [...columns.values()]
    if (
      roles.some((x) => x.role === 'number' || x.role === 'id') &&
      roles.some((x) => x.role === 'year')
    )
      return { row: r, columns, unknown, width }
  }
  return undefined
}
