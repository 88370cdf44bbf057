/**
 * The words of the target grammar: the phrases, comparison words and separators the parser
 * accepts, in Chinese and English, and the canonical spelling the formatter prints.
 * The first entry for each meaning is canonical; later entries are accepted aliases.
 *
 * @internal
 */
import type { ComparisonOp, ComparisonWording, TargetExpression } from '@progress-ledger/core'

/** A language the grammar prints. */
export type Lang = 'zh' | 'en'

/** A phrase that is a whole target by itself (with the optional bounds of 维持在合理区间). */
export interface PhraseEntry {
  readonly text: string
  readonly lang: Lang
  readonly expr: Extract<
    TargetExpression,
    { kind: 'trend' | 'stable' | 'reasonable-range' | 'quota' }
  >
}

const rise = (pace: 'steady' | 'gradual' | 'yearly') =>
  ({ kind: 'trend', direction: 'rise', pace }) as const
const fall = (pace: 'steady' | 'gradual' | 'yearly') =>
  ({ kind: 'trend', direction: 'fall', pace }) as const
const stable = { kind: 'stable' } as const
const reasonable = { kind: 'reasonable-range' } as const
const quota = { kind: 'quota' } as const

/** Whole-target phrases; canonical first within each meaning and language. */
export const PHRASES: ReadonlyArray<PhraseEntry> = [
  { text: '稳步提升', lang: 'zh', expr: rise('steady') },
  { text: '稳步提高', lang: 'zh', expr: rise('steady') },
  { text: '逐步提升', lang: 'zh', expr: rise('gradual') },
  { text: '逐步提高', lang: 'zh', expr: rise('gradual') },
  { text: '逐年提高', lang: 'zh', expr: rise('yearly') },
  { text: '逐年提升', lang: 'zh', expr: rise('yearly') },
  { text: '逐年增长', lang: 'zh', expr: rise('yearly') },
  { text: '稳步下降', lang: 'zh', expr: fall('steady') },
  { text: '逐步下降', lang: 'zh', expr: fall('gradual') },
  { text: '逐年下降', lang: 'zh', expr: fall('yearly') },
  { text: '保持稳定', lang: 'zh', expr: stable },
  { text: '维持在合理区间', lang: 'zh', expr: reasonable },
  { text: '保持在合理区间', lang: 'zh', expr: reasonable },
  { text: '完成上级下达任务', lang: 'zh', expr: quota },
  { text: 'steady increase', lang: 'en', expr: rise('steady') },
  { text: 'gradual increase', lang: 'en', expr: rise('gradual') },
  { text: 'increase every year', lang: 'en', expr: rise('yearly') },
  { text: 'steady decrease', lang: 'en', expr: fall('steady') },
  { text: 'gradual decrease', lang: 'en', expr: fall('gradual') },
  { text: 'decrease every year', lang: 'en', expr: fall('yearly') },
  { text: 'remain stable', lang: 'en', expr: stable },
  { text: 'stay stable', lang: 'en', expr: stable },
  { text: 'within a reasonable range', lang: 'en', expr: reasonable },
  { text: 'remain within a reasonable range', lang: 'en', expr: reasonable },
  { text: 'quota assigned by the higher level', lang: 'en', expr: quota },
  { text: 'meet the quota assigned by the higher level', lang: 'en', expr: quota },
]

/** A comparison word printed before or after the number. */
export interface ComparisonWord {
  readonly text: string
  readonly lang: Lang
  readonly position: 'prefix' | 'suffix'
  readonly op: ComparisonOp
  readonly wording: ComparisonWording
}

/**
 * Comparison words; canonical first for each (wording, op, language). Symbols print in Chinese
 * as `≥ > ≤ <` and in English as `at least`, `more than`, `at most`, `below`.
 */
export const COMPARISON_WORDS: ReadonlyArray<ComparisonWord> = [
  { text: '≥', lang: 'zh', position: 'prefix', op: 'ge', wording: 'symbol' },
  { text: '>=', lang: 'zh', position: 'prefix', op: 'ge', wording: 'symbol' },
  { text: '>', lang: 'zh', position: 'prefix', op: 'gt', wording: 'symbol' },
  { text: '≤', lang: 'zh', position: 'prefix', op: 'le', wording: 'symbol' },
  { text: '<=', lang: 'zh', position: 'prefix', op: 'le', wording: 'symbol' },
  { text: '<', lang: 'zh', position: 'prefix', op: 'lt', wording: 'symbol' },
  { text: '大于', lang: 'zh', position: 'prefix', op: 'gt', wording: 'symbol' },
  { text: '高于', lang: 'zh', position: 'prefix', op: 'gt', wording: 'symbol' },
  { text: '小于', lang: 'zh', position: 'prefix', op: 'lt', wording: 'symbol' },
  { text: '低于', lang: 'zh', position: 'prefix', op: 'lt', wording: 'symbol' },
  { text: '以上', lang: 'zh', position: 'suffix', op: 'ge', wording: '以上' },
  { text: '以下', lang: 'zh', position: 'suffix', op: 'le', wording: '以下' },
  { text: '以内', lang: 'zh', position: 'suffix', op: 'le', wording: '以内' },
  { text: '突破', lang: 'zh', position: 'prefix', op: 'gt', wording: '突破' },
  { text: '超', lang: 'zh', position: 'prefix', op: 'gt', wording: '超' },
  { text: '超过', lang: 'zh', position: 'prefix', op: 'gt', wording: '超' },
  { text: '不低于', lang: 'zh', position: 'prefix', op: 'ge', wording: '不低于' },
  { text: '不少于', lang: 'zh', position: 'prefix', op: 'ge', wording: '不低于' },
  { text: '不超过', lang: 'zh', position: 'prefix', op: 'le', wording: '不超过' },
  { text: '不高于', lang: 'zh', position: 'prefix', op: 'le', wording: '不超过' },
  { text: '达到', lang: 'zh', position: 'prefix', op: 'ge', wording: '达到' },
  { text: 'at least', lang: 'en', position: 'prefix', op: 'ge', wording: 'symbol' },
  { text: 'more than', lang: 'en', position: 'prefix', op: 'gt', wording: 'symbol' },
  { text: 'greater than', lang: 'en', position: 'prefix', op: 'gt', wording: 'symbol' },
  { text: 'at most', lang: 'en', position: 'prefix', op: 'le', wording: 'symbol' },
  { text: 'below', lang: 'en', position: 'prefix', op: 'lt', wording: 'symbol' },
  { text: 'less than', lang: 'en', position: 'prefix', op: 'lt', wording: 'symbol' },
  { text: 'or more', lang: 'en', position: 'suffix', op: 'ge', wording: '以上' },
  { text: 'or above', lang: 'en', position: 'suffix', op: 'ge', wording: '以上' },
  { text: 'or less', lang: 'en', position: 'suffix', op: 'le', wording: '以下' },
  { text: 'or below', lang: 'en', position: 'suffix', op: 'le', wording: '以下' },
  { text: 'within', lang: 'en', position: 'prefix', op: 'le', wording: '以内' },
  { text: 'break through', lang: 'en', position: 'prefix', op: 'gt', wording: '突破' },
  { text: 'over', lang: 'en', position: 'prefix', op: 'gt', wording: '超' },
  { text: 'no less than', lang: 'en', position: 'prefix', op: 'ge', wording: '不低于' },
  { text: 'no more than', lang: 'en', position: 'prefix', op: 'le', wording: '不超过' },
  { text: 'reach', lang: 'en', position: 'prefix', op: 'ge', wording: '达到' },
]

/**
 * Plain counting units (量词) a printed target may end with when the indicator has no unit of its
 * own: `5~10个` (villages), `3家` (enterprises), `20所` (schools).
 */
export const COUNTING_UNITS: ReadonlyArray<string> = [
  '个',
  '家',
  '人',
  '项',
  '所',
  '座',
  '件',
  '台',
  '张',
  '户',
  '名',
  '处',
  '条',
  '套',
  '辆',
  '次',
  '人次',
  '家次',
]

/** Range separators between two numbers (`5~10`, `5-10`, `5～10`, `5 to 10`). */
export const RANGE_SEPARATORS: ReadonlyArray<string> = ['~', '-', '至', '到', 'to']

/** The operator a comparison wording implies; `symbol` carries any operator. */
export function wordingOp(wording: ComparisonWording): ComparisonOp | undefined {
  return COMPARISON_WORDS.find((w) => w.wording === wording && w.wording !== 'symbol')?.op
}

/** Half-width replacements for full-width and variant characters (one character each). */
const FULL_WIDTH: Readonly<Record<string, string>> = {
  '＜': '<',
  '＞': '>',
  '≧': '≥',
  '≦': '≤',
  '～': '~',
  '〜': '~',
  '－': '-',
  '—': '-',
  '–': '-',
  '．': '.',
  '　': ' ',
  '＋': '+',
  '（': '(',
  '）': ')',
  '，': ',',
  '：': ':',
  '＝': '=',
}

/**
 * Replaces full-width digits, letters and symbols by their ASCII forms and lowercases ASCII
 * letters, one character for one character, so positions stay those of the original text.
 */
export function normalizeChars(s: string): string {
  let out = ''
  for (const ch of s) {
    const code = ch.codePointAt(0) as number
    let c =
      FULL_WIDTH[ch] ??
      (code >= 0xff01 && code <= 0xff5e ? String.fromCodePoint(code - 0xfee0) : ch)
    if (c.length !== ch.length) c = ch
    out += c >= 'A' && c <= 'Z' ? c.toLowerCase() : c
  }
  return out
}
