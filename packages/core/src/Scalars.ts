/**
 * The scalar codecs every event is built from: finite numbers, non-empty strings, calendar
 * dates, instants and bilingual text. Each carries a name the error reporter turns into a
 * sentence (`expected a finite number`).
 *
 * @module Scalars
 */
import * as t from 'io-ts'

/** A number that is neither `NaN` nor infinite. Strings such as `"12,5"` are rejected. */
export const FiniteNumber = new t.Type<number, number, unknown>(
  'FiniteNumber',
  (u): u is number => typeof u === 'number' && Number.isFinite(u),
  (u, c) => (typeof u === 'number' && Number.isFinite(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
)

/** A string with at least one non-blank character. */
export const NonEmptyString = new t.Type<string, string, unknown>(
  'NonEmptyString',
  (u): u is string => typeof u === 'string' && u.trim().length > 0,
  (u, c) => (typeof u === 'string' && u.trim().length > 0 ? t.success(u) : t.failure(u, c)),
  t.identity,
)

/** A whole number `>= 0`. */
export const NonNegativeInt = new t.Type<number, number, unknown>(
  'NonNegativeInt',
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 0,
  (u, c) =>
    typeof u === 'number' && Number.isInteger(u) && u >= 0 ? t.success(u) : t.failure(u, c),
  t.identity,
)

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function isCalendarDate(year: string, month: string, day: string): boolean {
  const m = Number(month)
  const d = Number(day)
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(Number(year), m)
}

/** A calendar date, `YYYY-MM-DD`. Sorts as a string. */
export type IsoDate = string & { readonly IsoDate: unique symbol }

/** Is `u` a valid calendar date written `YYYY-MM-DD`? */
export function isIsoDate(u: unknown): u is IsoDate {
  if (typeof u !== 'string') return false
  const m = DATE.exec(u)
  return m !== null && isCalendarDate(m[1] as string, m[2] as string, m[3] as string)
}

/** Codec for {@link IsoDate}. */
export const IsoDate = new t.Type<IsoDate, string, unknown>(
  'IsoDate',
  isIsoDate,
  (u, c) => (isIsoDate(u) ? t.success(u) : t.failure(u, c)),
  (a) => a,
)

/** A UTC instant, `YYYY-MM-DDTHH:mm:ss.sssZ` (what `Date#toISOString` prints). Sorts as a string. */
export type Instant = string & { readonly Instant: unique symbol }

/** Is `u` a UTC instant in the canonical `toISOString` form? */
export function isInstant(u: unknown): u is Instant {
  if (typeof u !== 'string') return false
  const m = INSTANT.exec(u)
  return m !== null && isCalendarDate(m[1] as string, m[2] as string, m[3] as string)
}

/** Codec for {@link Instant}. */
export const Instant = new t.Type<Instant, string, unknown>(
  'Instant',
  isInstant,
  (u, c) => (isInstant(u) ? t.success(u) : t.failure(u, c)),
  (a) => a,
)

/**
 * Builds an {@link IsoDate}, throwing on anything else (a programmer error).
 *
 * @example
 * import { isoDate } from '@progress-ledger/core'
 * isoDate('2022-01-08') // '2022-01-08'
 */
export function isoDate(s: string): IsoDate {
  if (!isIsoDate(s)) throw new Error(`expected a date YYYY-MM-DD, got ${JSON.stringify(s)}`)
  return s
}

/**
 * Builds an {@link Instant}. A bare date means midnight UTC.
 *
 * @example
 * import { instant } from '@progress-ledger/core'
 * instant('2022-01-08') // '2022-01-08T00:00:00.000Z'
 */
export function instant(s: string): Instant {
  const v = isIsoDate(s) ? `${s}T00:00:00.000Z` : s
  if (!isInstant(v))
    throw new Error(`expected an instant YYYY-MM-DDTHH:mm:ss.sssZ, got ${JSON.stringify(s)}`)
  return v
}

/** The calendar date (UTC) of an instant. */
export function dateOf(i: Instant): IsoDate {
  return i.slice(0, 10) as IsoDate
}

/** The last instant of a calendar day, for "known at the end of that day" cut-offs. */
export function endOfDay(d: IsoDate): Instant {
  return `${d}T23:59:59.999Z` as Instant
}

/** Text in Chinese with an optional English rendering. */
export const LocalizedText = t.exact(
  t.intersection([t.type({ zh: NonEmptyString }), t.partial({ en: NonEmptyString })]),
  'LocalizedText',
)
/** Text in Chinese with an optional English rendering. */
export type LocalizedText = t.TypeOf<typeof LocalizedText>

/** Where a fact comes from: a document and, where it helps, the phrase quoted from it. */
export const SourceRef = t.exact(
  t.intersection([
    t.type({ document: NonEmptyString }),
    t.partial({ quote: NonEmptyString, line: NonNegativeInt, url: NonEmptyString }),
  ]),
  'SourceRef',
)
/** Where a fact comes from. */
export type SourceRef = t.TypeOf<typeof SourceRef>

/** A named number with its unit, such as a tunnel's length or an amount invested. */
export const Fact = t.exact(
  t.intersection([
    t.type({ key: NonEmptyString, value: FiniteNumber }),
    t.partial({ unit: t.string, label: LocalizedText }),
  ]),
  'Fact',
)
/** A named number with its unit. */
export type Fact = t.TypeOf<typeof Fact>
