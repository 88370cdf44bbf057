/**
 * Deep freezing for published state and stored events: the same result as immer's
 * `freeze(x, true)` on plain objects and arrays (the only shapes of ledger state and event data),
 * without immer's per-node generic dispatch. Frozen subtrees are skipped, as immer does, so
 * events frozen at append are not walked again when a replayed state shares their data. Anything
 * else (Map, Set, class instances) is handed to immer unchanged.
 *
 * @module internal/Freeze
 */
import { freeze as immerFreeze } from 'immer'

const objectProto = Object.prototype

function walk(o: object): void {
  if (Object.isFrozen(o)) return
  if (Array.isArray(o)) {
    Object.freeze(o)
    for (let i = 0; i < o.length; i++) {
      const v: unknown = o[i]
      if (typeof v === 'object' && v !== null) walk(v)
    }
    return
  }
  const proto: unknown = Object.getPrototypeOf(o)
  if (proto !== objectProto && proto !== null) {
    immerFreeze(o, true)
    return
  }
  Object.freeze(o)
  const r = o as Record<string, unknown>
  const keys = Object.keys(r)
  for (let i = 0; i < keys.length; i++) {
    const v = r[keys[i] as string]
    if (typeof v === 'object' && v !== null) walk(v)
  }
}

/** Freezes `value` and everything reachable from it that is not frozen yet; returns `value`. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) walk(value)
  return value
}
