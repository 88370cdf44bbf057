// Given/When/Then specifications of core's reducer, one or more per event type. They live in the
// testkit's tests because core cannot depend on the testkit (the testkit depends on core).
import { describe, expect, it } from 'vitest'
import {
  approvalState,
  asOf,
  currentTarget,
  currentValues,
  forecastDate,
  latestValue,
  metRecord,
  plannedDate,
  responsibleOn,
  taskStatus,
  type EventInput,
  type IndicatorState,
  type Instant,
  type LedgerState,
  type PeriodValue,
  beginFold,
  ledgerProjection,
  replay,
} from '@progress-ledger/core'
import { givenInputs, recorded } from '@progress-ledger/testkit'
import { fixtures as f } from '@progress-ledger/testkit'

const I01 = (s: LedgerState): IndicatorState => s.indicators.get('I01') as IndicatorState
const firstValue = (s: LedgerState): PeriodValue => {
  const value = I01(s).values.get(0)
  if (value === undefined) throw new Error('I01 has no value')
  return value
}

describe('reducer: plans, categories, departments', () => {
  it('PlanAdopted records the plan with its stamp', () => {
    givenInputs([])
      .when(f.planAdopted)
      .then((s) => {
        expect(s.plans.get('sz')).toMatchObject({
          planId: 'sz',
          adoptedOn: '2021-08-10',
          startYear: 2021,
          endYear: 2025,
          issuer: null,
          eventId: 'plan-adopted',
          position: 1,
        })
        expect(s.position).toBe(1)
      })
  })
  it('CategoryDefined attaches to its plan, or is kept unattached without one', () => {
    givenInputs([f.planAdopted])
      .when(f.categoryDefined)
      .then((s) => expect(s.plans.get('sz')?.categories['economy']?.order).toBe(1))
    givenInputs([])
      .when(f.categoryDefined)
      .then((s) =>
        expect(s.unattached).toEqual([
          expect.objectContaining({ type: 'CategoryDefined', reason: 'plan "sz" is not adopted' }),
        ]),
      )
  })
  it('DepartmentRegistered keeps the aliases', () => {
    givenInputs([])
      .when(f.departmentRegistered)
      .then((s) => expect(s.departments.get('fgj')?.aliases).toEqual(['发改局']))
  })
  it('a department registered again, or a category defined again, stays visible as known before', () => {
    const at = (input: EventInput, instant: string) => ({
      input,
      at: instant as Instant,
    })
    const renamed = {
      ...f.departmentRegistered,
      id: 'fgj-again',
      data: { departmentId: 'fgj', name: { zh: '市发展改革局' }, aliases: ['发改局', '市发改局'] },
    } as EventInput
    const category = {
      ...f.categoryDefined,
      id: 'economy-again',
      data: { ...f.categoryDefined.data, order: 2 },
    } as EventInput
    const state = replay(
      ledgerProjection,
      recorded([
        at(f.planAdopted, '2021-08-10T00:00:00.000Z'),
        at(f.categoryDefined, '2021-08-10T00:00:00.000Z'),
        at(f.departmentRegistered, '2021-08-10T00:00:00.000Z'),
        at(renamed, '2023-06-01T00:00:00.000Z'),
        at(category, '2023-06-01T00:00:00.000Z'),
      ]),
    )
    const before = asOf(state, { recordedTime: '2022-12-31T00:00:00.000Z' as Instant })
    // Still there (in its latest form: only indicators keep every definition).
    expect(before.departments.get('fgj')).toMatchObject({
      eventId: 'dep-fgj',
      name: { zh: '市发展改革局' },
    })
    expect(before.plans.get('sz')?.categories['economy']).toMatchObject({ order: 2 })
    expect(state.departments.get('fgj')?.aliases).toEqual(['发改局', '市发改局'])
  })
  it('AccessDenied is kept for auditors', () => {
    givenInputs([])
      .when(f.denied)
      .then((s) =>
        expect(s.denied).toEqual([
          expect.objectContaining({
            command: 'ReportValue',
            subject: 'indicator',
            subjectId: 'I01',
            actor: 'intruder',
          }),
        ]),
      )
  })
})

describe('reducer: indicators and targets', () => {
  it('IndicatorDefined starts the history and responsibility; a redefinition adds a version', () => {
    const redefined = {
      ...f.gdpDefined,
      id: 'I01-redefined',
      data: { ...f.gdpDefined.data, unit: '元' },
    } as typeof f.gdpDefined
    givenInputs([f.gdpDefined])
      .when(redefined)
      .then((s) => {
        expect(I01(s).definitions.map((v) => v.definition.unit)).toEqual(['万元', '元'])
        expect(responsibleOn(I01(s))).toEqual(['fgj'])
      })
  })
  it('BaselineSet records the baseline, and an unknown indicator is unattached', () => {
    givenInputs([f.gdpDefined])
      .when(f.gdpBaseline)
      .then((s) =>
        expect(I01(s).baselines).toEqual([
          expect.objectContaining({ period: '2020', value: 9.8, illustrative: true }),
        ]),
      )
    givenInputs([])
      .when(f.gdpBaseline)
      .then((s) => expect(s.unattached[0]?.reason).toBe('indicator "I01" is not defined'))
  })
  it('TargetRevised supersedes without erasing, with its reason; due year carries over', () => {
    givenInputs(f.gdpPlan)
      .when(f.gdpTargetRevised)
      .then((s) => {
        const target = I01(s).targets['I01-2025']
        expect(target?.history.map((v) => [v.cause, v.expression.kind, v.reason])).toEqual([
          ['set', 'level', null],
          ['revised', 'comparison', 'mid-term review'],
        ])
        expect(target === undefined ? undefined : currentTarget(target)).toMatchObject({
          dueYear: 2025,
          printed: '≥13.5',
        })
      })
  })
  it('QuotaAssigned fills a quota target and names who assigned it', () => {
    givenInputs([f.gdpDefined, f.quotaTargetSet])
      .when(f.quotaAssigned)
      .then((s) => {
        const target = I01(s).targets['I01-2022']
        expect(target?.role).toBe('interim')
        expect(target === undefined ? undefined : currentTarget(target)).toMatchObject({
          cause: 'quota',
          assignedBy: '绍兴市',
          dueYear: 2022,
        })
      })
  })
  it('a revision of a target never set is unattached', () => {
    givenInputs([f.gdpDefined])
      .when(f.gdpTargetRevised)
      .then((s) =>
        expect(s.unattached[0]?.reason).toBe('target "I01-2025" of indicator "I01" is not set'),
      )
  })
})

describe('reducer: values', () => {
  it('ValueReported keeps periods in period order whatever the arrival order', () => {
    givenInputs(f.gdpPlan)
      .when(
        f.valueReported('v2023', '2023', 12.4),
        f.valueReported('v2021', '2021', 11.2),
        f.valueReported('v2022', '2022', 11.9),
      )
      .then((s) => {
        expect(I01(s).values.map((v) => v.period)).toEqual(['2021', '2022', '2023'])
        expect(latestValue(I01(s))?.value).toBe(12.4)
      })
  })
  it('ValueCorrected adds a version naming what it replaces', () => {
    givenInputs([...f.gdpPlan, f.valueReported('v2021', '2021', 11.2)])
      .when(f.valueCorrected('c2021', '2021', 11.4, 'v2021'))
      .then((s) => {
        expect(currentValues(I01(s))).toEqual([
          expect.objectContaining({ period: '2021', value: 11.4, revisions: 2 }),
        ])
        expect(
          I01(s)
            .values.get(0)
            ?.versions.map((v) => [v.cause, v.value, v.replaces]),
        ).toEqual([
          ['reported', 11.2, null],
          ['corrected', 11.4, 'v2021'],
        ])
      })
  })
  it('ValueRetracted withdraws the figure; the latest value falls back to an earlier period', () => {
    givenInputs([
      ...f.gdpPlan,
      f.valueReported('v2021', '2021', 11.2),
      f.valueReported('v2022', '2022', 11.9),
    ])
      .when(f.valueRetracted('r2022', '2022', 'v2022'))
      .then((s) => {
        expect(latestValue(I01(s))?.period).toBe('2021')
        expect(I01(s).values.get(1)?.versions.at(-1)).toMatchObject({
          cause: 'retracted',
          value: null,
          replaces: 'v2022',
        })
      })
  })
  it('retracting or reviewing a period without a value is unattached', () => {
    givenInputs(f.gdpPlan)
      .when(f.valueRetracted('r', '2022', 'nothing'), f.valueApproved('a', '2022', 'nothing'))
      .then((s) => {
        expect(s.unattached.map((u) => u.reason)).toEqual([
          'no value for period 2022 to retract',
          'no value for period 2022 to review',
        ])
      })
  })
  it('a submitted value is approved or returned', () => {
    const submitted = f.valueReported('v2021', '2021', 11.2, { submitted: true })
    givenInputs([...f.gdpPlan, submitted]).then((s) =>
      expect(approvalState(firstValue(s))).toBe('submitted'),
    )
    givenInputs([...f.gdpPlan, submitted])
      .when(f.valueApproved('a2021', '2021', 'v2021'))
      .then((s) => expect(approvalState(firstValue(s))).toBe('approved'))
    givenInputs([...f.gdpPlan, submitted])
      .when(f.valueReturned('b2021', '2021', 'v2021'))
      .then((s) => {
        expect(
          I01(s)
            .values.get(0)
            ?.approvals.map((a) => [a.state, a.reason]),
        ).toEqual([
          ['submitted', null],
          ['returned', 'source missing'],
        ])
      })
  })
  it('a value for an undefined indicator is unattached, not thrown', () => {
    givenInputs([])
      .when(f.valueReported('v', '2021', 1))
      .then((s) => expect(s.unattached).toHaveLength(1))
  })
})

describe('reducer: projects, milestones, tasks, responsibility', () => {
  it('a milestone is planned, its forecast moves, then it is met', () => {
    givenInputs([f.railwayDefined, f.tunnelPlanned])
      .when(f.tunnelForecast, f.tunnelMet)
      .then((s) => {
        const m = s.projects.get('hangtai')?.milestones['tunnel']
        expect(
          m === undefined ? undefined : [plannedDate(m), forecastDate(m), metRecord(m)?.facts],
        ).toEqual([
          { date: '2019-06-30', precision: 'day' },
          { date: '2019-09', precision: 'late-month' },
          [{ key: 'length', value: 7.7, unit: 'km' }],
        ])
      })
  })
  it('an unplanned milestone met is created with its title; an unknown one cannot move', () => {
    givenInputs([f.railwayDefined])
      .when(f.lineOpened)
      .then((s) => {
        expect(s.projects.get('hangtai')?.milestoneOrder).toEqual(['opened'])
        expect(s.projects.get('hangtai')?.milestones['opened']).toMatchObject({
          title: { zh: '开通运营' },
          kind: 'opened',
        })
      })
    givenInputs([f.railwayDefined])
      .when(f.tunnelForecast)
      .then((s) =>
        expect(s.unattached[0]?.reason).toBe(
          'milestone "tunnel" of project "hangtai" is not planned',
        ),
      )
    givenInputs([])
      .when(f.tunnelPlanned)
      .then((s) => expect(s.unattached[0]?.reason).toBe('project "hangtai" is not defined'))
  })
  it('task statuses accumulate; the last is in force', () => {
    givenInputs([f.taskDefined, f.taskStatus('s1', 'in-progress', '2022-06-30')])
      .when(f.taskStatus('s2', 'completed', '2023-06-30'))
      .then((s) => {
        const task = s.tasks.get('T01')
        expect(task?.statuses).toHaveLength(2)
        expect(task === undefined ? undefined : taskStatus(task)?.status).toBe('completed')
      })
    givenInputs([])
      .when(f.taskStatus('s1', 'in-progress', '2022-06-30'))
      .then((s) => expect(s.unattached[0]?.reason).toBe('task "T01" is not defined'))
  })
  it('ResponsibilityReassigned applies from its valid time; history keeps who answered before', () => {
    givenInputs(f.gdpPlan)
      .when(f.reassigned)
      .then((s) => {
        expect(responsibleOn(I01(s))).toEqual(['tjj'])
        expect(responsibleOn(I01(s), f.d('2022-12-31'))).toEqual(['fgj'])
      })
  })
})

describe('given/when/then itself', () => {
  it('fails when the assertion returns false, and seals the when part after the given part', () => {
    expect(() => givenInputs([f.planAdopted]).then(() => false)).toThrow(
      'then: the assertion returned false',
    )
    const { given, when } = givenInputs([f.planAdopted]).when(f.gdpDefined).events()
    expect([
      given.map((e) => e.position),
      when.map((e) => [e.position, e.prevHash === given[0]?.hash]),
    ]).toEqual([[1], [[2, true]]])
  })
})

describe('one draft over published state', () => {
  it('folding hundreds of events equals the replay, and leaves the published state as it was', () => {
    const events = recorded([...f.gdpPlan, ...f.reports('a', 400), ...f.reports('b', 400, 'I09')])
    const published = replay(ledgerProjection, events.slice(0, f.gdpPlan.length))
    const before = JSON.stringify(published)
    // Hundreds of nodes made by one writer: past the size where it keeps a set of them.
    const fold = beginFold(ledgerProjection, published, false)
    for (const e of events.slice(f.gdpPlan.length)) fold.step(e)
    const after = fold.finish()
    expect(JSON.stringify(after)).toBe(JSON.stringify(replay(ledgerProjection, events)))
    expect(JSON.stringify(published)).toBe(before)
    expect(I01(after).values.length).toBeGreaterThan(0)
  })
})
