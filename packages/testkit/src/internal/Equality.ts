/**
 * Structural equality for law checks, failing with the first differing path so that a law's
 * counterexample says where two states part.
 *
 * @module internal/Equality
 */
import { isDeepStrictEqual } from 'node:util'
import { ChunkList, EntityMap } from '@progress-ledger/core/collections'

/**
 * `u` with every {@link EntityMap} replaced by a plain object of its entries (marked by a
 * `{ entityMap: … }` wrapper) and every {@link ChunkList} by an array of its items (in a
 * `{ chunkList: … }` wrapper), so that structural comparison sees the entries: `isDeepStrictEqual`
 * compares only own properties, and an `EntityMap` keeps its entries in private fields.
 */
function normalize(u: unknown): unknown {
  if (typeof u !== 'object' || u === null) return u
  if (u instanceof EntityMap) {
    const entries: Record<string, unknown> = {}
    for (const [k, v] of u as EntityMap<unknown>) entries[k] = normalize(v)
    return { entityMap: entries }
  }
  if (u instanceof ChunkList) return { chunkList: (u as ChunkList<unknown>).map(normalize) }
  if (Array.isArray(u)) return u.map(normalize)
  if (Object.getPrototypeOf(u) !== Object.prototype) return u
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(u)) out[k] = normalize((u as Record<string, unknown>)[k])
  return out
}

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
  const d = firstDifference(normalize(actual), normalize(expected), what)
  if (d !== undefined) throw new Error(d)
}
