// Why an indicator has no forecast, in its own words: a target whose due year the latest value
// has reached, a way to the target with one value so far, or no numeric case at all.
import { ledgerProjection, replay } from '@progress-ledger/core'
import { fixtures, recorded } from '@progress-ledger/testkit'
import { describe, expect, it } from 'vitest'
import { evaluatePlan } from '../src/Report'
import { forecastSentence, renderIndicatorStatus } from '../src/render/Status'

function forecastLine(values: ReadonlyArray<readonly [string, string, number]>, asOf: string) {
  const state = replay(
    ledgerProjection,
    recorded([
      ...fixtures.gdpPlan,
      ...values.map(([id, p, v]) => fixtures.valueReported(id, p, v)),
    ]),
  )
  const r = evaluatePlan(state, { asOf, lang: 'en' })
  if (r._tag !== 'Report') throw new Error(r._tag)
  const gdp = r.report.indicators[0]
  if (gdp === undefined) throw new Error('no indicator')
  return renderIndicatorStatus(r.report, gdp)
    .split('\n')
    .find(
      (l) =>
        l.startsWith('Forecast: none') ||
        (l.startsWith('Forecast: ') && l.includes('by the end of')),
    )
}

describe('the forecast sentence', () => {
  it('says the due year is reached when the latest value is for it', () => {
    expect(
      forecastLine(
        [
          ['v21', '2021', 10.6],
          ['v25', '2025', 13],
        ],
        '2025-12-31',
      ),
    ).toBe(
      "Forecast: none (the latest value, for 2025, already reaches the target's due year 2025: the gap above is the outcome)",
    )
  })

  it('forecasts from two points, and without a value says what it needs', () => {
    expect(
      forecastLine(
        [
          ['v21', '2021', 10.6],
          ['v22', '2022', 11.2],
        ],
        '2022-12-31',
      ),
    ).toMatch(/^Forecast: 13\.68 万元 by the end of 2025 at 6\.9 % a year/)
    expect(forecastLine([], '2021-12-31')).toBe(
      'Forecast: none (needs a baseline and a later value against a numeric target)',
    )
  })

  it('says a way to the target that starts at the latest value has no pace yet, in both languages', () => {
    const why = { kind: 'no-later-value', period: '2022', dueYear: 2025 } as const
    expect(forecastSentence(null, '万元', 'en', why)).toBe(
      'Forecast: none (the way to the 2025 target starts from the value for 2022, and no later value is reported yet: a pace needs two)',
    )
    expect(forecastSentence(null, '万元', 'zh', why)).toBe(
      '预测：无（2025年目标从 2022 的数值起算，其后尚无数值，无法推算速度）',
    )
  })
})
