/**
 * Periods as Chinese prose reads them: `2024` → `2024年`, `2024-12` → `2024年12月`. A period key
 * with 年 glued on (`2024-12年`) reads as a typo in a sentence a planning office puts in a report.
 *
 * @module PeriodText
 */

/**
 * A period key in Chinese: a year `2024年`, a half `2024年上半年` / `2024年下半年`, a quarter
 * `2024年第3季度`, a month `2024年12月`, a day `2024年12月31日`; anything else as it is.
 *
 * @example
 * import { periodInChinese } from '@progress-ledger/reporting'
 * periodInChinese('2024') // '2024年'
 * periodInChinese('2024-12') // '2024年12月'
 * periodInChinese('2024-Q3') // '2024年第3季度'
 * periodInChinese('2024-H1') // '2024年上半年'
 * periodInChinese('2024-07-05') // '2024年7月5日'
 */
export function periodInChinese(period: string): string {
  const m = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(\d{2})(?:-(\d{2}))?))?$/.exec(period)
  if (m === null) return period
  const [, year, half, quarter, month, day] = m
  if (half !== undefined) return `${year}年${half === '1' ? '上' : '下'}半年`
  if (quarter !== undefined) return `${year}年第${quarter}季度`
  if (month === undefined) return `${year}年`
  const md = `${year}年${Number(month)}月`
  return day === undefined ? md : `${md}${Number(day)}日`
}
