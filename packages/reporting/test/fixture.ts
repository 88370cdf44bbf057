// A small Shengzhou-shaped ledger for the reporting tests. Values after 2020 are ILLUSTRATIVE
// (marked so in the events), not official statistics; targets are as printed in 表1.
import {
  type EventInput,
  isoDate,
  type IsoDate,
  type LedgerState,
  ledgerProjection,
  period,
  type PeriodKey,
  replay,
} from '@progress-ledger/core'
import { fixtures, recorded } from '@progress-ledger/testkit'

export const d = (s: string): IsoDate => isoDate(s)
const p = (s: string): PeriodKey => period(s)

/** GDP per capita as testkit's fixture defines it, with its number in 表1 (its 2025 target is testkit's too). */
const gdpDefined: EventInput = {
  ...fixtures.gdpDefined,
  data: { ...fixtures.gdpDefined.data, number: '1' },
}

const ADOPT = '2021-08-10'
const office = 'plan-office'

function indicator(
  id: string,
  number: string,
  zh: string,
  en: string,
  unit: string,
  categoryId: string,
  departments: string[],
  direction: 'higher' | 'lower' | 'neutral',
  attribute: 'evaluation' | 'observation' = 'evaluation',
): EventInput {
  return {
    id: `${id}-defined`,
    type: 'IndicatorDefined',
    validTime: d(ADOPT),
    actor: office,
    data: {
      planId: 'sz',
      indicatorId: id,
      number,
      name: { zh, en },
      unit,
      categoryId,
      attribute,
      selfSelected: false,
      departments,
      direction,
      periodicity: 'year',
    },
  }
}
function baseline(id: string, value: number): EventInput {
  return {
    id: `${id}-base`,
    type: 'BaselineSet',
    validTime: d('2020-12-31'),
    actor: 'tjj',
    data: { indicatorId: id, period: p('2020'), value, illustrative: true },
  }
}
function target(
  id: string,
  year: number,
  role: 'interim' | 'final',
  expression: Extract<EventInput, { type: 'TargetSet' }>['data']['expression'],
  printed: string,
): EventInput {
  return {
    id: `${id}-target-${year}`,
    type: 'TargetSet',
    validTime: d(ADOPT),
    actor: office,
    data: { indicatorId: id, targetId: `${id}-${year}`, dueYear: year, role, expression, printed },
  }
}
export function value(id: string, year: number, v: number): EventInput {
  return {
    id: `${id}-v${year}`,
    type: 'ValueReported',
    validTime: d(`${year}-12-31`),
    actor: 'tjj',
    data: {
      indicatorId: id,
      period: p(String(year)),
      value: v,
      status: 'final',
      illustrative: true,
    },
  }
}

const T2021 = '2021-08-10T00:00:00.000Z'
const in2022 = '2022-03-01T00:00:00.000Z'
const in2023 = '2023-03-01T00:00:00.000Z'
const later = '2023-05-01T00:00:00.000Z'

export const events: ReadonlyArray<readonly [EventInput, string]> = [
  [
    {
      id: 'plan',
      type: 'PlanAdopted',
      validTime: d(ADOPT),
      actor: office,
      data: {
        planId: 'sz',
        name: { zh: '嵊州共同富裕行动方案', en: 'Shengzhou common prosperity plan' },
        adoptedOn: d(ADOPT),
        baseYear: 2020,
        startYear: 2021,
        endYear: 2025,
      },
    },
    T2021,
  ],
  [
    {
      id: 'cat-economy',
      type: 'CategoryDefined',
      validTime: d(ADOPT),
      actor: office,
      data: {
        planId: 'sz',
        categoryId: 'economy',
        name: { zh: '经济高质量发展', en: 'High-quality economic development' },
        order: 0,
      },
    },
    T2021,
  ],
  [
    {
      id: 'cat-public',
      type: 'CategoryDefined',
      validTime: d(ADOPT),
      actor: office,
      data: {
        planId: 'sz',
        categoryId: 'public-services',
        name: { zh: '公共服务优质共享', en: 'Shared public services' },
        order: 1,
      },
    },
    T2021,
  ],
  [
    {
      id: 'dept-fgj',
      type: 'DepartmentRegistered',
      validTime: d(ADOPT),
      actor: office,
      data: {
        departmentId: 'fgj',
        name: { zh: '市发改局', en: 'Development and Reform Bureau' },
        aliases: [],
      },
    },
    T2021,
  ],
  [
    {
      id: 'dept-jxj',
      type: 'DepartmentRegistered',
      validTime: d(ADOPT),
      actor: office,
      data: {
        departmentId: 'jxj',
        name: { zh: '市经信局', en: 'Economy and IT Bureau' },
        aliases: [],
      },
    },
    T2021,
  ],
  [
    {
      id: 'dept-jsj',
      type: 'DepartmentRegistered',
      validTime: d(ADOPT),
      actor: office,
      data: {
        departmentId: 'jsj',
        name: { zh: '市建设局', en: 'Construction Bureau' },
        aliases: [],
      },
    },
    T2021,
  ],
  [gdpDefined, T2021],
  [baseline('I01', 10), T2021],
  [
    target(
      'I01',
      2022,
      'interim',
      { kind: 'level', value: 11, direction: 'higher', inferred: true },
      '11',
    ),
    T2021,
  ],
  [fixtures.gdpTarget2025, T2021],
  [
    indicator(
      'I03',
      '3',
      '单位GDP能耗',
      'Energy use per unit of GDP',
      '吨标准煤/万元',
      'economy',
      ['fgj'],
      'lower',
    ),
    T2021,
  ],
  [baseline('I03', 0.5), T2021],
  [target('I03', 2025, 'final', { kind: 'quota' }, '完成上级下达任务'), T2021],
  [
    indicator(
      'I05',
      '5',
      '单位GDP建设用地使用面积',
      'Construction land per unit of GDP',
      '平方米/万元',
      'economy',
      ['jxj'],
      'lower',
    ),
    T2021,
  ],
  [baseline('I05', 30), T2021],
  [
    target('I05', 2025, 'final', { kind: 'trend', direction: 'fall', pace: 'yearly' }, '逐年下降'),
    T2021,
  ],
  [
    indicator(
      'I14',
      '14',
      '数字经济增加值占GDP比重',
      'Digital economy share of GDP',
      '%',
      'economy',
      ['jxj'],
      'higher',
    ),
    T2021,
  ],
  [baseline('I14', 8), T2021],
  [
    target('I14', 2025, 'final', { kind: 'trend', direction: 'rise', pace: 'steady' }, '稳步提升'),
    T2021,
  ],
  [
    indicator(
      'I29',
      '29',
      '基尼系数',
      'Gini coefficient',
      '',
      'public-services',
      ['fgj'],
      'neutral',
      'observation',
    ),
    T2021,
  ],
  [target('I29', 2025, 'final', { kind: 'reasonable-range' }, '维持在合理区间'), T2021],
  [
    indicator(
      'I38',
      '38',
      '城镇住房保障受益覆盖率',
      'Urban housing security coverage',
      '%',
      'public-services',
      ['jsj'],
      'neutral',
    ),
    T2021,
  ],
  [baseline('I38', 26), T2021],
  [
    target(
      'I38',
      2022,
      'interim',
      { kind: 'level', value: 25.7, direction: 'neutral', inferred: true },
      '25.7',
    ),
    T2021,
  ],
  [
    target(
      'I38',
      2025,
      'final',
      { kind: 'level', value: 24.6, direction: 'neutral', inferred: true },
      '24.6',
    ),
    T2021,
  ],
  [
    {
      id: 'hangtai',
      type: 'ProjectDefined',
      validTime: d('2016-01-01'),
      actor: office,
      data: {
        projectId: 'hangtai',
        kind: 'construction',
        name: { zh: '杭台高速铁路（嵊州段）', en: 'Hangzhou–Taizhou HSR (Shengzhou section)' },
        departments: ['jsj'],
        facts: [],
      },
    },
    T2021,
  ],
  [
    {
      id: 'm-blast',
      type: 'MilestoneMet',
      validTime: d('2017-12-31'),
      actor: 'chronicle',
      data: {
        projectId: 'hangtai',
        milestoneId: 'first-blast',
        met: { date: '2017-12', precision: 'late-month' },
        unplanned: true,
        facts: [],
        title: { zh: '首爆', en: 'First tunnel blast' },
        kind: 'started',
      },
    },
    T2021,
  ],
  [
    {
      id: 'm-open',
      type: 'MilestoneMet',
      validTime: d('2022-01-08'),
      actor: 'chronicle',
      data: {
        projectId: 'hangtai',
        milestoneId: 'opened',
        met: { date: '2022-01-08', precision: 'day' },
        unplanned: true,
        facts: [{ key: 'lengthKm', value: 38, unit: 'km' }],
        title: { zh: '开通运营', en: 'Line opened' },
        kind: 'opened',
      },
    },
    in2022,
  ],
  [
    {
      id: 'm-square-plan',
      type: 'MilestonePlanned',
      validTime: d('2021-09-01'),
      actor: 'jsj',
      data: {
        projectId: 'hangtai',
        milestoneId: 'square',
        title: { zh: '站前广场完工', en: 'Station square completed' },
        kind: 'completed',
        planned: { date: '2022-06-30', precision: 'day' },
      },
    },
    T2021,
  ],
  [
    {
      id: 'm-square-moved',
      type: 'MilestoneForecastMoved',
      validTime: d('2022-05-01'),
      actor: 'jsj',
      data: {
        projectId: 'hangtai',
        milestoneId: 'square',
        forecast: { date: '2022-09-30', precision: 'day' },
        reason: 'rain',
      },
    },
    in2022,
  ],
  [
    {
      id: 'T01',
      type: 'TaskDefined',
      validTime: d(ADOPT),
      actor: office,
      data: {
        planId: 'sz',
        taskId: 'T01',
        kind: 'key-task',
        number: '1',
        name: { zh: '构建现代产业平台体系', en: 'Modern industrial platforms' },
        departments: ['jxj'],
      },
    },
    T2021,
  ],
  [
    {
      id: 'T02',
      type: 'TaskDefined',
      validTime: d(ADOPT),
      actor: office,
      data: {
        planId: 'sz',
        taskId: 'T02',
        kind: 'reform',
        number: '1',
        name: { zh: '数字化改革', en: 'Digital reform' },
        departments: ['fgj'],
      },
    },
    T2021,
  ],
  [
    {
      id: 'T01-s1',
      type: 'TaskStatusReported',
      validTime: d('2021-12-31'),
      actor: 'jxj',
      data: { taskId: 'T01', status: 'in-progress', progress: 40 },
    },
    in2022,
  ],
  [value('I01', 2021, 10.6), in2022],
  [value('I03', 2021, 0.49), in2022],
  [value('I05', 2021, 29), in2022],
  [value('I14', 2021, 8.5), in2022],
  [value('I29', 2021, 0.3), in2022],
  [value('I38', 2021, 25.5), in2022],
  [
    {
      id: 'I03-quota',
      type: 'QuotaAssigned',
      validTime: d('2022-06-30'),
      actor: 'sx',
      data: {
        indicatorId: 'I03',
        targetId: 'I03-2025',
        expression: { kind: 'comparison', op: 'le', value: 0.45, wording: 'symbol' },
        assignedBy: '绍兴市',
        printed: '≤0.45',
      },
    },
    '2022-07-01T00:00:00.000Z',
  ],
  [value('I01', 2022, 11.2), in2023],
  [value('I03', 2022, 0.47), in2023],
  [value('I05', 2022, 29.5), in2023],
  [value('I14', 2022, 9), in2023],
  [value('I29', 2022, 0.31), in2023],
  [value('I38', 2022, 25), in2023],
  [
    {
      id: 'T01-s2',
      type: 'TaskStatusReported',
      validTime: d('2022-12-31'),
      actor: 'jxj',
      data: { taskId: 'T01', status: 'completed' },
    },
    in2023,
  ],
  [
    {
      id: 'I01-fix2021',
      type: 'ValueCorrected',
      validTime: d('2021-12-31'),
      actor: 'tjj',
      data: {
        indicatorId: 'I01',
        period: p('2021'),
        value: 10.5,
        status: 'final',
        corrects: 'I01-v2021',
        reason: 'statistical revision',
        illustrative: true,
      },
    },
    later,
  ],
]

export const ledger: LedgerState = replay(
  ledgerProjection,
  recorded(events.map(([e, at]) => fixtures.at(e, at))),
)
