import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { TargetExpression } from '@progress-ledger/core'
import { formatTarget, parseTarget, type ParseTargetOptions } from '../src/TargetGrammar'
import { parsableTarget } from './arbitraries'

const ok = (s: string, options?: ParseTargetOptions): TargetExpression => {
  const r = parseTarget(s, options)
  if (E.isLeft(r)) throw new Error(r.left.message)
  return r.right
}
const err = (s: string): string => {
  const r = parseTarget(s)
  if (E.isRight(r))
    throw new Error(`expected ${JSON.stringify(s)} to fail, got ${JSON.stringify(r.right)}`)
  return r.left.message
}
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
    ['90%', 'cannot parse target "90%": unexpected "%" at position 2'],
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
    expect(parseTarget('约90')).toEqual(
      E.left({
        _tag: 'TargetParseError',
        input: '约90',
        position: 0,
        found: '约',
        message: 'cannot parse target "约90": unexpected "约" at position 0',
      }),
    )
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
        expect(parseTarget(formatTarget(expr, lang), options)).toEqual(E.right(expr))
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
        expect(E.isRight(once)).toBe(true)
        if (E.isLeft(once)) return
        const canonical = formatTarget(once.right, lang)
        expect(parseTarget(canonical)).toEqual(once)
        expect(formatTarget(E.getOrElseW(() => once.right)(parseTarget(canonical)), lang)).toBe(
          canonical,
        )
      }),
      { numRuns: 1000 },
    )
  })
  it('never throws, and every failure quotes the input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseTarget(s)
        if (E.isLeft(r))
          expect(
            r.left.message.startsWith(`cannot parse target ${JSON.stringify(s)}: unexpected`),
          ).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })
})
