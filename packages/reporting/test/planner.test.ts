// Statuses a planner would question, one test each: a share near 100 % rising steadily, a
// direction read from falling targets, a green status hiding a forecast miss, and a project
// reported before any plan was adopted. Values are ILLUSTRATIVE.
import {
  asOf,
  type EventInput,
  isoDate,
  type LedgerState,
  ledgerProjection,
  period,
  replay,
} from '@progress-ledger/core'
import { fixtures, recorded } from '@progress-ledger/testkit'
import { describe, expect, it } from 'vitest'
import {
  evaluatePlan,
  evaluateProjectTimeline,
  type IndicatorReport,
  type PlanReport,
  renderCsv,
  renderHtml,
  renderJson,
  renderMarkdown,
  renderNote,
  renderProjectText,
} from '../src/index'

const ADOPT = isoDate('2021-08-10')

function indicator(
  id: string,
  zh: string,
  unit: string,
  direction: 'higher' | 'lower' | 'neutral',
): EventInput {
  return {
    id: `${id}-defined`,
    type: 'IndicatorDefined',
    validTime: ADOPT,
    actor: 'plan-office',
    data: {
      planId: 'sz',
      indicatorId: id,
      number: id.slice(1),
      name: { zh },
      unit,
      categoryId: 'economy',
      attribute: 'evaluation',
      selfSelected: false,
      departments: ['fgj'],
      direction,
      periodicity: 'year',
    },
  }
}
const target = (
  id: string,
  year: number,
  role: 'interim' | 'final',
  expression: Extract<EventInput, { type: 'TargetSet' }>['data']['expression'],
  printed: string,
): EventInput => ({
  id: `${id}-t${year}`,
  type: 'TargetSet',
  validTime: ADOPT,
  actor: 'plan-office',
  data: { indicatorId: id, targetId: `${id}-${year}`, dueYear: year, role, expression, printed },
})
const baseline = (id: string, value: number): EventInput => ({
  id: `${id}-base`,
  type: 'BaselineSet',
  validTime: isoDate('2020-12-31'),
  actor: 'tjj',
  data: { indicatorId: id, period: period('2020'), value, illustrative: true },
})
const values = (id: string, series: ReadonlyArray<readonly [number, number]>): EventInput[] =>
  series.map(([year, value]) => ({
    id: `${id}-v${year}`,
    type: 'ValueReported',
    validTime: isoDate(`${year}-12-31`),
    actor: 'fgj',
    data: {
      indicatorId: id,
      period: period(String(year)),
      value,
      status: 'final',
      illustrative: true,
    },
  }))

const plan: EventInput[] = [
  fixtures.planAdopted,
  fixtures.categoryDefined,
  fixtures.departmentRegistered,
]

function ledger(events: ReadonlyArray<EventInput>): LedgerState {
  return replay(ledgerProjection, recorded(events, { at: '2026-03-01' }))
}
function report(state: LedgerState, day: string, options: Record<string, unknown> = {}) {
  const r = evaluatePlan(asOf(state, { validTime: isoDate(day) }), {
    asOf: day,
    lang: 'zh',
    ...options,
  })
  if (r._tag !== 'Report') throw new Error(JSON.stringify(r))
  return r.report
}
const ind = (r: PlanReport, id: string): IndicatorReport => {
  const i = r.indicators.find((x) => x.indicatorId === id)
  if (i === undefined) throw new Error(id)
  return i
}

describe('群众获得感幸福感安全感满意度 (%) rising every year against 稳步提升', () => {
  // I64 in the seed: 96.5 → 98.1 over five years, a share that cannot pass 100.
  const state = ledger([
    ...plan,
    indicator('I64', '群众获得感幸福感安全感满意度', '%', 'higher'),
    target('I64', 2025, 'final', { kind: 'trend', direction: 'rise', pace: 'steady' }, '稳步提升'),
    baseline('I64', 96.5),
    ...values('I64', [
      [2021, 96.8],
      [2022, 97.2],
      [2023, 97.5],
      [2024, 97.8],
      [2025, 98.1],
    ]),
  ])
  it('is on track: the natural limit of 100 for % scales the growth thresholds down by default', () => {
    const i = ind(report(state, '2025-12-31'), 'I64')
    expect([i.status, i.grade, i.method]).toEqual([
      'on-track',
      'substantial-progress',
      'trend-statcan',
    ])
    // C = 1 − 0.965^4.44 = 0.1463: the 1.5 % threshold becomes 0.22 %, and 0.33 % a year passes
    expect(i.explanation.numbers['C']).toBeCloseTo(0.1463, 4)
    expect(i.explanation.notes).toContainEqual({
      _tag: 'NaturalLimit',
      limit: 100,
      source: 'unit',
      unit: '%',
    })
    expect(renderNote(i.explanation.notes[i.explanation.notes.length - 1]!, 'zh')).toContain(
      '自然上限 L = 100',
    )
  })
  it('would be off track without the limit (what the report said before)', () => {
    const i = ind(report(state, '2025-12-31', { naturalLimitsByUnit: {} }), 'I64')
    expect(i.status).toBe('off-track')
  })
})

describe('居民人均可支配收入与人均GDP之比: 0.55 (2022) → 0.54 (2025), no direction printed', () => {
  const state = ledger([
    ...plan,
    indicator('I25', '居民人均可支配收入与人均GDP之比', '', 'neutral'),
    target(
      'I25',
      2022,
      'interim',
      { kind: 'level', value: 0.55, direction: 'lower', inferred: true },
      '0.55',
    ),
    target(
      'I25',
      2025,
      'final',
      { kind: 'level', value: 0.54, direction: 'lower', inferred: true },
      '0.54',
    ),
    baseline('I25', 0.56),
    ...values('I25', [
      [2021, 0.555],
      [2022, 0.55],
      [2023, 0.547],
    ]),
  ])
  const r = report(state, '2023-12-31')
  const i = ind(r, 'I25')
  it('shows the inferred direction in the explanation', () => {
    expect(i.targets.map((t) => [t.meaning, t.inference?.from])).toEqual([
      ['≤0.55', 'falling-targets'],
      ['≤0.54', 'falling-targets'],
    ])
    expect(i.explanation.notes).toContainEqual({
      _tag: 'DirectionInferred',
      direction: 'lower',
      from: 'falling-targets',
      value: 0.54,
      other: 0.55,
    })
  })
  it('and in the tables of every format', () => {
    expect(renderMarkdown(r)).toContain('≤0.54（2025），由逐期下降的目标推定')
    expect(renderHtml(r)).toContain('≤0.54（2025），由逐期下降的目标推定')
    const en = report(state, '2023-12-31', { lang: 'en' })
    expect(renderMarkdown(en)).toContain('≤0.54 (2025), inferred from the falling targets')
    expect(JSON.parse(renderJson(en)).indicators[0].target).toMatchObject({
      meaning: '≤0.54',
      inference: { direction: 'lower', from: 'falling-targets', other: 0.55 },
    })
  })
})

describe('an indicator met early and falling back: achieved, and at risk', () => {
  // Illustrative: ≥44 by 2025 met in 2022 (46), but 45 in 2023; from 2022's 46 the compound pace
  // reaches about 43 by 2025. Its row must not say 已实现 beside a forecast of 达不到目标 unflagged.
  const state = ledger([
    ...plan,
    indicator('I15', '战略性新兴产业增加值占比', '%', 'higher'),
    target(
      'I15',
      2022,
      'interim',
      { kind: 'level', value: 40, direction: 'higher', inferred: true },
      '40',
    ),
    target(
      'I15',
      2025,
      'final',
      { kind: 'level', value: 44, direction: 'higher', inferred: true },
      '44',
    ),
    baseline('I15', 36),
    ...values('I15', [
      [2021, 41],
      [2022, 46],
      [2023, 45],
    ]),
  ])
  const i = ind(report(state, '2023-12-31'), 'I15')
  it('keeps its status and is flagged, with the forecast in its sentence', () => {
    expect(i.status).toBe('achieved')
    expect(i.forecast?.meetsByDue).toBe(false)
    expect(i.atRisk).toBe(true)
    expect(i.summary).toContain('达不到目标≥44%')
  })
})

describe('全员劳动生产率: green today, forecast to miss 19 by 2025', () => {
  // I02 of the seed's illustrative history as of 2023: ahead of the time-proportional line, but
  // growth slowing so that the compound pace from 2022 reaches only about 18.56 by 2025.
  const state = ledger([
    ...plan,
    indicator('I02', '全员劳动生产率', '万元', 'higher'),
    target(
      'I02',
      2022,
      'interim',
      { kind: 'level', value: 15.6, direction: 'higher', inferred: true },
      '15.6',
    ),
    target(
      'I02',
      2025,
      'final',
      { kind: 'level', value: 19, direction: 'higher', inferred: true },
      '19',
    ),
    baseline('I02', 13.33),
    ...values('I02', [
      [2021, 14.5],
      [2022, 15.7],
      [2023, 16.6],
    ]),
  ])
  const r = report(state, '2023-12-31')
  const i = ind(r, 'I02')
  it('is on track by 序时进度 but at risk, with the forecast and the gap', () => {
    expect(i.status).toBe('on-track')
    expect(i.forecast?.meetsByDue).toBe(false)
    expect(i.forecast?.projected).toBeCloseTo(18.56, 2)
    expect(i.atRisk).toBe(true)
    expect(i.gap).toMatchObject({ dueYear: 2025, target: 19 })
    expect(i.gap?.value).toBeCloseTo(2.4, 10)
    expect(i.summary).toContain('达不到目标≥19万元')
  })
  it('is on the attention list and flagged wherever its status is shown', () => {
    expect(r.attention.indicators.map((a) => [a.indicator.indicatorId, a.reason])).toEqual([
      ['I02', 'at-risk'],
    ])
    expect(renderMarkdown(r)).toContain('符合进度 · 预计到期难以实现')
    // The explanation says its sentence once, with the forecast added (it said it twice).
    const details = renderMarkdown(r).split('## 说明')[1] ?? ''
    const sentence = '按序时进度应完成33.3%，实际完成27.3%，落后6.1个百分点。'
    expect(details.split(sentence).length - 1).toBe(1)
    expect(details).toContain(`- ${i.summary}`)
    expect(renderHtml(r)).toContain('<span class="risk">预计到期难以实现</span>')
    const csv = renderCsv(r).split('\r\n')
    const risk = csv[0]!.split(',').indexOf('预计到期难以实现')
    expect(csv[1]!.split(',')[risk]).toBe('true')
    const json = JSON.parse(renderJson(r))
    expect(json.attention.indicators).toEqual([{ id: 'I02', reason: 'at-risk', why: i.summary }])
    expect(json.summary.atRisk).toBe(1)
  })
})

describe('the railway before the plan', () => {
  const rail = ledger([
    fixtures.railwayDefined,
    fixtures.tunnelPlanned,
    fixtures.tunnelForecast,
    fixtures.tunnelMet,
    fixtures.lineOpened,
    ...plan,
  ])
  it('has no plan report as of 2019-12-31, but a project report', () => {
    const cut = asOf(rail, { validTime: isoDate('2019-12-31') })
    expect(evaluatePlan(cut, { asOf: '2019-12-31', lang: 'zh' })._tag).toBe('PlanNotFound')
    const r = evaluateProjectTimeline(cut, { projectId: 'hangtai', asOf: '2019-12-31', lang: 'en' })
    if (r._tag !== 'ProjectReport') throw new Error(r._tag)
    expect(r.report.planId).toBe(null)
    expect(r.report.project).toMatchObject({
      plannedTotal: 1,
      plannedMet: 1,
      unplannedMet: 0,
      total: 1,
    })
    expect(renderProjectText(r.report)).toContain('2019-09-30  隧道贯通')
  })
  it('counts planned milestones from when they were planned, unplanned ones from when they were met', () => {
    const at = (day: string) => {
      const r = evaluateProjectTimeline(asOf(rail, { validTime: isoDate(day) }), {
        projectId: 'hangtai',
        asOf: day,
        lang: 'zh',
      })
      if (r._tag !== 'ProjectReport') throw new Error(r._tag)
      return r.report.project
    }
    expect([at('2018-06-30').plannedTotal, at('2018-06-30').total]).toEqual([1, 1])
    // the same, uncut ledger as of an earlier day: the opening (unplanned, met 2022) is not counted yet
    const whole = evaluateProjectTimeline(rail, {
      projectId: 'hangtai',
      asOf: '2020-12-31',
      lang: 'zh',
    })
    expect(whole._tag === 'ProjectReport' && whole.report.project.total).toBe(1)
    expect([
      at('2022-12-31').plannedTotal,
      at('2022-12-31').unplannedMet,
      at('2022-12-31').total,
    ]).toEqual([1, 1, 2])
    expect(at('2022-12-31').milestones.map((m) => m.milestoneId)).toEqual(['tunnel', 'opened'])
  })
})
