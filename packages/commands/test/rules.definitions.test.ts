// Given/when/then specifications for the rules on definitions and targets.
import { describe, expect, it } from 'vitest'
import { emptyLedger } from '@progress-ledger/core'
import { decideInput } from '../src/Decide'
import { admin, ctx, fgjClerk, indicators, plan, targets } from './fixtures'
import { given } from './spec'

describe('AdoptPlan', () => {
  it('is accepted once, valid on its adoption date, in the plan stream', () => {
    const d = decideInput(emptyLedger(), plan.adopt, ctx(admin))
    expect(d).toMatchObject({
      _tag: 'Accepted',
      events: [{ streamId: 'plan-sz', event: { type: 'PlanAdopted', validTime: '2021-08-10' } }],
    })
    given()
      .when(plan.adopt)
      .rejected('already-defined', 'planId: expected a plan not yet adopted, got "sz"')
  })

  it('checks the years', () => {
    const other = (o: Record<string, unknown>) => ({ ...plan.adopt, planId: 'p2', ...o })
    given()
      .when(other({ baseYear: 2022 }))
      .rejected('plan-years', 'baseYear: expected a year no later than startYear 2021, got 2022')
    given()
      .when(other({ endYear: 2020 }))
      .rejected('plan-years', 'endYear: expected a year no earlier than startYear 2021, got 2020')
    given()
      .when(other({ adoptedOn: '2030-01-01' }))
      .rejected(
        'plan-years',
        'adoptedOn: expected a date within the plan\'s years 2020–2025, got "2030-01-01"',
      )
  })

  it('is for plan administrators only', () => {
    expect(decideInput(emptyLedger(), plan.adopt, ctx(fgjClerk))).toMatchObject({
      rule: 'not-authorised',
    })
  })
})

describe('DefineIndicator', () => {
  const def = (o: Record<string, unknown>) => ({
    ...indicators.gdp,
    indicatorId: 'I02',
    name: { zh: '全员劳动生产率' },
    ...o,
  })

  it('is accepted with a known plan, category and registered departments', () => {
    given()
      .when(def({}))
      .accepted((e) =>
        expect(e[0]).toMatchObject({
          streamId: 'indicator-I02',
          event: { validTime: '2021-08-10' },
        }),
      )
  })

  it('rejects a missing plan, category, department or parent', () => {
    given()
      .when(def({ planId: 'xx' }))
      .rejected('plan-missing', 'planId: expected an adopted plan (sz), got "xx"')
    given()
      .when(def({ categoryId: 'culture' }))
      .rejected(
        'category-missing',
        'categoryId: expected a category of plan "sz" (economy, public-services), got "culture"',
      )
    given()
      .when(def({ departments: ['fgj', '市统计局'] }))
      .rejected(
        'department-missing',
        'departments[1]: expected a registered department, got "市统计局"',
      )
    given()
      .when(def({ parentId: 'I99' }))
      .rejected('indicator-missing', 'parentId: expected a defined indicator, got "I99"')
  })

  it('redefines without moving responsibility, the plan, or the periodicity of reported values', () => {
    given()
      .when({ ...indicators.gdp, name: { zh: '人均GDP' } })
      .accepted()
    given()
      .when({ ...indicators.gdp, departments: ['tjj'] })
      .rejected(
        'redefinition',
        'departments: expected the departments in force [fgj] (use ReassignResponsibility to change them), got ["tjj"]',
      )
    given({ ...plan.adopt, planId: 'other' }, { ...plan.economy, planId: 'other' })
      .when({ ...indicators.gdp, planId: 'other' })
      .rejected('redefinition', 'planId: expected the indicator\'s plan "sz", got "other"')
    given({ type: 'ReportValue', indicatorId: 'I01', period: '2021', value: 11.2, status: 'final' })
      .when({ ...indicators.gdp, periodicity: 'quarter' })
      .rejected(
        'redefinition',
        'periodicity: expected the periodicity year its reported values have, got "quarter"',
      )
  })
})

describe('SetBaseline', () => {
  const base = (o: Record<string, unknown>) => ({
    type: 'SetBaseline',
    indicatorId: 'I07',
    period: '2020',
    value: 13.2,
    ...o,
  })
  it('is accepted for a period up to the start year, with no outlier escape', () => {
    given()
      .when(base({}))
      .accepted((e) =>
        expect(e[0]?.event).toMatchObject({ type: 'BaselineSet', validTime: '2020-12-31' }),
      )
    given()
      .when(base({ period: '2022' }))
      .rejected(
        'period-outside-plan',
        'period: expected a baseline period no later than the plan\'s start year 2021, got "2022"',
      )
    given()
      .when(base({ value: 130 }))
      .rejected('implausible-value', 'value: expected a share between 0 and 100 %, got 130')
  })
})

describe('targets', () => {
  const revise = (o: Record<string, unknown>) => ({
    type: 'ReviseTarget',
    indicatorId: 'I01',
    targetId: 'I01-2025',
    expression: { kind: 'level', value: 13.5, direction: 'higher', inferred: true },
    reason: 'pandemic',
    ...o,
  })
  const quota = (o: Record<string, unknown>) => ({
    type: 'AssignQuota',
    indicatorId: 'I03',
    targetId: 'I03-2025',
    expression: { kind: 'comparison', op: 'le', value: 0.45, wording: 'symbol' },
    assignedBy: '绍兴市',
    ...o,
  })

  it('sets a target once, due within the plan, with plausible numbers', () => {
    given()
      .when(targets.gdp2025)
      .rejected(
        'target-exists',
        'targetId: expected a target id not yet set for I01 (revise "I01-2025" instead), got "I01-2025"',
      )
    given()
      .when({ ...targets.gdp2025, targetId: 'I01-2030', dueYear: 2030 })
      .rejected(
        'due-outside-plan',
        "dueYear: expected a year within the plan's years 2021–2025, got 2030",
      )
    given()
      .when({ ...targets.gdp2025, targetId: 'I01-2022', dueYear: 2022, dueDate: '2023-01-31' })
      .rejected(
        'due-outside-plan',
        'dueDate: expected a date in the due year 2022, got "2023-01-31"',
      )
    given()
      .when({ ...targets.gdp2025, targetId: 'I01-2022', dueYear: 2022 })
      .accepted()
    given()
      .when({
        type: 'SetTarget',
        indicatorId: 'I07',
        targetId: 'I07-2025',
        dueYear: 2025,
        role: 'final',
        expression: { kind: 'comparison', op: 'ge', value: 160, wording: 'symbol' },
      })
      .rejected(
        'implausible-value',
        'expression.value: expected a share between 0 and 100 %, got 160',
      )
    given()
      .when({
        type: 'SetTarget',
        indicatorId: 'I07',
        targetId: 'I07-2025',
        dueYear: 2025,
        role: 'final',
        expression: { kind: 'range', min: 20, max: 10 },
      })
      .rejected('implausible-value', 'expression.max: expected a maximum >= the minimum 20, got 10')
  })

  it('revises an existing target with a reason, from today by default', () => {
    given()
      .when(revise({}))
      .accepted((e) =>
        expect(e[0]?.event).toMatchObject({
          type: 'TargetRevised',
          validTime: '2023-06-30',
          data: { reason: 'pandemic' },
        }),
      )
    given()
      .when(revise({ reason: ' ' }))
      .rejected('reason-required')
    given()
      .when(revise({ reason: undefined }))
      .rejected('reason-required', 'reason: expected a non-blank reason, got nothing')
    given()
      .when(revise({ targetId: 'I01-2030' }))
      .rejected(
        'target-missing',
        'targetId: expected a target set for I01 (I01-2025), got "I01-2030"',
      )
    given().when(revise({}), fgjClerk).rejected('not-authorised')
  })

  it('assigns a quota only to a quota target, and only a figure', () => {
    given()
      .when(quota({}))
      .accepted((e) => expect(e[0]?.event.type).toBe('QuotaAssigned'))
    given()
      .when(quota({ indicatorId: 'I01', targetId: 'I01-2025' }))
      .rejected(
        'not-a-quota-target',
        'targetId: expected a target set as 完成上级下达任务 (quota), got "I01-2025"',
      )
    given()
      .when(quota({ expression: { kind: 'quota' } }))
      .rejected(
        'quota-pending',
        'expression.kind: expected the assigned figure (level, comparison or range), got "quota"',
      )
    given()
      .when(
        quota({ expression: { kind: 'level', value: -1, direction: 'lower', inferred: false } }),
      )
      .rejected('implausible-value')
  })
})

describe('malformed commands', () => {
  it('names the path and the value', () => {
    given()
      .when({
        type: 'ReportValue',
        indicatorId: 'I01',
        period: '2021',
        value: '12,5',
        status: 'final',
      })
      .rejected('malformed', 'value: expected a number, got "12,5"')
    given()
      .when({
        type: 'ReportValue',
        indicatorId: 'I01',
        period: '2021-13',
        value: 1,
        status: 'final',
      })
      .rejected(
        'malformed',
        'period: expected a period (2021, 2021-H1, 2021-Q3, 2021-07 or 2021-07-15), got "2021-13"',
      )
    given()
      .when({ type: 'Frobnicate' })
      .rejected(
        'malformed',
        /^type: expected one of AdoptPlan, DefineCategory, .*, got "Frobnicate"$/,
      )
    // A command type but for case, separators or a slip of two letters is named.
    for (const typo of ['reportvalue', 'report_value', 'Report-Value', 'ReportVaule', 'definetask'])
      given()
        .when({ type: typo, indicatorId: 'I01' })
        .rejected(
          'malformed',
          new RegExp(
            `^type: expected one of AdoptPlan, .*, got "${typo}" \\(did you mean ${typo === 'definetask' ? 'DefineTask' : 'ReportValue'}\\?\\)$`,
          ),
        )
    given().when(42).rejected('malformed', '(root): expected a command object, got 42')
    // A misspelt required field: the missing field and the misspelt one, with the suggestion.
    given()
      .when({ type: 'ReportValue', indicatorid: 'I01', period: '2022', value: 1, status: 'final' })
      .rejected(
        'malformed',
        'indicatorId: expected a non-empty string, got nothing; indicatorid: expected a field of ReportValue, got an unknown field ("I01") (did you mean indicatorId?)',
      )
  })
})
