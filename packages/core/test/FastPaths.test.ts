// Core's fast paths against the straightforward implementations they replace, so that speed
// never changes an answer: validateInput's exact pre-check, canonicalJson, the one-shot hash, the
// as-of index on frozen state, and the memoised period order of the reducer.
import { createHash } from 'node:crypto'
import { fixtures } from '@progress-ledger/testkit'
import fc from 'fast-check'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { asOf } from '../src/AsOf'
import { catalog, isEventType } from '../src/Catalog'
import { formatErrors, showValue } from '../src/Decode'
import { decodeStored, validateInput } from '../src/Envelope'
import { canonicalJson, chainHash, contentText, type HashedContent } from '../src/Hash'
import { InMemoryEventStore } from '../src/InMemoryEventStore'
import { manualClock } from '../src/Clock'
import { ledgerProjection, replay } from '../src/Replay'
import { instant, isInstant, IsoDate, isIsoDate, isoDate, NonEmptyString } from '../src/Scalars'
import { comparePeriods, isPeriodKey, periodKind, type PeriodKey } from '../src/Period'
import { sealWrites, validateBatch } from '../src/Batch'
import { verifyChain } from '../src/Hash'
import type { EventInput } from '../src/Envelope'
import { ledgerFromJson, type LedgerState } from '../src/State'

const runs = { numRuns: 1000 }

// The reference implementations, as they were before the fast paths.
function referenceCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value))
    return `[${value.map((v) => referenceCanonical(v === undefined ? null : v)).join(',')}]`
  const record = value as Record<string, unknown>
  const parts: string[] = []
  for (const key of Object.keys(record).sort())
    if (record[key] !== undefined)
      parts.push(`${JSON.stringify(key)}:${referenceCanonical(record[key])}`)
  return `{${parts.join(',')}}`
}

const InputEnvelope = t.exact(
  t.intersection([
    t.type({
      id: NonEmptyString,
      type: NonEmptyString,
      validTime: IsoDate,
      actor: NonEmptyString,
      data: t.unknown,
    }),
    t.partial({
      correlationId: t.union([t.string, t.null]),
      causationId: t.union([t.string, t.null]),
    }),
  ]),
)

function referenceValidate(u: unknown, prefix: string): unknown {
  const env = InputEnvelope.decode(u)
  if (env._tag === 'Left') return { _tag: 'Invalid', issues: formatErrors(env.left, prefix) }
  const { type } = env.right
  if (!isEventType(type)) {
    const path = `${prefix}.type`
    return {
      _tag: 'Invalid',
      issues: [
        {
          path,
          expected: 'a known event type',
          got: showValue(type),
          message: `${path}: expected a known event type, got ${showValue(type)}`,
        },
      ],
    }
  }
  const data = catalog[type].codec.decode(env.right.data)
  if (data._tag === 'Left')
    return { _tag: 'Invalid', issues: formatErrors(data.left, `${prefix}.data`) }
  return {
    _tag: 'Valid',
    event: {
      id: env.right.id,
      type,
      data: data.right,
      validTime: env.right.validTime,
      actor: env.right.actor,
      correlationId: env.right.correlationId ?? null,
      causationId: env.right.causationId ?? null,
    },
  }
}

const text = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', '指标', 'a"b', 'back\\slash', '\u0001', '\ud800', '😀', 'x\ny'),
)
const periods = fc.constantFrom(
  '2021',
  '2021-H1',
  '2021-Q3',
  '2021-07',
  '2021-07-15',
  '2022-13',
  'x',
  '',
)
const dataArb = fc.record(
  {
    indicatorId: fc.oneof(text, fc.integer()),
    period: fc.oneof(periods, fc.integer()),
    value: fc.oneof(fc.double(), fc.constant('12,5')),
    status: fc.constantFrom('final', 'preliminary', 'draft'),
    illustrative: fc.option(fc.boolean(), { nil: undefined }),
    source: fc.option(
      fc.oneof(fc.record({ document: text }), fc.record({ document: text, extra: text })),
      { nil: undefined },
    ),
    extra: fc.option(text, { nil: undefined }),
  },
  { requiredKeys: [] },
)
const targetData = fc.record(
  {
    indicatorId: text,
    targetId: text,
    dueYear: fc.oneof(fc.nat(3000), fc.double()),
    role: fc.constantFrom('final', 'interim', 'x'),
    expression: fc.oneof(
      fc.record({
        kind: fc.constant('level'),
        value: fc.double(),
        direction: fc.constantFrom('higher', 'lower'),
        inferred: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('stable') }, { requiredKeys: [] }),
      fc.record({
        kind: fc.constant('reasonable-range'),
        min: fc.option(fc.double(), { nil: undefined }),
        junk: fc.option(text, { nil: undefined }),
      }),
      fc.record({
        kind: fc.constant('comparison'),
        op: fc.constantFrom('ge', 'eq'),
        value: fc.double(),
        wording: fc.constantFrom('symbol', '以上'),
      }),
    ),
  },
  { requiredKeys: ['indicatorId', 'targetId', 'dueYear', 'role', 'expression'] },
)
const inputArb = fc.record(
  {
    id: text,
    type: fc.constantFrom('ValueReported', 'TargetSet', 'Nope'),
    validTime: fc.constantFrom('2021-12-31', '2021-02-30', 'x'),
    actor: text,
    data: fc.oneof(dataArb, targetData, fc.constant(null), fc.array(fc.nat())),
    correlationId: fc.option(fc.oneof(text, fc.constant(null), fc.integer()), { nil: undefined }),
    extra: fc.option(text, { nil: undefined }),
  },
  { requiredKeys: ['id', 'type', 'data'] },
)

describe('validateInput fast path', () => {
  it('gives exactly what the full decode gives, valid or not', () => {
    fc.assert(
      fc.property(inputArb, (u) => {
        const fast = validateInput(u, 'events[0]')
        const slow = referenceValidate(u, 'events[0]')
        expect(fast).toEqual(slow)
        // Where decoding changes nothing, both hand back the caller's data object itself.
        const slowData = (slow as { event?: { data: unknown } }).event?.data
        if (fast._tag === 'Valid' && slowData === (u as { data: unknown }).data)
          expect(fast.event.data).toBe(slowData)
      }),
      runs,
    )
  })
})

describe('the fast paths refuse the text the codecs refuse', () => {
  // Each breaks NonEmptyString: a control character, an escape sequence, a lone surrogate, a bidi
  // override, only blanks, one character too long.
  const refused = ['\u0001', 'x\u001b[2J', 'a\ud800', 'a\u202eb', ' \t ', 'x'.repeat(2001)]
  const input = {
    id: 'e1',
    type: 'ValueReported',
    validTime: '2021-12-31',
    actor: 'fgj',
    data: { indicatorId: 'I01', period: '2021', value: 1, status: 'final' },
  }
  const stored = {
    ...input,
    streamId: 'indicator-I01',
    version: 1,
    position: 1,
    schemaVersion: 1,
    recordedTime: '2022-03-01T09:00:00.000Z',
    correlationId: null,
    causationId: null,
    prevHash: '',
    hash: '',
  }
  it('takes the well-formed event on both paths', () => {
    expect(validateInput(input)._tag).toBe('Valid')
    expect(decodeStored(stored).id).toBe('e1')
  })
  it.each(refused.flatMap((bad) => (['id', 'actor'] as const).map((field) => ({ field, bad }))))(
    'validateInput refuses $field = $bad as the full decode does',
    ({ field, bad }) => {
      const u = { ...input, [field]: bad }
      const r = validateInput(u, 'events[0]')
      expect(r).toEqual(referenceValidate(u, 'events[0]'))
      expect(r._tag === 'Invalid' && r.issues[0]?.path).toBe(`events[0].${field}`)
    },
  )
  it.each(refused.flatMap((bad) => (['id', 'streamId'] as const).map((field) => ({ field, bad }))))(
    'decodeStored refuses $field = $bad as the full decode does',
    ({ field, bad }) => {
      expect(() => decodeStored({ ...stored, [field]: bad })).toThrow(field)
    },
  )
})

describe('canonicalJson and the chain hash', () => {
  it('canonicalJson equals the reference on any JSON value, keys in any order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (v, s) => {
        expect(canonicalJson(v)).toBe(referenceCanonical(v))
        expect(canonicalJson(s)).toBe(JSON.stringify(s))
      }),
      runs,
    )
    expect(canonicalJson({ b: [undefined, NaN, -0], a: { d: undefined, c: '\ud800' } })).toBe(
      referenceCanonical({ b: [undefined, NaN, -0], a: { d: undefined, c: '\ud800' } }),
    )
  })

  it('chainHash equals SHA-256 over the previous hash, a newline and the canonical content', () => {
    fc.assert(
      fc.property(fc.string(), fc.jsonValue(), fc.nat(), (prev, data, position) => {
        const e: HashedContent = {
          id: 'e',
          streamId: 's',
          version: 1,
          position,
          type: 'X',
          schemaVersion: 1,
          validTime: isoDate('2021-01-01'),
          recordedTime: instant('2021-01-01T00:00:00.000Z'),
          actor: 'a',
          correlationId: null,
          causationId: null,
          data,
        }
        expect(contentText(e)).toBe(
          referenceCanonical([
            'e',
            's',
            1,
            position,
            'X',
            1,
            '2021-01-01',
            '2021-01-01T00:00:00.000Z',
            'a',
            null,
            null,
            data,
          ]),
        )
        expect(chainHash(prev, e)).toBe(
          createHash('sha256').update(prev).update('\n').update(contentText(e)).digest('hex'),
        )
      }),
      runs,
    )
  })
})

describe('sealWrites writes the content text the chain verifies', () => {
  // Valid inputs whose strings need escaping as often as not.
  const odd = fc.constantFrom('a"b', 'back\\slash', '指标', '😀', 'tab\there')
  const valueInput = fc.record(
    {
      id: fc.oneof(fc.uuid(), odd, fc.string({ minLength: 1 })),
      type: fc.constant('ValueReported'),
      validTime: fc.constantFrom('2021-12-31', '2024-02-29'),
      actor: fc.oneof(fc.constantFrom('tjj', 'fgj'), odd),
      data: fc.record(
        {
          indicatorId: fc.oneof(fc.constantFrom('I01', 'I02'), odd),
          period: fc.constantFrom('2021', '2021-H2', '2021-Q3', '2021-07', '2021-07-15'),
          value: fc.double({ min: -1e9, max: 1e9, noNaN: true }),
          status: fc.constantFrom('final', 'preliminary'),
          outlier: odd,
          unit: fc.constantFrom('%', '万元', 'a"b'),
        },
        { requiredKeys: ['indicatorId', 'period', 'value', 'status'] },
      ),
      correlationId: fc.option(fc.oneof(odd, fc.uuid()), { nil: undefined }),
      causationId: fc.option(fc.oneof(odd, fc.constant(null)), { nil: undefined }),
    },
    { requiredKeys: ['id', 'type', 'validTime', 'actor', 'data'] },
  )
  const streamArb = fc.record({
    streamId: fc.oneof(text, fc.constantFrom('indicator-I01', 'a"quoted"')),
    events: fc.array(fc.oneof(valueInput, inputArb), { maxLength: 6 }),
  })
  it('every sealed hash is chainHash of its content after the previous hash, keyed or not', () => {
    let sealedCount = 0
    fc.assert(
      fc.property(
        fc.array(streamArb, { minLength: 1, maxLength: 4 }),
        fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
        fc.nat(1000),
        fc.constantFrom('2022-03-01T09:00:00.000Z', '2023-12-31T23:59:59.999Z'),
        (streams, key, start, now) => {
          // Only inputs that validate (ids unique within the batch) reach sealing.
          const seen = new Set<string>()
          const requests = streams
            .map((r) => ({
              streamId: r.streamId,
              expectedVersion: 'any' as const,
              events: r.events.filter((e) => {
                if (validateInput(e)._tag !== 'Valid' || seen.has(e.id)) return false
                seen.add(e.id)
                return true
              }) as unknown as EventInput[],
            }))
            .filter((r) => r.streamId.trim() !== '')
          const checked = validateBatch(requests)
          if (checked._tag !== 'Valid') throw new Error(JSON.stringify(checked))
          const writes = checked.requests.map((r, i) => ({
            streamId: r.streamId,
            fromVersion: i,
            events: r.events,
          }))
          const head = {
            position: start,
            hash: start === 0 ? '' : 'h'.repeat(64),
            recordedTime: null,
          }
          const sealed = sealWrites(writes, head, instant(now), key)
          sealedCount += sealed.length
          let prev = head.hash
          for (const e of sealed) {
            expect(e.prevHash).toBe(prev)
            expect(e.hash).toBe(chainHash(prev, e, key))
            prev = e.hash
          }
          if (start === 0) expect(verifyChain(sealed, undefined, key)._tag).toBe('Intact')
        },
      ),
      { numRuns: 300 },
    )
    // The property ran on real batches, not only on inputs that failed validation.
    expect(sealedCount).toBeGreaterThan(300)
  })
})

describe('date and period checks read by hand', () => {
  const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
  const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}\.\d{3}Z$/
  const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate()
  const calendar = (m: RegExpExecArray | null): number | undefined => {
    if (m === null) return undefined
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) ? y : undefined
  }
  const referenceIsoDate = (s: string): boolean => {
    const y = calendar(DATE.exec(s))
    return y !== undefined && y >= 1900 && y <= 2200
  }
  const referenceKind = (s: string): string | undefined => {
    if (/^\d{4}$/.test(s)) return 'year'
    if (/^\d{4}-H[12]$/.test(s)) return 'half'
    if (/^\d{4}-Q[1-4]$/.test(s)) return 'quarter'
    if (/^\d{4}-(0[1-9]|1[0-2])$/.test(s)) return 'month'
    return referenceIsoDate(s) ? 'day' : undefined
  }
  // Strings near the forms: digits, dashes, H, Q, T, colons, dots and Z in every arrangement,
  // plus arbitrary text and the edges of months, leap days and the year range.
  const near = fc.oneof(
    fc.stringMatching(/^[0-9]{0,5}(-[0-9HQ]{0,3}(-[0-9]{0,3})?)?$/),
    fc
      .tuple(
        fc.integer({ min: 1890, max: 2210 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    fc.constantFrom(
      '2024-02-29',
      '2100-02-29',
      '2000-02-29',
      '1899-12-31',
      '2200-12-31',
      '2201-01-01',
      '２０２１-01-01',
      '2021-0١-01',
    ),
    fc.string(),
  )
  it('isIsoDate, periodKind, isPeriodKey and isInstant answer as the regular expressions did', () => {
    fc.assert(
      fc.property(
        near,
        fc.constantFrom('T09:00:00.000Z', 'T9:00:00.000Z', 'T23:59:59.999Z', ''),
        (s, time) => {
          expect(isIsoDate(s)).toBe(referenceIsoDate(s))
          expect(periodKind(s)).toBe(referenceKind(s))
          const y = Number(s.slice(0, 4))
          expect(isPeriodKey(s)).toBe(referenceKind(s) !== undefined && y >= 1900 && y <= 2200)
          const at = `${s}${time}`
          expect(isInstant(at)).toBe(calendar(INSTANT.exec(at)) !== undefined)
        },
      ),
      runs,
    )
  })
})

function thaw<T>(x: T): T {
  return ledgerFromJson(JSON.parse(JSON.stringify(x))) as T
}

const months = [
  '2021-01',
  '2021-02',
  '2021-03',
  '2021-Q1',
  '2021',
  '2021-04',
  '2021-05',
  '2021-06',
  '2021-H1',
] as const

describe('as-of index and period order', () => {
  const historyArb = fc.array(
    fc.record({
      ind: fc.constantFrom('A', 'B'),
      month: fc.constantFrom(...months),
      value: fc.integer(),
      correct: fc.boolean(),
      step: fc.nat(3),
    }),
    { maxLength: 40 },
  )
  it('as-of on frozen (indexed) state equals as-of on the same state unfrozen, for any cut', () => {
    fc.assert(
      fc.property(
        historyArb,
        fc.nat(45),
        fc.nat(10),
        fc.constantFrom(...months, undefined),
        (history, cutPos, cutStep, cutMonth) => {
          const clock = manualClock('2022-01-01')
          const store = new InMemoryEventStore({ clock })
          store.appendNow([
            {
              streamId: 's',
              events: [
                fixtures.indicatorDefined('A', 'month'),
                fixtures.indicatorDefined('B', 'month'),
              ],
              expectedVersion: 'any',
            },
          ])
          const reported = new Map<string, string>()
          history.forEach((h, i) => {
            clock.advance(h.step * 86_400_000)
            const key = `${h.ind}/${h.month}`
            const prior = reported.get(key)
            const validTime = '2021-06-30'
            const data = {
              indicatorId: h.ind,
              period: h.month as PeriodKey,
              value: h.value,
              status: 'final' as const,
            }
            const event: EventInput =
              prior !== undefined && h.correct
                ? {
                    id: `c${i}`,
                    type: 'ValueCorrected',
                    validTime: isoDate(validTime),
                    actor: 't',
                    data: { ...data, corrects: prior, reason: 'r' },
                  }
                : {
                    id: `v${i}`,
                    type: 'ValueReported',
                    validTime: isoDate(`2021-0${1 + (i % 6)}-28`),
                    actor: 't',
                    data,
                  }
            reported.set(key, event.id)
            store.appendNow([{ streamId: 's', events: [event], expectedVersion: 'any' }])
          })
          const frozen = replay(ledgerProjection, store.readAllNow())
          const events = store.readAllNow()
          const cutRecorded = events[Math.min(events.length - 1, cutStep * 4)]?.recordedTime
          const cuts = [
            { position: cutPos },
            { recordedTime: cutRecorded },
            { validTime: cutMonth === undefined ? undefined : `2021-0${1 + (cutPos % 6)}-15` },
            { position: cutPos, validTime: '2021-03-31' },
          ]
          for (const cut of cuts) {
            const c = Object.fromEntries(Object.entries(cut).filter(([, v]) => v !== undefined))
            expect(asOf(frozen, c)).toEqual(asOf(thaw<LedgerState>(frozen), c))
            expect(asOf(frozen, c)).toEqual(asOf(frozen, c))
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('values stay sorted by comparePeriods whatever order periods arrive in', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...months), { maxLength: 30 }), (order) => {
        const clock = manualClock('2022-01-01')
        const store = new InMemoryEventStore({ clock })
        store.appendNow([
          {
            streamId: 's',
            expectedVersion: 'any',
            events: [fixtures.indicatorDefined('A', 'month')],
          },
        ])
        order.forEach((m, i) =>
          store.appendNow([
            {
              streamId: 's',
              expectedVersion: 'any',
              events: [
                {
                  id: `v${i}`,
                  type: 'ValueReported',
                  validTime: isoDate('2021-06-30'),
                  actor: 't',
                  data: { indicatorId: 'A', period: m as PeriodKey, value: i, status: 'final' },
                },
              ],
            },
          ]),
        )
        const periodsSeen =
          replay(ledgerProjection, store.readAllNow())
            .indicators.get('A')
            ?.values.map((v) => v.period) ?? []
        expect(periodsSeen).toEqual(
          [...new Set<string>(order)].sort((a, b) =>
            comparePeriods(a as PeriodKey, b as PeriodKey),
          ),
        )
      }),
      runs,
    )
  })
})

describe('decodeStored fast path', () => {
  const envelopeKeys = [
    'id',
    'streamId',
    'version',
    'position',
    'type',
    'schemaVersion',
    'validTime',
    'recordedTime',
    'actor',
    'correlationId',
    'causationId',
    'prevHash',
    'hash',
    'data',
  ] as const
  // The full decode as it was before the fast path: envelope, then the type's codec.
  function referenceStored(u: unknown): unknown {
    const r = u as Record<string, unknown>
    const type = r['type']
    if (!isEventType(type)) return 'error'
    if (!NonEmptyString.is(r['id']) || !NonEmptyString.is(r['streamId'])) return 'error'
    const decoded = catalog[type].codec.decode(r['data'])
    if (decoded._tag === 'Left') return 'error'
    return Object.fromEntries(envelopeKeys.map((k) => [k, k === 'data' ? decoded.right : r[k]]))
  }
  const storedArb = fc.record({
    id: text,
    streamId: text,
    version: fc.nat(50),
    position: fc.nat(50),
    type: fc.constantFrom('ValueReported', 'TargetSet'),
    schemaVersion: fc.constant(1),
    validTime: fc.constant('2021-12-31'),
    recordedTime: fc.constant('2022-03-01T09:00:00.000Z'),
    actor: fc.string(),
    correlationId: fc.oneof(fc.constant(null), text),
    causationId: fc.constant(null),
    prevHash: fc.string(),
    hash: fc.string(),
    data: fc.oneof(dataArb, targetData),
  })
  it('gives what the full decode gives on the envelope fields, or throws as it does', () => {
    fc.assert(
      fc.property(storedArb, (u) => {
        const reference = referenceStored(u)
        let fast: unknown
        try {
          fast = decodeStored(u)
        } catch {
          fast = 'error'
        }
        if (reference === 'error' || fast === 'error') expect(fast).toBe(reference)
        else
          expect(
            Object.fromEntries(envelopeKeys.map((k) => [k, (fast as Record<string, unknown>)[k]])),
          ).toEqual(reference)
      }),
      runs,
    )
  })
})
