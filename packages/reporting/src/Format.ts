/**
 * Numbers, and the instant a report's figures were known at, as explanations and reports print
 * them.
 *
 * @module Format
 */

/**
 * A number with at most `digits` decimals, trailing zeros dropped, `-0` as `0`, never exponent
 * notation for ordinary magnitudes.
 *
 * @example
 * import { formatNumber } from '@progress-ledger/reporting'
 * formatNumber(0.693211) // '0.6932'
 * formatNumber(14) // '14'
 */
export function formatNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return String(x)
  const s = x.toFixed(digits)
  const trimmed = s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s
  return trimmed === '-0' ? '0' : trimmed
}

/**
 * The instant a report's figures were known at: the date alone for the end of a day (what
 * `--known-at DATE` means), else date and time in UTC.
 *
 * @example
 * import { knownAtText } from '@progress-ledger/reporting'
 * knownAtText('2023-06-30T23:59:59.999Z') // '2023-06-30'
 * knownAtText('2026-12-07T11:47:20.000Z') // '2026-12-07 11:47:20 UTC'
 */
export function knownAtText(instant: string): string {
  if (instant.endsWith('T23:59:59.999Z')) return instant.slice(0, 10)
  return `${instant.slice(0, 10)} ${instant.slice(11, 19)} UTC`
}
