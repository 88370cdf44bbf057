/**
 * Time on the evaluation axis. A date becomes a "year time": the end of year Y is exactly `Y`,
 * and a day inside year Y+1 is `Y + dayOfYear / daysInYear`. So annual values of 2020 and 2022
 * are 2 years apart and a 2025 due year is `2025`, which keeps hand-worked arithmetic simple.
 */
import { daysInMonth, type IsoDate } from '@progress-ledger/core'

const MS_PER_DAY = 86_400_000

function dayNumber(d: string): number {
  return (
    Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / MS_PER_DAY
  )
}

function daysInYear(y: number): number {
  return daysInMonth(y, 2) === 29 ? 366 : 365
}

/** The year time of a calendar day: `2020-12-31` → `2020`, `2021-07-02` → `2020.5`. */
export function yearTime(d: IsoDate): number {
  const y = Number(d.slice(0, 4))
  const doy = dayNumber(d) - dayNumber(`${y}-01-01`) + 1
  return y - 1 + doy / daysInYear(y)
}

/** The calendar day a year time falls on (rounded up to a whole day). */
export function dateOfYearTime(x: number): IsoDate {
  const whole = Math.floor(x)
  const frac = x - whole
  if (frac < 1e-9) return `${String(whole).padStart(4, '0')}-12-31` as IsoDate
  const y = whole + 1
  const doy = Math.min(daysInYear(y), Math.max(1, Math.ceil(frac * daysInYear(y) - 1e-9)))
  const ms = Date.UTC(y, 0, doy)
  return new Date(ms).toISOString().slice(0, 10) as IsoDate
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round(dayNumber(b) - dayNumber(a))
}
