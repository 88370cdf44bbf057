// A report from a ledger that does not verify: the workbook opens on a warnings sheet, and the
// CSV report (reporting's renderCsv) keeps its warnings column readable by the CSV reader.
import { describe, expect, it } from 'vitest'
import { csvColumns, evaluatePlan, type Lang, renderCsv } from '@progress-ledger/reporting'
import { type Cell, cellAt, readCsv, readXlsx, renderXlsx } from '../src/index'
import { seedState } from './ledger'

const BROKEN =
  'the hash chain is broken at position 812 (event e-812): hash mismatch; figures after it may have been altered'

const text = (c: Cell | undefined): string => (c?.kind === 'text' ? c.text : '')

async function report(lang: Lang, warnings: ReadonlyArray<string>) {
  const e = evaluatePlan(await seedState(), { asOf: '2023-12-31', lang, warnings })
  if (e._tag !== 'Report') throw new Error(JSON.stringify(e))
  return e.report
}

describe.each(['zh', 'en'] as const)('warnings in spreadsheets (%s)', (lang) => {
  it('xlsx: a first, visible sheet with the notice and each warning', async () => {
    const book = await readXlsx(await renderXlsx(await report(lang, [BROKEN, 'second'])), 'r.xlsx')
    if (book._tag !== 'Sheets') throw new Error(JSON.stringify(book))
    const first = book.sheets[0]
    expect(first?.name).toBe(lang === 'zh' ? '警告' : 'Warnings')
    expect(first?.hidden).toBe(false)
    if (first === undefined) return
    expect(text(cellAt(first, 1, 1))).toContain(
      lang === 'zh' ? '账本未通过校验' : 'The ledger does not verify',
    )
    expect(text(cellAt(first, 3, 1))).toContain(BROKEN)
    expect(text(cellAt(first, 4, 1))).toContain('second')
    expect(book.sheets.map((s) => s.name).slice(1, 3)).toEqual(
      lang === 'zh' ? ['概况', '指标'] : ['Summary', 'Indicators'],
    )
  })

  it('xlsx: no warnings sheet without warnings', async () => {
    const book = await readXlsx(await renderXlsx(await report(lang, [])), 'r.xlsx')
    if (book._tag !== 'Sheets') throw new Error(JSON.stringify(book))
    expect(book.sheets.map((s) => s.name)).not.toContain(lang === 'zh' ? '警告' : 'Warnings')
  })

  it('CSV report: the CSV reader sees the header on row 1 and the warning on every row', async () => {
    const r = await report(lang, [BROKEN])
    const read = readCsv(new TextEncoder().encode(renderCsv(r)), 'report.csv')
    if (read._tag !== 'Sheets') throw new Error(JSON.stringify(read))
    const sheet = read.sheets[0]
    if (sheet === undefined) throw new Error('no sheet')
    const columns = csvColumns(lang)
    expect(sheet.rows[0]?.map(text)).toEqual(columns)
    expect(sheet.rows).toHaveLength(r.indicators.length + 1)
    for (const row of sheet.rows.slice(1)) {
      expect(row).toHaveLength(columns.length)
      expect(text(row[columns.length - 1])).toBe(BROKEN)
    }
  })
})
