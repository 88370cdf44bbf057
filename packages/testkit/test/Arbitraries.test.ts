import { describe, expect, it } from 'vitest'
import * as fc from 'fast-check'
import {
  catalog,
  type EventInput,
  instant,
  isoDate,
  period,
  eventTypes,
  type LedgerState,
  ledgerProjection,
  replay,
  validateInput,
  verifyChain,
} from '@progress-ledger/core'
import { eventDataArbitraries, eventInputsArb, historyArb, recorded, streamFor } from '../src/index'

describe('arbitraries', () => {
  it('produce data every codec accepts, for every event type', () => {
    for (const type of eventTypes) {
      for (const data of fc.sample(eventDataArbitraries[type] as fc.Arbitrary<unknown>, {
        numRuns: 200,
        seed: 7,
      })) {
        expect(catalog[type].codec.decode(data)._tag, type).toBe('Right')
      }
    }
  })
  it('produce valid inputs with distinct ids', () => {
    for (const batch of fc.sample(eventInputsArb({ maxLength: 8 }), { numRuns: 100, seed: 7 })) {
      expect(batch.every((e) => validateInput(e)._tag === 'Valid')).toBe(true)
      expect(new Set(batch.map((e) => e.id)).size).toBe(batch.length)
    }
  })
  it('produce coherent histories: nothing unattached, times never decrease, an intact chain, values out of order', () => {
    let outOfOrder = 0
    let corrected = 0
    for (const history of fc.sample(historyArb(), { numRuns: 200, seed: 7 })) {
      const events = recorded(history)
      const state: LedgerState = replay(ledgerProjection, events)
      expect(state.unattached).toEqual([])
      expect(verifyChain(events)._tag).toBe('Intact')
      expect(
        events.every((e, i) => i === 0 || (events[i - 1]?.recordedTime ?? '') <= e.recordedTime),
      ).toBe(true)
      const periods = events.filter((e) => e.type === 'ValueReported').map((e) => e.validTime)
      if (periods.some((p, i) => i > 0 && p < (periods[i - 1] ?? ''))) outOfOrder++
      if (events.some((e) => e.type === 'ValueCorrected')) corrected++
    }
    expect(outOfOrder).toBeGreaterThan(20)
    expect(corrected).toBeGreaterThan(20)
  })
})

describe('recorded', () => {
  it('names streams by the catalog convention', () => {
    const [denied] =
      fc.sample(eventInputsArb({ minLength: 1, maxLength: 1, type: 'AccessDenied' }), {
        numRuns: 1,
        seed: 1,
      })[0] ?? []
    expect(denied === undefined ? '' : streamFor(denied)).toBe(`audit-${denied?.actor ?? ''}`)
  })
  it('rejects an invalid input naming its index, path and value, and a reused id', () => {
    const ok: EventInput = {
      id: 'b',
      type: 'BaselineSet',
      validTime: isoDate('2020-12-31'),
      actor: 'tjj',
      data: { indicatorId: 'I01', period: period('2020'), value: 9.8 },
    }
    const bad = { ...ok, data: { ...ok.data, value: '9,8' } }
    // @ts-expect-error -- a value the codec refuses, as an untyped caller can send it
    expect(() => recorded([bad])).toThrow(
      'history[0].data.value: expected a finite number, got "9,8"',
    )
    expect(() => recorded([ok, ok])).toThrow(
      'history[1].id: expected an id not used before, got "b"',
    )
  })
  it('is deterministic and keeps recorded time from going back', () => {
    const input: EventInput = {
      id: 'b',
      type: 'BaselineSet',
      validTime: isoDate('2020-12-31'),
      actor: 'tjj',
      data: { indicatorId: 'I01', period: period('2020'), value: 9.8 },
    }
    const later: EventInput = { ...input, id: 'c' }
    const one = recorded([
      { input, at: instant('2022-01-01T00:00:00.000Z') },
      { input: later, at: instant('2021-01-01T00:00:00.000Z') },
    ])
    expect(one).toEqual(
      recorded([
        { input, at: instant('2022-01-01T00:00:00.000Z') },
        { input: later, at: instant('2021-01-01T00:00:00.000Z') },
      ]),
    )
    expect(one.map((e) => [e.position, e.version, e.recordedTime])).toEqual([
      [1, 1, '2022-01-01T00:00:00.000Z'],
      [2, 2, '2022-01-01T00:00:00.000Z'],
    ])
  })
})
