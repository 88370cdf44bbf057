/**
 * `@progress-ledger/spreadsheet`: the planning office's spreadsheets. Excel in — figures tables
 * (.xlsx, .csv) in the plan's own layout read into `ReportValue` commands, every problem at its
 * cell; the template to fill in for a plan and a year; Excel out — the plan report as a workbook.
 *
 * @packageDocumentation
 */
export * from './Problem'
export * from './Sheet'
export * from './Xlsx'
export * from './Csv'
export * from './Figure'
export * from './Figures'
export * from './AppendFigures'
export * from './Template'
export * from './TargetGap'
export * from './ReportWorkbook'
