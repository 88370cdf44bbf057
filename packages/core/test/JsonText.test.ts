// The strict JSON reader: what JSON.parse lets through (repeated keys, Infinity) is refused, deep
// nesting is a clean error, and positions and messages are exact.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type JsonTextResult, parseJsonText } from '../src/JsonText'

const error = (r: JsonTextResult) =>
  r._tag === 'JsonTextError' ? { line: r.line, column: r.column, message: r.message } : r

describe('parseJsonText', () => {
  it('reads what JSON.parse reads, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = JSON.stringify(v)
        expect(parseJsonText(text)).toEqual({ _tag: 'ParsedJson', value: JSON.parse(text) })
      }),
      { numRuns: 1000 },
    )
  })
  it('reads every string whole, short ones past the shared table and long ones cut from a long text', () => {
    // More distinct short strings than the reader keeps one copy of, then strings of 12–14
    // characters (either side of where it copies rather than shares) with and without escapes,
    // all in one long text.
    const short = Array.from({ length: 5000 }, (_, i) => `p-${i}`)
    const edges = [
      '123456789012',
      '1234567890123',
      '12345678901234',
      'a"b\\c\n中defghijk', // written with escapes: \" \\ \n
      'x\t"',
      'é中€'.repeat(5),
    ]
    const text = JSON.stringify({
      short,
      again: short.slice(0, 10),
      edges,
      [edges[1] as string]: 1,
    })
    expect(parseJsonText(text)).toEqual({ _tag: 'ParsedJson', value: JSON.parse(text) })
    expect(parseJsonText(JSON.stringify(short))).toEqual({ _tag: 'ParsedJson', value: short })
  })

  it('refuses a key repeated in one object, at the repetition', () => {
    expect(error(parseJsonText('{"type":"ReportValue",\n  "value": 1,\n  "value": 2}'))).toEqual({
      line: 3,
      column: 3,
      message: 'expected each key once in an object, got "value" again',
    })
    expect(parseJsonText('[{"a":1},{"a":2}]')._tag).toBe('ParsedJson')
  })

  it('refuses deep nesting with a clean error instead of exhausting the stack', () => {
    for (const text of ['['.repeat(100_000), `${'['.repeat(100_000)}${']'.repeat(100_000)}`])
      expect(error(parseJsonText(text))).toEqual({
        line: 1,
        column: 65,
        message: 'expected lists and objects nested at most 64 deep, got deeper nesting',
      })
    expect(parseJsonText('{"a":'.repeat(64) + '1' + '}'.repeat(64))._tag).toBe('ParsedJson')
    expect(parseJsonText('[[1]]', { maxDepth: 1 })._tag).toBe('JsonTextError')
  })

  it('refuses numbers beyond a double, which JSON.parse turns into Infinity', () => {
    expect(JSON.parse('1.8e308')).toBe(Infinity)
    expect(error(parseJsonText('{"value": 1.8e308}'))).toEqual({
      line: 1,
      column: 11,
      message: 'expected a number within the range of a double (±1.8e308), got 1.8e308',
    })
  })

  it('escapes control and bidi characters in what it shows', () => {
    const r = error(parseJsonText('{"a": \u001b[2J\u202e}'))
    expect(r).toEqual({
      line: 1,
      column: 7,
      message: 'expected a JSON value, got "\\u001b[2J\\u202e}"',
    })
    expect(
      ['\u001b', '\u202e'].some((c) => String((r as { message?: unknown }).message).includes(c)),
    ).toBe(false)
    expect(error(parseJsonText('"tab\there"'))).toMatchObject({
      message:
        'expected a control character written as an escape (\\n, \\u0000, …), got "\\there\\""',
    })
  })

  it('names the problem and its place for malformed text', () => {
    expect(error(parseJsonText(''))).toEqual({
      line: 1,
      column: 1,
      message: 'expected a JSON value, got the end of the text',
    })
    expect(error(parseJsonText('{"a":1,}'))).toMatchObject({
      column: 8,
      message: 'expected a key in double quotes, got "}"',
    })
    expect(error(parseJsonText('{"a" 1}'))).toMatchObject({
      message: 'expected ":" after a key, got "1}"',
    })
    expect(error(parseJsonText('[1 2]'))).toMatchObject({
      message: 'expected "," or "]" in a list, got "2]"',
    })
    expect(error(parseJsonText('{"a":1} {}'))).toMatchObject({
      column: 9,
      message: 'expected the end of the text, got "{}"',
    })
    expect(error(parseJsonText('"abc'))).toMatchObject({
      column: 1,
      message: "expected a closing '\"', got the end of the text",
    })
    expect(error(parseJsonText('"\\x"'))).toMatchObject({ column: 2 })
    expect(error(parseJsonText('01'))).toMatchObject({ column: 2 })
    expect(error(parseJsonText('\ufeff{}'))).toMatchObject({
      message: 'expected a JSON value, got "\\ufeff{}"',
    })
  })

  it('never throws, whatever the text', () => {
    const alphabet = fc.constantFrom(
      ...'{}[]":,0123456789.eE+-truefalsn \\u\n\t\u0000\u202e'.split(''),
    )
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 60 }), (text) => {
        const r = parseJsonText(text)
        let native: unknown
        try {
          native = { ok: JSON.parse(text) as unknown }
        } catch {
          native = undefined
        }
        // Whatever JSON.parse refuses, so does the strict reader.
        if (native === undefined) expect(r._tag).toBe('JsonTextError')
      }),
      { numRuns: 2000 },
    )
  })

  it('makes "__proto__" an own property, never the prototype', () => {
    const r = parseJsonText('{"__proto__": {"polluted": true}}')
    expect(r._tag === 'ParsedJson' && Object.getPrototypeOf(r.value)).toBe(Object.prototype)
    expect(r._tag === 'ParsedJson' && Object.keys(r.value as object)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })
})
