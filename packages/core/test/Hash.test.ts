import { describe, expect, it } from 'vitest'
import { canonicalJson, verifyChain } from '../src/Hash'
import type { RecordedEvent } from '../src/Envelope'
import { instant } from '../src/Scalars'
import { fixtures, recorded } from '@progress-ledger/testkit'

const { gdpDefined, gdpTarget2025, planAdopted, valueReported } = fixtures
const seal = (inputs: Parameters<typeof recorded>[0]): RecordedEvent[] =>
  recorded(inputs, { at: '2021-08-10' })

const log = (): RecordedEvent[] =>
  seal([
    planAdopted,
    gdpDefined,
    gdpTarget2025,
    valueReported('v2021', '2021', 11.2),
    valueReported('v2022', '2022', 11.9),
  ])

describe('the hash chain', () => {
  it('verifies an intact log, and resumes from an earlier check', () => {
    const events = log()
    expect(verifyChain(events)).toEqual({ _tag: 'Intact', count: 5, head: events[4]?.hash })
    const first = verifyChain(events.slice(0, 2))
    if (first._tag !== 'Intact') throw new Error('expected intact')
    expect(verifyChain(events.slice(2), { head: first.head, position: 2 })).toMatchObject({
      _tag: 'Intact',
      count: 3,
    })
  })
  it('detects an edited figure', () => {
    const events = log()
    const edited = events.map((e) =>
      e.id === 'v2021' ? ({ ...e, data: { ...e.data, value: 12.2 } } as RecordedEvent) : e,
    )
    expect(verifyChain(edited)).toEqual({
      _tag: 'Broken',
      position: 4,
      eventId: 'v2021',
      reason: 'content does not match its hash (edited, or a keyed chain read without its key)',
    })
  })
  it('detects an edited envelope (actor, recorded time)', () => {
    const events = log()
    expect(
      verifyChain(events.map((e, i) => (i === 1 ? { ...e, actor: 'someone-else' } : e))),
    ).toMatchObject({ _tag: 'Broken', position: 2 })
    expect(
      verifyChain(
        events.map((e, i) =>
          i === 2 ? { ...e, recordedTime: instant('2030-01-01T00:00:00.000Z') } : e,
        ),
      ),
    ).toMatchObject({ _tag: 'Broken', position: 3 })
  })
  it('detects a removed event', () => {
    const events = log()
    expect(verifyChain([...events.slice(0, 2), ...events.slice(3)])).toEqual({
      _tag: 'Broken',
      position: 4,
      eventId: 'v2021',
      reason: 'expected position 3, found 4',
    })
  })
  it('detects reordered events, even with positions renumbered', () => {
    const events = log()
    const swapped = [events[0], events[2], events[1], events[3], events[4]] as RecordedEvent[]
    expect(verifyChain(swapped)).toMatchObject({
      _tag: 'Broken',
      position: 3,
      reason: 'expected position 2, found 3',
    })
    const renumbered = swapped.map((e, i) => ({ ...e, position: i + 1 }))
    expect(verifyChain(renumbered)).toMatchObject({
      _tag: 'Broken',
      position: 2,
      reason: 'previous-hash link does not match',
    })
  })
  it('detects a rewritten event whose own hash was recomputed: the next link breaks', () => {
    const events = log()
    const forged = seal([
      planAdopted,
      gdpDefined,
      gdpTarget2025,
      valueReported('v2021', '2021', 99),
    ]).slice(3)
    const tampered = [...events.slice(0, 3), ...forged, events[4] as RecordedEvent]
    expect(verifyChain(tampered)).toEqual({
      _tag: 'Broken',
      position: 5,
      eventId: 'v2022',
      reason: 'previous-hash link does not match',
    })
  })
  it('serialises content canonically, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: undefined }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2}]},"b":1}',
    )
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }))
  })
})
