/**
 * Arbitraries for the scalar codecs of core: finite numbers, non-empty strings, dates, instants,
 * periods, date specs, bilingual text, sources, facts and target expressions. Every value they
 * produce passes the matching core codec.
 *
 * @module arbitraries/Scalars
 */
import * as fc from 'fast-check'
import {
  EntityId,
  MAX_MAGNITUDE,
  type DateSpec,
  type Fact,
  type Instant,
  type IsoDate,
  type LocalizedText,
  type PeriodKey,
  type PeriodKind,
  type SourceRef,
  type TargetExpression,
} from '@progress-ledger/core'

/**
 * A record with required and optional keys; optional keys are absent (never `undefined`) when
 * not drawn, as `exactOptionalPropertyTypes` and the exact codecs expect.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { recordOf } from '@progress-ledger/testkit'
 * typeof fc.sample(recordOf({ a: fc.nat() }, { b: fc.boolean() }), 1)[0]?.a // 'number'
 */
export function recordOf<R extends Record<string, unknown>, O extends Record<string, unknown>>(
  required: { [K in keyof R]: fc.Arbitrary<R[K]> },
  optional: { [K in keyof O]: fc.Arbitrary<O[K]> },
): fc.Arbitrary<R & Partial<O>> {
  return fc
    .tuple(
      fc.record(required, { noNullPrototype: true }),
      fc.record(optional, { requiredKeys: [], noNullPrototype: true }),
    )
    .map(([r, o]) => ({ ...r, ...o }) as R & Partial<O>)
}

/**
 * A finite number within the ledger's bound ±1e15 (no `NaN`, no infinities). With `realistic`,
 * numbers a statistician would report: two decimals, no negative zero.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { finiteNumber } from '@progress-ledger/testkit'
 * fc.sample(finiteNumber(), 5).every(Number.isFinite) // true
 */
export function finiteNumber(realistic = false): fc.Arbitrary<number> {
  if (realistic)
    return fc.integer({ min: -1_000_000, max: 10_000_000 }).map((n) => (n === 0 ? 0 : n / 100))
  return fc.double({ noNaN: true, min: -MAX_MAGNITUDE, max: MAX_MAGNITUDE })
}

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz']
const ID_CHARS = [...LETTERS, ...'0123456789-']

/**
 * A string with at least one non-blank character, drawn from ids-like, Chinese and free text.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { nonEmptyString } from '@progress-ledger/testkit'
 * fc.sample(nonEmptyString(), 5).every((s) => s.trim().length > 0) // true
 */
export function nonEmptyString(): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .tuple(
        fc.constantFrom(...LETTERS),
        fc.string({ unit: fc.constantFrom(...ID_CHARS), maxLength: 8 }),
      )
      .map(([a, b]) => a + b),
    fc.constantFrom('发改局', '统计局', '人均生产总值', '杭台高铁', '隧道贯通', '稳步提升'),
    fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0),
  )
}

/**
 * An id core's `EntityId` accepts: a non-empty string other than `__proto__`, `constructor` and
 * `prototype` (which fast-check likes to draw).
 *
 * @example
 * import * as fc from 'fast-check'
 * import { EntityId } from '@progress-ledger/core'
 * import { entityIdArb } from '@progress-ledger/testkit'
 * fc.sample(entityIdArb(), 20).every((s) => EntityId.is(s)) // true
 */
export function entityIdArb(): fc.Arbitrary<string> {
  return nonEmptyString().filter((s) => EntityId.is(s))
}

const pad2 = (n: number): string => String(n).padStart(2, '0')

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/**
 * A calendar date `YYYY-MM-DD` between two years (default 2016–2030).
 *
 * @example
 * import * as fc from 'fast-check'
 * import { isoDateArb } from '@progress-ledger/testkit'
 * fc.sample(isoDateArb(2021, 2021), 1)[0]?.startsWith('2021-') // true
 */
export function isoDateArb(fromYear = 2016, toYear = 2030): fc.Arbitrary<IsoDate> {
  return fc
    .record({
      y: fc.integer({ min: fromYear, max: toYear }),
      m: fc.integer({ min: 1, max: 12 }),
      d: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ y, m, d }) => `${y}-${pad2(m)}-${pad2(Math.min(d, daysIn(y, m)))}` as IsoDate)
}

/**
 * A UTC instant in `toISOString` form between two years (default 2016–2030).
 *
 * @example
 * import * as fc from 'fast-check'
 * import { instantArb } from '@progress-ledger/testkit'
 * fc.sample(instantArb(), 1)[0]?.endsWith('Z') // true
 */
export function instantArb(fromYear = 2016, toYear = 2030): fc.Arbitrary<Instant> {
  return fc
    .tuple(isoDateArb(fromYear, toYear), fc.integer({ min: 0, max: 86_399_999 }))
    .map(([d, ms]) => {
      const h = Math.floor(ms / 3_600_000)
      const min = Math.floor(ms / 60_000) % 60
      const s = Math.floor(ms / 1000) % 60
      return `${d}T${pad2(h)}:${pad2(min)}:${pad2(s)}.${String(ms % 1000).padStart(3, '0')}Z` as Instant
    })
}

/** The period kinds, coarsest first. */
export const periodKinds: ReadonlyArray<PeriodKind> = ['year', 'half', 'quarter', 'month', 'day']

/**
 * A period key of a given kind (or any kind) in a year range.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { periodKeyArb } from '@progress-ledger/testkit'
 * fc.sample(periodKeyArb('quarter', 2021, 2021), 1)[0]?.startsWith('2021-Q') // true
 */
export function periodKeyArb(
  kind?: PeriodKind,
  fromYear = 2016,
  toYear = 2030,
): fc.Arbitrary<PeriodKey> {
  const k = kind === undefined ? fc.constantFrom(...periodKinds) : fc.constant(kind)
  return fc.tuple(k, isoDateArb(fromYear, toYear)).map(([kk, d]) => periodOfKind(kk, d))
}

function periodOfKind(kind: PeriodKind, d: IsoDate): PeriodKey {
  const y = d.slice(0, 4)
  const m = Number(d.slice(5, 7))
  switch (kind) {
    case 'year':
      return y as PeriodKey
    case 'half':
      return `${y}-H${m <= 6 ? 1 : 2}` as PeriodKey
    case 'quarter':
      return `${y}-Q${Math.ceil(m / 3)}` as PeriodKey
    case 'month':
      return `${y}-${pad2(m)}` as PeriodKey
    case 'day':
      return d as string as PeriodKey
  }
}

/**
 * A date spec whose `date` matches its precision (day, part of a month, month, year or range).
 *
 * @example
 * import * as fc from 'fast-check'
 * import { DateSpec } from '@progress-ledger/core'
 * import { dateSpecArb } from '@progress-ledger/testkit'
 * fc.sample(dateSpecArb(), 10).every((d) => DateSpec.is(d)) // true
 */
export function dateSpecArb(): fc.Arbitrary<DateSpec> {
  return fc.oneof(
    isoDateArb().map((date): DateSpec => ({ date, precision: 'day' })),
    fc
      .tuple(isoDateArb(), fc.integer({ min: 0, max: 40 }))
      .map(([date, n]): DateSpec => ({ date, precision: 'range', end: addDays(date, n) })),
    isoDateArb().map((d): DateSpec => ({ date: d.slice(0, 4), precision: 'year' })),
    fc
      .tuple(isoDateArb(), fc.constantFrom('early-month', 'mid-month', 'late-month', 'month'))
      .map(([d, precision]): DateSpec => ({ date: d.slice(0, 7), precision })),
  )
}

function addDays(d: IsoDate, n: number): IsoDate {
  let y = Number(d.slice(0, 4))
  let m = Number(d.slice(5, 7))
  let day = Number(d.slice(8, 10)) + n
  while (day > daysIn(y, m)) {
    day -= daysIn(y, m)
    m++
    if (m > 12) {
      m = 1
      y++
    }
  }
  return `${y}-${pad2(m)}-${pad2(day)}` as IsoDate
}

/**
 * Chinese text with, sometimes, an English rendering.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { localizedTextArb } from '@progress-ledger/testkit'
 * fc.sample(localizedTextArb(), 20).every((v) => v.zh.length > 0) // true
 */
export function localizedTextArb(): fc.Arbitrary<LocalizedText> {
  return recordOf({ zh: nonEmptyString() }, { en: nonEmptyString() })
}

/**
 * A source reference: a document, sometimes a quote, line and URL.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { sourceRefArb } from '@progress-ledger/testkit'
 * fc.sample(sourceRefArb(), 20).every((v) => v.document.length > 0) // true
 */
export function sourceRefArb(): fc.Arbitrary<SourceRef> {
  return recordOf(
    { document: nonEmptyString() },
    { quote: nonEmptyString(), line: fc.nat(5000), url: nonEmptyString() },
  )
}

/**
 * A named number with its unit and label.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { factArb } from '@progress-ledger/testkit'
 * fc.sample(factArb(), 20).every((v) => v.key.length > 0) // true
 */
export function factArb(): fc.Arbitrary<Fact> {
  return recordOf(
    { key: entityIdArb(), value: finiteNumber() },
    { unit: fc.string(), label: localizedTextArb() },
  )
}

/**
 * Any target expression: level, comparison, range, trend, stable, reasonable range or quota,
 * with numbers drawn from `numbers` (default: any finite number).
 *
 * @example
 * import * as fc from 'fast-check'
 * import { TargetExpression } from '@progress-ledger/core'
 * import { targetExpressionArb } from '@progress-ledger/testkit'
 * fc.sample(targetExpressionArb(), 10).every((e) => TargetExpression.is(e)) // true
 */
export function targetExpressionArb(
  numbers: fc.Arbitrary<number> = finiteNumber(),
): fc.Arbitrary<TargetExpression> {
  const n = numbers
  return fc.oneof(
    fc.record(
      {
        kind: fc.constant('level' as const),
        value: n,
        direction: fc.constantFrom('higher', 'lower', 'band', 'neutral'),
        inferred: fc.boolean(),
      },
      { noNullPrototype: true },
    ),
    fc.record(
      {
        kind: fc.constant('comparison' as const),
        op: fc.constantFrom('ge', 'gt', 'le', 'lt'),
        value: n,
        wording: fc.constantFrom(
          'symbol',
          '以上',
          '以下',
          '以内',
          '突破',
          '超',
          '不低于',
          '不超过',
          '达到',
        ),
      },
      { noNullPrototype: true },
    ),
    fc.record({ kind: fc.constant('range' as const), min: n, max: n }, { noNullPrototype: true }),
    fc.record(
      {
        kind: fc.constant('trend' as const),
        direction: fc.constantFrom('rise', 'fall'),
        pace: fc.constantFrom('steady', 'gradual', 'yearly'),
      },
      { noNullPrototype: true },
    ),
    fc.constant({ kind: 'stable' as const }),
    recordOf({ kind: fc.constant('reasonable-range' as const) }, { min: n, max: n }),
    fc.constant({ kind: 'quota' as const }),
  )
}
