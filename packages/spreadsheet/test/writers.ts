// Two independent writers of test workbooks — exceljs and SheetJS (xlsx) — and a CSV writer, all
// fed the same table description, so that the reader is tested on files it did not write.
import ExcelJS from 'exceljs'
import * as XLSX from 'xlsx'

/** A cell to write: text, a number, nothing, a number shown as a percentage, a formula. */
export type CellSpec =
  | string
  | number
  | null
  | { readonly percent: number }
  | { readonly formula: string; readonly result?: number }
  | { readonly bool: boolean }

export type TableSpec = Readonly<Record<string, ReadonlyArray<ReadonlyArray<CellSpec>>>>

export async function exceljsBook(tables: TableSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  for (const [name, rows] of Object.entries(tables)) {
    const ws = wb.addWorksheet(name)
    rows.forEach((row, r) =>
      row.forEach((spec, c) => {
        if (spec === null) return
        const cell = ws.getCell(r + 1, c + 1)
        if (typeof spec === 'string' || typeof spec === 'number') cell.value = spec
        else if ('percent' in spec) {
          cell.value = spec.percent
          cell.numFmt = '0.0%'
        } else if ('bool' in spec) cell.value = spec.bool
        else
          cell.value =
            spec.result === undefined
              ? { formula: spec.formula }
              : { formula: spec.formula, result: spec.result }
      }),
    )
  }
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

export function sheetjsBook(tables: TableSpec): Uint8Array {
  const wb = XLSX.utils.book_new()
  for (const [name, rows] of Object.entries(tables)) {
    const ws: XLSX.WorkSheet = {}
    let maxC = 0
    rows.forEach((row, r) =>
      row.forEach((spec, c) => {
        if (spec === null) return
        maxC = Math.max(maxC, c)
        const addr = XLSX.utils.encode_cell({ r, c })
        if (typeof spec === 'string') ws[addr] = { t: 's', v: spec }
        else if (typeof spec === 'number') ws[addr] = { t: 'n', v: spec }
        else if ('percent' in spec) ws[addr] = { t: 'n', v: spec.percent, z: '0.0%' }
        else if ('bool' in spec) ws[addr] = { t: 'b', v: spec.bool }
        else
          ws[addr] =
            spec.result === undefined
              ? { t: 'n', f: spec.formula }
              : { t: 'n', f: spec.formula, v: spec.result }
      }),
    )
    ws['!ref'] = XLSX.utils.encode_range({
      s: { r: 0, c: 0 },
      e: { r: Math.max(0, rows.length - 1), c: maxC },
    })
    XLSX.utils.book_append_sheet(wb, ws, name)
  }
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
}

const quote = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s)

/** CSV (UTF-8 with a byte-order mark, CRLF) of text and numbers; other cells are refused. */
export function csvBytes(rows: ReadonlyArray<ReadonlyArray<CellSpec>>): Uint8Array {
  const text = rows
    .map((row) =>
      row
        .map((spec) => {
          if (spec === null) return ''
          if (typeof spec === 'string') return quote(spec)
          if (typeof spec === 'number') return String(spec)
          throw new Error(`a CSV file cannot hold ${JSON.stringify(spec)}`)
        })
        .join(','),
    )
    .join('\r\n')
  return new TextEncoder().encode(`\uFEFF${text}\r\n`)
}
