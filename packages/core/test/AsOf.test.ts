import { describe, expect, it } from 'vitest'
import { asOf } from '../src/AsOf'
import { currentTarget, latestValue } from '../src/Queries'
import { ledgerProjection, replay } from '../src/Replay'
import type { Instant } from '../src/Scalars'
import type { IndicatorState, LedgerState } from '../src/State'
import { fixtures, recorded } from '@progress-ledger/testkit'

const { d } = fixtures
const R = (s: string): Instant => `${s}T00:00:00.000Z` as Instant
const I01 = (s: LedgerState): IndicatorState | undefined => s.indicators.get('I01')

// Setup recorded 2021-08-10; 2021 value recorded 2022-03-01 (11.2), corrected 2022-09-01 (11.4);
// 2022 value recorded 2023-03-01 (11.9).
function history(): LedgerState {
  const { at, gdpDefined, gdpTarget2025, planAdopted, valueCorrected, valueReported } = fixtures
  return replay(
    ledgerProjection,
    recorded([
      at(planAdopted, '2021-08-10'),
      at(gdpDefined, '2021-08-10'),
      at(gdpTarget2025, '2021-08-10'),
      at(valueReported('v2021', '2021', 11.2), '2022-03-01'),
      at(valueCorrected('c2021', '2021', 11.4, 'v2021'), '2022-09-01'),
      at(valueReported('v2022', '2022', 11.9), '2023-03-01'),
    ]),
  )
}

describe('asOf', () => {
  const state = history()
  it('a correction recorded later shows the old figure when R is before it', () => {
    expect(
      latestValue(I01(asOf(state, { recordedTime: R('2022-06-30'), validTime: d('2021-12-31') }))!)
        ?.value,
    ).toBe(11.2)
    expect(
      latestValue(I01(asOf(state, { recordedTime: R('2022-09-01'), validTime: d('2021-12-31') }))!)
        ?.value,
    ).toBe(11.4)
  })
  it('cuts valid time and recorded time independently', () => {
    // The world as of end 2021, as known today: the corrected 2021 figure, no 2022 figure.
    const world2021 = asOf(state, { validTime: d('2021-12-31') })
    expect(I01(world2021)!.values.map((v) => v.period)).toEqual(['2021'])
    expect(latestValue(I01(world2021)!)?.value).toBe(11.4)
    // As known on 2022-12-31, about every period: the corrected 2021 figure only.
    const known2022 = asOf(state, { recordedTime: R('2022-12-31') })
    expect(I01(known2022)!.values.map((v) => [v.period, v.versions.length])).toEqual([['2021', 2]])
    // As known before any value was recorded: the indicator and its target, no values.
    const known2021 = asOf(state, { recordedTime: R('2021-12-31') })
    expect(I01(known2021)!.values.length).toBe(0)
    expect(currentTarget(I01(known2021)!.targets['I01-2025']!).dueYear).toBe(2025)
  })
  it('hides what was not yet defined, and cuts by position', () => {
    expect(asOf(state, { recordedTime: R('2021-01-01') }).indicators.size).toBe(0)
    expect(asOf(state, { validTime: d('2021-08-09') }).plans.size).toBe(0)
    expect(state.position).toBe(6)
    const atFour = asOf(state, { position: 4 })
    expect([atFour.position, I01(atFour)!.values.get(0)!.versions.length]).toEqual([4, 1])
  })
  it('returns the state itself for an empty cut and shares unchanged parts', () => {
    expect(asOf(state, {})).toBe(state)
    const view = asOf(state, { recordedTime: R('2022-12-31') })
    expect(view.plans).toBe(state.plans)
    expect(I01(view)!.targets).toBe(I01(state)!.targets)
    expect(I01(view)!.values.get(0)).toBe(I01(state)!.values.get(0))
  })
})
