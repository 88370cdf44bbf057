import { InMemoryEventStore, asOf, fixedClock, latestValue, ledgerProjection, replay, streams } from '@progress-ledger/core'

const store = new InMemoryEventStore({ clock: fixedClock('2022-03-01T09:00:00.000Z') })
const at = { validTime: '2021-08-10', actor: 'plan-office' } as const
await store.append(streams.indicator('I01'), [
  { ...at, id: 'I01-def', type: 'IndicatorDefined', data: { planId: 'sz', indicatorId: 'I01', name: { zh: '人均生产总值', en: 'GDP per capita' },
    unit: '万元', categoryId: 'economy', attribute: 'evaluation', selfSelected: false, departments: ['fgj'], direction: 'higher', periodicity: 'year' } },
  { ...at, id: 'I01-2025', type: 'TargetSet', data: { indicatorId: 'I01', targetId: 'I01-2025', dueYear: 2025, role: 'final',
    printed: '14', expression: { kind: 'level', value: 14, direction: 'higher', inferred: false } } },
  { id: 'I01-2021', type: 'ValueReported', validTime: '2021-12-31', actor: 'fgj',
    data: { indicatorId: 'I01', period: '2021', value: 10.6, status: 'preliminary', illustrative: true } },
], 'no-stream')

const state = replay(ledgerProjection, await store.readAll())
const gdp = asOf(state, { validTime: '2021-12-31' }).indicators.get('I01')
console.log(gdp && latestValue(gdp)) // { period: '2021', value: 10.6, … }
