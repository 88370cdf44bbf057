import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DateSpec, earliestDay, latestDay, onDay } from '../src/DateSpec'
import {
  comparePeriods,
  period,
  periodContaining,
  periodEnd,
  periodKind,
  periodStart,
  periodYear,
  PeriodKey,
} from '../src/Period'
import { formatErrors } from '../src/Decode'
import { fixtures } from '@progress-ledger/testkit'

const { d, p } = fixtures

describe('Period', () => {
  it('recognises each kind and rejects malformed keys', () => {
    expect(['2021', '2021-H2', '2021-Q3', '2021-07', '2021-07-15'].map(periodKind)).toEqual([
      'year',
      'half',
      'quarter',
      'month',
      'day',
    ])
    expect(['21', '2021-H3', '2021-Q0', '2021-13', '2021-02-29', ''].map(periodKind)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ])
    expect(() => period('2021-Q5')).toThrow(
      'expected a period (2021, 2021-H1, 2021-Q3, 2021-07 or 2021-07-15), got "2021-Q5"',
    )
  })
  it('tells a year written as a JSON number to be written as a string', () => {
    const messages = (u: unknown) => {
      const r = PeriodKey.decode(u)
      return r._tag === 'Left' ? formatErrors(r.left).map((i) => i.message) : []
    }
    const PERIOD = 'a period (2021, 2021-H1, 2021-Q3, 2021-07 or 2021-07-15)'
    expect(messages(2021)).toEqual([
      `(root): expected ${PERIOD} written as a string ("2021"), got 2021`,
    ])
    expect(messages(2021.5)).toEqual([`(root): expected ${PERIOD}, got 2021.5`])
    expect(messages(21)).toEqual([`(root): expected ${PERIOD}, got 21`])
    expect(messages('2021')).toEqual([])
  })
  it('gives the first and last day of a period (leap years included)', () => {
    const spans = [
      '2021',
      '2021-H1',
      '2021-H2',
      '2024-Q1',
      '2021-Q4',
      '2024-02',
      '2023-02',
      '2021-07-15',
    ].map((k) => [periodStart(p(k)), periodEnd(p(k))])
    expect(spans).toEqual([
      ['2021-01-01', '2021-12-31'],
      ['2021-01-01', '2021-06-30'],
      ['2021-07-01', '2021-12-31'],
      ['2024-01-01', '2024-03-31'],
      ['2021-10-01', '2021-12-31'],
      ['2024-02-01', '2024-02-29'],
      ['2023-02-01', '2023-02-28'],
      ['2021-07-15', '2021-07-15'],
    ])
    expect(periodYear(p('2022-Q3'))).toBe(2022)
  })
  it('gives the same last day however often and in whatever order periods are asked for', () => {
    const lastDay = (k: string): string => {
      const [y, rest] = [Number(k.slice(0, 4)), k.slice(5)]
      const month =
        rest === '' || rest === 'H2'
          ? 12
          : rest === 'H1'
            ? 6
            : rest.startsWith('Q')
              ? 3 * Number(rest[1])
              : Number(rest.slice(0, 2))
      if (rest.length === 5) return k
      return `${k.slice(0, 4)}-${String(month).padStart(2, '0')}-${String(new Date(Date.UTC(y, month, 0)).getUTCDate()).padStart(2, '0')}`
    }
    const day = fc
      .integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 11, 31) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10))
    const key = fc.oneof(
      day,
      day.map((x) => x.slice(0, 7)),
      day.map((x) => x.slice(0, 4)),
      fc
        .tuple(day, fc.constantFrom('-H1', '-H2', '-Q1', '-Q2', '-Q3', '-Q4'))
        .map(([x, s]) => x.slice(0, 4) + s),
    )
    // Thousands of distinct days: more than the last days kept.
    fc.assert(
      fc.property(fc.array(key, { maxLength: 50 }), (keys) => {
        for (const k of [...keys, ...keys]) expect(periodEnd(p(k))).toBe(lastDay(k))
      }),
      { numRuns: 300 },
    )
    expect(() => periodEnd('2021-Q5' as PeriodKey)).toThrow('not a period: "2021-Q5"')
    expect(() => periodEnd('2021-Q5' as PeriodKey)).toThrow('not a period: "2021-Q5"')
  })
  it('orders periods by last day, the longer period first when they end together', () => {
    const sorted = ['2021-12', '2021', '2021-Q4', '2021-H2', '2021-12-31', '2021-06', '2020']
      .map(p)
      .sort(comparePeriods)
    expect(sorted).toEqual([
      '2020',
      '2021-06',
      '2021',
      '2021-H2',
      '2021-Q4',
      '2021-12',
      '2021-12-31',
    ])
    expect(comparePeriods(p('2021'), p('2021'))).toBe(0)
  })
  it('finds the period of each kind containing a day', () => {
    expect(
      (['year', 'half', 'quarter', 'month', 'day'] as const).map((k) =>
        periodContaining(d('2021-08-10'), k),
      ),
    ).toEqual(['2021', '2021-H2', '2021-Q3', '2021-08', '2021-08-10'])
  })
})

describe('DateSpec', () => {
  it('keeps precision: earliest and latest day of each precision', () => {
    const specs: DateSpec[] = [
      { date: '2022-01-08', precision: 'day' },
      { date: '2018-12', precision: 'early-month' },
      { date: '2018-12', precision: 'mid-month' },
      { date: '2018-12', precision: 'late-month' },
      { date: '2024-02', precision: 'month' },
      { date: '2019', precision: 'year' },
      { date: '2021-10-23', precision: 'range', end: d('2021-10-25') },
    ]
    expect(specs.map((s) => [earliestDay(s), latestDay(s)])).toEqual([
      ['2022-01-08', '2022-01-08'],
      ['2018-12-01', '2018-12-10'],
      ['2018-12-11', '2018-12-20'],
      ['2018-12-21', '2018-12-31'],
      ['2024-02-01', '2024-02-29'],
      ['2019-01-01', '2019-12-31'],
      ['2021-10-23', '2021-10-25'],
    ])
  })
  it('rejects a date that does not match its precision', () => {
    expect(DateSpec.is({ date: '2018-12', precision: 'day' })).toBe(false)
    expect(DateSpec.is({ date: '2021-10-25', precision: 'range', end: '2021-10-23' })).toBe(false)
    expect(DateSpec.is({ date: '2021-10-25', precision: 'range' })).toBe(false)
    expect(DateSpec.decode({ date: '2018', precision: 'month' })._tag).toBe('Left')
    expect(DateSpec.decode({ date: '2018-12', precision: 'late-month' })._tag).toBe('Right')
  })
  it('builds a day spec, throwing on a bad date', () => {
    expect(onDay('2022-01-08')).toEqual({ date: '2022-01-08', precision: 'day' })
    expect(() => onDay('2022-1-8')).toThrow('expected a date YYYY-MM-DD, got "2022-1-8"')
  })
})
