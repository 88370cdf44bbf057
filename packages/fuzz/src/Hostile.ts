/**
 * Hostile values, by the limit they break: ids, names, free text, numbers, dates, periods and
 * years that the ledger's documented limits refuse, with generic garbage (any JSON, deep lists,
 * prototype keys) besides. A value drawn from a pool of invalid values of a field's class makes
 * the input one that must be refused; garbage makes no such claim.
 *
 * @module Hostile
 */
import fc from 'fast-check'

/** The classes of fields the limits speak of. */
export type FieldClass =
  | 'id'
  | 'name'
  | 'label'
  | 'text'
  | 'reason'
  | 'number'
  | 'count'
  | 'share'
  | 'date'
  | 'period'
  | 'year'

const big = (n: number, c = 'x'): string => c.repeat(n)

/** Values each class refuses, whatever the command (see docs/stores.md for the limits). */
const INVALID: Readonly<Record<FieldClass, ReadonlyArray<unknown>>> = {
  id: [
    '',
    ' ',
    'fgj\u0000',
    'fgj\n',
    'a\tb',
    '\u202efgj',
    'f\u200bgj',
    'a\u0085b',
    '\u001b[2J',
    '\ud800x',
    '__proto__',
    'constructor',
    'prototype',
    big(201),
    7,
    null,
  ],
  name: [
    '',
    ' ',
    'a\nb',
    big(501),
    big(1_000_000),
    '\u202e名',
    'a\u0000',
    '\u001b]0;t\u0007',
    'a\u2028b',
    3,
  ],
  label: ['a\nb', big(501), '\u202e名', 'a\u0000', '\u001b]0;t\u0007', '\ufeffx', false],
  text: [big(2001), big(1_000_000), 'a\u0000b', '\u001b[2J', 'x\u202ey', '\ud800', 'a\u0007', 12],
  reason: [big(2001), 'a\u0000b', '\u001b[2J', 'x\u202ey', '\ud800'],
  number: [1.7e308, -1.7e308, 1e16, -2e15, 1.000001e15, 'twelve', null],
  count: [-1, 1.5, 1e16, '3'],
  share: [1.7e308, -1e16, 1e16],
  date: [
    '0000-01-01',
    '1899-12-31',
    '2201-01-01',
    '2021-02-30',
    '2021-13-01',
    '21-01-01',
    20210101,
  ],
  period: ['0000', '2201', '1899-Q4', '2021-Q5', '2021-H3', '0000-01-01', '2021-00', 2021],
  year: [0, -1, 1899, 2201, 99999, 2021.5, '2021'],
}

/**
 * A value the class refuses.
 *
 * @example
 * import fc from 'fast-check'
 * import { EntityId } from '@progress-ledger/core'
 * import { invalidOf } from '@progress-ledger/fuzz'
 * fc.sample(invalidOf('id'), 50).some((v) => EntityId.is(v)) // false
 */
export function invalidOf(cls: FieldClass): fc.Arbitrary<unknown> {
  return fc.constantFrom(...INVALID[cls])
}

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202e',
  '\u001b[31mred',
  '\r\n',
  '\ud83d',
  '💥',
  '__proto__',
  'constructor',
  'toString',
  '%s%n',
  '${x}',
  '<script>alert(1)</script>',
  '=cmd|/c calc',
  'I01',
  'fgj',
  '2021',
  '2021-12-31',
]

/** Any string: unicode, binary, the usual suspects, or long. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 4 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.nat(4000).map((n) => big(n, 'y')), weight: 1 },
)

/** Any number: doubles with their extremes (NaN and infinities become null in JSON), integers. */
export const anyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 1e15, -1e15, 5e-324, 100, 100.0001, -1, 1e21, Number.MAX_SAFE_INTEGER),
)

/** Lists nested `depth` deep around a value. */
function nested(depth: number, inner: unknown): unknown {
  let v = inner
  for (let i = 0; i < depth; i++) v = [v]
  return v
}

/** Garbage: any JSON value, a hostile string or number, a deep list, an object with prototype keys. */
export const garbage: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: anyString, weight: 4 },
  { arbitrary: anyNumber, weight: 3 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 3 },
  { arbitrary: fc.constantFrom(null, true, false, [], {}), weight: 2 },
  { arbitrary: fc.integer({ min: 2, max: 200 }).map((d) => nested(d, 1)), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
      { constructor: { prototype: { polluted: true } } },
      { toString: 1, valueOf: 'x' },
    ),
    weight: 1,
  },
)

/** How a line of text is spoiled after it was written. */
export interface TextMutation {
  readonly kind: string
  /** Why the spoiled text must be refused, when it must be. */
  readonly mustRefuse: string | undefined
  /** Whether the text no longer holds what it held (so what made it refusable is gone). */
  readonly replaces: boolean
  readonly apply: (text: string) => string
}

function duplicateFirstKey(text: string): string {
  const m = /^\{("(?:[^"\\]|\\.)*")\s*:/.exec(text)
  if (m === null) return '{"a":1,"a":2}'
  return `{${m[1]}:null,${text.slice(1)}`
}

/** Text-level mutations: repeated keys, deep nesting, raw control characters, and plain damage. */
export const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.constant<TextMutation>({
    kind: 'duplicate-key',
    replaces: false,
    mustRefuse: 'a key repeated in an object',
    apply: duplicateFirstKey,
  }),
  fc.constantFrom(65, 1000, 100_000).map((n): TextMutation => ({
    kind: `nested-${n}`,
    replaces: false,
    mustRefuse: 'nesting deeper than 64',
    apply: (t) => `${'['.repeat(n)}${t}${']'.repeat(n)}`,
  })),
  fc.constantFrom('\u0001', '\u001b', '\u0000').map((c): TextMutation => ({
    kind: 'raw-control',
    replaces: false,
    mustRefuse: 'a raw control character in a string',
    apply: (t) => (t.includes('"') ? t.replace('"', `"${c}`) : `"${c}"`),
  })),
  fc.constant<TextMutation>({
    kind: 'huge-number',
    replaces: false,
    mustRefuse: 'a number beyond a double',
    apply: (t) => (t.startsWith('{') ? `{"n":1e999,${t.slice(1)}` : '1e999'),
  }),
  fc.constant<TextMutation>({
    kind: 'bom',
    replaces: false,
    mustRefuse: 'a byte-order mark',
    apply: (t) => `\ufeff${t}`,
  }),
  fc.nat().map((n): TextMutation => ({
    kind: 'truncated',
    replaces: true,
    mustRefuse: undefined,
    apply: (t) => t.slice(0, n % Math.max(1, t.length)),
  })),
  anyString.map((s): TextMutation => ({
    kind: 'garbage-line',
    replaces: true,
    mustRefuse: undefined,
    apply: () => s,
  })),
)
