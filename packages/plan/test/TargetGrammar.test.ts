import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { TargetExpression } from '@progress-ledger/core'
import { formatTarget, parseTarget, type ParseTargetOptions } from '../src/TargetGrammar'
import { parsableTarget } from './arbitraries'

const ok = (s: string, options?: ParseTargetOptions): TargetExpression => {
  const r = parseTarget(s, options)
  if (r._tag === 'TargetParseError') throw new Error(r.message)
  return r.value
}
const err = (s: string, options?: ParseTargetOptions): string => {
  const r = parseTarget(s, options)
  if (r._tag === 'Parsed')
    throw new Error(`expected ${JSON.stringify(s)} to fail, got ${JSON.stringify(r.value)}`)
  return r.message
}
const lvl = (value: number, direction: string, inferred: boolean) => ({
  kind: 'level',
  value,
  direction,
  inferred,
})
const cmp = (op: string, value: number, wording: string) => ({
  kind: 'comparison',
  op,
  value,
  wording,
})

describe('parseTarget: numbers and comparisons', () => {
  it.each([
    ['≥90', cmp('ge', 90, 'symbol')],
    ['>85', cmp('gt', 85, 'symbol')],
    ['< 1.8', cmp('lt', 1.8, 'symbol')],
    ['≤80', cmp('le', 80, 'symbol')],
    ['<0.01', cmp('lt', 0.01, 'symbol')],
    ['>=90', cmp('ge', 90, 'symbol')],
    ['<=80', cmp('le', 80, 'symbol')],
    ['95以上', cmp('ge', 95, '以上')],
    ['18.5以上', cmp('ge', 18.5, '以上')],
    ['50以上', cmp('ge', 50, '以上')],
    ['3以下', cmp('le', 3, '以下')],
    ['1.8以内', cmp('le', 1.8, '以内')],
    ['突破14', cmp('gt', 14, '突破')],
    ['超1000', cmp('gt', 1000, '超')],
    ['超过1000', cmp('gt', 1000, '超')],
    ['不低于90', cmp('ge', 90, '不低于')],
    ['不超过80', cmp('le', 80, '不超过')],
    ['达到95', cmp('ge', 95, '达到')],
    ['at least 90', cmp('ge', 90, 'symbol')],
    ['more than 85', cmp('gt', 85, 'symbol')],
    ['below 1.8', cmp('lt', 1.8, 'symbol')],
    ['at most 80', cmp('le', 80, 'symbol')],
    ['95 or more', cmp('ge', 95, '以上')],
    ['within 1.8', cmp('le', 1.8, '以内')],
    ['no more than 80', cmp('le', 80, '不超过')],
    ['At Least 90', cmp('ge', 90, 'symbol')],
  ])('%s', (s, expected) => {
    expect(ok(s)).toEqual(expected)
    expect(E.isRight(TargetExpression.decode(ok(s)))).toBe(true)
  })

  it.each([
    ['5~10', 5, 10],
    ['5-10', 5, 10],
    ['5～10', 5, 10],
    ['5 ~ 10', 5, 10],
    ['-5-10', -5, 10],
    ['between 5 and 10', 5, 10],
    ['5 to 10', 5, 10],
  ])('range %s', (s, min, max) => {
    expect(ok(s)).toEqual({ kind: 'range', min, max })
  })

  it('reads full-width digits and symbols', () => {
    expect(ok('＜１．８')).toEqual(cmp('lt', 1.8, 'symbol'))
    expect(ok('≧９０')).toEqual(cmp('ge', 90, 'symbol'))
    expect(ok('＞８５')).toEqual(cmp('gt', 85, 'symbol'))
    expect(ok('９５以上')).toEqual(cmp('ge', 95, '以上'))
    expect(ok('　１４　')).toEqual({
      kind: 'level',
      value: 14,
      direction: 'higher',
      inferred: true,
    })
  })

  it('decides inclusivity: 以上/以下/以内/不低于/不超过/达到 include the number, 突破/超 exclude it', () => {
    const ops = Object.fromEntries(
      ['95以上', '95以下', '95以内', '不低于95', '不超过95', '达到95', '突破95', '超95'].map(
        (s) => [s, (ok(s) as { op: string }).op],
      ),
    )
    expect(ops).toEqual({
      '95以上': 'ge',
      '95以下': 'le',
      '95以内': 'le',
      不低于95: 'ge',
      不超过95: 'le',
      达到95: 'ge',
      突破95: 'gt',
      超95: 'gt',
    })
  })
})

describe('parseTarget: plain numbers and direction', () => {
  it('infers higher with nothing to infer from', () => {
    expect(ok('14')).toEqual({ kind: 'level', value: 14, direction: 'higher', inferred: true })
  })
  it('infers from the baseline', () => {
    expect(ok('14', { baseline: 10 })).toMatchObject({ direction: 'higher', inferred: true })
    expect(ok('0.54', { baseline: 0.6 })).toMatchObject({ direction: 'lower', inferred: true })
  })
  it('infers from the interim target before the baseline', () => {
    expect(ok('24.6', { interim: 25.7 })).toMatchObject({ direction: 'lower', inferred: true })
    expect(ok('24.6', { interim: 25.7, baseline: 20 })).toMatchObject({
      direction: 'lower',
      inferred: true,
    })
    expect(ok('24.6', { interim: 24.6, baseline: 20 })).toMatchObject({
      direction: 'higher',
      inferred: true,
    })
  })
  it('infers an interim target from the final target', () => {
    expect(ok('25.7', { final: 24.6 })).toMatchObject({ direction: 'lower', inferred: true })
    expect(ok('11', { final: 14 })).toMatchObject({ direction: 'higher', inferred: true })
  })
  it('takes a stated direction over inference', () => {
    expect(ok('24.6', { interim: 25.7, direction: 'higher' })).toEqual({
      kind: 'level',
      value: 24.6,
      direction: 'higher',
      inferred: false,
    })
  })
})

describe('parseTarget: qualitative phrases', () => {
  it.each([
    ['稳步提升', { kind: 'trend', direction: 'rise', pace: 'steady' }],
    ['逐步提升', { kind: 'trend', direction: 'rise', pace: 'gradual' }],
    ['逐年提高', { kind: 'trend', direction: 'rise', pace: 'yearly' }],
    ['稳步下降', { kind: 'trend', direction: 'fall', pace: 'steady' }],
    ['逐步下降', { kind: 'trend', direction: 'fall', pace: 'gradual' }],
    ['逐年下降', { kind: 'trend', direction: 'fall', pace: 'yearly' }],
    ['保持稳定', { kind: 'stable' }],
    ['维持在合理区间', { kind: 'reasonable-range' }],
    ['维持在合理区间（3~5）', { kind: 'reasonable-range', min: 3, max: 5 }],
    ['完成上级下达任务', { kind: 'quota' }],
    ['steady increase', { kind: 'trend', direction: 'rise', pace: 'steady' }],
    ['gradual decrease', { kind: 'trend', direction: 'fall', pace: 'gradual' }],
    ['decrease every year', { kind: 'trend', direction: 'fall', pace: 'yearly' }],
    ['increase every year', { kind: 'trend', direction: 'rise', pace: 'yearly' }],
    ['remain stable', { kind: 'stable' }],
    ['within a reasonable range', { kind: 'reasonable-range' }],
    ['within a reasonable range (at least 2)', { kind: 'reasonable-range', min: 2 }],
    ['quota assigned by the higher level', { kind: 'quota' }],
  ])('%s', (s, expected) => {
    expect(ok(s)).toEqual(expected)
  })
})

describe('parseTarget: errors quote the text and the position', () => {
  it.each([
    ['约90', 'cannot parse target "约90": unexpected "约" at position 0'],
    ['', 'cannot parse target "": unexpected end of text at position 0'],
    ['≥', 'cannot parse target "≥": unexpected end of text at position 1'],
    ['90万元', 'cannot parse target "90万元": unexpected "万" at position 2'],
    ['90%%', 'cannot parse target "90%%": unexpected "%" at position 3'],
    ['1,000', 'cannot parse target "1,000": unexpected "," at position 1'],
    ['10~5', 'cannot parse target "10~5": unexpected "5" at position 3'],
    ['稳步提升明显', 'cannot parse target "稳步提升明显": unexpected "明" at position 4'],
    ['at least ninety', 'cannot parse target "at least ninety": unexpected "n" at position 9'],
    ['reaching 5', 'cannot parse target "reaching 5": unexpected "r" at position 0'],
    [
      '维持在合理区间(稳步提升)',
      'cannot parse target "维持在合理区间(稳步提升)": unexpected "稳" at position 8',
    ],
    [
      '维持在合理区间(>3)',
      'cannot parse target "维持在合理区间(>3)": unexpected ">" at position 8',
    ],
  ])('%s', (s, message) => {
    expect(err(s)).toBe(message)
  })
  it('returns a tagged value with the position', () => {
    expect(parseTarget('约90')).toEqual({
      _tag: 'TargetParseError',
      input: '约90',
      position: 0,
      found: '约',
      message: 'cannot parse target "约90": unexpected "约" at position 0',
    })
  })
})

describe('parseTarget: a unit after the number', () => {
  it.each([
    ['80%以上', { unit: '%' }, cmp('ge', 80, '以上'), '%'],
    ['≥90%', { unit: '%' }, cmp('ge', 90, 'symbol'), '%'],
    ['≥90 %', {}, cmp('ge', 90, 'symbol'), '%'],
    ['＞８５％', { unit: '%' }, cmp('gt', 85, 'symbol'), '％'],
    ['5~10个', {}, { kind: 'range', min: 5, max: 10 }, '个'],
    ['5个~10个', { unit: '' }, { kind: 'range', min: 5, max: 10 }, '个'],
    ['between 5% and 10%', { unit: '%' }, { kind: 'range', min: 5, max: 10 }, '%'],
    ['突破14万元', { unit: '万元' }, cmp('gt', 14, '突破'), '万元'],
    ['82.5岁', { unit: '岁', direction: 'higher' }, lvl(82.5, 'higher', false), '岁'],
    ['3人次以上', {}, cmp('ge', 3, '以上'), '人次'],
    ['维持在合理区间(3%~5%)', { unit: '%' }, { kind: 'reasonable-range', min: 3, max: 5 }, '%'],
  ] as const)('%s', (s, options, value, unit) => {
    expect(parseTarget(s, options)).toEqual({ _tag: 'Parsed', value, unit })
  })
  it('keeps the unit out of the AST: 80%以上 is 80以上', () => {
    expect(ok('80%以上', { unit: '%' })).toEqual(ok('80以上'))
  })
  it.each([
    [
      '80%以上',
      { unit: '万元' },
      'cannot parse target "80%以上": unit "%" at position 2 is not the indicator\'s unit "万元"',
    ],
    [
      '5~10个',
      { unit: '%' },
      'cannot parse target "5~10个": unit "个" at position 4 is not the indicator\'s unit "%"',
    ],
    [
      '90%',
      { unit: '' },
      'cannot parse target "90%": unit "%" at position 2 on an indicator without a unit (only a counting unit such as "个" fits)',
    ],
    ['5%~10个', {}, 'cannot parse target "5%~10个": unexpected "个" at position 5'],
    ['14万元', {}, 'cannot parse target "14万元": unexpected "万" at position 2'],
  ] as const)('refuses %s for %j', (s, options, message) => {
    expect(err(s, options)).toBe(message)
  })
})

describe('formatTarget', () => {
  it.each([
    ['≥90', '≥90', 'at least 90'],
    ['< 1.8', '<1.8', 'below 1.8'],
    ['95以上', '95以上', '95 or more'],
    ['1.8以内', '1.8以内', 'within 1.8'],
    ['突破14', '突破14', 'break through 14'],
    ['超1000', '超1000', 'over 1000'],
    ['不低于90', '不低于90', 'no less than 90'],
    ['5-10', '5~10', 'between 5 and 10'],
    ['逐年下降', '逐年下降', 'decrease every year'],
    ['完成上级下达任务', '完成上级下达任务', 'quota assigned by the higher level'],
    ['维持在合理区间(≤5)', '维持在合理区间 (≤5)', 'within a reasonable range (at most 5)'],
  ])('%s → %s / %s', (s, zh, en) => {
    expect(formatTarget(ok(s), 'zh')).toBe(zh)
    expect(formatTarget(ok(s), 'en')).toBe(en)
  })
  it('prints a wording that contradicts its operator as the symbol form', () => {
    expect(formatTarget({ kind: 'comparison', op: 'lt', value: 3, wording: '以上' }, 'zh')).toBe(
      '<3',
    )
  })
})

describe('laws', () => {
  const langs = ['zh', 'en'] as const
  it('parse(format(t)) = t for every target the parser can produce, in both languages', () => {
    fc.assert(
      fc.property(parsableTarget, fc.constantFrom(...langs), ({ expr, options }, lang) => {
        expect(parseTarget(formatTarget(expr, lang), options)).toEqual({
          _tag: 'Parsed',
          value: expr,
          unit: null,
        })
      }),
      { numRuns: 1000 },
    )
  })
  it('format(parse(s)) is canonical: parsing it again gives the same target', () => {
    const printed = fc.oneof(
      parsableTarget.chain(({ expr }) =>
        fc.constantFrom(formatTarget(expr, 'zh'), formatTarget(expr, 'en')),
      ),
      fc.constantFrom(
        '≥90',
        '< 1.8',
        '95以上',
        '5-10',
        '5～10',
        '超过1000',
        '不少于3',
        '＜１．８',
        'At least 9',
        '稳步提高',
        '5 to 10',
      ),
    )
    fc.assert(
      fc.property(printed, fc.constantFrom(...langs), (s, lang) => {
        const once = parseTarget(s)
        expect(once._tag).toBe('Parsed')
        if (once._tag !== 'Parsed') return
        const canonical = formatTarget(once.value, lang)
        const again = parseTarget(canonical)
        expect(again).toEqual({ ...once, unit: null })
        expect(formatTarget(again._tag === 'Parsed' ? again.value : once.value, lang)).toBe(
          canonical,
        )
      }),
      { numRuns: 1000 },
    )
  })
  it("a unit printed after every number changes nothing but the result's unit", () => {
    const NUMBER = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/g
    fc.assert(
      fc.property(
        parsableTarget,
        fc.constantFrom(...langs),
        fc.constantFrom('%', '万元', '个'),
        ({ expr, options }, lang, unit) => {
          const plain = formatTarget(expr, lang)
          const withUnits = plain.replace(NUMBER, (n) => `${n}${unit}`)
          const own = unit === '个' ? '' : unit
          expect(parseTarget(withUnits, { ...options, unit: own })).toEqual({
            _tag: 'Parsed',
            value: expr,
            unit: withUnits === plain ? null : unit,
          })
        },
      ),
      { numRuns: 1000 },
    )
  })
  it("a unit that is not the indicator's is refused, naming both", () => {
    fc.assert(
      fc.property(parsableTarget, fc.constantFrom(...langs), ({ expr, options }, lang) => {
        const plain = formatTarget(expr, lang)
        const withUnits = plain.replace(/\d(?![\d.e])/, (d) => `${d}%`)
        const r = parseTarget(withUnits, { ...options, unit: '万元' })
        if (withUnits === plain) return
        expect(r).toMatchObject({ _tag: 'TargetParseError', found: '%' })
        if (r._tag === 'TargetParseError')
          expect(r.message).toContain('is not the indicator\'s unit "万元"')
      }),
      { numRuns: 1000 },
    )
  })
  it('never throws, and every failure quotes the input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseTarget(s)
        if (r._tag === 'TargetParseError')
          expect(r.message.startsWith(`cannot parse target ${JSON.stringify(s)}: `)).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })
})
