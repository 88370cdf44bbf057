/**
 * The grammar of targets as planners print them, in Chinese and English: `14`, `≥90`, `< 1.8`,
 * `95以上`, `1.8以内`, `突破14`, `5~10`, `稳步提升`, `at least 90`, `between 5 and 10`, … parsed
 * into core's {@link TargetExpression} and formatted back. The grammar table, the inclusivity
 * decisions and the direction-inference rule are documented in `docs/targets.md`.
 *
 * @module TargetGrammar
 */
import {
  absurd,
  type ComparisonOp,
  type Direction,
  type TargetExpression,
} from '@progress-ledger/core'
import {
  COMPARISON_WORDS,
  type ComparisonWord,
  COUNTING_UNITS,
  type Lang,
  normalizeChars,
  PHRASES,
  RANGE_SEPARATORS,
  wordingOp,
} from './internal/targetLexicon'

/** A printed target that is not in the grammar. */
export interface TargetParseError {
  readonly _tag: 'TargetParseError'
  /** The text as given. */
  readonly input: string
  /** Index (UTF-16 code unit) of the first character that could not be read. */
  readonly position: number
  /** The unexpected character, or `undefined` at the end of the text. */
  readonly found: string | undefined
  /**
   * `cannot parse target "约90": unexpected "约" at position 0`, or for a unit that is not the
   * indicator's: `cannot parse target "80%以上": unit "%" at position 2 is not the indicator's unit "万元"`.
   */
  readonly message: string
}

/** A printed target read into the AST, with the unit printed after the number, if any. */
export interface ParsedTarget {
  readonly _tag: 'Parsed'
  readonly value: TargetExpression
  /** The unit printed after the number (`%` in `80%以上`), `null` when none was printed. */
  readonly unit: string | null
}

/** The result of {@link parseTarget}: the AST, or an error quoting the text and the position. */
export type TargetParseResult = ParsedTarget | TargetParseError

/** What the parser may use to give a plain number its direction. */
export interface ParseTargetOptions {
  /** The indicator's baseline value. */
  readonly baseline?: number
  /** The interim target's value when parsing the final target. */
  readonly interim?: number
  /** The final target's value when parsing an interim target. */
  readonly final?: number
  /** States the direction of a plain number; the result is then not `inferred`. */
  readonly direction?: Direction
  /**
   * The indicator's unit (`%`, `万元`, `个`, or `''` for none). A unit printed after a number must
   * be this one, or a plain counting unit (`个`, `家`, …) when the indicator has no unit. Without
   * it, only `%`, `‰` and the counting units are read.
   */
  readonly unit?: string
}

/** A language the grammar prints: `zh` Chinese, `en` English. */
export type TargetLanguage = Lang

const NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/

class Cursor {
  pos = 0
  constructor(
    readonly input: string,
    readonly text: string,
  ) {}
  skipSpaces(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos++
  }
  atEnd(): boolean {
    this.skipSpaces()
    return this.pos >= this.text.length
  }
  /** Consumes `word` if it is next (ASCII words must end at a word boundary). */
  eat(word: string): boolean {
    this.skipSpaces()
    if (!this.text.startsWith(word, this.pos)) return false
    const after = this.text[this.pos + word.length]
    if (/[a-z]$/.test(word) && after !== undefined && /[a-z]/.test(after)) return false
    this.pos += word.length
    return true
  }
  number(): number | undefined {
    this.skipSpaces()
    const m = NUMBER.exec(this.text.slice(this.pos))
    if (m === null) return undefined
    this.pos += m[0].length
    const n = Number(m[0])
    return Object.is(n, -0) ? 0 : n
  }
  fail(): TargetParseError {
    this.skipSpaces()
    const found =
      this.pos < this.input.length
        ? String.fromCodePoint(this.input.codePointAt(this.pos) as number)
        : undefined
    const what = found === undefined ? 'end of text' : JSON.stringify(found)
    return {
      _tag: 'TargetParseError',
      input: this.input,
      position: this.pos,
      found,
      message: `cannot parse target ${JSON.stringify(this.input)}: unexpected ${what} at position ${this.pos}`,
    }
  }
  wrongUnit(at: number, unit: string, expected: string): TargetParseError {
    const found = this.input.slice(at, at + unit.length)
    return {
      _tag: 'TargetParseError',
      input: this.input,
      position: at,
      found,
      message: `cannot parse target ${JSON.stringify(this.input)}: unit ${JSON.stringify(found)} at position ${at} ${expected === '' ? 'on an indicator without a unit (only a counting unit such as "个" fits)' : `is not the indicator's unit ${JSON.stringify(expected)}`}`,
    }
  }
}

/** An intermediate result of the parser. */
type Step<A> = { readonly _tag: 'Parsed'; readonly value: A } | TargetParseError
const ok = <A>(value: A): Step<A> => ({ _tag: 'Parsed', value })

const byLength = <A extends { readonly text: string }>(xs: ReadonlyArray<A>): ReadonlyArray<A> =>
  [...xs].sort((a, b) => b.text.length - a.text.length)
const PHRASES_LONGEST_FIRST = byLength(PHRASES)
const PREFIXES = byLength(COMPARISON_WORDS.filter((w) => w.position === 'prefix'))
const SUFFIXES = byLength(COMPARISON_WORDS.filter((w) => w.position === 'suffix'))
const SEPARATORS = [...RANGE_SEPARATORS].sort((a, b) => b.length - a.length)
const KNOWN_UNITS = ['%', '‰', ...COUNTING_UNITS].sort((a, b) => b.length - a.length)

/**
 * Reads a unit printed after a number, if any, and checks it: the indicator's own unit, or a
 * counting unit when the indicator has none; without a known unit, `%`, `‰` or a counting unit.
 * Records the unit in `seen` (one unit per target).
 */
function unitAfterNumber(
  c: Cursor,
  options: ParseTargetOptions,
  seen: { unit: string | null },
): TargetParseError | undefined {
  const start = (c.skipSpaces(), c.pos)
  const own = options.unit === undefined ? '' : normalizeChars(options.unit.trim())
  const candidates = [...(own === '' ? [] : [own]), ...KNOWN_UNITS].sort(
    (a, b) => b.length - a.length,
  )
  const word = candidates.find((u) => c.text.startsWith(u, start))
  if (word === undefined) return undefined
  const accepted =
    options.unit === undefined
      ? true
      : word === own || (own === '' && COUNTING_UNITS.includes(word))
  if (!accepted) return c.wrongUnit(start, word, options.unit?.trim() ?? '')
  const printed = c.input.slice(start, start + word.length)
  if (seen.unit !== null && seen.unit !== printed) return c.fail()
  c.pos = start + word.length
  seen.unit = printed
  return undefined
}

/** The direction of a plain number: stated, or inferred from the interim/final target, then the baseline. */
function levelDirection(
  value: number,
  options: ParseTargetOptions,
): { direction: Direction; inferred: boolean } {
  if (options.direction !== undefined) return { direction: options.direction, inferred: false }
  const references: ReadonlyArray<[number | undefined, 'after' | 'before']> = [
    [options.interim, 'after'],
    [options.final, 'before'],
    [options.baseline, 'after'],
  ]
  for (const [ref, when] of references) {
    if (ref === undefined || ref === value) continue
    const rises = when === 'after' ? value > ref : value < ref
    return { direction: rises ? 'higher' : 'lower', inferred: true }
  }
  return { direction: 'higher', inferred: true }
}

/** `(5~10)`, `(≥5)`, `(at most 10)` after 维持在合理区间. */
function reasonableBounds(
  c: Cursor,
  options: ParseTargetOptions,
  seen: { unit: string | null },
): Step<{ min?: number; max?: number }> {
  if (!c.eat('(')) return ok({})
  const start = (c.skipSpaces(), c.pos)
  const inner = numeric(c, options.unit === undefined ? {} : { unit: options.unit }, seen)
  if (inner._tag === 'TargetParseError') return inner
  const e = inner.value
  if (!c.eat(')')) return c.fail()
  if (e.kind === 'range') return ok({ min: e.min, max: e.max })
  if (e.kind === 'comparison' && e.op === 'ge') return ok({ min: e.value })
  if (e.kind === 'comparison' && e.op === 'le') return ok({ max: e.value })
  c.pos = start
  return c.fail()
}

/** A number, a comparison or a range, each number optionally followed by a unit. */
function numeric(
  c: Cursor,
  options: ParseTargetOptions,
  seen: { unit: string | null },
): Step<TargetExpression> {
  if (c.eat('between')) {
    const min = c.number()
    if (min === undefined) return c.fail()
    const u = unitAfterNumber(c, options, seen)
    if (u !== undefined) return u
    if (!c.eat('and')) return c.fail()
    return rangeEnd(c, min, options, seen)
  }
  const prefix: ComparisonWord | undefined = PREFIXES.find((w) => c.eat(w.text))
  const value = c.number()
  if (value === undefined) return c.fail()
  const u = unitAfterNumber(c, options, seen)
  if (u !== undefined) return u
  if (prefix !== undefined)
    return ok({ kind: 'comparison', op: prefix.op, value, wording: prefix.wording })
  const suffix = SUFFIXES.find((w) => c.eat(w.text))
  if (suffix !== undefined)
    return ok({ kind: 'comparison', op: suffix.op, value, wording: suffix.wording })
  if (SEPARATORS.some((s) => c.eat(s))) return rangeEnd(c, value, options, seen)
  return ok({ kind: 'level', value, ...levelDirection(value, options) })
}

function rangeEnd(
  c: Cursor,
  min: number,
  options: ParseTargetOptions,
  seen: { unit: string | null },
): Step<TargetExpression> {
  const start = (c.skipSpaces(), c.pos)
  const max = c.number()
  if (max === undefined || max < min) {
    c.pos = start
    return c.fail()
  }
  const u = unitAfterNumber(c, options, seen)
  if (u !== undefined) return u
  return ok({ kind: 'range', min, max })
}

/**
 * Parses a printed target. Full-width digits and symbols are read as their ASCII forms; English
 * words are case-insensitive. A number may be followed by a unit — the indicator's own
 * (`options.unit`), or a plain counting unit (`个`, `家`, …) — which is checked, kept in the
 * result and otherwise ignored: `80%以上` reads as `80以上` for a `%` indicator. A plain number
 * gets `options.direction` if given (`inferred: false`), otherwise a direction inferred from the
 * interim or final target, then the baseline (`higher` when nothing tells). Anything outside the
 * grammar is a `TargetParseError` that quotes the text and the position — never a guess.
 *
 * @example
 * import { parseTarget } from '@progress-ledger/plan'
 * parseTarget('95以上') // { _tag: 'Parsed', value: { kind: 'comparison', op: 'ge', value: 95, wording: '以上' }, unit: null }
 * parseTarget('80%以上', { unit: '%' }).unit // '%'
 * parseTarget('5~10个') // { _tag: 'Parsed', value: { kind: 'range', min: 5, max: 10 }, unit: '个' }
 * parseTarget('24.6', { interim: 25.7 }) // { _tag: 'Parsed', value: { kind: 'level', value: 24.6, direction: 'lower', inferred: true }, unit: null }
 * parseTarget('约90')._tag // 'TargetParseError'
 * parseTarget('约90').message // 'cannot parse target "约90": unexpected "约" at position 0'
 * parseTarget('≥90%', { unit: '万元' }).message // 'cannot parse target "≥90%": unit "%" at position 3 is not the indicator\'s unit "万元"'
 */
export function parseTarget(printed: string, options: ParseTargetOptions = {}): TargetParseResult {
  const c = new Cursor(printed, normalizeChars(printed))
  const seen: { unit: string | null } = { unit: null }
  let result: Step<TargetExpression>
  const phrase = PHRASES_LONGEST_FIRST.find((p) => c.eat(p.text))
  if (phrase !== undefined) {
    if (phrase.expr.kind === 'reasonable-range') {
      const bounds = reasonableBounds(c, options, seen)
      result =
        bounds._tag === 'TargetParseError'
          ? bounds
          : ok({ kind: 'reasonable-range', ...bounds.value })
    } else result = ok(phrase.expr)
  } else result = numeric(c, options, seen)
  if (result._tag === 'TargetParseError') return result
  if (!c.atEnd()) return c.fail()
  return { _tag: 'Parsed', value: result.value, unit: seen.unit }
}

/** Prints a number without grouping; `String` round-trips every finite double exactly. */
function num(n: number): string {
  return String(n)
}

const SYMBOL_ZH: Readonly<Record<ComparisonOp, string>> = { ge: '≥', gt: '>', le: '≤', lt: '<' }

function canonicalWord(op: ComparisonOp, wording: string, lang: Lang): ComparisonWord {
  const fits = (w: ComparisonWord): boolean =>
    w.lang === lang && w.op === op && w.wording === wording
  const found =
    COMPARISON_WORDS.find(fits) ??
    COMPARISON_WORDS.find((w) => w.lang === lang && w.op === op && w.wording === 'symbol')
  return found as ComparisonWord
}

/**
 * Formats a target in its canonical printed form in Chinese or English. Comparisons keep the
 * words they were printed with (`95以上` stays `95以上`, in English `95 or more`); a wording
 * that contradicts its operator (e.g. `以上` with `lt`) prints as the symbol form. Ranges print
 * as `5~10` / `between 5 and 10`.
 *
 * @example
 * import { formatTarget } from '@progress-ledger/plan'
 * formatTarget({ kind: 'comparison', op: 'ge', value: 90, wording: 'symbol' }, 'zh') // '≥90'
 * formatTarget({ kind: 'comparison', op: 'ge', value: 90, wording: 'symbol' }, 'en') // 'at least 90'
 * formatTarget({ kind: 'trend', direction: 'fall', pace: 'yearly' }, 'en') // 'decrease every year'
 */
export function formatTarget(expr: TargetExpression, lang: TargetLanguage): string {
  switch (expr.kind) {
    case 'level':
      return num(expr.value)
    case 'comparison': {
      const wording =
        expr.wording === 'symbol' || wordingOp(expr.wording) === expr.op ? expr.wording : 'symbol'
      if (wording === 'symbol' && lang === 'zh') return `${SYMBOL_ZH[expr.op]}${num(expr.value)}`
      const w = canonicalWord(expr.op, wording, lang)
      if (w.position === 'suffix')
        return lang === 'zh' ? `${num(expr.value)}${w.text}` : `${num(expr.value)} ${w.text}`
      return lang === 'zh' ? `${w.text}${num(expr.value)}` : `${w.text} ${num(expr.value)}`
    }
    case 'range':
      return lang === 'zh'
        ? `${num(expr.min)}~${num(expr.max)}`
        : `between ${num(expr.min)} and ${num(expr.max)}`
    case 'trend':
    case 'stable':
    case 'quota':
      return phraseText(expr, lang)
    case 'reasonable-range': {
      const base = phraseText({ kind: 'reasonable-range' }, lang)
      const { min, max } = expr
      if (min !== undefined && max !== undefined) {
        return `${base} (${formatTarget({ kind: 'range', min: Math.min(min, max), max: Math.max(min, max) }, lang)})`
      }
      if (min !== undefined)
        return `${base} (${formatTarget({ kind: 'comparison', op: 'ge', value: min, wording: 'symbol' }, lang)})`
      if (max !== undefined)
        return `${base} (${formatTarget({ kind: 'comparison', op: 'le', value: max, wording: 'symbol' }, lang)})`
      return base
    }
    default:
      return absurd(expr)
  }
}

function phraseText(expr: TargetExpression, lang: Lang): string {
  const same = (p: (typeof PHRASES)[number]): boolean =>
    p.lang === lang &&
    p.expr.kind === expr.kind &&
    (p.expr.kind !== 'trend' ||
      (expr.kind === 'trend' && p.expr.direction === expr.direction && p.expr.pace === expr.pace))
  return (PHRASES.find(same) as (typeof PHRASES)[number]).text
}
