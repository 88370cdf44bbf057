// Shared fixtures for core's tests: a small slice of the Shengzhou plan as event inputs.
import type { EventInput } from '../src/Envelope'
import type { IsoDate } from '../src/Scalars'
import type { PeriodKey } from '../src/Period'

export const d = (s: string): IsoDate => s as IsoDate
export const p = (s: string): PeriodKey => s as PeriodKey

export const planAdopted: EventInput = {
  id: 'plan-adopted', type: 'PlanAdopted', validTime: d('2021-08-10'), actor: 'plan-office',
  data: { planId: 'sz', name: { zh: '嵊州共同富裕行动方案', en: 'Shengzhou common prosperity plan' }, adoptedOn: d('2021-08-10'), baseYear: 2020, startYear: 2021, endYear: 2025 },
}

export const gdpDefined: EventInput = {
  id: 'I01-defined', type: 'IndicatorDefined', validTime: d('2021-08-10'), actor: 'plan-office',
  data: {
    planId: 'sz', indicatorId: 'I01', name: { zh: '人均生产总值', en: 'GDP per capita' }, unit: '万元', categoryId: 'economy',
    attribute: 'evaluation', selfSelected: false, departments: ['fgj'], direction: 'higher', periodicity: 'year',
  },
}

export const gdpTarget2025: EventInput = {
  id: 'I01-target-2025', type: 'TargetSet', validTime: d('2021-08-10'), actor: 'plan-office',
  data: { indicatorId: 'I01', targetId: 'I01-2025', dueYear: 2025, role: 'final', printed: '14', expression: { kind: 'level', value: 14, direction: 'higher', inferred: true } },
}

export function valueReported(id: string, period: string, value: number, validTime = `${period}-12-31`): EventInput {
  return { id, type: 'ValueReported', validTime: d(validTime), actor: 'fgj', data: { indicatorId: 'I01', period: p(period), value, status: 'final' } }
}

export function valueCorrected(id: string, period: string, value: number, corrects: string): EventInput {
  return { id, type: 'ValueCorrected', validTime: d(`${period}-12-31`), actor: 'tjj', data: { indicatorId: 'I01', period: p(period), value, status: 'final', corrects, reason: 'statistical revision' } }
}
