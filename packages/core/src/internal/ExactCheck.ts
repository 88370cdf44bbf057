/**
 * A fast pre-check for decoding: compiles an io-ts codec into a predicate that is true only when
 * `codec.decode(u)` would succeed AND return `u` itself, unchanged (no unknown key to strip at any
 * exact level, no missing key to add). When it says yes, a caller may use `u` as the decoded
 * value; when it says no, it must run the full `decode` (which also yields the error messages).
 * Codecs it does not know are checked by decoding and comparing identity, so the pre-check is
 * never more permissive than `decode`.
 *
 * @module internal/ExactCheck
 */
import type * as t from 'io-ts'
import { Scalar } from '../Scalars'

/** True when decoding `u` succeeds and gives back `u` itself. */
export type ExactCheck = (u: unknown) => boolean

interface AnyCodec {
  readonly _tag?: string
  readonly props?: Readonly<Record<string, AnyCodec>>
  readonly type?: AnyCodec
  readonly types?: ReadonlyArray<AnyCodec>
  readonly is: (u: unknown) => boolean
  readonly decode: (u: unknown) => { readonly _tag: 'Left' | 'Right'; readonly right?: unknown }
}

const hasOwn = Object.prototype.hasOwnProperty
const toStringOf = Object.prototype.toString

function isRecord(u: unknown): u is Record<string, unknown> {
  return toStringOf.call(u) === '[object Object]'
}

/** The props an exact codec keeps (io-ts `getProps`), or `undefined` when it cannot tell. */
function propsOf(codec: AnyCodec): Readonly<Record<string, AnyCodec>> | undefined {
  switch (codec._tag) {
    case 'InterfaceType':
    case 'PartialType':
    case 'StrictType':
      return codec.props
    case 'RefinementType':
    case 'ReadonlyType':
    case 'ExactType':
      return codec.type === undefined ? undefined : propsOf(codec.type)
    case 'IntersectionType': {
      const out: Record<string, AnyCodec> = {}
      for (const member of codec.types ?? []) {
        const p = propsOf(member)
        if (p === undefined) return undefined
        Object.assign(out, p)
      }
      return out
    }
    default:
      return undefined
  }
}

function byIdentity(codec: AnyCodec): ExactCheck {
  return (u) => {
    const r = codec.decode(u)
    return r._tag === 'Right' && r.right === u
  }
}

function compileProps(props: Readonly<Record<string, AnyCodec>>, required: boolean): ExactCheck {
  const keys = Object.keys(props)
  const checks = keys.map((k) => compile(props[k] as AnyCodec))
  const n = keys.length
  return (u) => {
    if (!isRecord(u)) return false
    for (let i = 0; i < n; i++) {
      const k = keys[i] as string
      const v = u[k]
      if (v === undefined) {
        // A missing required key that the codec accepts as undefined would be added by decode.
        if (required) return false
        continue
      }
      if (!(checks[i] as ExactCheck)(v)) return false
    }
    return true
  }
}

function compileExact(
  inner: AnyCodec,
  props: Readonly<Record<string, AnyCodec>> | undefined,
): ExactCheck {
  if (props === undefined) return byIdentity(inner)
  const check = compile(inner)
  return (u) => {
    if (!check(u)) return false
    const names = Object.getOwnPropertyNames(u)
    for (let i = 0; i < names.length; i++) if (!hasOwn.call(props, names[i] as string)) return false
    return true
  }
}

function compileExactProps(props: Readonly<Record<string, AnyCodec>>): ExactCheck {
  const check = compileProps(props, true)
  return (u) => {
    if (!check(u)) return false
    const names = Object.getOwnPropertyNames(u)
    for (let i = 0; i < names.length; i++) if (!hasOwn.call(props, names[i] as string)) return false
    return true
  }
}

function compileUncached(codec: AnyCodec): ExactCheck {
  // Core's scalar codecs decode a value to itself exactly when `is` holds.
  if ((codec as unknown) instanceof Scalar) return (u) => codec.is(u)
  switch (codec._tag) {
    case 'StringType':
    case 'NumberType':
    case 'BooleanType':
    case 'NullType':
    case 'UndefinedType':
    case 'UnknownType':
    case 'LiteralType':
    case 'KeyofType':
      return (u) => codec.is(u)
    case 'InterfaceType':
      return compileProps(codec.props ?? {}, true)
    case 'PartialType':
      return compileProps(codec.props ?? {}, false)
    case 'StrictType':
      return codec.props === undefined ? byIdentity(codec) : compileExactProps(codec.props)
    case 'ExactType':
      return codec.type === undefined
        ? byIdentity(codec)
        : compileExact(codec.type, propsOf(codec.type))
    case 'ReadonlyType':
      return codec.type === undefined ? byIdentity(codec) : compile(codec.type)
    case 'IntersectionType': {
      const checks = (codec.types ?? []).map(compile)
      return (u) => checks.every((c) => c(u))
    }
    case 'UnionType': {
      const members = codec.types ?? []
      const checks = members.map(compile)
      return (u) => {
        for (let i = 0; i < members.length; i++)
          if ((members[i] as AnyCodec).is(u)) return (checks[i] as ExactCheck)(u)
        return false
      }
    }
    case 'ArrayType':
    case 'ReadonlyArrayType': {
      if (codec.type === undefined) return byIdentity(codec)
      const item = compile(codec.type)
      return (u) => {
        if (!Array.isArray(u)) return false
        for (let i = 0; i < u.length; i++) if (!item(u[i])) return false
        return true
      }
    }
    default:
      // Custom types (finite numbers, dates, periods, date specs, …): decode and compare.
      return byIdentity(codec)
  }
}

const cache = new WeakMap<object, ExactCheck>()

/** The (cached) exact pre-check of a codec. */
export function compile(codec: t.Mixed | AnyCodec): ExactCheck {
  const key = codec as object
  const hit = cache.get(key)
  if (hit !== undefined) return hit
  // Guard against recursive codecs: until compiled, fall back to decoding.
  cache.set(key, byIdentity(codec as AnyCodec))
  const compiled = compileUncached(codec as AnyCodec)
  cache.set(key, compiled)
  return compiled
}
