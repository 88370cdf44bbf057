// Bounded, clean input through the deciders: what the codecs refuse is a `malformed` rejection
// naming the path and the offending value (escaped), never an exception and never an event.
import { describe, expect, it } from 'vitest'
import { emptyLedger, type IsoDate } from '@progress-ledger/core'
import { planAdmin, reporter } from '../src/Actor'
import { decodeCommand } from '../src/Command'
import { decideInput } from '../src/Decide'
import { admin, baseState, ctx, fgjClerk, report } from './fixtures'

const department = (departmentId: string, extra: object = {}) => ({
  type: 'RegisterDepartment',
  departmentId,
  name: { zh: '市发改局' },
  ...extra,
})
const refusal = (u: unknown, actor = admin) => {
  const d = decideInput(baseState, u, ctx(actor))
  return d._tag === 'Rejected' ? { rule: d.rule, message: d.message } : d
}

describe('ids', () => {
  it('refuse NUL, newline, bidi controls and the names of prototype keys', () => {
    expect(refusal(department('fgj\u0000'))).toEqual({
      rule: 'malformed',
      message:
        'departmentId: expected an id without control, bidi or invisible characters, got "fgj\\u0000"',
    })
    expect(refusal(department('fgj\n'))).toMatchObject({ rule: 'malformed' })
    expect(refusal(department('\u202efgj'))).toEqual({
      rule: 'malformed',
      message:
        'departmentId: expected an id without control, bidi or invisible characters, got "\\u202efgj"',
    })
    expect(refusal(department('__proto__'))).toEqual({
      rule: 'malformed',
      message:
        'departmentId: expected an id other than __proto__, constructor or prototype, got "__proto__"',
    })
    expect(refusal(department('fgj-2'))).toMatchObject({ _tag: 'Accepted' })
  })

  it('refuse an event id, a corrected id or a department list entry that is not clean', () => {
    expect(refusal(report('I01', '2021', 1, { id: 'v\u0085' }), fgjClerk)).toMatchObject({
      message: 'id: expected an id without control, bidi or invisible characters, got "v\\u0085"',
    })
    expect(
      refusal({
        type: 'ReassignResponsibility',
        subject: 'indicator',
        subjectId: 'I01',
        departments: ['tjj', 'constructor'],
        validTime: '2023-01-01',
        reason: 'merger',
      }),
    ).toMatchObject({
      message:
        'departments[1]: expected an id other than __proto__, constructor or prototype, got "constructor"',
    })
  })
})

describe('free text and names', () => {
  it('refuse a 10 MB outlier explanation or source document', () => {
    const huge = 'x'.repeat(10_000_000)
    expect(refusal(report('I07', '2021', 120, { outlier: huge }))).toEqual({
      rule: 'malformed',
      message: `outlier: expected a string of at most 2000 characters, got "${'x'.repeat(76)}...`,
    })
    expect(refusal(report('I01', '2021', 12, { source: { document: huge } }))).toEqual({
      rule: 'malformed',
      message: `source.document: expected a one-line string of at most 500 characters, got "${'x'.repeat(76)}...`,
    })
  })

  it('refuse names over two lines, which would break a report heading', () => {
    expect(refusal(department('fgj', { name: { zh: '市发改局\n# 标题' } }))).toEqual({
      rule: 'malformed',
      message:
        'name.zh: expected a one-line string without control or bidi characters, got "市发改局\\n# 标题"',
    })
  })
})

describe('dates and years', () => {
  it('refuse periods, valid times and adoption dates outside 1900–2200', () => {
    expect(refusal(report('I01', '0000-01-01', 1), fgjClerk)).toEqual({
      rule: 'malformed',
      message:
        'period: expected a period (2021, 2021-H1, 2021-Q3, 2021-07 or 2021-07-15) of a year 1900–2200, got "0000-01-01"',
    })
    expect(refusal(department('fgj', { validTime: '0000-01-01' }))).toEqual({
      rule: 'malformed',
      message: 'validTime: expected a date YYYY-MM-DD in the years 1900–2200, got "0000-01-01"',
    })
    expect(
      decideInput(
        emptyLedger(),
        {
          type: 'AdoptPlan',
          planId: 'p',
          name: { zh: '方案' },
          adoptedOn: '2021-08-10',
          baseYear: 0,
          startYear: 2021,
          endYear: 99999,
        },
        ctx(admin),
      ),
    ).toEqual({
      _tag: 'Rejected',
      rule: 'malformed',
      message:
        'baseYear: expected a year 1900–2200, got 0; endYear: expected a year 1900–2200, got 99999',
    })
  })
})

describe('the context', () => {
  it('is input too: an actor id or department that is not clean is refused, not recorded', () => {
    expect(refusal(report('I01', '2021', 1), reporter('fgj\u202eclerk', 'fgj'))).toEqual({
      rule: 'malformed',
      message:
        'actor.id: expected an id without control, bidi or invisible characters, got "fgj\\u202eclerk"',
    })
    expect(refusal(report('I01', '2021', 1), reporter('clerk', ''))).toEqual({
      rule: 'malformed',
      message: 'actor.department: expected a non-empty string, got ""',
    })
    const bad = decideInput(baseState, report('I01', '2021', 1), {
      ...ctx(planAdmin('po')),
      today: '0000-01-01' as IsoDate,
    })
    expect(bad).toMatchObject({
      rule: 'malformed',
      message: 'today: expected a date YYYY-MM-DD in the years 1900–2200, got "0000-01-01"',
    })
  })
})

describe('messages', () => {
  it('escape terminal control characters and bidi overrides of what they show', () => {
    const r = decodeCommand({ type: '\u001b]0;pwned\u0007ReportValue\u202e' })
    expect(r._tag === 'Rejected' && r.message).toMatch(
      /^type: expected one of AdoptPlan, .*, got "\\u001b\]0;pwned\\u0007ReportValue\\u202e"$/,
    )
    expect(
      r._tag === 'Rejected' && ['\u001b', '\u0007', '\u202e'].some((c) => r.message.includes(c)),
    ).toBe(false)
  })

  it('are given for any value, however deep', () => {
    let deep: unknown = 1
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(refusal(report('I01', '2021', deep as number), fgjClerk)).toEqual({
      rule: 'malformed',
      message: 'value: expected a number, got [[[[[[[[[…]]]]]]]]]',
    })
    expect(refusal(deep)).toEqual({
      rule: 'malformed',
      message: '(root): expected a command object, got [[[[[[[[[…]]]]]]]]]',
    })
  })
})
