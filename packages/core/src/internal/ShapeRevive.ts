/**
 * Rebuilding a state from plain data by its declared shape: JSON as `JSON.stringify` wrote it (a
 * snapshot), or the plain records and arrays a baseline builds. Entity maps come back as
 * `EntityMap`s and period lists as `ChunkList`s; every container is checked to be what the shape
 * says, with the path named in the error. Subtrees that hold no persistent container are used as
 * they are.
 *
 * @module internal/ShapeRevive
 */
import { ChunkList } from '../ChunkList'
import { EntityMap } from '../EntityMap'
import { type AnyNode, type AnyShape, fieldsOf } from './Shape'

/**
 * Rebuilds one value of a known shape. `path` names it in errors; `undefined` on the first, fast
 * attempt, which builds no path strings (an error then reruns the revival with paths).
 */
type Reviver = (x: unknown, path: Path) => unknown
type Path = string | undefined

/** `path` extended by a key, or `undefined` while paths are not built. */
function at(path: Path, key: string | number): Path {
  if (path === undefined) return undefined
  return typeof key === 'number' ? `${path}[${key}]` : `${path}.${key}`
}

class Unnamed extends Error {}

function fail(path: Path, message: string): never {
  if (path === undefined) throw new Unnamed()
  throw new Error(`${path}: ${message}`)
}

function show(x: unknown): string {
  const s = JSON.stringify(x) ?? String(x)
  return s.length > 80 ? `${s.slice(0, 77)}...` : s
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

function checkArray(x: unknown, path: Path): unknown {
  if (!Array.isArray(x)) fail(path, `expected an array, got ${show(x)}`)
  return x
}

interface Compiled {
  readonly revive: Reviver
  /** Does `revive` build a new value (else it only checks and returns its input)? */
  readonly copies: boolean
}

function nodeReviver(node: AnyNode): Compiled | undefined {
  const inner: Array<readonly [string, Reviver]> = []
  const checks: Array<readonly [string, Reviver]> = []
  for (const [key, field] of fieldsOf(node)) {
    const r = compile(field)
    if (r === undefined) continue
    if (r.copies) inner.push([key, r.revive])
    else checks.push([key, r.revive])
  }
  if (inner.length === 0 && checks.length === 0) return undefined
  const check = (x: unknown, path: Path): Record<string, unknown> => {
    if (!isRecord(x)) fail(path, `expected an object (${node.name}), got ${show(x)}`)
    for (const [key, r] of checks) r(x[key], at(path, key))
    return x
  }
  if (inner.length === 0) return { revive: check, copies: false }
  return {
    revive: (x, path) => {
      const o = check(x, path)
      const out: Record<string, unknown> = { ...o }
      for (const [key, r] of inner) out[key] = r(o[key], at(path, key))
      return out
    },
    copies: true,
  }
}

function compile(s: AnyShape): Compiled | undefined {
  switch (s.kind) {
    case 'scalar':
    case 'data':
    case 'list':
      return undefined
    case 'order':
    case 'versions':
      return { revive: checkArray, copies: false }
    case 'node':
      return nodeReviver(s)
    case 'dict': {
      const value = nodeReviver(s.value)
      if (value === undefined) return undefined
      const revive: Reviver = (x, path) => {
        if (!isRecord(x)) fail(path, `expected an object, got ${show(x)}`)
        if (!value.copies) {
          for (const key of Object.keys(x)) value.revive(x[key], at(path, key))
          return x
        }
        const out: Record<string, unknown> = {}
        for (const key of Object.keys(x)) out[key] = value.revive(x[key], at(path, key))
        return out
      }
      return { revive, copies: value.copies }
    }
    case 'entities': {
      const value = nodeReviver(s.value)
      const revive: Reviver = (x, path) => {
        if (!isRecord(x)) fail(path, `expected an object of entities by id, got ${show(x)}`)
        return EntityMap.fromJSON(
          x,
          path ?? '',
          value === undefined ? (v) => v : (v, id) => value.revive(v, at(path, id)),
        )
      }
      return { revive, copies: true }
    }
    case 'periods': {
      const item = nodeReviver(s.item)
      const revive: Reviver = (x, path) => {
        const items = checkArray(x, path) as ReadonlyArray<unknown>
        if (item === undefined) return ChunkList.of(items)
        if (!item.copies) {
          for (let i = 0; i < items.length; i++) item.revive(items[i], at(path, i))
          return ChunkList.of(items)
        }
        return ChunkList.of(items.map((v, i) => item.revive(v, at(path, i))))
      }
      return { revive, copies: true }
    }
  }
}

/**
 * The reviver of a shape: plain data in, the state value out (see the module documentation);
 * errors name the path under `root`.
 */
export function compileRevive(s: AnyShape, root: string): (x: unknown) => unknown {
  const revive = compile(s)?.revive
  if (revive === undefined) return (x) => x
  return (x) => {
    try {
      return revive(x, undefined)
    } catch (e) {
      if (!(e instanceof Unnamed)) throw e
      return revive(x, root)
    }
  }
}
