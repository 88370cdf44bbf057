/**
 * The scalar codecs every event is built from: bounded finite numbers, ids, names and texts,
 * calendar dates, instants and bilingual text. Each carries a phrase the error reporter turns
 * into a sentence (`expected a finite number`), and says precisely which limit a value breaks
 * (`expected a non-empty string of at most 2000 characters`).
 *
 * The limits (documented in `docs/stores.md`):
 * - numbers are finite and within ±{@link MAX_MAGNITUDE} (1e15);
 * - dates (valid times, periods, adoption and due dates) fall in the years
 *   {@link MIN_YEAR}–{@link MAX_YEAR} (1900–2200);
 * - ids are 1–{@link MAX_ID_LENGTH} characters without control, bidi or invisible characters and
 *   are not `__proto__`, `constructor` or `prototype`;
 * - names and labels are one line of at most {@link MAX_NAME_LENGTH} characters;
 * - free text (reasons, notes, outlier explanations, quotes) is at most {@link MAX_TEXT_LENGTH}
 *   characters, tab and newline being its only control characters;
 * - no text holds bidi controls, line separators, a byte-order mark or lone surrogates.
 *
 * Lengths count UTF-16 code units (a Chinese character is one).
 *
 * @module Scalars
 */
import * as t from 'io-ts'
import { digitsAt } from './internal/Digits'

/** The largest magnitude a number of the ledger may have: 1e15. */
export const MAX_MAGNITUDE = 1e15
/** The earliest year a date of the ledger may fall in. */
export const MIN_YEAR = 1900
/** The latest year a date of the ledger may fall in. */
export const MAX_YEAR = 2200
/** The longest id, in UTF-16 code units. */
export const MAX_ID_LENGTH = 200
/** The longest name or label (one line), in UTF-16 code units. */
export const MAX_NAME_LENGTH = 500
/** The longest free text (reason, note, outlier explanation, quote), in UTF-16 code units. */
export const MAX_TEXT_LENGTH = 2000

/**
 * A scalar codec: decoding gives back the input itself whenever it is valid (`A` is its type in
 * memory, `O` its written form), and a failure says which limit it breaks: the failure's message
 * is the phrase of what was expected.
 *
 * @example
 * import { Scalar } from '@progress-ledger/core'
 * const Even = new Scalar<number>('Even', 'an even number', (u) => (typeof u === 'number' && u % 2 === 0 ? undefined : 'an even number'))
 * Even.is(4) // true
 * Even.is(3) // false
 */
export class Scalar<A, O = A> extends t.Type<A, O, unknown> {
  constructor(
    name: string,
    /** What a valid value is, as a phrase for messages: `a finite number`. */
    readonly phrase: string,
    /** `undefined` when `u` is valid, else what was expected of it (a phrase). */
    readonly problem: (u: unknown) => string | undefined,
  ) {
    super(
      name,
      (u): u is A => problem(u) === undefined,
      (u, c) => {
        const p = problem(u)
        return p === undefined ? t.success(u as A) : t.failure(u, c, p)
      },
      (a) => a as unknown as O,
    )
  }
}

/**
 * Is `n` a year the ledger's dates may fall in (1900–2200)?
 *
 * @example
 * import { isLedgerYear } from '@progress-ledger/core'
 * isLedgerYear(2021) // true
 * isLedgerYear(0) // false
 */
export function isLedgerYear(n: number): boolean {
  return Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR
}

/** A number that is neither `NaN` nor infinite, within ±1e15. Strings such as `"12,5"` are rejected. */
export const FiniteNumber = new Scalar<number>('FiniteNumber', 'a finite number', (u) => {
  if (typeof u !== 'number' || !Number.isFinite(u)) return 'a finite number'
  return Math.abs(u) > MAX_MAGNITUDE ? 'a finite number within ±1e15' : undefined
})

/** A whole number `>= 0` (at most 1e15). */
export const NonNegativeInt = new Scalar<number>('NonNegativeInt', 'a whole number >= 0', (u) => {
  if (typeof u !== 'number' || !Number.isInteger(u) || u < 0) return 'a whole number >= 0'
  return u > MAX_MAGNITUDE ? 'a whole number between 0 and 1e15' : undefined
})

/** A year of the ledger: a whole number from 1900 to 2200. */
export const Year = new Scalar<number>('Year', `a year ${MIN_YEAR}–${MAX_YEAR}`, (u) =>
  typeof u === 'number' && isLedgerYear(u) ? undefined : `a year ${MIN_YEAR}–${MAX_YEAR}`,
)

// Characters no text may hold: C0 controls but tab and newline, DEL and the C1 controls, the bidi
// controls (ALM, LRM, RLM, embeddings, overrides, isolates), the line and paragraph separators,
// the byte-order mark, and lone surrogates.
const TEXT_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- these match control characters on purpose
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
// One line: no tab or newline either.
const LINE_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- these match control characters on purpose
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
// Ids: no invisible characters (zero-width space and joiners, word joiner) either.
const ID_FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- these match control characters on purpose
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
const RESERVED_IDS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

interface TextRule {
  /** What is expected of a value that is not a string (or is blank where text is required). */
  readonly phrase: string
  /** What is expected of a string that breaks a limit. */
  readonly limited: string
  readonly nonEmpty: boolean
  readonly max: number
  readonly forbidden: RegExp
  readonly charset: string
}

function textProblem(rule: TextRule): (u: unknown) => string | undefined {
  return (u) => {
    if (typeof u !== 'string' || (rule.nonEmpty && u.trim().length === 0)) return rule.phrase
    if (u.length > rule.max) return `${rule.limited} of at most ${rule.max} characters`
    if (rule.forbidden.test(u)) return `${rule.limited} without ${rule.charset}`
    return undefined
  }
}

const TEXT_CHARSET = 'control characters (but tab and newline) or bidi controls'
const LINE_CHARSET = 'control or bidi characters'

/**
 * A string with at least one non-blank character: at most 2000 characters, tab and newline its
 * only control characters, no bidi controls. Reasons, outlier explanations, quotes.
 *
 * @example
 * import { NonEmptyString } from '@progress-ledger/core'
 * NonEmptyString.is('revised by the statistics bureau') // true
 * NonEmptyString.is(' ') // false
 * NonEmptyString.is('x'.repeat(2001)) // false
 */
export const NonEmptyString = new Scalar<string>(
  'NonEmptyString',
  'a non-empty string',
  textProblem({
    phrase: 'a non-empty string',
    limited: 'a non-empty string',
    nonEmpty: true,
    max: MAX_TEXT_LENGTH,
    forbidden: TEXT_FORBIDDEN,
    charset: TEXT_CHARSET,
  }),
)

/**
 * Free text that may be empty (a note, a summary), with the limits of {@link NonEmptyString}.
 *
 * @example
 * import { Text } from '@progress-ledger/core'
 * Text.is('') // true
 * Text.is('line one\nline two') // true
 * Text.is('\u001b[2J') // false
 */
export const Text = new Scalar<string>(
  'Text',
  'a string',
  textProblem({
    phrase: 'a string',
    limited: 'a string',
    nonEmpty: false,
    max: MAX_TEXT_LENGTH,
    forbidden: TEXT_FORBIDDEN,
    charset: TEXT_CHARSET,
  }),
)

/**
 * A name: one non-blank line of at most 500 characters, without control or bidi characters.
 *
 * @example
 * import { Name } from '@progress-ledger/core'
 * Name.is('人均生产总值') // true
 * Name.is('GDP\nper capita') // false
 */
export const Name = new Scalar<string>(
  'Name',
  'a non-empty string',
  textProblem({
    phrase: 'a non-empty string',
    limited: 'a one-line string',
    nonEmpty: true,
    max: MAX_NAME_LENGTH,
    forbidden: LINE_FORBIDDEN,
    charset: LINE_CHARSET,
  }),
)

/**
 * A label that may be empty (a unit, a printed number or target, a section): one line of at
 * most 500 characters, without control or bidi characters.
 *
 * @example
 * import { Label } from '@progress-ledger/core'
 * Label.is('') // true
 * Label.is('万元') // true
 * Label.is('万元\u202e') // false
 */
export const Label = new Scalar<string>(
  'Label',
  'a string',
  textProblem({
    phrase: 'a string',
    limited: 'a one-line string',
    nonEmpty: false,
    max: MAX_NAME_LENGTH,
    forbidden: LINE_FORBIDDEN,
    charset: LINE_CHARSET,
  }),
)

const idProblem = textProblem({
  phrase: 'a non-empty string',
  limited: 'an id',
  nonEmpty: true,
  max: MAX_ID_LENGTH,
  forbidden: ID_FORBIDDEN,
  charset: 'control, bidi or invisible characters',
})

/**
 * An id of a plan, category, department, indicator, target, task, project, milestone, fact or
 * event: 1–200 characters without control, bidi or invisible characters, and not `__proto__`,
 * `constructor` or `prototype` (ids become keys).
 *
 * @example
 * import { EntityId } from '@progress-ledger/core'
 * EntityId.is('I01') // true
 * EntityId.is('fgj\u0000') // false
 * EntityId.is('__proto__') // false
 */
export const EntityId = new Scalar<string>('EntityId', 'a non-empty string', (u) => {
  const p = idProblem(u)
  if (p !== undefined) return p
  return RESERVED_IDS.has(u as string)
    ? 'an id other than __proto__, constructor or prototype'
    : undefined
})

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/** A calendar date, `YYYY-MM-DD`, in the years 1900–2200. Sorts as a string. */
export type IsoDate = string & { readonly IsoDate: unique symbol }

/**
 * The year of `u` when it is a calendar date written `YYYY-MM-DD` (any four-digit year), else -1.
 * Read digit by digit: the write and read paths check every event's dates, and a regular
 * expression's match array and substrings cost more than the check.
 */
function calendarDateYear(u: unknown): number {
  return typeof u === 'string' && u.length === 10 ? leadingDateYear(u) : -1
}

/** {@link calendarDateYear} of the first ten characters of `s` (an instant's date part). */
function leadingDateYear(s: string): number {
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1
  const year = digitsAt(s, 0, 4)
  const month = digitsAt(s, 5, 7)
  const day = digitsAt(s, 8, 10)
  if (year < 0 || month < 1 || month > 12 || day < 1) return -1
  return day <= daysInMonth(year, month) ? year : -1
}

/**
 * Is `u` a valid calendar date written `YYYY-MM-DD`, in the years 1900–2200?
 *
 * @example
 * import { isIsoDate } from '@progress-ledger/core'
 * isIsoDate('2021-12-31') // true
 * isIsoDate('2021-02-30') // false
 * isIsoDate('0000-01-01') // false
 */
export function isIsoDate(u: unknown): u is IsoDate {
  const year = calendarDateYear(u)
  return year >= MIN_YEAR && year <= MAX_YEAR
}

/** Codec for {@link IsoDate}. */
export const IsoDate = new Scalar<IsoDate, string>('IsoDate', 'a date YYYY-MM-DD', (u) => {
  const year = calendarDateYear(u)
  if (year < 0) return 'a date YYYY-MM-DD'
  return isLedgerYear(year) ? undefined : `a date YYYY-MM-DD in the years ${MIN_YEAR}–${MAX_YEAR}`
})

/** A UTC instant, `YYYY-MM-DDTHH:mm:ss.sssZ` (what `Date#toISOString` prints). Sorts as a string. */
export type Instant = string & { readonly Instant: unique symbol }

/** Is `u` a UTC instant in the canonical `toISOString` form? */
export function isInstant(u: unknown): u is Instant {
  return typeof u === 'string' && INSTANT.test(u) && leadingDateYear(u) >= 0
}

/** Codec for {@link Instant}. */
export const Instant = new Scalar<Instant, string>(
  'Instant',
  'an instant YYYY-MM-DDTHH:mm:ss.sssZ',
  (u) => (isInstant(u) ? undefined : 'an instant YYYY-MM-DDTHH:mm:ss.sssZ'),
)

/**
 * Builds an {@link IsoDate}, throwing on anything else (a programmer error).
 *
 * @example
 * import { isoDate } from '@progress-ledger/core'
 * isoDate('2022-01-08') // '2022-01-08'
 */
export function isoDate(s: string): IsoDate {
  if (!isIsoDate(s))
    throw new Error(
      `expected a date YYYY-MM-DD in the years ${MIN_YEAR}–${MAX_YEAR}, got ${JSON.stringify(s)}`,
    )
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

let lastDay = ''
let lastEnd = ''

/**
 * The last instant of a calendar day, for "known at the end of that day" cut-offs. Asked again
 * for the same day it gives the same string (commands decided in bulk stamp every provisional
 * event with one).
 */
export function endOfDay(d: IsoDate): Instant {
  if (d !== lastDay) {
    lastEnd = `${d}T23:59:59.999Z`
    lastDay = d
  }
  return lastEnd as Instant
}

/** Text in Chinese with an optional English rendering: each a {@link Name}. */
export const LocalizedText = t.exact(
  t.intersection([t.type({ zh: Name }), t.partial({ en: Name })]),
  'LocalizedText',
)
/** Text in Chinese with an optional English rendering. */
export type LocalizedText = t.TypeOf<typeof LocalizedText>

/** Where a fact comes from: a document and, where it helps, the phrase quoted from it. */
export const SourceRef = t.exact(
  t.intersection([
    t.type({ document: Name }),
    t.partial({ quote: NonEmptyString, line: NonNegativeInt, url: Name }),
  ]),
  'SourceRef',
)
/** Where a fact comes from. */
export type SourceRef = t.TypeOf<typeof SourceRef>

/** A named number with its unit, such as a tunnel's length or an amount invested. */
export const Fact = t.exact(
  t.intersection([
    t.type({ key: EntityId, value: FiniteNumber }),
    t.partial({ unit: Label, label: LocalizedText }),
  ]),
  'Fact',
)
/** A named number with its unit. */
export type Fact = t.TypeOf<typeof Fact>
