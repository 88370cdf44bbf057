/**
 * Deep freezing for published state and stored events: the same result as immer's
 * `freeze(x, true)` on plain objects and arrays, without immer's per-node generic dispatch, and
 * through the entries of an {@link EntityMap}. Frozen subtrees are skipped, as immer does, so
 * events frozen at append are not walked again when a replayed state shares their data. Anything
 * else (Map, Set, class instances) is handed to immer unchanged.
 *
 * @module internal/Freeze
 */
import { freeze as immerFreeze } from 'immer'
import { ChunkList } from '../ChunkList'
import { EntityMap } from '../EntityMap'

const objectProto = Object.prototype

/** Is `o` frozen? Checks the cheap extensibility bit first: an extensible object is not frozen. */
function frozen(o: object): boolean {
  return !Object.isExtensible(o) && Object.isFrozen(o)
}

function walk(o: object): void {
  if (frozen(o)) return
  if (Array.isArray(o)) {
    Object.freeze(o)
    for (let i = 0; i < o.length; i++) walkValue(o[i])
    return
  }
  const proto: unknown = Object.getPrototypeOf(o)
  if (proto === objectProto || proto === null) {
    Object.freeze(o)
    const r = o as Record<string, unknown>
    // for-in allocates nothing; with a plain or null prototype it visits exactly Object.keys.
    for (const key in r) walkValue(r[key])
    return
  }
  // The persistent containers keep their items in private fields: freeze the container, then walk
  // its items. Plain objects are by far the most common and are tested first, above.
  if (o instanceof ChunkList) {
    Object.freeze(o)
    ;(o as ChunkList<unknown>).forEach(walkValue)
  } else if (o instanceof EntityMap) {
    Object.freeze(o)
    ;(o as EntityMap<unknown>).each(walkValue)
  } else immerFreeze(o, true)
}

function walkValue(v: unknown): void {
  if (typeof v === 'object' && v !== null) walk(v)
}

/** Freezes `value` and everything reachable from it that is not frozen yet; returns `value`. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) walk(value)
  return value
}
