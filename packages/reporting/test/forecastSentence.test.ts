// Why an indicator has no forecast, in its own words: a target whose due year the latest value
// has reached, a way to the target with one value so far, or no numeric case at all.
import { type EventInput, type IsoDate, ledgerProjection, replay } from '@progress-ledger/core'
import { fixtures, recorded } from '@progress-ledger/testkit'
import { describe, expect, it } from 'vitest'
import { evaluatePlan } from '../src/Report'
import { forecastSentence, renderIndicatorStatus } from '../src/render/Status'

/** I01's interim target: ≥11 by 2022 (before the final ≥14 by 2025). */
const interim2022: EventInput = {
  id: 'I01-target-2022',
  type: 'TargetSet',
  validTime: '2021-08-10' as IsoDate,
  actor: 'plan-office',
  data: {
    indicatorId: 'I01',
    targetId: 'I01-2022',
    dueYear: 2022,
    role: 'interim',
    printed: '11',
    expression: { kind: 'level', value: 11, direction: 'higher', inferred: true },
  },
}

function forecastLine(
  values: ReadonlyArray<readonly [string, string, number]>,
  asOf: string,
  options: { plan?: ReadonlyArray<EventInput>; lang?: 'en' | 'zh'; interimStart?: string } = {},
) {
  const { plan = fixtures.gdpPlan, lang = 'en', ...rest } = options
  const state = replay(
    ledgerProjection,
    recorded([...plan, ...values.map(([id, p, v]) => fixtures.valueReported(id, p, v))]),
  )
  const r = evaluatePlan(state, { asOf, lang, ...rest })
  if (r._tag !== 'Report') throw new Error(r._tag)
  const gdp = r.report.indicators[0]
  if (gdp === undefined) throw new Error('no indicator')
  const word = lang === 'en' ? 'Forecast: ' : '预测：'
  return renderIndicatorStatus(r.report, gdp)
    .split('\n')
    .find(
      (l) =>
        l.startsWith(`${word}none`) ||
        l.startsWith('预测：无') ||
        (l.startsWith(word) && (l.includes('by the end of') || l.includes('年末为'))),
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

  describe('is paced between measured values, never from an interim target', () => {
    const withInterim = [...fixtures.gdpPlan, interim2022]
    const noBaseline = withInterim.filter((e) => e.type !== 'BaselineSet')

    it('a way that starts from the interim target (no 2022 value) is paced from the last value before it', () => {
      // Without a baseline the first way starts at the 2021 value, so no value falls between its
      // start and 2022: the second way starts from the 2022 target 11.
      // 10.6 (2021) → 12 (2023): 6.4 % a year, 13.58 by 2025 — short of ≥14, reached mid-2026.
      // Paced from the 2022 target 11 instead it would be 9.09 % a year, 14.28, "meets the target".
      expect(
        forecastLine(
          [
            ['v21', '2021', 10.6],
            ['v23', '2023', 12],
          ],
          '2023-12-31',
          { plan: noBaseline },
        ),
      ).toBe(
        'Forecast: 13.58 万元 by the end of 2025 at 6.4 % a year (compound growth); falls short of the target, reached on 2026-06-27',
      )
    })

    it('under the interim-target policy, a 2022 value is the start of the pace, not the 2022 target', () => {
      // 11.2 (2022) → 12 (2023): 7.14 % a year; from the target 11: 9.09 %.
      expect(
        forecastLine(
          [
            ['v22', '2022', 11.2],
            ['v23', '2023', 12],
          ],
          '2023-12-31',
          { plan: withInterim, interimStart: 'interim-target' },
        ),
      ).toMatch(/^Forecast: 13\.78 万元 by the end of 2025 at 7\.14 % a year/)
    })

    it('with one measured value only (no baseline, no earlier value) there is no forecast, and it says why', () => {
      const one = [['v23', '2023', 12]] as const
      expect(forecastLine(one, '2023-12-31', { plan: noBaseline })).toBe(
        'Forecast: none (the way to the 2025 target starts from the 2022 interim target, a planned number, and the value for 2023 is the only measured one to pace from: a pace needs two)',
      )
      expect(forecastLine(one, '2023-12-31', { plan: noBaseline, lang: 'zh' })).toBe(
        '预测：无（2025年目标从 2022 年中期目标值起算，该值为计划数而非实测；可用的实测值只有 2023 一个，无法推算速度）',
      )
      // The baseline is a measured value: with it, 9.8 (2020) → 12 (2023) paces the forecast.
      expect(forecastLine(one, '2023-12-31', { plan: withInterim })).toMatch(
        /^Forecast: 13\.73 万元 by the end of 2025 at 6\.98 % a year/,
      )
    })
  })
})
