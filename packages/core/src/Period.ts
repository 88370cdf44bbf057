/**
 * Reporting periods: a year (`2021`), a half (`2021-H1`), a quarter (`2021-Q3`), a month
 * (`2021-07`) or a day (`2021-07-15`). A value is always reported for a period; the period's
 * last day is the value's valid time.
 *
 * @module Period
 */
import * as t from 'io-ts'
import {
  daysInMonth,
  type IsoDate,
  isIsoDate,
  isLedgerYear,
  MAX_YEAR,
  MIN_YEAR,
  Scalar,
} from './Scalars'
import { digitsAt } from './internal/Digits'

/** The granularity of a period, coarsest first. */
export const PeriodKind = t.keyof(
  { year: null, half: null, quarter: null, month: null, day: null },
  'PeriodKind',
)
/** The granularity of a period. */
export type PeriodKind = t.TypeOf<typeof PeriodKind>

/** A period key such as `2021`, `2021-H2`, `2021-Q3`, `2021-07` or `2021-07-15`. */
export type PeriodKey = string & { readonly PeriodKey: unique symbol }

/**
 * The kind of a well-formed period key, or `undefined` when `s` is not one. Read character by
 * character (a year `YYYY`, a half `YYYY-H1`, a quarter `YYYY-Q3`, a month `YYYY-07`, a day
 * `YYYY-07-15`): every reported value's period is checked on the write path.
 */
export function periodKind(s: string): PeriodKind | undefined {
  if (digitsAt(s, 0, 4) < 0) return undefined
  switch (s.length) {
    case 4:
      return 'year'
    case 7: {
      if (s.charCodeAt(4) !== 45) return undefined
      const c = s.charCodeAt(5)
      const d = s.charCodeAt(6) - 48
      if (c === 72) return d === 1 || d === 2 ? 'half' : undefined // H
      if (c === 81) return d >= 1 && d <= 4 ? 'quarter' : undefined // Q
      const month = digitsAt(s, 5, 7)
      return month >= 1 && month <= 12 ? 'month' : undefined
    }
    case 10:
      return isIsoDate(s) ? 'day' : undefined
    default:
      return undefined
  }
}

/** Is `u` a well-formed period key of a year 1900–2200? */
export function isPeriodKey(u: unknown): u is PeriodKey {
  return typeof u === 'string' && periodKind(u) !== undefined && isLedgerYear(digitsAt(u, 0, 4))
}

const PERIOD = 'a period (2021, 2021-H1, 2021-Q3, 2021-07 or 2021-07-15)'

/** Codec for {@link PeriodKey}. */
export const PeriodKey = new Scalar<PeriodKey, string>('PeriodKey', PERIOD, (u) => {
  // A year written as a JSON number (2021, not "2021") is the likeliest slip: say how to write it.
  if (typeof u === 'number')
    return isPeriodKey(String(u)) ? `${PERIOD} written as a string ("${u}")` : PERIOD
  if (typeof u !== 'string') return PERIOD
  if (isLedgerYear(digitsAt(u, 0, 4))) return periodKind(u) === undefined ? PERIOD : undefined
  // A well-formed period of another year (a leap year stands in for it) breaks the year limit.
  return digitsAt(u, 0, 4) >= 0 && periodKind(`2000${u.slice(4)}`) !== undefined
    ? `${PERIOD} of a year ${MIN_YEAR}–${MAX_YEAR}`
    : PERIOD
})

/**
 * Builds a period key, throwing on a malformed one (a programmer error).
 *
 * @example
 * import { period } from '@progress-ledger/core'
 * period('2021-Q3') // '2021-Q3'
 */
export function period(s: string): PeriodKey {
  if (!isPeriodKey(s))
    throw new Error(
      `expected a period (2021, 2021-H1, 2021-Q3, 2021-07 or 2021-07-15), got ${JSON.stringify(s)}`,
    )
  return s
}

const pad2 = (n: number): string => String(n).padStart(2, '0')

/** The year a period falls in. */
export function periodYear(p: PeriodKey): number {
  return Number(p.slice(0, 4))
}

/** The first and last month (1–12) a period covers. */
function monthSpan(p: PeriodKey): readonly [number, number] {
  switch (periodKind(p)) {
    case 'year':
      return [1, 12]
    case 'half':
      return p.endsWith('1') ? [1, 6] : [7, 12]
    case 'quarter': {
      const q = Number(p.slice(6))
      return [q * 3 - 2, q * 3]
    }
    case 'month':
    case 'day': {
      const m = Number(p.slice(5, 7))
      return [m, m]
    }
    default:
      throw new Error(`not a period: ${JSON.stringify(p)}`)
  }
}

/** The first day of a period. */
export function periodStart(p: PeriodKey): IsoDate {
  if (periodKind(p) === 'day') return p as string as IsoDate
  return `${p.slice(0, 4)}-${pad2(monthSpan(p)[0])}-01` as IsoDate
}

/** Last days of the periods asked for, at most {@link PERIOD_ENDS} of them (see {@link periodEnd}). */
const periodEnds = new Map<string, IsoDate>()
const PERIOD_ENDS = 4096

/**
 * The last day of a period: the valid time of a value reported for it. Periods recur (a plan
 * reports on a few dozen), so the answers are kept: sorting compares periods by it, and a million
 * values reported for `2023-06` hold one string `2023-06-30`, not a million.
 */
export function periodEnd(p: PeriodKey): IsoDate {
  const known = periodEnds.get(p)
  if (known !== undefined) return known
  const end = lastDay(p)
  if (periodEnds.size < PERIOD_ENDS) periodEnds.set(p, end)
  return end
}

function lastDay(p: PeriodKey): IsoDate {
  if (periodKind(p) === 'day') return p as string as IsoDate
  const year = periodYear(p)
  const last = monthSpan(p)[1]
  return `${year}-${pad2(last)}-${pad2(daysInMonth(year, last))}` as IsoDate
}

const KIND_RANK: Readonly<Record<PeriodKind, number>> = {
  year: 0,
  half: 1,
  quarter: 2,
  month: 3,
  day: 4,
}

/**
 * Orders periods by their last day, then the longer period first (a year before its December).
 * Period order, not arrival order, decides which value is the latest.
 */
export function comparePeriods(a: PeriodKey, b: PeriodKey): number {
  if (a === b) return 0
  const ea = periodEnd(a)
  const eb = periodEnd(b)
  if (ea !== eb) return ea < eb ? -1 : 1
  return KIND_RANK[periodKind(a) as PeriodKind] - KIND_RANK[periodKind(b) as PeriodKind]
}

/** The period of the given kind that contains a day. */
export function periodContaining(d: IsoDate, kind: PeriodKind): PeriodKey {
  const year = d.slice(0, 4)
  const month = Number(d.slice(5, 7))
  switch (kind) {
    case 'year':
      return year as PeriodKey
    case 'half':
      return `${year}-H${month <= 6 ? 1 : 2}` as PeriodKey
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}` as PeriodKey
    case 'month':
      return `${year}-${pad2(month)}` as PeriodKey
    case 'day':
      return d as string as PeriodKey
  }
}
