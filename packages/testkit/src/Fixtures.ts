/**
 * Domain fixtures: a slice of the Shengzhou plan (indicator I01, GDP per capita; the
 * Hangzhou–Taizhou railway; key task T01) as event inputs, for specifications and examples.
 * Values after 2021 are illustrative, not official statistics.
 *
 * @module Fixtures
 */
import {
  type DateSpec,
  type EventInput,
  type Instant,
  type IsoDate,
  type PeriodKey,
  isoDate,
  period,
} from '@progress-ledger/core'
import type { TimedInput } from './Recorded'

/** The input of one event type. */
export type InputOf<T extends EventInput['type']> = Extract<EventInput, { readonly type: T }>

/** A date as the fixtures write it. */
export const d = (s: string): IsoDate => isoDate(s)
/** A period as the fixtures write it. */
export const p = (s: string): PeriodKey => period(s)
/** The input recorded at `when` (a date means its midnight, UTC). */
export const at = (input: EventInput, when: string): TimedInput => ({
  input,
  at: (when.length === 10 ? `${when}T00:00:00.000Z` : when) as Instant,
})

/**
 * The command input that records `event`'s fact: the event's data under the command's `type`
 * (`AdoptPlan` for `PlanAdopted`, `DefineIndicator` for `IndicatorDefined`, …), so tests of the
 * command side state the same plan as the event fixtures.
 *
 * @example
 * import { fixtures } from '@progress-ledger/testkit'
 * fixtures.commandOf('SetTarget', fixtures.gdpTarget2025).targetId // 'I01-2025'
 */
export const commandOf = <T extends string, D extends object>(
  type: T,
  event: { readonly data: D },
): { readonly type: T } & D => ({ type, ...event.data })

export const planAdopted: InputOf<'PlanAdopted'> = {
  id: 'plan-adopted',
  type: 'PlanAdopted',
  validTime: d('2021-08-10'),
  actor: 'plan-office',
  data: {
    planId: 'sz',
    name: { zh: '嵊州市共同富裕行动方案' },
    adoptedOn: d('2021-08-10'),
    baseYear: 2020,
    startYear: 2021,
    endYear: 2025,
  },
}
export const categoryDefined: InputOf<'CategoryDefined'> = {
  id: 'cat-economy',
  type: 'CategoryDefined',
  validTime: d('2021-08-10'),
  actor: 'plan-office',
  data: { planId: 'sz', categoryId: 'economy', name: { zh: '经济高质量发展' }, order: 1 },
}
export const departmentRegistered: EventInput = {
  id: 'dep-fgj',
  type: 'DepartmentRegistered',
  validTime: d('2021-08-10'),
  actor: 'plan-office',
  data: { departmentId: 'fgj', name: { zh: '市发改局' }, aliases: ['发改局'] },
}
export const gdpDefined: InputOf<'IndicatorDefined'> = {
  id: 'I01-defined',
  type: 'IndicatorDefined',
  validTime: d('2021-08-10'),
  actor: 'plan-office',
  data: {
    planId: 'sz',
    indicatorId: 'I01',
    name: { zh: '人均生产总值', en: 'GDP per capita' },
    unit: '万元',
    categoryId: 'economy',
    attribute: 'evaluation',
    selfSelected: false,
    departments: ['fgj'],
    direction: 'higher',
    periodicity: 'year',
  },
}
/**
 * A bare indicator `indicatorId` of plan `p` (category `c`, department `d`), for tests that need
 * many indicators or long histories of one, reported per `periodicity`.
 *
 * @example
 * import { fixtures } from '@progress-ledger/testkit'
 * fixtures.indicatorDefined('A', 'day').id // 'def-A'
 */
export function indicatorDefined(
  indicatorId: string,
  periodicity: InputOf<'IndicatorDefined'>['data']['periodicity'],
): InputOf<'IndicatorDefined'> {
  return {
    id: `def-${indicatorId}`,
    type: 'IndicatorDefined',
    validTime: d('2021-01-01'),
    actor: 'p',
    data: {
      planId: 'p',
      indicatorId,
      name: { zh: indicatorId },
      unit: '',
      categoryId: 'c',
      attribute: 'evaluation',
      selfSelected: false,
      departments: ['d'],
      direction: 'higher',
      periodicity,
    },
  }
}
/**
 * Indicator I01 defined as a plan import writes it: correlated with the import and caused by the
 * adoption, a department named by its Chinese alias, and the line of the source it was read from.
 * Stores must keep every one of these fields.
 */
export const gdpDefinedAsImported: InputOf<'IndicatorDefined'> = {
  ...gdpDefined,
  correlationId: 'import-1',
  causationId: 'plan-adopted',
  data: {
    ...gdpDefined.data,
    departments: ['fgj', '统计局'],
    source: { document: 'seeds/shengzhou/source.txt', quote: '人均生产总值（万元）', line: 120 },
  },
}
export const gdpBaseline: EventInput = {
  id: 'I01-baseline',
  type: 'BaselineSet',
  validTime: d('2020-12-31'),
  actor: 'tjj',
  data: { indicatorId: 'I01', period: p('2020'), value: 9.8, illustrative: true },
}
export const gdpTarget2025: InputOf<'TargetSet'> = {
  id: 'I01-target-2025',
  type: 'TargetSet',
  validTime: d('2021-08-10'),
  actor: 'plan-office',
  data: {
    indicatorId: 'I01',
    targetId: 'I01-2025',
    dueYear: 2025,
    role: 'final',
    printed: '14',
    expression: { kind: 'level', value: 14, direction: 'higher', inferred: true },
  },
}
export const gdpTargetRevised: EventInput = {
  id: 'I01-target-2025-rev',
  type: 'TargetRevised',
  validTime: d('2023-06-30'),
  actor: 'plan-office',
  data: {
    indicatorId: 'I01',
    targetId: 'I01-2025',
    reason: 'mid-term review',
    expression: { kind: 'comparison', op: 'ge', value: 13.5, wording: 'symbol' },
    printed: '≥13.5',
  },
}
export const quotaTargetSet: EventInput = {
  id: 'I01-quota-target',
  type: 'TargetSet',
  validTime: d('2021-08-10'),
  actor: 'plan-office',
  data: {
    indicatorId: 'I01',
    targetId: 'I01-2022',
    dueYear: 2022,
    role: 'interim',
    printed: '完成上级下达任务',
    expression: { kind: 'quota' },
  },
}
export const quotaAssigned: EventInput = {
  id: 'I01-quota',
  type: 'QuotaAssigned',
  validTime: d('2022-03-01'),
  actor: 'plan-office',
  data: {
    indicatorId: 'I01',
    targetId: 'I01-2022',
    assignedBy: '绍兴市',
    expression: { kind: 'level', value: 11.5, direction: 'higher', inferred: false },
  },
}

/**
 * A final value of I01 for `period`, valid at the period's year end; `extra` adds or replaces
 * data fields (e.g. `{ indicatorId: 'I02' }` for another indicator).
 */
export function valueReported(
  id: string,
  period: string,
  value: number,
  extra: Record<string, unknown> = {},
): EventInput {
  return {
    id,
    type: 'ValueReported',
    validTime: d(`${period.slice(0, 4)}-12-31`),
    actor: 'fgj',
    data: {
      indicatorId: 'I01',
      period: p(period),
      value,
      status: 'final',
      illustrative: true,
      ...extra,
    },
  }
}
/**
 * `n` value reports with ids `${prefix}-1` … `${prefix}-n`, periods cycling through 2021–2025 and
 * values 0.5, 1.5, …; for `indicatorId` (default I01).
 */
export function reports(prefix: string, n: number, indicatorId = 'I01'): EventInput[] {
  return Array.from({ length: n }, (_, i) =>
    valueReported(`${prefix}-${i + 1}`, String(2021 + (i % 5)), i + 0.5, { indicatorId }),
  )
}
/**
 * A value report whose `data.value` is the string "12,5", as a JavaScript caller or a decoded
 * file can hand it over: the codec refuses it, so no store may record it. The type claims an
 * `EventInput` on purpose, to reach the validation that the compiler would otherwise stand in for.
 */
export function badReport(id: string): EventInput {
  const good = valueReported(id, '2021', 0)
  return { ...good, data: { ...good.data, value: '12,5' } } as unknown as EventInput
}
export function valueCorrected(
  id: string,
  period: string,
  value: number,
  corrects: string,
): EventInput {
  return {
    id,
    type: 'ValueCorrected',
    validTime: d(`${period}-12-31`),
    actor: 'tjj',
    data: {
      indicatorId: 'I01',
      period: p(period),
      value,
      status: 'final',
      corrects,
      reason: 'statistical revision',
    },
  }
}
export function valueRetracted(id: string, period: string, retracts: string): EventInput {
  return {
    id,
    type: 'ValueRetracted',
    validTime: d(`${period}-12-31`),
    actor: 'fgj',
    data: { indicatorId: 'I01', period: p(period), retracts, reason: 'reported twice' },
  }
}
export const valueApproved = (id: string, period: string, approves: string): EventInput => ({
  id,
  type: 'ValueApproved',
  validTime: d(`${period}-12-31`),
  actor: 'tjj',
  data: { indicatorId: 'I01', period: p(period), approves },
})
export const valueReturned = (id: string, period: string, returns: string): EventInput => ({
  id,
  type: 'ValueReturned',
  validTime: d(`${period}-12-31`),
  actor: 'tjj',
  data: { indicatorId: 'I01', period: p(period), returns, reason: 'source missing' },
})

const day = (date: string): DateSpec => ({ date, precision: 'day' })
export const railwayDefined: EventInput = {
  id: 'hangtai-defined',
  type: 'ProjectDefined',
  validTime: d('2016-12-01'),
  actor: 'chronicle',
  data: {
    projectId: 'hangtai',
    kind: 'construction',
    name: { zh: '杭台高铁嵊州段' },
    departments: ['jtj'],
    facts: [{ key: 'length', value: 36.6, unit: 'km' }],
  },
}
export const tunnelPlanned: EventInput = {
  id: 'tunnel-planned',
  type: 'MilestonePlanned',
  validTime: d('2018-01-01'),
  actor: 'chronicle',
  data: {
    projectId: 'hangtai',
    milestoneId: 'tunnel',
    title: { zh: '隧道贯通' },
    kind: 'holed-through',
    planned: day('2019-06-30'),
  },
}
export const tunnelForecast: EventInput = {
  id: 'tunnel-forecast',
  type: 'MilestoneForecastMoved',
  validTime: d('2019-03-01'),
  actor: 'chronicle',
  data: {
    projectId: 'hangtai',
    milestoneId: 'tunnel',
    forecast: { date: '2019-09', precision: 'late-month' },
    reason: 'geology',
  },
}
export const tunnelMet: EventInput = {
  id: 'tunnel-met',
  type: 'MilestoneMet',
  validTime: d('2019-09-30'),
  actor: 'chronicle',
  data: {
    projectId: 'hangtai',
    milestoneId: 'tunnel',
    met: { date: '2019-09', precision: 'late-month' },
    unplanned: false,
    facts: [{ key: 'length', value: 7.7, unit: 'km' }],
  },
}
export const lineOpened: EventInput = {
  id: 'line-opened',
  type: 'MilestoneMet',
  validTime: d('2022-01-08'),
  actor: 'chronicle',
  data: {
    projectId: 'hangtai',
    milestoneId: 'opened',
    met: day('2022-01-08'),
    unplanned: true,
    title: { zh: '开通运营' },
    kind: 'opened',
    facts: [],
  },
}
export const taskDefined: EventInput = {
  id: 'T01-defined',
  type: 'TaskDefined',
  validTime: d('2021-08-10'),
  actor: 'plan-office',
  data: {
    planId: 'sz',
    taskId: 'T01',
    kind: 'key-task',
    name: { zh: '实施扩中提低行动' },
    departments: ['rsj'],
  },
}
export const taskStatus = (
  id: string,
  status: 'in-progress' | 'completed',
  validTime: string,
): EventInput => ({
  id,
  type: 'TaskStatusReported',
  validTime: d(validTime),
  actor: 'rsj',
  data: { taskId: 'T01', status, progress: status === 'completed' ? 100 : 40 },
})
export const reassigned: EventInput = {
  id: 'I01-reassigned',
  type: 'ResponsibilityReassigned',
  validTime: d('2023-01-01'),
  actor: 'plan-office',
  data: {
    subject: 'indicator',
    subjectId: 'I01',
    departments: ['tjj'],
    reason: 'institutional reform',
  },
}
export const denied: EventInput = {
  id: 'denied-1',
  type: 'AccessDenied',
  validTime: d('2022-02-01'),
  actor: 'intruder',
  data: {
    command: 'ReportValue',
    reason: 'not responsible',
    subject: 'indicator',
    subjectId: 'I01',
  },
}

/** The plan with indicator I01 defined, its baseline and its 2025 target. */
export const gdpPlan: ReadonlyArray<EventInput> = [
  planAdopted,
  categoryDefined,
  departmentRegistered,
  gdpDefined,
  gdpBaseline,
  gdpTarget2025,
]
