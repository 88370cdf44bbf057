// Excel out: the plan report as a workbook — sheets, numeric targets and gaps, status colours,
// frozen headers and filters, zh/en, the same bytes for the same report; read back by exceljs and
// by SheetJS.
import ExcelJS from 'exceljs'
import * as XLSX from 'xlsx'
import { describe, expect, it } from 'vitest'
import { isoDate } from '@progress-ledger/core'
import { handleAll, planAdmin, sequentialIds } from '@progress-ledger/commands'
import { evaluatePlan, type Lang, type PlanReport } from '@progress-ledger/reporting'
import { renderXlsx, targetGap } from '../src/index'
import { seedStore, stateOf } from './ledger'

let reports: Partial<Record<Lang, PlanReport>> = {}
let withValues: ReturnType<typeof seedStore> | undefined

async function report(lang: Lang): Promise<PlanReport> {
  const cached = reports[lang]
  if (cached !== undefined) return cached
  withValues ??= valuesStore()
  const e = evaluatePlan(await stateOf(await withValues), { asOf: '2023-12-31', lang })
  if (e._tag !== 'Report') throw new Error(JSON.stringify(e))
  reports = { ...reports, [lang]: e.report }
  return e.report
}

/** The seed plan with a few values, task statuses and a milestone (ILLUSTRATIVE figures). */
async function valuesStore(): ReturnType<typeof seedStore> {
  const store = await seedStore()
  const ctx = {
    actor: planAdmin('plan-office'),
    today: isoDate('2024-03-01'),
    ids: sequentialIds('t'),
  }
  // ILLUSTRATIVE figures, not official statistics.
  const r = await handleAll(
    store,
    [
      ...[
        ['I01', '2023', 12.6],
        ['I07', '2021', 14.5],
        ['I07', '2022', 14.6],
        ['I21', '2021', 1.8],
        ['I21', '2022', 1.77],
        ['I56', '2021', 31],
        ['I56', '2022', 33],
        ['I33', '2022', 71],
      ].map(([indicatorId, period, value]) => ({
        type: 'ReportValue',
        indicatorId,
        period,
        value,
        status: 'final',
        illustrative: true,
      })),
      {
        type: 'ReportTaskStatus',
        taskId: 'T01',
        status: 'in-progress',
        progress: 40,
        validTime: '2022-12-31',
      },
      { type: 'ReportTaskStatus', taskId: 'T02', status: 'delayed', validTime: '2022-12-31' },
      {
        type: 'PlanMilestone',
        projectId: 'F01',
        milestoneId: 'F01-start',
        title: { zh: '开工', en: 'Construction starts' },
        kind: 'start',
        planned: { date: '2022-06', precision: 'month' },
      },
    ],
    ctx,
  )
  if (r._tag !== 'Appended') throw new Error(JSON.stringify(r).slice(0, 500))
  return store
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Uint8Array.from(bytes).buffer)
  return wb
}

describe('renderXlsx', () => {
  it('writes summary, indicators, departments, tasks, projects and milestones sheets', async () => {
    const wb = await load(await renderXlsx(await report('zh')))
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '概况',
      '指标',
      '责任单位',
      '任务',
      '项目',
      '里程碑',
    ])
    const ws = wb.getWorksheet('指标') as ExcelJS.Worksheet
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '序号',
      '指标编号',
      '指标',
      '类别',
      '属性',
      '单位',
      '基期值',
      '期间',
      '最新值',
      '期间',
      '目标',
      '目标值',
      '比较',
      '目标年',
      '差距',
      '目标年预测值',
      '预计实现日期',
      '按当前速度到期可实现',
      '状态',
      '预计到期难以实现',
      '评价',
      '亮灯',
      '方法',
      '责任单位',
      '示例数据',
    ])
    const r = await report('zh')
    expect(ws.actualRowCount).toBe(1 + r.indicators.length)
  })

  it('gives each indicator its numeric target, comparison, gap and forecast', async () => {
    const r = await report('zh')
    const wb = await load(await renderXlsx(r))
    const ws = wb.getWorksheet('指标') as ExcelJS.Worksheet
    const row = (id: string) => {
      const k = r.indicators.findIndex((i) => i.indicatorId === id)
      const v = ws.getRow(2 + k).values as unknown[]
      return {
        number: v[1],
        id: v[2],
        latest: v[9],
        target: v[11],
        value: v[12],
        comparison: v[13],
        due: v[14],
        gap: v[15],
      }
    }
    // I01 has a 2023 figure: graded against the 2025 target. The others have none after 2022:
    // their status is that of the 2022 segment, and so are target and gap. Without any figure
    // (I05) the first segment is the one reporting grades.
    expect(row('I01')).toEqual({
      number: '1',
      id: 'I01',
      latest: 12.6,
      target: '14',
      value: 14,
      comparison: '≥',
      due: 2025,
      gap: 1.4,
    })
    expect(row('I07')).toEqual({
      number: '7',
      id: 'I07',
      latest: 14.6,
      target: '14',
      value: 14,
      comparison: '≥',
      due: 2022,
      gap: 0,
    })
    // 1.77 already meets the final target (< 1.8): graded against it.
    expect(row('I21')).toEqual({
      number: '21',
      id: 'I21',
      latest: 1.77,
      target: '<1.8',
      value: 1.8,
      comparison: '<',
      due: 2025,
      gap: 0,
    })
    expect(row('I56')).toEqual({
      number: '56',
      id: 'I56',
      latest: 33,
      target: '29',
      value: 29,
      comparison: '≤',
      due: 2022,
      gap: 4,
    })
    expect(row('I33')).toEqual({
      number: '33',
      id: 'I33',
      latest: 71,
      target: '≥66.5',
      value: 66.5,
      comparison: '≥',
      due: 2022,
      gap: 0,
    })
    expect(row('I05')).toEqual({
      number: '5',
      id: 'I05',
      latest: undefined,
      target: '逐年下降',
      value: undefined,
      comparison: undefined,
      due: 2022,
      gap: undefined,
    })
    const i01 = r.indicators.find((i) => i.indicatorId === 'I01')
    const k = r.indicators.findIndex((i) => i.indicatorId === 'I01')
    expect(i01?.forecast?.projected).toBeGreaterThan(0)
    expect(ws.getCell(2 + k, 16).value).toBe(i01?.forecast?.projected)
  })

  it('fills every status cell with its traffic light, freezes the header and sets filters', async () => {
    const r = await report('zh')
    const wb = await load(await renderXlsx(r))
    const ws = wb.getWorksheet('指标') as ExcelJS.Worksheet
    const fills = {
      green: 'FFC6EFCE',
      yellow: 'FFFFEB9C',
      red: 'FFFFC7CE',
      grey: 'FFEDEDED',
    } as const
    r.indicators.forEach((i, k) => {
      const cell = ws.getCell(2 + k, 19)
      expect([i.indicatorId, cell.value, (cell.fill as ExcelJS.FillPattern).fgColor?.argb]).toEqual(
        [
          i.indicatorId,
          {
            achieved: '已实现',
            'on-track': '符合进度',
            'needs-acceleration': '需加快',
            'off-track': '滞后',
            'target-pending': '目标待定',
            'no-data': '数据不足',
            observed: '观察',
          }[i.status],
          fills[i.light],
        ],
      )
    })
    expect(new Set(r.indicators.map((i) => i.light))).toEqual(new Set(['green', 'red', 'grey']))
    for (const name of ['指标', '责任单位', '任务', '项目', '里程碑']) {
      const sheet = wb.getWorksheet(name) as ExcelJS.Worksheet
      expect([name, sheet.views[0]?.state, (sheet.views[0] as { ySplit?: number }).ySplit]).toEqual(
        [name, 'frozen', 1],
      )
      // The filter spans the heading row's columns (fewer than 27 here) and every row.
      const lastColumn = String.fromCharCode(64 + sheet.getRow(1).cellCount)
      expect([name, sheet.autoFilter]).toEqual([name, `A1:${lastColumn}${sheet.actualRowCount}`])
    }
  })

  it('writes the scorecard, tasks with their statuses and milestones', async () => {
    const r = await report('en')
    const wb = await load(await renderXlsx(r))
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Indicators',
      'Departments',
      'Tasks',
      'Projects',
      'Milestones',
    ])
    const dep = wb.getWorksheet('Departments') as ExcelJS.Worksheet
    expect(dep.actualRowCount).toBe(1 + r.departments.length)
    expect((dep.getRow(2).values as unknown[]).slice(1, 7)).toEqual([
      r.departments[0]?.rank,
      r.departments[0]?.name.en ?? r.departments[0]?.name.zh,
      r.departments[0]?.indicators,
      r.departments[0]?.graded,
      r.departments[0]?.onSchedule,
      r.departments[0]?.shareOnSchedule ?? undefined,
    ])
    const tasks = wb.getWorksheet('Tasks') as ExcelJS.Worksheet
    const t02 = r.tasks.findIndex((t) => t.taskId === 'T02')
    expect(tasks.getCell(2 + t02, 5).value).toBe('Delayed')
    expect((tasks.getCell(2 + t02, 5).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE')
    const t01 = r.tasks.findIndex((t) => t.taskId === 'T01')
    expect([tasks.getCell(2 + t01, 5).value, tasks.getCell(2 + t01, 6).value]).toEqual([
      'In progress',
      40,
    ])
    const ms = wb.getWorksheet('Milestones') as ExcelJS.Worksheet
    const m = r.projects.find((p) => p.projectId === 'F01')?.milestones[0]
    expect(m?.slipDays).toBe(549)
    expect((ms.getRow(2).values as unknown[]).slice(1)).toEqual([
      'F01',
      'Construction starts',
      'start',
      new Date('2022-06-30T00:00:00.000Z'),
      undefined,
      undefined,
      549,
      'yes',
    ])
    expect((ms.getCell('H2').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE')
    const summary = wb.getWorksheet('Summary') as ExcelJS.Worksheet
    expect(summary.getCell('A2').value).toBe('As of')
    expect(summary.getCell('B2').value).toEqual(new Date('2023-12-31T00:00:00.000Z'))
  })

  it("writes each indicator's unit in the report's language, as the other formats do", async () => {
    for (const lang of ['en', 'zh'] as const) {
      const r = await report(lang)
      const ws = (await load(await renderXlsx(r))).getWorksheet(
        lang === 'en' ? 'Indicators' : '指标',
      ) as ExcelJS.Worksheet
      const units = new Map<unknown, unknown>()
      ws.eachRow((row, n) => {
        if (n > 1) units.set(row.getCell(2).value, row.getCell(6).value)
      })
      const translated = r.indicators.filter((i) => i.unitEn !== null && i.unitEn !== i.unit)
      expect(translated.length).toBeGreaterThan(0)
      for (const i of translated)
        expect([i.indicatorId, units.get(i.indicatorId)]).toEqual([
          i.indicatorId,
          lang === 'en' ? i.unitEn : i.unit,
        ])
    }
  })

  it('gives the same bytes for the same report, dated by the report unless told otherwise', async () => {
    const r = await report('zh')
    const a = await renderXlsx(r)
    expect(Buffer.from(a).equals(Buffer.from(await renderXlsx(r)))).toBe(true)
    const wb = await load(a)
    expect([wb.creator, wb.created.toISOString()]).toEqual([
      'progress-ledger',
      '2023-12-31T00:00:00.000Z',
    ])
    const later = await renderXlsx(r, { at: '2023-01-02T08:00:00.000Z' })
    expect((await load(later)).modified.toISOString()).toBe('2023-01-02T08:00:00.000Z')
    await expect(renderXlsx(r, { at: 'soon' })).rejects.toThrow('options.at: expected an instant')
  })

  it('is read by SheetJS, an independent reader', async () => {
    const r = await report('en')
    const wb = XLSX.read(await renderXlsx(r), { type: 'buffer' })
    expect(wb.SheetNames).toEqual([
      'Summary',
      'Indicators',
      'Departments',
      'Tasks',
      'Projects',
      'Milestones',
    ])
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(
      wb.Sheets['Indicators'] as XLSX.WorkSheet,
    )
    expect(rows).toHaveLength(r.indicators.length)
    const i01 = rows.find((x) => x['Indicator ID'] === 'I01')
    expect(r.indicators.find((i) => i.indicatorId === 'I01')?.status).toBe('on-track')
    expect([i01?.['Target value'], i01?.['Gap'], i01?.['Status']]).toEqual([14, 1.4, 'On track'])
    expect((wb.Sheets['Indicators'] as XLSX.WorkSheet)['!autofilter']).toEqual({
      ref: `A1:Y${r.indicators.length + 1}`,
    })
  })

  it('marks the indicators at risk and counts them in the summary', async () => {
    const base = await report('en')
    // Two indicators flagged: the renderer shows the flag the report carries.
    const flagged = new Set(base.indicators.slice(0, 2).map((i) => i.indicatorId))
    const r = {
      ...base,
      indicators: base.indicators.map((i) =>
        flagged.has(i.indicatorId) ? { ...i, atRisk: true } : i,
      ),
    }
    const wb = await load(await renderXlsx(r))
    const ws = wb.getWorksheet('Indicators') as ExcelJS.Worksheet
    expect(ws.getCell(1, 20).value).toBe('At risk')
    r.indicators.forEach((i, k) => {
      expect([i.indicatorId, ws.getCell(2 + k, 20).value]).toEqual([
        i.indicatorId,
        i.atRisk ? 'At risk' : null,
      ])
    })
    const summary = wb.getWorksheet('Summary') as ExcelJS.Worksheet
    let column = 0
    let overall = 0
    summary.eachRow((row, n) => {
      row.eachCell((cell, c) => {
        if (cell.value === 'At risk') column = c
        if (cell.value === 'Overall') overall = n
      })
    })
    expect(column).toBeGreaterThan(0)
    expect(summary.getCell(overall, column).value).toBe(2)
  })

  it('gives, at the mid-term, the gap and due year the other formats give', async () => {
    await report('zh')
    const state = await stateOf(await (withValues as ReturnType<typeof seedStore>))
    const e = evaluatePlan(state, { asOf: '2022-12-31', lang: 'zh' })
    if (e._tag !== 'Report') throw new Error(e._tag)
    const r = e.report
    const ws = (await load(await renderXlsx(r))).getWorksheet('指标') as ExcelJS.Worksheet
    let compared = 0
    r.indicators.forEach((i, k) => {
      if (i.gap === null) return
      compared++
      expect([i.indicatorId, ws.getCell(2 + k, 14).value, ws.getCell(2 + k, 15).value]).toEqual([
        i.indicatorId,
        i.gap.dueYear,
        Math.max(0, i.gap.value),
      ])
    })
    expect(compared).toBeGreaterThan(3)
  })

  it('agrees with targetGap for every indicator', async () => {
    const r = await report('zh')
    const ws = (await load(await renderXlsx(r))).getWorksheet('指标') as ExcelJS.Worksheet
    r.indicators.forEach((i, k) => {
      const g = targetGap(i)
      expect([i.indicatorId, ws.getCell(2 + k, 12).value, ws.getCell(2 + k, 15).value]).toEqual([
        i.indicatorId,
        g?.value ?? null,
        g?.gap ?? null,
      ])
    })
  })
})
