/**
 * A strict reader of JSON text (RFC 8259) for untrusted input such as a line of a JSONL file or
 * a plan document: a key repeated in one object is refused (where `JSON.parse` silently keeps
 * the last), nesting is bounded, a number beyond a double's range is refused (where `JSON.parse`
 * gives `Infinity`), and a problem is a tagged value with its line and column, never a thrown
 * exception, whatever the input (100,000 nested `[` included). Messages show the offending text
 * with control and bidi characters escaped.
 *
 * @module JsonText
 */
import { quoteText } from './Decode'

/** Options of {@link parseJsonText}. */
export interface JsonTextOptions {
  /** The deepest nesting of lists and objects accepted (default {@link MAX_JSON_DEPTH}). */
  readonly maxDepth?: number
}

/** The deepest nesting of lists and objects {@link parseJsonText} accepts by default: 64. */
export const MAX_JSON_DEPTH = 64

/** The text is JSON: its value. */
export interface ParsedJson {
  readonly _tag: 'ParsedJson'
  readonly value: unknown
}

/** The text is not acceptable JSON: where (1-based line and column, in UTF-16 units) and why. */
export interface JsonTextError {
  readonly _tag: 'JsonTextError'
  readonly line: number
  readonly column: number
  /** `expected …, got …`, the offending text escaped. */
  readonly message: string
}

/** The outcome of {@link parseJsonText}. */
export type JsonTextResult = ParsedJson | JsonTextError

class Refusal {
  constructor(
    readonly at: number,
    readonly message: string,
  ) {}
}

const WS_SPACE = 0x20
const WS_TAB = 0x09
const WS_LF = 0x0a
const WS_CR = 0x0d

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39
}

/** Short strings seen by any parse, each kept once (see {@link ownCopy}); at most this many. */
const SHORT_STRINGS = 4096
const shortStrings = new Map<string, string>()

/**
 * `s` as a string of its own, sharing no storage with the text it was cut from. V8 makes a
 * substring of 13 or more characters a view into the text, and a longer concatenation a tree of
 * its pieces: a parsed value kept for long (an event id the ledger state holds) would keep its
 * whole line alive, and through the line the 64 KB chunk a line reader cut it from — an intake of
 * a million lines held the whole file. Here the first 12 characters are copied, the rest joined
 * on, and reading a character makes V8 flatten the join: one new string of exactly these
 * characters, the pieces garbage. Shorter strings are copies already; the same short text (a
 * period, an indicator id, a status) recurs on every line, so one copy of each is kept and shared.
 */
function ownCopy(s: string): string {
  if (s.length < 13) {
    const known = shortStrings.get(s)
    if (known !== undefined) return known
    if (shortStrings.size < SHORT_STRINGS) shortStrings.set(s, s)
    return s
  }
  const copy = s.slice(0, 12) + s.slice(12)
  copy.charCodeAt(0)
  return copy
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
}

class Reader {
  private pos = 0

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  document(): unknown {
    this.skipSpace()
    const value = this.value(0)
    this.skipSpace()
    if (this.pos < this.text.length) this.refuse('the end of the text')
    return value
  }

  /** Throws the refusal at the current position: expected `what`, got what is there. */
  private refuse(what: string, at = this.pos): never {
    throw new Refusal(at, `expected ${what}, got ${this.shown(at)}`)
  }

  private shown(at: number): string {
    if (at >= this.text.length) return 'the end of the text'
    const piece = this.text.slice(at, at + 12)
    return quoteText(at + 12 < this.text.length ? `${piece}…` : piece)
  }

  private skipSpace(): void {
    const t = this.text
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos)
      if (c !== WS_SPACE && c !== WS_TAB && c !== WS_LF && c !== WS_CR) return
      this.pos++
    }
  }

  private value(depth: number): unknown {
    const t = this.text
    const c = t.charCodeAt(this.pos)
    if (c === 0x7b /* { */) return this.object(depth + 1)
    if (c === 0x5b /* [ */) return this.list(depth + 1)
    if (c === 0x22 /* " */) return this.string()
    if (c === 0x2d /* - */ || isDigit(c)) return this.number()
    if (t.startsWith('true', this.pos)) return this.word(4, true)
    if (t.startsWith('false', this.pos)) return this.word(5, false)
    if (t.startsWith('null', this.pos)) return this.word(4, null)
    return this.refuse('a JSON value')
  }

  private word<V>(length: number, v: V): V {
    this.pos += length
    return v
  }

  private enter(depth: number): void {
    if (depth > this.maxDepth)
      throw new Refusal(
        this.pos,
        `expected lists and objects nested at most ${this.maxDepth} deep, got deeper nesting`,
      )
    this.pos++
  }

  private list(depth: number): unknown[] {
    this.enter(depth)
    const out: unknown[] = []
    this.skipSpace()
    if (this.text.charCodeAt(this.pos) === 0x5d /* ] */) {
      this.pos++
      return out
    }
    for (;;) {
      this.skipSpace()
      out.push(this.value(depth))
      this.skipSpace()
      const c = this.text.charCodeAt(this.pos)
      if (c === 0x2c /* , */) this.pos++
      else if (c === 0x5d /* ] */) {
        this.pos++
        return out
      } else this.refuse('"," or "]" in a list')
    }
  }

  private object(depth: number): Record<string, unknown> {
    this.enter(depth)
    const out: Record<string, unknown> = {}
    const seen = new Set<string>()
    this.skipSpace()
    if (this.text.charCodeAt(this.pos) === 0x7d /* } */) {
      this.pos++
      return out
    }
    for (;;) {
      this.skipSpace()
      const keyAt = this.pos
      if (this.text.charCodeAt(this.pos) !== 0x22) this.refuse('a key in double quotes')
      const key = this.string()
      if (seen.has(key))
        throw new Refusal(keyAt, `expected each key once in an object, got ${quoteText(key)} again`)
      seen.add(key)
      this.skipSpace()
      if (this.text.charCodeAt(this.pos) !== 0x3a /* : */) this.refuse('":" after a key')
      this.pos++
      this.skipSpace()
      const v = this.value(depth)
      // An own property even for "__proto__", as JSON.parse makes it: never the prototype.
      Object.defineProperty(out, key, {
        value: v,
        writable: true,
        enumerable: true,
        configurable: true,
      })
      this.skipSpace()
      const c = this.text.charCodeAt(this.pos)
      if (c === 0x2c /* , */) this.pos++
      else if (c === 0x7d /* } */) {
        this.pos++
        return out
      } else this.refuse('"," or "}" in an object')
    }
  }

  private string(): string {
    const t = this.text
    const start = this.pos
    this.pos++
    let out = ''
    let run = this.pos
    for (;;) {
      if (this.pos >= t.length)
        throw new Refusal(start, "expected a closing '\"', got the end of the text")
      const c = t.charCodeAt(this.pos)
      if (c === 0x22) {
        out += t.slice(run, this.pos)
        this.pos++
        return ownCopy(out)
      }
      if (c < 0x20) this.refuse('a control character written as an escape (\\n, \\u0000, …)')
      if (c !== 0x5c /* \ */) {
        this.pos++
        continue
      }
      out += t.slice(run, this.pos)
      const e = t.charAt(this.pos + 1)
      const simple = ESCAPES[e]
      if (simple !== undefined) {
        out += simple
        this.pos += 2
      } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(t.slice(this.pos + 2, this.pos + 6))) {
        out += String.fromCharCode(parseInt(t.slice(this.pos + 2, this.pos + 6), 16))
        this.pos += 6
      } else this.refuse('an escape \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX')
      run = this.pos
    }
  }

  private number(): number {
    NUMBER.lastIndex = this.pos
    const m = NUMBER.exec(this.text)
    if (m === null) return this.refuse('a number')
    const n = Number(m[0])
    if (!Number.isFinite(n))
      throw new Refusal(
        this.pos,
        `expected a number within the range of a double (±1.8e308), got ${m[0].slice(0, 40)}`,
      )
    this.pos += m[0].length
    return n
  }
}

function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: at - lineStart + 1 }
}

/**
 * Reads JSON text strictly. Never throws: a problem is a {@link JsonTextError} with its line,
 * column and message.
 *
 * @example
 * import { parseJsonText } from '@progress-ledger/core'
 * parseJsonText('{"type":"ReportValue","value":12.5}') // { _tag: 'ParsedJson', value: { type: 'ReportValue', value: 12.5 } }
 * parseJsonText('{"value":1,"value":2}') // { _tag: 'JsonTextError', line: 1, column: 12, message: 'expected each key once in an object, got "value" again' }
 * parseJsonText('['.repeat(100000)) // { _tag: 'JsonTextError', line: 1, column: 65, message: 'expected lists and objects nested at most 64 deep, got deeper nesting' }
 * const r = parseJsonText('{"a":\n 1e999}')
 * r._tag === 'JsonTextError' && `${r.line}:${r.column}` // '2:2'
 */
export function parseJsonText(text: string, options: JsonTextOptions = {}): JsonTextResult {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH
  if (!Number.isInteger(maxDepth) || maxDepth < 1)
    throw new Error(`maxDepth must be a whole number >= 1, got ${String(maxDepth)}`)
  try {
    return { _tag: 'ParsedJson', value: new Reader(text, maxDepth).document() }
  } catch (e) {
    if (!(e instanceof Refusal)) throw e
    return { _tag: 'JsonTextError', ...lineAndColumn(text, e.at), message: e.message }
  }
}
