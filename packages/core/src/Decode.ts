/**
 * Turns io-ts validation errors into sentences that name the path and the offending value:
 * `data.value: expected a finite number, got "12,5"`.
 *
 * @module Decode
 */
import type * as t from 'io-ts'

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

const PHRASES: Readonly<Record<string, string>> = {
  FiniteNumber: 'a finite number',
  NonEmptyString: 'a non-empty string',
  NonNegativeInt: 'a whole number >= 0',
  IsoDate: 'a date YYYY-MM-DD',
  Instant: 'an instant YYYY-MM-DDTHH:mm:ss.sssZ',
  PeriodKey: 'a period (2021, 2021-H1, 2021-Q3, 2021-07 or 2021-07-15)',
  DateSpec: 'a date spec whose date matches its precision',
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

/** Renders a value for a message: JSON, truncated to 80 characters. */
export function showValue(u: unknown): string {
  if (u === undefined) return 'nothing'
  let s: string
  try {
    s = typeof u === 'number' && !Number.isFinite(u) ? String(u) : (JSON.stringify(u) ?? String(u))
  } catch {
    s = String(u)
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s
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
    const expected = phrase(at.type as unknown as AnyType)
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
