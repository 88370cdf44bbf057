// Given/when/then specifications for the rules on reported values and their approval.
import { describe, expect, it } from 'vitest'
import {
  admin,
  admin2,
  fgjClerk,
  jxjClerk,
  outsider,
  report,
  theAuditor,
  tjjClerk,
} from './fixtures'
import { given } from './spec'

describe('ReportValue', () => {
  it('is accepted for the responsible department, in the indicator stream, valid at the period end', () => {
    given()
      .when(report('I01', '2021', 11.2, { id: 'v-2021' }), fgjClerk)
      .accepted((events) => {
        expect(events).toEqual([
          {
            streamId: 'indicator-I01',
            event: expect.objectContaining({
              id: 'v-2021',
              type: 'ValueReported',
              validTime: '2021-12-31',
              actor: 'fgj-clerk',
              data: { indicatorId: 'I01', period: '2021', value: 11.2, status: 'final' },
            }),
          },
        ])
      })
  })

  it('draws the event id from the context when the command names none', () => {
    given()
      .when(report('I01', '2021', 11.2), fgjClerk)
      .accepted((events) => expect(events[0]?.event.id).toMatch(/^s\d+-1$/))
  })

  it('rejects an unknown indicator', () => {
    given()
      .when(report('I99', '2021', 1), admin)
      .rejected('indicator-missing', 'indicatorId: expected a defined indicator, got "I99"')
  })

  it('rejects a reporter whose department does not answer for the indicator, with an audit event', () => {
    const t = given()
      .when(report('I01', '2021', 11.2), jxjClerk)
      .rejected(
        'not-authorised',
        'indicatorId: expected an indicator jxj answers for on 2021-12-31 (responsible: fgj), got "I01"',
      )
    expect(t.decision._tag === 'Rejected' && t.decision.audit).toMatchObject({
      streamId: 'audit-jxj-clerk',
      event: {
        type: 'AccessDenied',
        actor: 'jxj-clerk',
        data: { command: 'ReportValue', subject: 'indicator', subjectId: 'I01' },
      },
    })
  })

  it('rejects an auditor whatever the command', () => {
    given()
      .when(report('I01', '2021', 11.2), theAuditor)
      .rejected(
        'not-authorised',
        `actor: expected a plan-admin or a responsible department's reporter to issue ReportValue, got auditor "audit-office"`,
      )
  })

  it('lets any of several responsible departments report', () => {
    given()
      .when(report('I09', '2021', 58000), fgjClerk)
      .accepted()
  })

  it('rejects a period of another periodicity', () => {
    given()
      .when(report('I01', '2021-Q3', 1), fgjClerk)
      .rejected(
        'period-kind',
        'period: expected a year period (the periodicity of I01), got "2021-Q3"',
      )
    given()
      .when(report('M01', '2021', 1), jxjClerk)
      .rejected('period-kind')
    given()
      .when(report('M01', '2021-07', 41.5), jxjClerk)
      .accepted((e) => expect(e[0]?.event.validTime).toBe('2021-07-31'))
  })

  it("rejects a period outside the plan's years", () => {
    given()
      .when(report('I01', '2026', 15), fgjClerk)
      .rejected(
        'period-outside-plan',
        'period: expected a period within the plan\'s years 2021–2025, got "2026"',
      )
    given()
      .when(report('I01', '2020', 10), fgjClerk)
      .rejected('period-outside-plan')
  })

  it('rejects a period that has not begun', () => {
    given()
      .when(report('I01', '2024', 15), fgjClerk)
      .rejected('in-future', 'period: expected a period begun by today (2023-06-30), got "2024"')
  })

  it('rejects another unit unless a conversion factor is given, and converts with it', () => {
    given()
      .when(report('I01', '2021', 112000, { unit: '元' }), fgjClerk)
      .rejected(
        'unit-mismatch',
        `unit: expected "万元" (the indicator's unit) or a conversion factor, got "元"`,
      )
    given()
      .when(report('I01', '2021', 112000, { unit: '元', factor: 0.0001 }), fgjClerk)
      .accepted((e) =>
        expect(e[0]?.event.data).toMatchObject({ value: 112000 * 0.0001, unit: '万元' }),
      )
    given()
      .when(report('I01', '2021', 11.2, { factor: 10 }), fgjClerk)
      .rejected('unit-mismatch', /^factor: expected no conversion factor/)
    given()
      .when(report('I01', '2021', 11.2, { unit: '元', factor: -1 }), fgjClerk)
      .rejected('unit-mismatch', 'factor: expected a finite conversion factor > 0, got -1')
    given()
      .when(report('I07', '2021', 14, { unit: '％' }), jxjClerk)
      .accepted()
  })

  it('rejects a figure that is not finite, before or after conversion', () => {
    given()
      .when(report('I01', '2021', Number.NaN), fgjClerk)
      .rejected('value-not-finite', 'value: expected a finite number, got NaN')
    given()
      .when(report('I01', '2021', 1e10, { unit: '元', factor: 1e300 }), fgjClerk)
      .rejected(
        'value-not-finite',
        'value: expected a finite number after conversion by 1e+300, got 10000000000',
      )
  })

  it('rejects a figure beyond ±1e15, before or after conversion, even flagged as an outlier', () => {
    given()
      .when(report('I01', '2021', 1.7e308, { outlier: 'a very rich county' }), fgjClerk)
      .rejected('value-out-of-range', 'value: expected a number within ±1e15, got 1.7e+308')
    given()
      .when(report('I21', '2021', -2e15), tjjClerk)
      .rejected(
        'value-out-of-range',
        'value: expected a number within ±1e15, got -2000000000000000',
      )
    given()
      .when(report('I01', '2021', 1e12, { unit: '元', factor: 1e4 }), fgjClerk)
      .rejected(
        'value-out-of-range',
        'value: expected a number within ±1e15 after conversion by 10000, got 1000000000000',
      )
    given()
      .when(report('I01', '2021', 1e15), fgjClerk)
      .accepted()
  })

  it('bounds growth rates, percentage points and temperatures unless flagged as an outlier', () => {
    given()
      .when(report('G01', '2021', 1500), tjjClerk)
      .rejected(
        'implausible-value',
        'value: expected a growth rate between -1000 and 1000 % (or an outlier reason), got 1500',
      )
    given()
      .when(report('G01', '2021', -35.5), tjjClerk)
      .accepted()
    given()
      .when(report('G01', '2021', 1500, { outlier: 'a base of almost nothing' }), tjjClerk)
      .accepted()
  })

  it('bounds percentage points and temperatures to ±100', () => {
    const defined = (indicatorId: string, unit: string) => ({
      type: 'DefineIndicator',
      planId: 'sz',
      indicatorId,
      name: { zh: indicatorId },
      unit,
      categoryId: 'economy',
      attribute: 'observation',
      selfSelected: false,
      departments: ['tjj'],
      direction: 'neutral',
      periodicity: 'year',
    })
    const g = given(defined('P01', '个百分点'), defined('T01', '℃'))
    g.when(report('P01', '2021', -2.5), tjjClerk).accepted()
    g.when(report('P01', '2021', 250), tjjClerk).rejected(
      'implausible-value',
      'value: expected a difference between -100 and 100 percentage points (or an outlier reason), got 250',
    )
    g.when(report('T01', '2021', -40), tjjClerk).accepted()
    g.when(report('T01', '2021', 1e6), tjjClerk).rejected(
      'implausible-value',
      'value: expected a temperature between -100 and 100 °C (or an outlier reason), got 1000000',
    )
  })

  it('rejects implausible figures unless flagged as an outlier with a reason', () => {
    given()
      .when(report('I07', '2021', 120), jxjClerk)
      .rejected(
        'implausible-value',
        'value: expected a share between 0 and 100 % (or an outlier reason), got 120',
      )
    given()
      .when(report('I01', '2021', -3), fgjClerk)
      .rejected(
        'implausible-value',
        'value: expected a figure >= 0 for 万元 (or an outlier reason), got -3',
      )
    given()
      .when(report('I07', '2021', 120, { outlier: '   ' }), jxjClerk)
      .rejected('reason-required', 'outlier: expected a non-blank reason, got "   "')
    given()
      .when(report('I07', '2021', 120, { outlier: 'base effect of a plant opening' }), jxjClerk)
      .accepted((e) =>
        expect(e[0]?.event.data).toMatchObject({
          value: 120,
          outlier: 'base effect of a plant opening',
        }),
      )
  })

  it('lets growth rates in % and unitless ratios be negative', () => {
    given()
      .when(report('G01', '2022', -2.5), admin)
      .accepted()
    given()
      .when(report('I21', '2022', 1.83), admin)
      .accepted()
  })

  it("locks an approved period: a re-report, a retraction and a reporter's correction are rejected", () => {
    const g = given()
      .and(fgjClerk, report('I01', '2021', 11.2, { id: 'v1', submitted: true }))
      .and(admin, {
        type: 'ApproveValue',
        id: 'a1',
        indicatorId: 'I01',
        period: '2021',
        approves: 'v1',
      })
    g.when(report('I01', '2021', 11.3), fgjClerk).rejected(
      'value-locked',
      'period: expected a period without an approved figure (2021 was approved by event "a1"; a plan-admin corrects the figure in force instead), got "2021"',
    )
    g.when(
      { type: 'RetractValue', indicatorId: 'I01', period: '2021', retracts: 'v1', reason: 'wrong' },
      fgjClerk,
    ).rejected('value-locked')
    const correction = {
      type: 'CorrectValue',
      indicatorId: 'I01',
      period: '2021',
      value: 11.3,
      status: 'final',
      corrects: 'v1',
      reason: 'final accounts',
    }
    g.when(correction, fgjClerk).rejected(
      'value-locked',
      'period: expected a period without an approved figure (2021 was approved by event "a1"; only a plan-admin changes an approved figure, with a CorrectValue of "v1"; ask one to correct it), got "2021"',
    )
    g.when({ ...correction, submitted: true }, fgjClerk).rejected('value-locked')
  })

  it("changes an approved figure only by a plan-admin's correction, and keeps the period locked", () => {
    const g = given()
      .and(fgjClerk, report('I01', '2021', 11.2, { id: 'v1', submitted: true }))
      .and(admin2, {
        type: 'ApproveValue',
        id: 'a1',
        indicatorId: 'I01',
        period: '2021',
        approves: 'v1',
      })
      .and(admin, {
        type: 'CorrectValue',
        id: 'c1',
        indicatorId: 'I01',
        period: '2021',
        value: 11.3,
        status: 'final',
        corrects: 'v1',
        reason: 'final accounts',
      })
    g.when(
      {
        type: 'CorrectValue',
        indicatorId: 'I01',
        period: '2021',
        value: 11.4,
        status: 'final',
        corrects: 'c1',
        reason: 'again',
      },
      fgjClerk,
    ).rejected('value-locked')
    g.when(report('I01', '2021', 11.5), fgjClerk).rejected('value-locked')
  })

  it('with ifChanged, records nothing for the figure in force, and a figure that changes anything', () => {
    const g = given().and(
      fgjClerk,
      report('I01', '2021', 11.2, {
        id: 'v1',
        source: { document: 't.csv!t!B2', quote: 'bureau' },
      }),
    )
    const same = report('I01', '2021', 11.2, { ifChanged: true })
    g.when(same, fgjClerk).accepted((events) => expect(events).toEqual([]))
    // The same figure in another unit, converted into the indicator's (22.4 × 0.5 = 11.2), and
    // the same note from another file: nothing new either.
    g.when(
      report('I01', '2021', 22.4, { unit: '半万元', factor: 0.5, ifChanged: true }),
      fgjClerk,
    ).accepted((events) => expect(events).toEqual([]))
    g.when(
      report('I01', '2021', 11.2, {
        ifChanged: true,
        source: { document: 'other.csv!t!B2', quote: 'bureau' },
      }),
      fgjClerk,
    ).accepted((events) => expect(events).toEqual([]))
    for (const change of [
      { value: 11.3 },
      { status: 'preliminary' },
      { source: { document: 't.csv!t!B2', quote: 'yearbook' } },
      { illustrative: true },
      { submitted: true },
    ])
      g.when({ ...same, ...change }, fgjClerk).accepted((events) => expect(events).toHaveLength(1))
    // Without ifChanged the figure is reported again, as a new version.
    g.when(report('I01', '2021', 11.2), fgjClerk).accepted((events) =>
      expect(events).toHaveLength(1),
    )
    // Nothing is in force after a retraction: the figure is recorded.
    g.and(fgjClerk, {
      type: 'RetractValue',
      indicatorId: 'I01',
      period: '2021',
      retracts: 'v1',
      reason: 'wrong',
    })
      .when(same, fgjClerk)
      .accepted((events) => expect(events).toHaveLength(1))
  })

  it('with ifChanged, an unchanged figure of an approved period is no refusal; a changed one is', () => {
    const g = given()
      .and(fgjClerk, report('I01', '2021', 11.2, { id: 'v1', submitted: true }))
      .and(admin, {
        type: 'ApproveValue',
        id: 'a1',
        indicatorId: 'I01',
        period: '2021',
        approves: 'v1',
      })
    g.when(report('I01', '2021', 11.2, { ifChanged: true }), fgjClerk).accepted((events) =>
      expect(events).toEqual([]),
    )
    g.when(report('I01', '2021', 11.3, { ifChanged: true }), fgjClerk).rejected('value-locked')
    // Authorisation still comes first.
    g.when(report('I01', '2021', 11.2, { ifChanged: true }), jxjClerk).rejected('not-authorised')
  })

  it('allows a re-report of a figure never approved (preliminary, then final)', () => {
    given()
      .and(fgjClerk, report('I01', '2021', 11.2, { status: 'preliminary' }))
      .when(report('I01', '2021', 11.25), fgjClerk)
      .accepted()
  })
})

describe('CorrectValue and RetractValue', () => {
  const g = given().and(fgjClerk, report('I01', '2021', 11.2, { id: 'v1' }), {
    type: 'CorrectValue',
    indicatorId: 'I01',
    period: '2021',
    value: 11.4,
    status: 'final',
    corrects: 'v1',
    reason: 'census',
    id: 'c1',
  })
  const correct = (corrects: string, extra: Record<string, unknown> = {}) => ({
    type: 'CorrectValue',
    indicatorId: 'I01',
    period: '2021',
    value: 11.5,
    status: 'final',
    corrects,
    reason: 'revision',
    ...extra,
  })

  it('names the event in force', () => {
    g.when(correct('c1'), fgjClerk).accepted((e) =>
      expect(e[0]?.event).toMatchObject({
        type: 'ValueCorrected',
        data: { corrects: 'c1', reason: 'revision' },
      }),
    )
    g.when(correct('v1'), fgjClerk).rejected(
      'not-in-force',
      'corrects: expected "c1" (the value in force for 2021), got "v1"',
    )
    g.when({ ...correct('x'), period: '2022' }, fgjClerk).rejected(
      'not-in-force',
      'corrects: expected the id of the value in force for 2022 (there is none), got "x"',
    )
  })

  it('carries a reason', () => {
    g.when(correct('c1', { reason: '' }), fgjClerk).rejected(
      'reason-required',
      'reason: expected a non-blank reason, got ""',
    )
    g.when(
      { type: 'RetractValue', indicatorId: 'I01', period: '2021', retracts: 'c1' },
      fgjClerk,
    ).rejected('reason-required', 'reason: expected a non-blank reason, got nothing')
  })

  it('is checked for plausibility like a report', () => {
    g.when(correct('c1', { value: -1 }), fgjClerk).rejected('implausible-value')
  })

  it('retracts the value in force; nothing is then in force to correct', () => {
    const after = g.and(fgjClerk, {
      type: 'RetractValue',
      indicatorId: 'I01',
      period: '2021',
      retracts: 'c1',
      reason: 'double count',
      id: 'r1',
    })
    after.when(correct('c1'), fgjClerk).rejected('not-in-force')
    after.when(report('I01', '2021', 11.5), fgjClerk).accepted()
  })

  it('is refused to a department that did not answer for the period', () => {
    g.when(correct('c1'), outsider).rejected('not-authorised')
  })
})

describe('approval workflow', () => {
  const submitted = given().and(
    fgjClerk,
    report('I01', '2021', 11.2, { id: 'v1', submitted: true }),
  )
  const approve = (approves: string) => ({
    type: 'ApproveValue',
    indicatorId: 'I01',
    period: '2021',
    approves,
  })
  const ret = (returns: string, reason?: string) => ({
    type: 'ReturnValue',
    indicatorId: 'I01',
    period: '2021',
    returns,
    ...(reason === undefined ? {} : { reason }),
  })

  it('approves a submitted figure in force', () => {
    submitted
      .when(approve('v1'), admin)
      .accepted((e) =>
        expect(e[0]?.event).toMatchObject({ type: 'ValueApproved', validTime: '2021-12-31' }),
      )
  })

  it('is for plan administrators only', () => {
    submitted
      .when(approve('v1'), fgjClerk)
      .rejected(
        'not-authorised',
        'actor: expected a plan-admin to issue ApproveValue, got reporter "fgj-clerk" of fgj',
      )
  })

  it('returns with a reason', () => {
    submitted.when(ret('v1', 'source table missing'), admin).accepted()
    submitted.when(ret('v1'), admin).rejected('reason-required')
  })

  it('reviews only figures awaiting approval', () => {
    given()
      .and(fgjClerk, report('I01', '2021', 11.2, { id: 'v1' }))
      .when(approve('v1'), admin)
      .rejected(
        'not-submitted',
        'approves: expected a figure awaiting approval (v1 is never submitted), got "v1"',
      )
    submitted
      .and(admin, approve('v1'))
      .when(approve('v1'), admin2)
      .rejected('not-submitted', /is approved/)
    submitted
      .and(admin, ret('v1', 'check'))
      .when(approve('v1'), admin2)
      .rejected('not-submitted', /is returned/)
    submitted.when(approve('v0'), admin).rejected('not-in-force')
  })

  it('does not let the reporter approve their own figure', () => {
    given()
      .and(admin, report('I01', '2021', 11.2, { id: 'v1', submitted: true }))
      .when(approve('v1'), admin)
      .rejected(
        'self-approval',
        'actor: expected someone other than the reporter of "v1", got "plan-office"',
      )
  })

  it('takes a resubmission after a return', () => {
    submitted
      .and(admin, ret('v1', 'check'))
      .and(fgjClerk, report('I01', '2021', 11.3, { id: 'v2', submitted: true }))
      .when(approve('v2'), admin)
      .accepted()
  })
})
