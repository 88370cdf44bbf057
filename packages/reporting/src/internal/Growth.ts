/** Growth arithmetic shared by the methods: compound annual growth and linear slopes. */
import { formatNumber as f } from '../Format'

/**
 * `CAGR(a, b, n) = (b / a)^(1/n) − 1`; `undefined` when a or b is zero, their signs differ, or
 * `n <= 0` (the methods then fall back to the linear method).
 */
export function cagr(a: number, b: number, n: number): number | undefined {
  if (a === 0 || b === 0 || Math.sign(a) !== Math.sign(b) || !(n > 0)) return undefined
  return Math.pow(b / a, 1 / n) - 1
}

/** The CAGR step as a formula: `CAGR(10, 11.5, 2) = (11.5 / 10)^(1/2) − 1 = 0.0724` (`—` when undefined). */
export function cagrStep(
  name: string,
  a: number,
  b: number,
  n: number,
  r: number | undefined,
): string {
  const rhs = r === undefined ? '—' : f(r)
  return `${name} = CAGR(${f(a)}, ${f(b)}, ${f(n)}) = (${f(b)} / ${f(a)})^(1/${f(n)}) − 1 = ${rhs}`
}
