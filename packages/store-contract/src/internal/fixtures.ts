// Event inputs the contract suite appends: a slice of the Shengzhou plan, plus builders.
import type { EventInput, IsoDate, PeriodKey } from '@progress-ledger/core'

export const d = (s: string): IsoDate => s as IsoDate
export const p = (s: string): PeriodKey => s as PeriodKey

export const planAdopted: EventInput = {
  id: 'plan-adopted',
  type: 'PlanAdopted',
  validTime: d('2021-08-10'),
  actor: 'plan-office',
  data: {
    planId: 'sz',
    name: { zh: '嵊州共同富裕行动方案', en: 'Shengzhou common prosperity plan' },
    adoptedOn: d('2021-08-10'),
    baseYear: 2020,
    startYear: 2021,
    endYear: 2025,
  },
}

export const gdpDefined: EventInput = {
  id: 'I01-defined',
  type: 'IndicatorDefined',
  validTime: d('2021-08-10'),
  actor: 'plan-office',
  correlationId: 'import-1',
  causationId: 'plan-adopted',
  data: {
    planId: 'sz',
    indicatorId: 'I01',
    name: { zh: '人均生产总值', en: 'GDP per capita' },
    unit: '万元',
    categoryId: 'economy',
    attribute: 'evaluation',
    selfSelected: false,
    departments: ['fgj', '统计局'],
    direction: 'higher',
    periodicity: 'year',
    source: { document: 'seeds/shengzhou/source.txt', quote: '人均生产总值（万元）', line: 120 },
  },
}

/** A value report for indicator I01 (or another). */
export function valueReported(
  id: string,
  period: string,
  value: number,
  indicatorId = 'I01',
): EventInput {
  return {
    id,
    type: 'ValueReported',
    validTime: d(`${period}-12-31`),
    actor: 'fgj',
    data: { indicatorId, period: p(period), value, status: 'final' },
  }
}

/** `n` value reports with ids `${prefix}-1` … */
export function reports(prefix: string, n: number, indicatorId = 'I01'): EventInput[] {
  return Array.from({ length: n }, (_, i) =>
    valueReported(`${prefix}-${i + 1}`, String(2021 + (i % 5)), i + 0.5, indicatorId),
  )
}

/** An input whose `data.value` is the string "12,5": invalid. */
export function badReport(id: string): EventInput {
  return {
    ...valueReported(id, '2021', 0),
    data: { indicatorId: 'I01', period: '2021', value: '12,5', status: 'final' },
  } as unknown as EventInput
}
