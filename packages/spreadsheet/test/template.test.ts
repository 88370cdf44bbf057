// The template to fill in: its content, validation and layout, read back before and after it is
// filled in — by exceljs and by SheetJS, an independent writer.
import ExcelJS from 'exceljs'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { readFigures, writeTemplate, type TemplateResult } from '../src/index'
import { PLAN_ID, seedState } from './ledger'

const AT = '2024-01-05T09:00:00.000Z'

async function template(
  options: Partial<Parameters<typeof writeTemplate>[1]> = {},
): Promise<Uint8Array> {
  const r: TemplateResult = await writeTemplate(await seedState(), {
    year: 2023,
    at: AT,
    ...options,
  })
  if (r._tag !== 'Template') throw new Error(r.issues.map((i) => i.message).join('\n'))
  return r.bytes
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Uint8Array.from(bytes).buffer)
  return wb
}

describe('the template for a plan and a year', () => {
  it('has a row per indicator with number, id, name, unit, owners, last value and target', async () => {
    const wb = await load(await template())
    expect(wb.worksheets.map((w) => w.name)).toEqual(['2023年', '填报说明'])
    const ws = wb.worksheets[0] as ExcelJS.Worksheet
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '序号',
      '指标编号',
      '指标',
      '单位',
      '责任单位',
      '最新值',
      '最新值期间',
      '最新值状态',
      '目标',
      '目标年份',
      '2023年',
      '状态',
      '备注',
    ])
    const state = await seedState()
    const yearly = state.indicators
      .toArray()
      .filter((i) => i.definitions.at(-1)?.definition.periodicity === 'year')
    expect(ws.actualRowCount).toBe(2 + yearly.length)
    expect(ws.getRow(3).values).toEqual([
      undefined,
      '1',
      'I01',
      '人均生产总值',
      '万元',
      '市发改局',
      11.8,
      '2022',
      '初步',
      '14',
      2025,
    ])
    const i09 = ws.getRow(11).values
    expect(i09).toEqual([
      undefined,
      '9',
      'I09',
      '居民人均可支配收入',
      '元',
      '市发改局、市人力社保局、市农业农村局',
      undefined,
      undefined,
      undefined,
      '75000',
      2025,
    ])
    const numbers = Array.from({ length: yearly.length }, (_, k) => ws.getCell(3 + k, 1).value)
    expect(numbers.slice(12, 17)).toEqual(['13', '14', '14.1', '15', '16'])
  })

  it('validates the input column as decimals and the status as a list, and freezes the header', async () => {
    const wb = await load(await template())
    const ws = wb.worksheets[0] as ExcelJS.Worksheet
    expect(ws.getCell('K3').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      showErrorMessage: true,
      formulae: [-1e15, 1e15],
    })
    expect(ws.getCell('L70').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"初步,正式"'],
    })
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 2 })
    expect(ws.getColumn(3).width).toBe(44)
    expect(ws.getCell('K3').fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFF2CC' } })
    expect([wb.creator, wb.created.toISOString(), wb.modified.toISOString()]).toEqual([
      'progress-ledger',
      AT,
      AT,
    ])
  })

  it('is written in English on request, and reads back without a figure', async () => {
    const bytes = await template({ lang: 'en' })
    const wb = await load(bytes)
    const ws = wb.worksheets[0] as ExcelJS.Worksheet
    expect(wb.worksheets.map((w) => w.name)).toEqual(['2023', 'Instructions'])
    expect(ws.getRow(2).values).toEqual([
      undefined,
      'No.',
      'Indicator ID',
      'Indicator',
      'Unit',
      'Responsible',
      'Latest value',
      'Latest period',
      'Latest status',
      'Target',
      'Due year',
      '2023',
      'Status',
      'Notes',
    ])
    expect(ws.getRow(3).values).toEqual([
      undefined,
      '1',
      'I01',
      'GDP per capita',
      '10,000 yuan',
      'Development and Reform Bureau',
      11.8,
      '2022',
      'preliminary',
      '14',
      2025,
    ])
    expect(ws.getCell('L3').dataValidation.formulae).toEqual(['"preliminary,final"'])
    const r = await readFigures({ name: 'template.xlsx', bytes }, { state: await seedState() })
    expect(r._tag === 'Read' && [r.commands, r.sheets.map((s) => s.skipped)]).toEqual([
      [],
      [null, 'no header row'],
    ])
  })

  it('gives the same bytes for the same input, and records the time it is given', async () => {
    const a = await template()
    const b = await template()
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    const c = await template({ at: '2024-01-06T09:00:00.000Z' })
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false)
  })

  it('refuses options it cannot honour, naming each', async () => {
    const state = await seedState()
    const r = await writeTemplate(state, { year: 2030, at: 'yesterday', planId: PLAN_ID })
    expect(r._tag === 'InvalidOptions' && r.issues.map((i) => i.message)).toEqual([
      'options.at: expected an instant YYYY-MM-DDTHH:mm:ss.sssZ, got "yesterday"',
      "options.year: expected a year within the plan's years 2021–2025, got 2030",
    ])
    const other = await writeTemplate(state, { year: 2023, at: AT, planId: 'nope' })
    expect(other._tag === 'InvalidOptions' && other.issues.map((i) => i.message)).toEqual([
      `options.planId: expected an adopted plan (${PLAN_ID}), got "nope"`,
    ])
  })
})

describe('the template filled in and read back', () => {
  const expected = [
    ['I01', '2023', 12.6, 'final', 'figures.xlsx!2023年!K3', '统计局快报'],
    ['I06', '2023', 1234.5, 'preliminary', 'figures.xlsx!2023年!K8', undefined],
    ['I07', '2023', 15.1, 'preliminary', 'figures.xlsx!2023年!K9', undefined],
    ['I14a', '2023', 9.2, 'final', 'figures.xlsx!2023年!K17', undefined],
  ]
  const summary = (r: Awaited<ReturnType<typeof readFigures>>) =>
    r._tag === 'Read'
      ? r.commands.map((c) => [
          c.indicatorId,
          c.period,
          c.value,
          c.status,
          c.source?.document,
          c.source?.quote,
        ])
      : r.problems.map((p) => p.message)

  it('by SheetJS: values, text with separators, a percentage, a status, a note', async () => {
    const wb = XLSX.read(await template(), { type: 'buffer' })
    const ws = wb.Sheets['2023年'] as XLSX.WorkSheet
    expect(ws['B17']?.v).toBe('I14a')
    ws['K3'] = { t: 'n', v: 12.6 }
    ws['L3'] = { t: 's', v: '正式' }
    ws['M3'] = { t: 's', v: '统计局快报' }
    ws['K8'] = { t: 's', v: '1,234.5' }
    ws['K9'] = { t: 'n', v: 0.151, z: '0.0%' }
    ws['K17'] = { t: 's', v: '９.２' }
    ws['L17'] = { t: 's', v: 'final' }
    const filled = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    const r = await readFigures(
      { name: 'figures.xlsx', bytes: filled },
      { state: await seedState() },
    )
    expect(summary(r)).toEqual(expected)
  })

  it('by exceljs, the same', async () => {
    const wb = await load(await template())
    const ws = wb.getWorksheet('2023年') as ExcelJS.Worksheet
    ws.getCell('K3').value = 12.6
    ws.getCell('L3').value = '正式'
    ws.getCell('M3').value = '统计局快报'
    ws.getCell('K8').value = '1,234.5'
    ws.getCell('K9').value = 0.151
    // Cells read by exceljs share their style objects: give K9 a style of its own.
    ws.getCell('K9').style = { ...ws.getCell('K9').style, numFmt: '0.0%' }
    ws.getCell('K17').value = '９.２'
    ws.getCell('L17').value = 'final'
    const filled = new Uint8Array(await wb.xlsx.writeBuffer())
    const r = await readFigures(
      { name: 'figures.xlsx', bytes: filled },
      { state: await seedState() },
    )
    expect(summary(r)).toEqual(expected)
  })

  it('reports a figure typed into a template as text with a unit at its cell', async () => {
    const wb = XLSX.read(await template(), { type: 'buffer' })
    const ws = wb.Sheets['2023年'] as XLSX.WorkSheet
    ws['K3'] = { t: 's', v: '12.6万元' }
    ws['L4'] = { t: 's', v: '待定' }
    ws['K4'] = { t: 'n', v: 16 }
    const filled = new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    const r = await readFigures(
      { name: 'figures.xlsx', bytes: filled },
      { state: await seedState() },
    )
    expect(summary(r)).toEqual([
      'figures.xlsx!2023年!K3: expected a number, got "12.6万元"',
      'figures.xlsx!2023年!L4: expected a status (preliminary, 初步, 初步数, 快报, 快报数 or final, 正式, 正式数, 最终, 最终数) or nothing, got "待定"',
    ])
  })
})
