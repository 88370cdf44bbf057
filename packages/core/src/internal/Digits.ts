/**
 * Reading numbers written in ASCII digits at a known place in a string, without a regular
 * expression's match array or substrings: the date and period checks every event passes through.
 *
 * @module internal/Digits
 */

/** The number written by the ASCII digits `s[from..to)`, or -1 when one is not a digit. */
export function digitsAt(s: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48
    if (!(d >= 0 && d <= 9)) return -1
    n = n * 10 + d
  }
  return n
}
