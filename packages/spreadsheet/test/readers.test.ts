// The file readers: cells as exceljs and SheetJS write them, CSV encodings, and files that are
// not what their name says — each a value, never an exception.
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { readCsv, readFigures, readXlsx, type Sheet } from '../src/index'
import { seedState } from './ledger'
import { exceljsBook, sheetjsBook, type TableSpec } from './writers'

const table: TableSpec = {
  表1: [
    ['序号', 2023, '备注'],
    [1, 12.6, 'text'],
    ['14.1', { percent: 0.091 }, null],
    [null, { formula: 'B2*2', result: 25.2 }, { bool: true }],
    [null, { formula: 'B2*3' }, null],
  ],
}

const expectedRows = [
  [
    { kind: 'text', text: '序号' },
    { kind: 'number', value: 2023, format: null },
    { kind: 'text', text: '备注' },
  ],
  [
    { kind: 'number', value: 1, format: null },
    { kind: 'number', value: 12.6, format: null },
    { kind: 'text', text: 'text' },
  ],
  [
    { kind: 'text', text: '14.1' },
    { kind: 'number', value: 0.091, format: '0.0%' },
  ],
  [
    { kind: 'empty' },
    { kind: 'formula', formula: 'B2*2', result: { kind: 'number', value: 25.2, format: null } },
    { kind: 'boolean', value: true },
  ],
  [{ kind: 'empty' }, { kind: 'formula', formula: 'B2*3', result: null }],
]

function only(r: Awaited<ReturnType<typeof readXlsx>>): Sheet | string[] {
  return r._tag === 'Sheets' ? (r.sheets[0] as Sheet) : r.problems.map((p) => p.message)
}

describe('readXlsx', () => {
  it('reads the cells of a workbook written by exceljs', async () => {
    expect(only(await readXlsx(await exceljsBook(table), 'f.xlsx'))).toEqual({
      name: '表1',
      hidden: false,
      rows: expectedRows,
    })
  })

  it('reads the same cells from a workbook written by SheetJS', async () => {
    expect(only(await readXlsx(sheetjsBook(table), 'f.xlsx'))).toEqual({
      name: '表1',
      hidden: false,
      rows: expectedRows,
    })
  })

  it('says what a file that is not a workbook is', async () => {
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])
    expect(only(await readXlsx(xls, 'old.xlsx'))).toEqual([
      'old.xlsx: expected an .xlsx workbook (Office Open XML), got an old binary .xls file (save it as .xlsx)',
    ])
    const zip = new JSZip()
    zip.file('hello.txt', 'hi')
    expect(only(await readXlsx(await zip.generateAsync({ type: 'uint8array' }), 'a.xlsx'))).toEqual(
      ['a.xlsx: expected an .xlsx workbook (Office Open XML), got a workbook without worksheets'],
    )
    expect(only(await readXlsx(new Uint8Array(), 'empty.xlsx'))).toEqual([
      'empty.xlsx: expected an .xlsx workbook (Office Open XML), got a file that is not a zip archive',
    ])
  })
})

describe('readCsv', () => {
  const gb18030 = Uint8Array.from([
    // 序号,2023年\r\n1,12.6\r\n in GB18030
    0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0x32, 0x30, 0x32, 0x33, 0xc4, 0xea, 0x0d, 0x0a, 0x31, 0x2c, 0x31,
    0x32, 0x2e, 0x36, 0x0d, 0x0a,
  ])

  it('reads GB18030 text when told, and refuses it as UTF-8', () => {
    const r = readCsv(gb18030, 'figures.csv', { encoding: 'gb18030' })
    expect(r._tag === 'Sheets' && r.sheets[0]?.rows[0]).toEqual([
      { kind: 'text', text: '序号' },
      { kind: 'text', text: '2023年' },
    ])
    const utf8 = readCsv(gb18030, 'figures.csv')
    expect(utf8._tag === 'Unreadable' && utf8.problems.map((p) => p.message)).toEqual([
      'figures.csv: expected UTF-8 CSV text, got bytes that are not UTF-8 (save it as "CSV UTF-8", or read it as gb18030)',
    ])
  })

  it('refuses UTF-16 text and workbooks named .csv, and points at a broken quote', () => {
    const utf16 = readCsv(Uint8Array.from([0xff, 0xfe, 0x31, 0x00]), 'u.csv')
    expect(utf16._tag === 'Unreadable' && utf16.problems[0]?.message).toBe(
      'u.csv: expected UTF-8 CSV text, got UTF-16 text (save it as "CSV UTF-8")',
    )
    const zip = readCsv(Uint8Array.from([0x50, 0x4b, 3, 4]), 'z.csv')
    expect(zip._tag === 'Unreadable' && zip.problems[0]?.got).toBe(
      'a zip archive (an .xlsx workbook? name it .xlsx)',
    )
    const quote = readCsv(new TextEncoder().encode('序号,2023年\n1,12.6\n2,"3\n'), 'q.csv')
    expect(quote._tag === 'Unreadable' && quote.problems[0]?.message).toMatch(
      /^q\.csv!q!B3: expected well-formed CSV \(fields separated by commas, quotes doubled inside quoted fields\), got a quote opened in this field and never closed \(the file ends inside it\) \(Quote Not Closed/,
    )
    // The cell of the field the quote is in: its record's row, its field's column.
    const cells = ['1,"1"2\n', '1,2,3"4\n', '1,2\n3,"4\n'].map((body) => {
      const r = readCsv(new TextEncoder().encode(`a,b,c\n${body}`), 'q.csv')
      return r._tag === 'Unreadable' && [r.problems[0]?.cell, r.problems[0]?.got.split(' (')[0]]
    })
    expect(cells).toEqual([
      ['B2', 'more text after the quote that closes this field'],
      ['C2', 'a quote inside a field that does not start with one'],
      ['B3', 'a quote opened in this field and never closed'],
    ])
  })

  it('refuses a file cut off: a short last row without a line break, or a character never finished', () => {
    const enc = (t: string) => new TextEncoder().encode(t)
    const header = '序号,指标编号,2024年,状态,备注\r\n1,I08,58000,初步,\r\n'
    // Cut after `620` of `62000`: the status and note cells are gone and so is the line break.
    const cut = readCsv(enc(`${header}2,I09,620`), 'f.csv')
    expect(cut._tag === 'Unreadable' && cut.problems.map((p) => p.message)).toEqual([
      'f.csv!f!C3: expected a last row of 5 cells, as the row above it, ended by a line break, got 3 cell(s) and no line break at the end of the file: it looks cut off (its last figure may be cut short too) — copy or save it whole again',
    ])
    // Whole, the same row is read; a file whose rows are all short, or that ends with a line
    // break, is as its writer made it.
    expect(readCsv(enc(`${header}2,I09,62000,初步,\r\n`), 'f.csv')._tag).toBe('Sheets')
    expect(readCsv(enc(`${header}2,I09,62000,初步,`), 'f.csv')._tag).toBe('Sheets')
    expect(readCsv(enc(`${header}2,I09,620\n`), 'f.csv')._tag).toBe('Sheets')
    expect(readCsv(enc('指标编号,2024年\nI09,62000'), 'f.csv')._tag).toBe('Sheets')
    // Cut inside 初 (three bytes in UTF-8): said so, not that the file is in another encoding.
    const bytes = enc(`${header}2,I09,62000,初`)
    const mid = readCsv(bytes.subarray(0, bytes.length - 1), 'f.csv')
    expect(mid._tag === 'Unreadable' && mid.problems[0]?.got).toBe(
      'a file that ends inside a character (its last bytes begin one that never finishes): it looks cut off — copy or save it whole again',
    )
  })

  it('reads figures from a GB18030 file end to end', async () => {
    const r = await readFigures(
      { name: 'figures.csv', bytes: gb18030 },
      { state: await seedState(), encoding: 'gb18030' },
    )
    expect(r._tag === 'Read' && r.commands.map((c) => [c.indicatorId, c.period, c.value])).toEqual([
      ['I01', '2023', 12.6],
    ])
  })
})
