// exceljs and jszip, loaded on first use: together they take about a third of a second to load,
// and most commands of a process that imports this package never touch a workbook.
import type ExcelJS from 'exceljs'
import type JSZip from 'jszip'

let excelModule: Promise<typeof ExcelJS> | undefined
let zipModule: Promise<typeof JSZip> | undefined

/** The exceljs module. */
export function excel(): Promise<typeof ExcelJS> {
  return (excelModule ??= import('exceljs').then(
    (m) => ((m as { default?: typeof ExcelJS }).default ?? m) as typeof ExcelJS,
  ))
}

/** The jszip module. */
export function zip(): Promise<typeof JSZip> {
  return (zipModule ??= import('jszip').then(
    (m) => ((m as { default?: typeof JSZip }).default ?? m) as typeof JSZip,
  ))
}
