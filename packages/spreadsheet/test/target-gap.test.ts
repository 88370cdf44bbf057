// The numeric target and the gap of an indicator, case by case.
import { describe, expect, it } from 'vitest'
import type { TargetExpression } from '@progress-ledger/core'
import type { Explanation, ExplanationInput, TargetInfo } from '@progress-ledger/reporting'
import { targetGap, type TargetGapInput } from '../src/index'

function target(id: string, dueYear: number, expression: TargetExpression): TargetInfo {
  return {
    targetId: id,
    role: 'final',
    dueYear,
    expression,
    label: id,
    meaning: id,
    value: 'value' in expression && typeof expression.value === 'number' ? expression.value : null,
    printed: null,
    inference: null,
    cause: 'set',
    eventId: `e-${id}`,
  }
}

function explanation(inputs: ReadonlyArray<ExplanationInput>): Explanation {
  return {
    method: 'time-proportional',
    grade: 'on-schedule',
    status: 'on-track',
    inputs,
    thresholds: [],
    numbers: {},
    steps: [],
    notes: [],
    eventIds: [],
  }
}

function indicator(
  over: Partial<Omit<TargetGapInput, 'latest'>> & { latest?: number; base?: number },
): TargetGapInput {
  const { latest, base, ...rest } = over
  const point = (period: string, value: number) => ({
    period,
    value,
    eventId: 'v',
    illustrative: false,
    revisions: 1,
    outlier: null,
  })
  return {
    direction: 'higher',
    targets: [],
    segments: [],
    explanation: explanation([]),
    series: [],
    baseline: base === undefined ? null : point('2020', base),
    latest: latest === undefined ? null : point('2022', latest),
    ...rest,
  }
}

describe('targetGap', () => {
  it('compares a level by its stated direction, else the indicator’s, else the baseline', () => {
    const up = target('up', 2025, { kind: 'level', value: 14, direction: 'higher', inferred: true })
    expect(targetGap(indicator({ targets: [up], latest: 11.8 }))).toMatchObject({
      value: 14,
      comparison: 'ge',
      gap: 2.2,
    })
    expect(targetGap(indicator({ targets: [up], latest: 15 }))).toMatchObject({ gap: 0 })
    const down = target('down', 2025, {
      kind: 'level',
      value: 27,
      direction: 'lower',
      inferred: true,
    })
    expect(targetGap(indicator({ targets: [down], latest: 33 }))).toMatchObject({
      comparison: 'le',
      gap: 6,
    })
    const band = target('band', 2025, {
      kind: 'level',
      value: 50,
      direction: 'band',
      inferred: false,
    })
    expect(targetGap(indicator({ targets: [band], latest: 48, direction: 'lower' }))).toMatchObject(
      { comparison: 'le', gap: 0 },
    )
    expect(
      targetGap(indicator({ targets: [band], latest: 48, direction: 'neutral', base: 40 })),
    ).toMatchObject({ comparison: 'ge', gap: 2 })
    expect(
      targetGap(indicator({ targets: [band], latest: 52, direction: 'neutral', base: 50 })),
    ).toMatchObject({ comparison: 'eq', gap: 2 })
  })

  it('takes a comparison as printed and measures a range from its nearer end', () => {
    const lt = target('lt', 2025, { kind: 'comparison', op: 'lt', value: 1.8, wording: 'symbol' })
    expect(targetGap(indicator({ targets: [lt], latest: 1.83 }))).toMatchObject({
      value: 1.8,
      comparison: 'lt',
      gap: 0.03,
    })
    const range = target('r', 2025, { kind: 'range', min: 5, max: 10 })
    expect(targetGap(indicator({ targets: [range], latest: 12 }))).toMatchObject({
      value: null,
      comparison: 'between',
      gap: 2,
    })
    expect(targetGap(indicator({ targets: [range], latest: 7 }))).toMatchObject({ gap: 0 })
    expect(targetGap(indicator({ targets: [range], latest: 4.5 }))).toMatchObject({ gap: 0.5 })
  })

  it('has no number for a target in words, and no gap without a value', () => {
    const words = target('w', 2025, { kind: 'trend', direction: 'rise', pace: 'steady' })
    expect(targetGap(indicator({ targets: [words], latest: 3 }))).toMatchObject({
      value: null,
      comparison: null,
      gap: null,
    })
    const up = target('up', 2025, { kind: 'level', value: 14, direction: 'higher', inferred: true })
    expect(targetGap(indicator({ targets: [up] }))).toMatchObject({ value: 14, gap: null })
    expect(targetGap(indicator({}))).toBeNull()
  })

  it('picks the target the status was graded against, else the active segment’s, else the last', () => {
    const t22 = target('t22', 2022, {
      kind: 'level',
      value: 11,
      direction: 'higher',
      inferred: true,
    })
    const t25 = target('t25', 2025, {
      kind: 'level',
      value: 14,
      direction: 'higher',
      inferred: true,
    })
    const graded = explanation([{ name: 'yT', value: 11, period: '2022', eventId: 'e-t22' }])
    expect(
      targetGap(indicator({ targets: [t22, t25], explanation: graded, latest: 11.8 }))?.target
        .targetId,
    ).toBe('t22')
    const active = [
      { targetId: 't22', dueYear: 2022, start: 'baseline', state: 'closed', explanation: null },
      {
        targetId: 't25',
        dueYear: 2025,
        start: 'interim-actual',
        state: 'active',
        explanation: null,
      },
    ] as const
    expect(
      targetGap(indicator({ targets: [t22, t25], segments: active, latest: 11.8 }))?.target
        .targetId,
    ).toBe('t25')
    expect(targetGap(indicator({ targets: [t22, t25], latest: 11.8 }))?.target.targetId).toBe('t25')
  })
})
