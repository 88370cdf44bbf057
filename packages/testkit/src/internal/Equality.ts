/**
 * Structural equality for law checks, failing with the first differing path so that a law's
 * counterexample says where two states part.
 *
 * @module internal/Equality
 */
import { isDeepStrictEqual } from 'node:util'

function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    return `${path}: expected ${show(b)}, got ${show(a)}`
  }
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])]
  for (const key of keys) {
    const d = firstDifference(
      ra[key],
      rb[key],
      Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`,
    )
    if (d !== undefined) return d
  }
  return `${path}: differs in prototype or property order`
}

function show(u: unknown): string {
  const s = u === undefined ? 'nothing' : (JSON.stringify(u) ?? String(u))
  return s.length > 200 ? `${s.slice(0, 197)}...` : s
}

/** Throws unless `actual` deep-equals `expected`, naming the first differing path. */
export function assertEqual(actual: unknown, expected: unknown, what: string): void {
  const d = firstDifference(actual, expected, what)
  if (d !== undefined) throw new Error(d)
}
