// Reading figures tables in the plan office's layout: headers in Chinese and English, indicators
// by printed number or id, every problem at its cell, all at once.
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
  InMemoryEventStore,
  isoDate,
  ledgerProjection,
  manualClock,
  replay,
} from '@progress-ledger/core'
import { handleAll, planAdmin, sequentialIds } from '@progress-ledger/commands'
import { readFigures, type FiguresResult } from '../src/index'
import { PLAN_ID, seedState } from './ledger'
import { type CellSpec, csvBytes, exceljsBook, sheetjsBook, type TableSpec } from './writers'

async function xlsx(
  tables: TableSpec,
  context: Record<string, unknown> = {},
): Promise<FiguresResult> {
  return readFigures(
    { name: 'figures.xlsx', bytes: await exceljsBook(tables) },
    { state: await seedState(), ...context },
  )
}

function problems(r: FiguresResult): string[] {
  return r._tag === 'Invalid'
    ? r.problems.map((p) => p.message)
    : [`read ${r.commands.length} figures`]
}

const seedLayout: ReadonlyArray<ReadonlyArray<CellSpec>> = [
  ['表 1 嵊州打造共同富裕示范区县域样板指标体系'],
  [],
  ['类别', '序号', '指 标', '2022 年', '2023年', '指标属性', '责任部门'],
  ['经济 高质量发展', 1, '人均生产总值(万元)', 11.8, 12.6, '评价指标', '市发改局'],
  [null, 6, '规上工业亩均税收(万元)', null, '1,234.5', '评价指标', '市经信局'],
  [
    null,
    '14.1',
    '其中：数字经济核心产业增加值占GDP比重(%)',
    '８．２',
    { percent: 0.091 },
    '评价指标',
    '市经信局',
  ],
  ['(续表)'],
  ['类别', '序号', '指 标', '2022年', '2023年', '指标属性', '责任部门'],
  [null, 'I07', '高技术制造业增加值占规上工业比重(%)', '14.2%', null, '评价指标', '市经信局'],
  ['注：*为嵊州市自选指标。'],
]

describe('the plan office layout (表1)', () => {
  it('reads numbers as printed, ids, full-width digits, separators and percentages', async () => {
    const r = await xlsx({ 表1: seedLayout })
    expect(problems(r)).toEqual(['read 6 figures'])
    if (r._tag !== 'Read') return
    expect(r.planId).toBe(PLAN_ID)
    expect(r.commands.map((c) => [c.indicatorId, c.period, c.value, c.status])).toEqual([
      ['I01', '2022', 11.8, 'preliminary'],
      ['I01', '2023', 12.6, 'preliminary'],
      ['I06', '2023', 1234.5, 'preliminary'],
      ['I14a', '2022', 8.2, 'preliminary'],
      ['I14a', '2023', 9.1, 'preliminary'],
      ['I07', '2022', 14.2, 'preliminary'],
    ])
    expect(r.figures.map((f) => f.origin.cell)).toEqual(['D4', 'E4', 'E5', 'D6', 'E6', 'D9'])
    expect(r.commands[0]?.source).toEqual({ document: 'figures.xlsx!表1!D4' })
    // Each recorded only if it changes the value in force when decided.
    expect(r.commands.every((c) => c.ifChanged === true)).toBe(true)
    expect(r.sheets).toEqual([{ name: '表1', headerRow: 3, figures: 6, skipped: null }])
  })

  it('reads the same table written by SheetJS and as CSV', async () => {
    const state = await seedState()
    const fromSheetjs = await readFigures(
      { name: 'figures.xlsx', bytes: sheetjsBook({ 表1: seedLayout }) },
      { state },
    )
    const asText = seedLayout.map((row) =>
      row.map((c) =>
        c !== null && typeof c === 'object' && 'percent' in c ? `${c.percent * 100}%` : c,
      ),
    )
    const fromCsv = await readFigures({ name: 'figures.csv', bytes: csvBytes(asText) }, { state })
    const fromExceljs = await xlsx({ 表1: seedLayout })
    const strip = (r: FiguresResult) =>
      r._tag === 'Read' ? r.commands.map(({ source: _s, ...c }) => c) : problems(r)
    expect(strip(fromSheetjs)).toEqual(strip(fromExceljs))
    expect(strip(fromCsv)).toEqual(strip(fromExceljs))
    expect(fromCsv._tag === 'Read' && fromCsv.commands[0]?.source).toEqual({
      document: 'figures.csv!figures!D4',
    })
  })

  it('reads English headings, status and notes columns', async () => {
    const r = await xlsx({
      Figures: [
        ['No.', 'Indicator ID', 'Indicator', 'Unit', '2023', 'FY2024', 'Status', 'Notes'],
        [
          '1',
          null,
          'GDP per capita',
          '10,000 yuan',
          12.6,
          null,
          'final',
          'statistics bureau, March',
        ],
        [null, 'i09', null, null, '68,000', null, '正式', null],
        ['13', null, null, null, null, 3.1, '初步', null],
      ],
    })
    expect(problems(r)).toEqual(['read 3 figures'])
    if (r._tag !== 'Read') return
    expect(r.commands).toEqual([
      {
        type: 'ReportValue',
        indicatorId: 'I01',
        period: '2023',
        value: 12.6,
        status: 'final',
        source: { document: 'figures.xlsx!Figures!E2', quote: 'statistics bureau, March' },
        ifChanged: true,
      },
      {
        type: 'ReportValue',
        indicatorId: 'I09',
        period: '2023',
        value: 68000,
        status: 'final',
        source: { document: 'figures.xlsx!Figures!E3' },
        ifChanged: true,
      },
      {
        type: 'ReportValue',
        indicatorId: 'I13',
        period: '2024',
        value: 3.1,
        status: 'preliminary',
        source: { document: 'figures.xlsx!Figures!F4' },
        ifChanged: true,
      },
    ])
  })

  it('passes a unit other than the indicator’s on to the deciders', async () => {
    const r = await xlsx({
      t: [
        ['序号', '单位', '2023年'],
        [1, '元', 126000],
        [6, '万元', 20],
      ],
    })
    expect(r._tag === 'Read' && r.commands.map((c) => c.unit)).toEqual(['元', undefined])
  })

  it('takes the default status from the context', async () => {
    const r = await xlsx(
      {
        t: [
          ['序号', '2023年'],
          [1, 12.6],
        ],
      },
      { defaultStatus: 'final' },
    )
    expect(r._tag === 'Read' && r.commands[0]?.status).toBe('final')
  })
})

describe('problems, every one at its cell, all at once', () => {
  it('lists every bad cell of a table in one go', async () => {
    const r = await xlsx({
      表1: [
        ['序号', '指标', '2023年', '2026年', '联系人', '状态'],
        [6, '规上工业亩均税收', '12,5', null, '张三', null],
        [7, '高技术制造业增加值占规上工业比重', '12%x', null, null, 'maybe'],
        [99, '不存在的指标', 1, null, null, null],
        [1, '人均生产总值', '12万元', 14, null, null],
        [6, '规上工业亩均税收', 13, null, null, null],
        [8, '人均生产总值', 41.5, null, null, null],
        [null, '没有序号', 3, null, null, null],
        ['I10', null, '1.2E+05', null, null, null],
        [9, null, { formula: 'E2*2' }, null, null, null],
        [11, null, { bool: true }, null, null, null],
        [12, null, '12.5%', null, null, null],
      ],
    })
    expect(problems(r)).toEqual([
      'figures.xlsx!表1!E1: expected a known column heading (序号/No., 指标编号/ID, 指标/Indicator, a year such as 2023年 or 2023, 单位/Unit, 责任单位/Responsible, 状态/Status, 备注/Notes, or one shown for information: 类别, 指标属性, 属性, 最新值, 最新值期间, 期间, 最新值状态, 目标, 目标年份, 目标年, 基期值), got "联系人"',
      "figures.xlsx!表1!D1: expected a year within the plan's years 2021–2025, got 2026",
      'figures.xlsx!表1!C2: expected a number, got "12,5"',
      'figures.xlsx!表1!F3: expected a status (preliminary, 初步, 初步数, 快报, 快报数 or final, 正式, 正式数, 最终, 最终数) or nothing, got "maybe"',
      'figures.xlsx!表1!C3: expected a number, got "12%x"',
      `figures.xlsx!表1!A4: expected an indicator number or id of plan ${PLAN_ID}, got 99`,
      'figures.xlsx!表1!C5: expected a number, got "12万元"',
      'figures.xlsx!表1!A6: expected each indicator on one row, got I06 again (first on row 2)',
      'figures.xlsx!表1!B7: expected the name of indicator 8 (战略性新兴产业增加值占规上工业比重), got "人均生产总值"',
      'figures.xlsx!表1!A8: expected an indicator number (as printed in the plan, e.g. 14.1) or id (e.g. I14a), got nothing',
      'figures.xlsx!表1!C9: expected a number written out in full (scientific notation may have lost digits), got "1.2E+05"',
      'figures.xlsx!表1!C10: expected a formula with a saved result (recalculate and save the workbook in Excel, or paste the values), got =E2*2 with no saved result',
      'figures.xlsx!表1!C11: expected a number, got TRUE',
      'figures.xlsx!表1!C12: expected a number in 人/年 (a percent sign only for indicators in %), got "12.5%"',
    ])
  })

  it('takes a formula’s saved result, or refuses formulas when asked to', async () => {
    const table = {
      表1: [
        ['序号', '2023年'],
        [1, { formula: '10+2.6', result: 12.6 }],
      ],
    }
    const cached = await xlsx(table)
    expect(
      cached._tag === 'Read' && [cached.commands[0]?.value, cached.figures[0]?.formula],
    ).toEqual([12.6, true])
    expect(problems(await xlsx(table, { formulas: 'refuse' }))).toEqual([
      'figures.xlsx!表1!B2: expected a value, not a formula (paste the values), got =10+2.6',
    ])
  })

  it('refuses a percentage-formatted figure for an indicator not in %', async () => {
    expect(
      problems(
        await xlsx({
          表1: [
            ['序号', '2023年'],
            [1, { percent: 0.126 }],
          ],
        }),
      ),
    ).toEqual([
      'figures.xlsx!表1!B2: expected a number in 万元 (the cell is formatted as a percentage; the indicator is not in %), got 12.6%',
    ])
  })

  it('refuses the same figure twice across sheets, and ids that disagree with numbers', async () => {
    const r = await xlsx({
      A: [
        ['序号', '2023年'],
        [1, 12.6],
      ],
      B: [
        ['序号', '指标编号', '2023年'],
        [1, 'I01', 12.7],
        [2, 'I03', 15],
      ],
    })
    expect(problems(r)).toEqual([
      'figures.xlsx!B!B3: expected the id of indicator number 2 (I02), got "I03"',
      'figures.xlsx!B!C2: expected one figure for I01 in 2023, got another (the first is figures.xlsx!A!B2)',
    ])
  })

  it('reports a column of figures without a heading and repeated headings', async () => {
    const r = await xlsx({
      t: [
        ['序号', '2023年', null, '2023', '序号'],
        [1, 12.6, 13, null, null],
      ],
    })
    expect(problems(r)).toEqual([
      'figures.xlsx!t!C1: expected a column heading above the data, got an empty heading',
      'figures.xlsx!t!D1: expected one 2023 column, got another (the first is B1)',
      'figures.xlsx!t!E1: expected one number column, got another (the first is A1)',
    ])
  })

  it('names the plans of a ledger of several, the first ten of many', async () => {
    const store = new InMemoryEventStore({ clock: manualClock('2024-03-01T09:00:00.000Z') })
    const adopt = (i: number) => ({
      type: 'AdoptPlan',
      planId: `c${String(i).padStart(2, '0')}`,
      name: { zh: `县${i}` },
      adoptedOn: '2021-08-10',
      baseYear: 2020,
      startYear: 2021,
      endYear: 2025,
    })
    const ctx = { actor: planAdmin('po'), today: isoDate('2024-03-01'), ids: sequentialIds('p') }
    const adopted = await handleAll(
      store,
      Array.from({ length: 12 }, (_, i) => adopt(i)),
      ctx,
    )
    expect(adopted._tag).toBe('Appended')
    const state = replay(ledgerProjection, await store.readAll())
    const table = csvBytes([
      ['指标编号', '2023年'],
      ['I01', 1],
    ])
    const first10 = 'c00, c01, c02, c03, c04, c05, c06, c07, c08, c09, … (12 plans)'
    expect(problems(await readFigures({ name: 'f.csv', bytes: table }, { state }))).toEqual([
      `f.csv: expected a plan id (the ledger holds ${first10}), got nothing`,
    ])
    expect(
      problems(await readFigures({ name: 'f.csv', bytes: table }, { state, planId: 'x' })),
    ).toEqual([`f.csv: expected an adopted plan (${first10}), got "x"`])
  })

  it('names a file without a table, a missing sheet, a damaged file, a wrong extension', async () => {
    const state = await seedState()
    expect(problems(await xlsx({ Notes: [['说明'], ['没有表格']] }))).toEqual([
      'figures.xlsx: expected a sheet with a header row: 序号 (or 指标编号, No., ID) and year columns (2023年 or 2023), within its first 20 rows, got none in "Notes"',
    ])
    expect(problems(await xlsx({ A: [['序号', '2023年']] }, { sheet: 'B' }))).toEqual([
      'figures.xlsx: expected a sheet named "B" (the sheets are "A"), got none',
    ])
    const good = await exceljsBook({
      A: [
        ['序号', '2023年'],
        [1, 12.6],
      ],
    })
    const damaged = await readFigures(
      { name: 'figures.xlsx', bytes: good.subarray(0, good.length - 30) },
      { state },
    )
    expect(problems(damaged)[0]).toMatch(
      /^figures\.xlsx: expected an \.xlsx workbook \(Office Open XML\), got a damaged or truncated file \(its contents do not read: save it again from Excel\)$/,
    )
    expect(problems(await readFigures({ name: 'figures.ods', bytes: good }, { state }))).toEqual([
      'figures.ods: expected a .xlsx or .csv file, got ".ods"',
    ])
  })

  it('skips hidden sheets and sheets without a table, and says so', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('说明').getCell('A1').value = '填报说明'
    const hidden = wb.addWorksheet('old')
    hidden.addRows([
      ['序号', '2023年'],
      [1, 99],
    ])
    hidden.state = 'hidden'
    wb.addWorksheet('表1').addRows([
      ['序号', '2023年'],
      [1, 12.6],
    ])
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer())
    const state = await seedState()
    const r = await readFigures({ name: 'f.xlsx', bytes }, { state })
    expect(r._tag === 'Read' && r.sheets).toEqual([
      { name: '说明', headerRow: null, figures: 0, skipped: 'no header row' },
      { name: 'old', headerRow: null, figures: 0, skipped: 'hidden' },
      { name: '表1', headerRow: 1, figures: 1, skipped: null },
    ])
    expect(r._tag === 'Read' && r.commands.map((c) => c.value)).toEqual([12.6])
    // Asked for by name, a hidden sheet is read.
    const old = await readFigures({ name: 'f.xlsx', bytes }, { state, sheet: 'old' })
    expect(old._tag === 'Read' && old.commands.map((c) => c.value)).toEqual([99])
    // A workbook whose only table is hidden says so.
    wb.removeWorksheet(wb.getWorksheet('表1')?.id ?? -1)
    const onlyHidden = new Uint8Array(await wb.xlsx.writeBuffer())
    expect(problems(await readFigures({ name: 'f.xlsx', bytes: onlyHidden }, { state }))).toEqual([
      'f.xlsx: expected a sheet with a header row: 序号 (or 指标编号, No., ID) and year columns (2023年 or 2023), within its first 20 rows, got none in "说明" (hidden, so not read: "old"; unhide it, or name it as the sheet to read)',
    ])
  })

  it('can leave names unchecked', async () => {
    const r = await xlsx(
      {
        t: [
          ['序号', '指标', '2023年'],
          [1, '人均GDP', 12.6],
        ],
      },
      { names: 'ignore' },
    )
    expect(problems(r)).toEqual(['read 1 figures'])
  })
})
