/**
 * Numbers as explanations and reports print them.
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
