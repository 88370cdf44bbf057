/**
 * Turns io-ts validation errors into sentences that name the path and the offending value:
 * `data.value: expected a finite number, got "12,5"`.
 *
 * @module Decode
 */
import type * as t from 'io-ts'
import { Scalar } from './Scalars'

/** A decoding problem at one path. */
export interface DecodeIssue {
  /** Dotted path from the decoded root, e.g. `events[3].data.value`. */
  readonly path: string
  /** What was expected, as a phrase. */
  readonly expected: string
  /** The offending value, as JSON (truncated), or `nothing` when the field is missing. */
  readonly got: string
  /** `path: expected …, got …`. */
  readonly message: string
}

// Phrases of the codecs that are not core `Scalar`s (a scalar carries its own).
const PHRASES: Readonly<Record<string, string>> = {
  DateSpec: 'a date spec whose date matches its precision (years 1900–2200)',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
}

interface AnyType {
  readonly _tag?: string
  readonly name: string
  readonly keys?: Record<string, unknown>
  readonly value?: unknown
  readonly type?: AnyType
  readonly types?: ReadonlyArray<AnyType>
  readonly props?: Record<string, AnyType>
}

function phrase(type: AnyType): string {
  if ((type as unknown) instanceof Scalar) return (type as unknown as Scalar<unknown>).phrase
  const known = PHRASES[type.name]
  if (known !== undefined) return known
  if (type._tag === 'KeyofType' && type.keys !== undefined)
    return `one of ${Object.keys(type.keys).join(', ')}`
  if (type._tag === 'LiteralType') return JSON.stringify(type.value)
  if (type._tag === 'ReadonlyArrayType' || type._tag === 'ArrayType') return 'a list'
  if (
    type._tag === 'InterfaceType' ||
    type._tag === 'StrictType' ||
    type._tag === 'ExactType' ||
    type._tag === 'IntersectionType' ||
    type._tag === 'PartialType'
  ) {
    return `an object (${type.name})`
  }
  return type.name
}

// Characters a message never prints raw: every control character (C0, DEL, C1), the bidi
// controls, the invisible characters and separators, and lone surrogates. They are written as
// JSON-style escapes (`\u001b`), so a message cannot move a terminal's cursor or reorder text.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- it matches control characters on purpose
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g
const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
}

/**
 * Writes a string as a JSON string literal whose every unsafe character is escaped: controls,
 * bidi controls, invisible characters, separators and lone surrogates.
 *
 * @example
 * import { quoteText } from '@progress-ledger/core'
 * quoteText('fgj') // '"fgj"'
 * quoteText('a\u001b[2Jb\u202e') // '"a\\u001b[2Jb\\u202e"'
 */
export function quoteText(s: string): string {
  const body = s
    .replace(/["\\]/g, (c) => SHORT_ESCAPES[c] as string)
    .replace(
      UNSAFE,
      (c) => SHORT_ESCAPES[c] ?? `\\u${(c.charCodeAt(0) + 0x10000).toString(16).slice(1)}`,
    )
  return `"${body}"`
}

const SHOWN = 80

/** Renders `u` as JSON into `out`, stopping once `out` holds more than `budget` characters. */
function render(u: unknown, out: string[], budget: { left: number }, depth: number): void {
  const put = (s: string): void => {
    out.push(s)
    budget.left -= s.length
  }
  if (budget.left <= 0) return
  if (typeof u === 'string') return put(quoteText(u.length > SHOWN ? u.slice(0, SHOWN) : u))
  if (typeof u === 'number') return put(Number.isFinite(u) ? JSON.stringify(u) : String(u))
  if (typeof u === 'bigint') return put(`${u}n`)
  if (typeof u === 'boolean' || u === null) return put(String(u))
  if (typeof u !== 'object') return put(u === undefined ? 'undefined' : typeof u)
  if (depth >= 8) return put(Array.isArray(u) ? '[…]' : '{…}')
  if (Array.isArray(u)) {
    put('[')
    for (let i = 0; i < u.length && budget.left > 0; i++) {
      if (i > 0) put(',')
      render(u[i] === undefined ? null : u[i], out, budget, depth + 1)
    }
    return put(']')
  }
  put('{')
  let first = true
  for (const key in u) {
    if (budget.left <= 0) break
    if (!Object.prototype.hasOwnProperty.call(u, key)) continue
    const v = (u as Record<string, unknown>)[key]
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue
    put(`${first ? '' : ','}${quoteText(key.length > SHOWN ? key.slice(0, SHOWN) : key)}:`)
    first = false
    render(v, out, budget, depth + 1)
  }
  put('}')
}

/**
 * Renders a value for a message: JSON, truncated to 80 characters, with control, bidi and
 * invisible characters escaped. Never throws and costs no more than the characters it shows,
 * whatever the value (a 10 MB string, 100,000 nested lists).
 *
 * @example
 * import { showValue } from '@progress-ledger/core'
 * showValue('12,5') // '"12,5"'
 * showValue(undefined) // 'nothing'
 * showValue(Number.NaN) // 'NaN'
 * showValue('\u001b]0;owned\u0007') // '"\\u001b]0;owned\\u0007"'
 * showValue('x'.repeat(100)).length // 80
 */
export function showValue(u: unknown): string {
  if (u === undefined) return 'nothing'
  const out: string[] = []
  try {
    render(u, out, { left: SHOWN + 1 }, 0)
  } catch {
    out.push('[unprintable]')
  }
  const s = out.join('')
  return s.length > SHOWN ? `${s.slice(0, SHOWN - 3)}...` : s
}

/** The `kind` or `type` literal a union member is tagged with, if any. */
function memberTag(type: AnyType | undefined): unknown {
  if (type === undefined) return undefined
  const tag = type.props?.['kind'] ?? type.props?.['type']
  if (tag?._tag === 'LiteralType') return tag.value
  if (type.type !== undefined) return memberTag(type.type)
  for (const member of type.types ?? []) {
    const inner = memberTag(member)
    if (inner !== undefined) return inner
  }
  return undefined
}

function tagOf(u: unknown): unknown {
  if (typeof u !== 'object' || u === null) return undefined
  const r = u as Record<string, unknown>
  return r['kind'] ?? r['type']
}

function joinPath(prefix: string, key: string): string {
  if (/^\d+$/.test(key)) return `${prefix}[${key}]`
  return prefix === '' ? key : `${prefix}.${key}`
}

/** The path of an error's context, skipping the indices io-ts adds inside unions and intersections. */
function pathOf(prefix: string, context: t.Context, upTo: number): string {
  let path = prefix
  for (let i = 1; i <= upTo && i < context.length; i++) {
    let parent = context[i - 1]?.type as unknown as AnyType
    while (
      (parent._tag === 'ExactType' ||
        parent._tag === 'ReadonlyType' ||
        parent._tag === 'RefinementType') &&
      parent.type !== undefined
    )
      parent = parent.type
    if (parent._tag === 'IntersectionType' || parent._tag === 'UnionType') continue
    path = joinPath(path, (context[i] as t.ContextEntry).key)
  }
  return path
}

/**
 * Formats io-ts errors as issues. For a union whose members are tagged by `kind` or `type`,
 * only the errors of the member the value is tagged as are kept; other union failures collapse
 * into one `expected <Union>` issue at the union's path.
 */
export function formatErrors(errors: t.Errors, prefix = ''): ReadonlyArray<DecodeIssue> {
  const issues: DecodeIssue[] = []
  const seen = new Set<string>()
  for (const error of errors) {
    const ctx = error.context
    let last = ctx.length - 1
    for (let i = 0; i < ctx.length; i++) {
      const entry = ctx[i] as t.ContextEntry
      const type = entry.type as unknown as AnyType
      if (type._tag !== 'UnionType') continue
      const tag = tagOf(entry.actual)
      const member = ctx[i + 1]?.type as unknown as AnyType | undefined
      const tagged = tag !== undefined && (type.types ?? []).some((m) => memberTag(m) === tag)
      if (tagged && memberTag(member) === tag) continue
      if (tagged) {
        last = -1 // an error of a member the value is not tagged as: drop it
        break
      }
      last = i
      break
    }
    if (last < 0) continue
    const at = ctx[last] as t.ContextEntry
    const path = pathOf(prefix, ctx, last)
    // A scalar says which of its limits the value breaks.
    const expected =
      last === ctx.length - 1 && at.type instanceof Scalar && error.message !== undefined
        ? error.message
        : phrase(at.type as unknown as AnyType)
    const got = showValue(at.actual)
    const message = `${path === '' ? '(root)' : path}: expected ${expected}, got ${got}`
    if (seen.has(message)) continue
    seen.add(message)
    issues.push({ path, expected, got, message })
  }
  if (issues.length === 0 && errors.length > 0) {
    // Only untagged union members failed: report the value against the union as a whole.
    const first = errors[0] as t.ValidationError
    const at = first.context[first.context.length - 1] as t.ContextEntry
    const path = pathOf(prefix, first.context, first.context.length - 1)
    const got = showValue(at.actual)
    issues.push({
      path,
      expected: at.type.name,
      got,
      message: `${path}: expected ${at.type.name}, got ${got}`,
    })
  }
  return issues
}

function isRecord(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u)
}

/**
 * The fields of `input` its decoding dropped, as issues naming each path. The ledger's codecs are
 * exact: a field they do not declare is stripped, so a misspelt optional field (`submited` for
 * `submitted`) would vanish without a word; input from people and files is refused instead.
 * `decoded` is what the codec returned for `input`; `within` names the shape in the message.
 *
 * @example
 * import { unknownFields } from '@progress-ledger/core'
 * unknownFields({ a: 1, b: { c: 2, d: 3 } }, { a: 1, b: { c: 2 } }, 'Thing').map((i) => i.message) // ['b.d: expected a field of Thing, got an unknown field (3)']
 */
export function unknownFields(
  input: unknown,
  decoded: unknown,
  within: string,
  prefix = '',
): ReadonlyArray<DecodeIssue> {
  const issues: DecodeIssue[] = []
  // A path is spelt only for a field reported or an object descended into: most are neither.
  const walk = (u: unknown, d: unknown, path: string): void => {
    if (Array.isArray(u) && Array.isArray(d)) {
      for (let i = 0; i < u.length && i < d.length; i++) walk(u[i], d[i], `${path}[${i}]`)
      return
    }
    if (!isRecord(u) || !isRecord(d)) return
    for (const key of Object.keys(u)) {
      const v = u[key]
      if (v === undefined) continue
      if (Object.prototype.hasOwnProperty.call(d, key)) {
        if (typeof v === 'object' && v !== null) walk(v, d[key], fieldPath(path, key))
      } else issues.push(unknownField(fieldPath(path, key), v, within))
    }
  }
  walk(input, decoded, prefix)
  return issues
}

/** The path of field `key` of the object at `path`: `a.b`, or `a["x-y"]` for a key that is not a name. */
function fieldPath(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`
  return path === '' ? key : `${path}.${key}`
}

/** The issue of a field at `where`, holding `value`, that `within` does not have. */
function unknownField(where: string, value: unknown, within: string): DecodeIssue {
  const expected = `a field of ${within}`
  const got = `an unknown field (${showValue(value)})`
  return { path: where, expected, got, message: `${where}: expected ${expected}, got ${got}` }
}

/** The object fields a codec declares, through exact, intersection, partial and refinement; `undefined` for a codec that is not an object's. */
function declaredFields(type: AnyType): ReadonlyMap<string, AnyType> | undefined {
  switch (type._tag) {
    case 'InterfaceType':
    case 'PartialType':
    case 'StrictType':
      return new Map(Object.entries(type.props ?? {}))
    case 'ExactType':
    case 'RefinementType':
    case 'ReadonlyType':
      return type.type === undefined ? undefined : declaredFields(type.type)
    case 'IntersectionType': {
      const out = new Map<string, AnyType>()
      for (const member of type.types ?? []) {
        const fields = declaredFields(member)
        if (fields === undefined) return undefined
        for (const [k, v] of fields) out.set(k, v)
      }
      return out
    }
    default:
      return undefined
  }
}

/**
 * The fields of `input` that `codec` does not declare, as issues naming each path — found from
 * the codec alone, so also when `input` does not decode (where {@link unknownFields} has no
 * decoded value to compare with): a misspelt required field is then named beside the missing
 * one. Exact object codecs report their unknown fields; a union is followed into the member its
 * `kind` or `type` names, and not into an untagged one (which member was meant is unknown).
 *
 * @example
 * import { undeclaredFields } from '@progress-ledger/core'
 * import * as t from 'io-ts'
 * const Thing = t.exact(t.type({ a: t.number, b: t.array(t.exact(t.type({ c: t.string }))) }))
 * undeclaredFields(Thing, { a: 'x', b: [{ c: 'y', cc: 1 }] }, 'Thing').map((i) => i.message) // ['b[0].cc: expected a field of Thing, got an unknown field (1)']
 */
export function undeclaredFields(
  codec: t.Mixed,
  input: unknown,
  within: string,
  prefix = '',
): ReadonlyArray<DecodeIssue> {
  const issues: DecodeIssue[] = []
  const walk = (type: AnyType, u: unknown, path: string, exact: boolean): void => {
    switch (type._tag) {
      case 'ExactType':
        if (type.type !== undefined) walk(type.type, u, path, true)
        return
      case 'RefinementType':
      case 'ReadonlyType':
        if (type.type !== undefined) walk(type.type, u, path, exact)
        return
      case 'ArrayType':
      case 'ReadonlyArrayType':
        if (Array.isArray(u) && type.type !== undefined)
          for (let i = 0; i < u.length; i++) walk(type.type, u[i], `${path}[${i}]`, false)
        return
      case 'UnionType': {
        const tag = tagOf(u)
        if (tag === undefined) return
        const member = (type.types ?? []).find((m) => memberTag(m) === tag)
        if (member !== undefined) walk(member, u, path, exact)
        return
      }
    }
    const fields = declaredFields(type)
    if (fields === undefined || !isRecord(u)) return
    for (const key of Object.keys(u)) {
      const v = u[key]
      if (v === undefined) continue
      const field = fields.get(key)
      if (field !== undefined) walk(field, v, fieldPath(path, key), false)
      else if (exact) issues.push(unknownField(fieldPath(path, key), v, within))
    }
  }
  walk(codec as unknown as AnyType, input, prefix, false)
  return issues
}
