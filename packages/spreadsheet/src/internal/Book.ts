// Writing workbooks the same way every time: fixed metadata from the caller's time, shared
// styles, and a zip whose entries carry that time too (exceljs stamps them with the clock).
import type ExcelJS from 'exceljs'
import { excel, zip as loadZip } from './Excel'

export interface BookMeta {
  /** Created and modified time of the workbook and of every entry of its zip. */
  readonly at: Date
  readonly creator: string
  readonly title: string
  readonly subject: string
}

export async function newBook(meta: BookMeta): Promise<ExcelJS.Workbook> {
  const wb = new (await excel()).Workbook()
  wb.creator = meta.creator
  wb.lastModifiedBy = meta.creator
  wb.created = meta.at
  wb.modified = meta.at
  wb.title = meta.title
  wb.subject = meta.subject
  return wb
}

/**
 * The workbook's bytes, repacked with every zip entry dated `at` (zip dates hold whole seconds
 * from 1980 on, in UTC here), so that the same input gives the same bytes.
 */
export async function bookBytes(wb: ExcelJS.Workbook, at: Date): Promise<Uint8Array> {
  const raw = await wb.xlsx.writeBuffer()
  const JSZip = await loadZip()
  const zip = await JSZip.loadAsync(raw as ArrayBuffer)
  const out = new JSZip()
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue
    out.file(name, await entry.async('uint8array'), { date: at, createFolders: false })
  }
  return out.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
  })
}

/** ARGB colours of the fills and fonts used. */
export const COLOURS = {
  header: 'FFD9E1F2',
  input: 'FFFFF2CC',
  green: 'FFC6EFCE',
  greenText: 'FF006100',
  yellow: 'FFFFEB9C',
  yellowText: 'FF9C5700',
  red: 'FFFFC7CE',
  redText: 'FF9C0006',
  grey: 'FFEDEDED',
  greyText: 'FF595959',
} as const

export function solidFill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } }
}

/** A sheet column: heading, width, number format. */
export interface ColumnSpec {
  readonly heading: string
  readonly width: number
  readonly format?: string
  /** Centre the column's cells (periods, years, symbols). */
  readonly centre?: boolean
}

/**
 * Writes the heading row at `row` (bold, filled, wrapped), sets widths and formats, and freezes
 * the rows above and including it (and `frozenColumns` columns).
 */
export function headingRow(
  ws: ExcelJS.Worksheet,
  row: number,
  columns: ReadonlyArray<ColumnSpec>,
  frozenColumns: number,
): void {
  const r = ws.getRow(row)
  columns.forEach((c, i) => {
    // Column styles first: exceljs applies them to the column's existing cells too.
    const col = ws.getColumn(i + 1)
    col.width = c.width
    if (c.format !== undefined) col.numFmt = c.format
    if (c.centre === true) col.alignment = { horizontal: 'center' }
    const cell = r.getCell(i + 1)
    cell.value = c.heading
    cell.font = { bold: true }
    cell.fill = solidFill(COLOURS.header)
    cell.alignment = { vertical: 'middle', wrapText: true }
  })
  ws.views = [{ state: 'frozen', xSplit: frozenColumns, ySplit: row, activeCell: `A${row + 1}` }]
  // Printed: landscape A4, as wide as the page, the heading row on every page.
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${row}:${row}`,
  }
}

/** A date string `YYYY-MM-DD` as the Date exceljs writes as an Excel date (UTC midnight). */
export function excelDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`)
}
