// Hand-worked test vectors for each method (the arithmetic is in the comments).
import { describe, expect, it } from 'vitest'
import {
  defaultThresholds as th,
  evaluateQualitative,
  expectedValue,
  forecast,
  growthRatio,
  linear,
  type NumericCase,
  statCan,
  renderNote,
  statusMethods,
  timeProportional,
} from '../src/index'
import type { Point } from '../src/index'

const pt = (time: number, value: number): Point => ({
  time,
  value,
  period: String(time),
  eventId: `v${time}`,
})

/** Baseline 2020 = y0, latest 2022 = yt, target 2025 ≥ yT (or ≤ when direction −1). */
function kase(
  y0: number,
  yt: number,
  yT: number,
  direction: 1 | -1 = 1,
  t = 2022,
  T = 2025,
): NumericCase {
  return {
    base: pt(2020, y0),
    latest: pt(t, yt),
    history: [pt(2020, y0), pt(t, yt)],
    direction,
    now: t,
    target: {
      value: yT,
      op: direction === 1 ? 'ge' : 'le',
      time: T,
      period: String(T),
      eventId: 'target',
      tolerance: 0,
    },
  }
}

describe('time-proportional (序时进度)', () => {
  it('τ = 0.4, p = 0.35: 5 points behind → on schedule, green', () => {
    const e = timeProportional(kase(10, 11.4, 14), th.timeProportional)
    expect(e.numbers['tau']).toBeCloseTo(0.4, 10)
    expect(e.numbers['p']).toBeCloseTo(0.35, 10)
    expect([e.grade, e.status]).toEqual(['on-schedule', 'on-track'])
  })
  it('p = 0.2: 20 points behind → behind, yellow; p = 0.05: 35 points → red', () => {
    expect(timeProportional(kase(10, 10.8, 14), th.timeProportional).status).toBe(
      'needs-acceleration',
    )
    expect(timeProportional(kase(10, 10.2, 14), th.timeProportional).status).toBe('off-track')
  })
  it('p = 0.5 with τ = 0.4: 10 points ahead → 快于预期', () => {
    expect(timeProportional(kase(10, 12, 14), th.timeProportional).grade).toBe('ahead')
  })
  it('target already met before the due year → 提前实现', () => {
    const e = timeProportional(kase(10, 14.2, 14), th.timeProportional)
    expect([e.grade, e.status]).toEqual(['achieved-early', 'achieved'])
  })
  it('relative thresholds: 50 % of τ behind', () => {
    const e = timeProportional(kase(10, 10.8, 14), {
      unit: 'percent-of-expected',
      ahead: 5,
      yellow: 10,
      red: 50,
    })
    expect(e.numbers['shortfall']).toBeCloseTo(50, 8) // (0.4 − 0.2) / 0.4
    expect(e.status).toBe('needs-acceleration')
  })
  it('lower is better: 1.86 → 1.83 against < 1.8 by 2025', () => {
    const e = timeProportional(
      {
        ...kase(1.86, 1.83, 1.8, -1),
        target: { value: 1.8, op: 'lt', time: 2025, period: '2025', eventId: 't', tolerance: 0 },
      },
      th.timeProportional,
    )
    expect(e.numbers['p']).toBeCloseTo(0.5, 10) // (1.83 − 1.86) / (1.8 − 1.86)
    expect(e.grade).toBe('ahead')
  })
})

describe('edge cases shared by every method', () => {
  for (const [name, evaluate] of Object.entries(statusMethods)) {
    const run = (c: NumericCase) => evaluate(c, th)
    it(`${name}: a single data point is insufficient data`, () => {
      expect(run(kase(10, 10, 14, 1, 2020)).status).toBe('no-data')
    })
    it(`${name}: the target year passed unmet is missed`, () => {
      const e = run(kase(10, 13, 14, 1, 2026))
      expect([e.grade, e.status]).toEqual(['missed', 'off-track'])
    })
    it(`${name}: a baseline beyond the target, now short of it, is deterioration`, () => {
      const e = run(kase(15, 13.5, 14))
      expect([e.grade, e.status]).toEqual(['deterioration', 'off-track'])
    })
    it(`${name}: a baseline beyond the target and still meeting it is achieved`, () => {
      expect(run(kase(15, 14.5, 14)).status).toBe('achieved')
    })
  }
})

describe('growth ratio (UNSD)', () => {
  it('10 → 11 in 2 years against 14 in 5: CR = 0.0488 / 0.0696 = 0.7012 → fair progress', () => {
    const e = growthRatio(kase(10, 11, 14), th)
    expect(e.numbers['actual']).toBeCloseTo(0.048809, 5) // 1.1^(1/2) − 1
    expect(e.numbers['required']).toBeCloseTo(0.06961, 5) // 1.4^(1/5) − 1
    expect(e.numbers['cr']).toBeCloseTo(0.7012, 4)
    expect([e.grade, e.status]).toEqual(['fair-progress', 'needs-acceleration'])
  })
  it('CR thresholds: on track, limited, deterioration', () => {
    expect(growthRatio(kase(10, 12, 14), th).grade).toBe('on-track') // CR = 0.0954 / 0.0696 = 1.37
    expect(growthRatio(kase(10, 10.2, 14), th).grade).toBe('limited-progress') // CR = 0.0100 / 0.0696 = 0.14
    expect(growthRatio(kase(10, 9, 14), th).grade).toBe('deterioration') // CR = −0.0513 / 0.0696 = −0.74
  })
  it('zero baseline: CAGR undefined → falls back to linear, and says so', () => {
    const e = growthRatio(kase(0, 2, 5), th)
    expect(e.method).toBe('linear')
    expect(e.notes).toContainEqual({ _tag: 'FellBackToLinear', from: 'growth-ratio' })
    expect(e.notes.map((n) => renderNote(n, 'en')).join(' ')).toContain(
      'fell back to the linear method',
    )
    expect(e.notes.map((n) => renderNote(n, 'zh')).join(' ')).toContain('改用线性外推法')
    expect(e.numbers['P']).toBeCloseTo(1, 10) // slope 1; ŷT = 2 + 3 = 5; P = 5 / 5
  })
})

describe('Statistics Canada', () => {
  it('v = 0.7012 → moderate progress', () => {
    const e = statCan(kase(10, 11, 14), th)
    expect(e.numbers['v']).toBeCloseTo(0.7012, 4)
    expect(e.grade).toBe('moderate-progress')
  })
  it('lower is better: d = −1 makes a fall count as progress', () => {
    // actual = (0.47/0.5)^(1/2) − 1 = −0.030464; required = (0.45/0.5)^(1/5) − 1 = −0.020851
    const e = statCan(kase(0.5, 0.47, 0.45, -1), th)
    expect(e.numbers['v']).toBeCloseTo(1.461, 3)
    expect(e.grade).toBe('substantial-progress')
  })
  it('fewer than one year between the points gives no result', () => {
    const c = kase(10, 10.5, 14, 1, 2020.5)
    expect(statCan(c, th).status).toBe('no-data')
  })
})

describe('expected value at the deadline (UNSD 2023)', () => {
  it('ŷT = 11 · 1.04881^3 = 12.6906; P = 2.6906 / 4 = 0.6727 → acceleration needed', () => {
    const e = expectedValue(kase(10, 11, 14), th)
    expect(e.numbers['projected']).toBeCloseTo(12.6906, 4)
    expect(e.numbers['P']).toBeCloseTo(0.67265, 4)
    expect(e.grade).toBe('acceleration-needed')
  })
  it('P < 0.10 is stagnation or regression', () => {
    expect(expectedValue(kase(10, 9.9, 14), th).grade).toBe('stagnation-or-regression')
  })
})

describe('linear (zero or negative values)', () => {
  it('−2 → 0 against ≥ 3: slope 1, ŷT = 3, P = 1 → on track', () => {
    const e = linear(kase(-2, 0, 3), th.expectedValue, 5)
    expect(e.numbers).toMatchObject({ slope: 1, projected: 3, P: 1 })
    expect(e.status).toBe('on-track')
  })
  it('averages over the window only', () => {
    const c: NumericCase = {
      ...kase(0, 10, 20, 1, 2024, 2030),
      history: [pt(2020, 0), pt(2021, 0), pt(2022, 4), pt(2023, 8), pt(2024, 10)],
    }
    const e = linear(c, th.expectedValue, 2)
    expect(e.numbers['slope']).toBe(3) // (10 − 4) / (2024 − 2022)
  })
})

describe('qualitative rules', () => {
  const q = (values: number[]) => ({
    points: values.map((v, i) => pt(2020 + i, v)),
    targetEventId: 't',
    thresholds: th,
    trendMethod: 'statcan' as const,
    naturalLimit: undefined,
  })
  it('逐年下降: reports the first violating year', () => {
    const e = evaluateQualitative(
      { kind: 'trend', direction: 'fall', pace: 'yearly' },
      q([30, 29, 29.5, 28]),
    )
    expect([e.grade, e.status]).toEqual(['first-violation', 'off-track'])
    expect(e.notes).toContainEqual({ _tag: 'FirstViolation', period: '2022' })
  })
  it('逐年下降 held every year', () => {
    expect(
      evaluateQualitative({ kind: 'trend', direction: 'fall', pace: 'yearly' }, q([30, 29, 28]))
        .status,
    ).toBe('on-track')
  })
  it('稳步提升: 8 → 9 in 2 years, r = 6.07 % ≥ 1.5 % → substantial', () => {
    const e = evaluateQualitative(
      { kind: 'trend', direction: 'rise', pace: 'steady' },
      q([8, 8.5, 9]),
    )
    expect(e.numbers['r']).toBeCloseTo(0.06066, 4)
    expect(e.grade).toBe('substantial-progress')
  })
  it('稳步提升 with expected-value no-target thresholds: 0.8 % a year → acceleration needed', () => {
    const e = evaluateQualitative(
      { kind: 'trend', direction: 'rise', pace: 'steady' },
      { ...q([100, 100.8]), trendMethod: 'expected-value' },
    )
    expect(e.status).toBe('needs-acceleration')
  })
  it('保持稳定: band ±5 % of the baseline', () => {
    expect(evaluateQualitative({ kind: 'stable' }, q([70, 72, 73])).status).toBe('on-track') // |73 − 70| = 3 ≤ 3.5
    expect(evaluateQualitative({ kind: 'stable' }, q([70, 72, 74])).status).toBe('off-track') // 4 > 3.5
  })
  it('维持在合理区间: pending until the range is given, then judged by it', () => {
    expect(evaluateQualitative({ kind: 'reasonable-range' }, q([0.3, 0.31])).status).toBe(
      'target-pending',
    )
    expect(
      evaluateQualitative({ kind: 'reasonable-range', min: 0.25, max: 0.35 }, q([0.3, 0.31]))
        .status,
    ).toBe('on-track')
    expect(
      evaluateQualitative({ kind: 'reasonable-range', min: 0.25, max: 0.3 }, q([0.3, 0.31])).status,
    ).toBe('off-track')
  })
  it('完成上级下达任务: target pending, never on track', () => {
    expect(evaluateQualitative({ kind: 'quota' }, q([0.5, 0.48])).status).toBe('target-pending')
  })
  it('a single data point is insufficient for a trend', () => {
    expect(
      evaluateQualitative({ kind: 'trend', direction: 'rise', pace: 'steady' }, q([8])).status,
    ).toBe('no-data')
  })
})

describe('forecast', () => {
  it('10 → 12 in two years reaches 14 after ln(14/12)/ln(1.0954) = 1.691 years: 2024-09-09', () => {
    const f = forecast(kase(10, 12, 14), 5)
    expect(f?.pace).toBe('compound')
    expect(f?.projected).toBeCloseTo(15.7744, 4) // 12 · 1.0954^3
    expect(f?.metOn).toBe('2024-09-09')
    expect(f?.meetsByDue).toBe(true)
  })
  it('moving away from the target never meets it', () => {
    expect(forecast(kase(10, 9, 14), 5)?.metOn).toBeNull()
  })
  it('linear pace through zero', () => {
    const f = forecast(kase(-2, 0, 3), 5)
    expect(f).toMatchObject({ pace: 'linear', rate: 1, projected: 3, metOn: '2025-12-31' })
  })
  it('already met: met on the latest period', () => {
    expect(forecast(kase(10, 14.5, 14), 5)?.metOn).toBe('2022-12-31')
  })
})
