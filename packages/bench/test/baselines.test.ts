// The baselines compute what core computes: the floor holds the same information (its plain data
// is core's JSON), the persistent floor and the spread reducer build core's very state.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  InMemoryEventStore,
  ledgerFromJson,
  ledgerProjection,
  manualClock,
  replay,
  type AppendRequest,
  type EventInput,
  type IsoDate,
  type PeriodKey,
  type RecordedEvent,
} from '@progress-ledger/core'
import { copyingFloorFold } from '../src/baselines/CopyingFloor'
import { copyingLedgerJson } from '../src/baselines/CopyingLedger'
import { floorFold } from '../src/baselines/Floor'
import { floorLedgerJson } from '../src/baselines/FloorJson'
import { persistentFloorFold } from '../src/baselines/PersistentFloor'
import { spreadFold } from '../src/baselines/Spread'
import { anchorRequests } from '../src/workloads/Anchor'
import { countyBatches } from '../src/workloads/Counties'
import { uuidSource } from '../src/workloads/Uuid'
import { railwayRequests } from '../src/workloads/Railway'

function recorded(
  batches: ReadonlyArray<ReadonlyArray<AppendRequest>>,
): ReadonlyArray<RecordedEvent> {
  const clock = manualClock('2021-01-01')
  const store = new InMemoryEventStore({ clock })
  batches.forEach((b, i) => {
    clock.advance(1000)
    const r = store.appendNow(b)
    if (r._tag !== 'Appended') throw new Error(`batches[${i}]: ${JSON.stringify(r).slice(0, 300)}`)
  })
  return store.readAllNow()
}

/** The floors' plain data and core's state, both as JSON would carry them. */
function sameInformation(es: ReadonlyArray<RecordedEvent>): void {
  const core = replay(ledgerProjection, es)
  const coreJson = JSON.parse(JSON.stringify(core)) as unknown
  const floor = floorFold(es)
  const copying = copyingFloorFold(es)
  // The floors keep plain Maps, not core's containers; the floor keeps the events as versions ...
  expect(floor.indicators).toBeInstanceOf(Map)
  expect(copying.indicators).toBeInstanceOf(Map)
  const someValue = [...floor.indicators.values()].find((i) => i.values.length > 0)
  if (someValue !== undefined) expect(es).toContain(someValue.values[0]?.versions[0])
  // ... and both hold the same information as core, compared as JSON and revived into core's state.
  for (const plain of [floorLedgerJson(floor), copyingLedgerJson(copying)]) {
    const json = JSON.parse(JSON.stringify(plain)) as unknown
    expect(json).toEqual(coreJson)
    expect(ledgerFromJson(json)).toEqual(core)
  }
}

describe('baselines compute exactly what core computes', () => {
  const workloads: Record<string, () => ReadonlyArray<RecordedEvent>> = {
    anchor: () =>
      recorded(anchorRequests({ events: 3_000, streams: 10, blockSize: 100 }).map((r) => [r])),
    counties: () => recorded(countyBatches(1)),
    railway: () => recorded(railwayRequests(2).map((r) => [r])),
  }
  for (const [name, events] of Object.entries(workloads)) {
    it(`${name}: the floors hold the same information as core's replay`, () => {
      const es = events()
      expect(replay(ledgerProjection, es).unattached).toEqual([])
      sameInformation(es)
    })

    it(`${name}: the persistent floor and spread deep-equal core's replay`, () => {
      const es = events()
      const core = replay(ledgerProjection, es)
      expect(persistentFloorFold(es)).toEqual(core)
      expect(spreadFold(es)).toEqual(core)
    })
  }

  it('the floors sort periods reported in any order, and keeps what does not attach', () => {
    const periods = fc.constantFrom(
      '2021',
      '2022',
      '2021-H2',
      '2022-Q1',
      '2021-Q3',
      '2021-06',
      '2022-02',
      '2021-12-31',
      '2022-01-15',
    )
    fc.assert(
      fc.property(
        fc.array(fc.record({ period: periods, known: fc.boolean() }), { maxLength: 40 }),
        (reports) => {
          const ids = uuidSource(9)
          const define: EventInput = {
            id: ids(),
            type: 'IndicatorDefined',
            validTime: '2021-01-01' as IsoDate,
            actor: 'plan-office',
            data: {
              planId: 'p',
              indicatorId: 'I1',
              name: { zh: '指标' },
              unit: '%',
              categoryId: 'c',
              attribute: 'evaluation',
              selfSelected: false,
              departments: ['d'],
              direction: 'higher',
              periodicity: 'month',
            },
          }
          const values: EventInput[] = reports.map((r, i) => ({
            id: ids(),
            type: 'ValueReported',
            validTime: '2022-12-31' as IsoDate,
            actor: 'tjj',
            data: {
              indicatorId: r.known ? 'I1' : 'I2',
              period: r.period as PeriodKey,
              value: i,
              status: 'final',
            },
          }))
          const es = recorded([
            [{ streamId: 'indicator-I1', events: [define, ...values], expectedVersion: 'any' }],
          ])
          sameInformation(es)
        },
      ),
      { numRuns: 60 },
    )
  })
})
