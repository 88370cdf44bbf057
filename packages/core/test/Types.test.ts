import { describe, expectTypeOf, it } from 'vitest'
import type { EventData, EventType, LedgerEvent } from '../src/Catalog'
import type { EventInput, RecordedEvent, RecordedOf } from '../src/Envelope'
import type { PeriodKey } from '../src/Period'
import type { Instant, IsoDate } from '../src/Scalars'
import type { AppendResult } from '../src/EventStore'
import { planReducers } from '../src/reducers/Plan'
import type { Reducers } from '../src/reducers/Reducers'

describe('inferred types', () => {
  it('EventData<"ValueReported"> has its fields, optional ones optional', () => {
    type V = EventData<'ValueReported'>
    expectTypeOf<V['value']>().toEqualTypeOf<number>()
    expectTypeOf<V['period']>().toEqualTypeOf<PeriodKey>()
    expectTypeOf<V['status']>().toEqualTypeOf<'preliminary' | 'final'>()
    expectTypeOf<V>().toHaveProperty('illustrative')
    expectTypeOf<{
      indicatorId: string
      period: PeriodKey
      value: number
      status: 'final'
    }>().toMatchTypeOf<V>()
    const bad: V = {
      indicatorId: 'I01',
      period: '2021' as PeriodKey,
      // @ts-expect-error value is a number, not a string
      value: '12,5',
      status: 'final',
    }
    void bad
  })
  it('RecordedEvent narrows on type', () => {
    const handle = (e: RecordedEvent): number | undefined => {
      if (e.type === 'MilestoneMet') {
        expectTypeOf(e.data.unplanned).toEqualTypeOf<boolean>()
        expectTypeOf(e).toEqualTypeOf<RecordedOf<'MilestoneMet'>>()
        return undefined
      }
      if (e.type === 'ValueCorrected') return e.data.value
      return undefined
    }
    expectTypeOf(handle).returns.toEqualTypeOf<number | undefined>()
    expectTypeOf<RecordedEvent['validTime']>().toEqualTypeOf<IsoDate>()
    expectTypeOf<RecordedEvent['recordedTime']>().toEqualTypeOf<Instant>()
  })
  it('the unions cover the catalog, and results are tagged', () => {
    expectTypeOf<LedgerEvent['type']>().toEqualTypeOf<EventType>()
    expectTypeOf<EventInput['type']>().toEqualTypeOf<EventType>()
    expectTypeOf<AppendResult['_tag']>().toEqualTypeOf<
      'Appended' | 'VersionConflict' | 'InvalidEvents' | 'IdConflict'
    >()
  })
})

describe('the reducer covers the catalog', () => {
  it('a handler map that leaves an event type out does not compile', () => {
    const partial = { ...planReducers }
    // @ts-expect-error: every event type needs its handler
    const all: Reducers<EventType> = partial
    expectTypeOf(all).toMatchTypeOf<Reducers<'PlanAdopted'>>()
  })
})
