/**
 * Dates as chronicles print them: a day (`2018-03-28`), a month (`2018-07`), part of a month
 * (`12月下旬`, late December), a year, or a range (`10月23日至25日`). Precision is kept, never
 * invented: a month-precision date is not silently the first of the month.
 *
 * @module DateSpec
 */
import * as t from 'io-ts'
import {
  daysInMonth,
  type IsoDate,
  IsoDate as IsoDateCodec,
  isIsoDate,
  isLedgerYear,
} from './Scalars'

/** How precisely a date is known. */
export const DatePrecision = t.keyof(
  {
    day: null,
    'early-month': null,
    'mid-month': null,
    'late-month': null,
    month: null,
    year: null,
    range: null,
  },
  'DatePrecision',
)
/** How precisely a date is known. */
export type DatePrecision = t.TypeOf<typeof DatePrecision>

const DateSpecShape = t.exact(
  t.intersection([
    t.type({ date: t.string, precision: DatePrecision }),
    t.partial({ end: IsoDateCodec }),
  ]),
)
type DateSpecShape = t.TypeOf<typeof DateSpecShape>
/** A date with its precision; `date` is `YYYY-MM-DD`, `YYYY-MM` or `YYYY` to match. */
export interface DateSpec {
  readonly date: string
  readonly precision: DatePrecision
  readonly end?: IsoDate
}

const inLedgerYears = (date: string): boolean => isLedgerYear(Number(date.slice(0, 4)))

function dateMatchesPrecision(d: DateSpec): boolean {
  switch (d.precision) {
    case 'day':
      return isIsoDate(d.date) && d.end === undefined
    case 'range':
      return isIsoDate(d.date) && d.end !== undefined && d.end >= d.date
    case 'year':
      return /^\d{4}$/.test(d.date) && inLedgerYears(d.date) && d.end === undefined
    default:
      return /^\d{4}-(0[1-9]|1[0-2])$/.test(d.date) && inLedgerYears(d.date) && d.end === undefined
  }
}

/** Codec for {@link DateSpec}: the shape of `date` must match `precision`. */
export const DateSpec = new t.Type<DateSpec, t.OutputOf<typeof DateSpecShape>, unknown>(
  'DateSpec',
  (u): u is DateSpec => DateSpecShape.is(u) && dateMatchesPrecision(u as DateSpec),
  (u, c) => {
    const r = DateSpecShape.validate(u, c)
    if (r._tag === 'Left') return r
    const d: DateSpecShape = r.right
    return dateMatchesPrecision(d as DateSpec)
      ? t.success(d as DateSpec)
      : t.failure(u, c, 'date does not match its precision')
  },
  (a) => DateSpecShape.encode(a),
)

const pad2 = (n: number): string => String(n).padStart(2, '0')

/** The earliest day a date spec can mean. */
export function earliestDay(d: DateSpec): IsoDate {
  switch (d.precision) {
    case 'day':
    case 'range':
      return d.date as IsoDate
    case 'year':
      return `${d.date}-01-01` as IsoDate
    case 'mid-month':
      return `${d.date}-11` as IsoDate
    case 'late-month':
      return `${d.date}-21` as IsoDate
    default:
      return `${d.date}-01` as IsoDate
  }
}

/** The latest day a date spec can mean: the day by which the event had surely happened. */
export function latestDay(d: DateSpec): IsoDate {
  switch (d.precision) {
    case 'day':
      return d.date as IsoDate
    case 'range':
      return d.end as IsoDate
    case 'year':
      return `${d.date}-12-31` as IsoDate
    case 'early-month':
      return `${d.date}-10` as IsoDate
    case 'mid-month':
      return `${d.date}-20` as IsoDate
    default: {
      const [y, m] = d.date.split('-').map(Number) as [number, number]
      return `${d.date}-${pad2(daysInMonth(y, m))}` as IsoDate
    }
  }
}

/**
 * A day-precision spec.
 *
 * @example
 * import { onDay } from '@progress-ledger/core'
 * onDay('2022-01-08') // { date: '2022-01-08', precision: 'day' }
 */
export function onDay(date: string): DateSpec {
  if (!isIsoDate(date)) throw new Error(`expected a date YYYY-MM-DD, got ${JSON.stringify(date)}`)
  return { date, precision: 'day' }
}
