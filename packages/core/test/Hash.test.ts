import fc from 'fast-check'
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

describe('canonical JSON, compiled per key list', () => {
  // The reference: sorted own enumerable keys, undefined values left out, at every level —
  // written independently of the implementation under test.
  const reference = (v: unknown): string => {
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null'
      return JSON.stringify(v) ?? 'null'
    }
    if (Array.isArray(v))
      return `[${v.map((x) => reference(x === undefined ? null : x)).join(',')}]`
    const entries = Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${reference((v as Record<string, unknown>)[k])}`)
    return `{${entries.join(',')}}`
  }
  // Few key names, so that objects share key lists (in one order or another) and the compiled
  // writers are reused; values of every JSON kind, undefined and non-finite numbers included.
  const key = fc.constantFrom(
    'a',
    'b',
    'value',
    'period',
    '2',
    '10',
    '__proto__',
    'é"\\',
    '\ud800',
    'Z',
  )
  const leaf = fc.oneof(
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  )
  const tree = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('node'), { maxLength: 4 }),
    object: fc.array(fc.tuple(key, tie('node')), { maxLength: 6 }).map((pairs) => {
      const o: Record<string, unknown> = {}
      for (const [k, v] of pairs)
        Object.defineProperty(o, k, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        })
      return o
    }),
  }))

  it('writes exactly what the reference writes, for every object, shape seen before or not', () => {
    fc.assert(
      fc.property(fc.array(tree.node, { minLength: 1, maxLength: 8 }), (values) =>
        values.every((v) => canonicalJson(v) === reference(v)),
      ),
      { numRuns: 500 },
    )
  })

  it('writes only own enumerable keys, as the reference does, whatever the same key list compiled', () => {
    const plain = { b: 1, a: 'x' }
    expect(canonicalJson(plain)).toBe('{"a":"x","b":1}')
    // Same own enumerable keys, plus a hidden key and an inherited one: neither is written.
    const odd = Object.create({ c: 3 }) as Record<string, unknown>
    odd['b'] = 2
    odd['a'] = 'y'
    Object.defineProperty(odd, 'd', { value: 4, enumerable: false })
    expect(canonicalJson(odd)).toBe('{"a":"y","b":2}')
    expect(canonicalJson(odd)).toBe(reference(odd))
    // An undefined value in a compiled list is left out, as before.
    expect(canonicalJson({ b: undefined, a: 'z' })).toBe('{"a":"z"}')
    // Many keys (a map of ids rather than a record) take the generic path.
    const wide = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${39 - i}`, i]))
    expect(canonicalJson(wide)).toBe(reference(wide))
  })
})
