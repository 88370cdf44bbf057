import { describe, expect, it } from 'vitest'
import { manualClock } from '../src/Clock'
import { InMemoryEventStore } from '../src/InMemoryEventStore'
import { verifyChain } from '../src/Hash'
import { asOf } from '../src/AsOf'
import { latestValue } from '../src/Queries'
import { ledgerProjection, replay } from '../src/Replay'
import { instant, isoDate } from '../src/Scalars'
import type { IndicatorState, LedgerState } from '../src/State'
import { fixtures } from '@progress-ledger/testkit'

const { gdpDefined, gdpTarget2025, planAdopted, valueCorrected, valueReported } = fixtures

function I01(state: LedgerState): IndicatorState {
  const indicator = state.indicators.get('I01')
  if (indicator === undefined) throw new Error('indicator I01 is not in the ledger')
  return indicator
}

describe('InMemoryEventStore', () => {
  it('appends, reads back and chains hashes', async () => {
    const store = new InMemoryEventStore({ clock: manualClock('2021-08-10') })
    const r = await store.append('indicator-I01', [gdpDefined, gdpTarget2025], 'no-stream')
    expect(r._tag).toBe('Appended')
    const all = await store.readAll()
    expect(all.map((e) => [e.position, e.version, e.streamId])).toEqual([
      [1, 1, 'indicator-I01'],
      [2, 2, 'indicator-I01'],
    ])
    expect(verifyChain(all)._tag).toBe('Intact')
  })

  it('rejects a malformed value naming the path and value, leaving the store unchanged', async () => {
    const store = new InMemoryEventStore({ clock: manualClock('2021-08-10') })
    const r = await store.append('indicator-I01', [gdpDefined, fixtures.badReport('v1')], 'any')
    expect(r).toEqual({
      _tag: 'InvalidEvents',
      issues: [
        expect.objectContaining({
          message: 'events[1].data.value: expected a finite number, got "12,5"',
        }),
      ],
    })
    expect(await store.headPosition()).toBe(0)
  })

  it('shows the old figure as known before a correction and the new one after', async () => {
    const clock = manualClock('2021-08-10')
    const store = new InMemoryEventStore({ clock })
    await store.appendBatch([
      { streamId: 'plan-sz', events: [planAdopted], expectedVersion: 'no-stream' },
      {
        streamId: 'indicator-I01',
        events: [gdpDefined, gdpTarget2025],
        expectedVersion: 'no-stream',
      },
    ])
    clock.set('2022-03-01')
    await store.append('indicator-I01', [valueReported('v2021', '2021', 11.2)], 2)
    clock.set('2022-09-01')
    await store.append('indicator-I01', [valueCorrected('c2021', '2021', 11.4, 'v2021')], 3)
    const state = replay(ledgerProjection, await store.readAll())
    const then = asOf(state, { recordedTime: instant('2022-06-30T00:00:00.000Z') })
    const now = asOf(state, { validTime: isoDate('2021-12-31') })
    expect(latestValue(I01(then))?.value).toBe(11.2)
    expect(latestValue(I01(now))?.value).toBe(11.4)
  })
})
