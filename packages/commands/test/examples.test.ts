// The @example blocks of the public API, run: each states what the doc comment claims.
import { describe, expect, it } from 'vitest'
import { emptyLedger, fixedClock, InMemoryEventStore, type IsoDate } from '@progress-ledger/core'
import {
  appendRequests,
  auditor,
  decide,
  decideAll,
  decideInput,
  decodeCommand,
  describeActor,
  handle,
  handleAll,
  idsFrom,
  isAccepted,
  isResponsible,
  mayIssue,
  planAdmin,
  rejected,
  reporter,
  sequentialIds,
} from '../src/index'

describe('doc examples', () => {
  it('Actor', () => {
    expect(planAdmin('plan-office')).toEqual({ id: 'plan-office', role: 'plan-admin' })
    expect(reporter('fgj-clerk', 'fgj')).toEqual({
      id: 'fgj-clerk',
      role: 'reporter',
      department: 'fgj',
    })
    expect(auditor('audit-office').role).toBe('auditor')
    expect(describeActor(reporter('clerk', 'fgj'))).toBe('reporter "clerk" of fgj')
  })

  it('Context', () => {
    const ids = sequentialIds('cli-20220301')
    expect([ids.next(), ids.next()]).toEqual(['cli-20220301-1', 'cli-20220301-2'])
    let i = 0
    expect(idsFrom(() => `e${++i}`).next()).toBe('e1')
    expect(() => sequentialIds('x', -1)).toThrow('start must be a whole number >= 0, got -1')
  })

  it('Rejection, Decision, StreamedEvent', () => {
    expect(rejected('reason-required', 'reason', 'a non-blank reason', '').message).toBe(
      'reason: expected a non-blank reason, got ""',
    )
    expect(isAccepted({ _tag: 'Accepted', events: [] })).toBe(true)
    expect(appendRequests([], () => 0)).toEqual([])
  })

  it('Authorisation', () => {
    expect(mayIssue(planAdmin('po'), 'ReviseTarget')).toBe(true)
    expect(mayIssue(reporter('clerk', 'fgj'), 'ReviseTarget')).toBe(false)
    expect(mayIssue(reporter('clerk', 'fgj'), 'ReportValue')).toBe(true)
    expect(mayIssue(auditor('au'), 'ReportValue')).toBe(false)
    const holder = { responsibility: [{ departments: ['fgj'], validTime: '2021-08-10' }] } as never
    expect(isResponsible(reporter('clerk', 'fgj'), holder, '2021-12-31' as IsoDate)).toBe(true)
  })

  it('Command and Decide', () => {
    expect(
      decodeCommand({
        type: 'ReportValue',
        indicatorId: 'I01',
        period: '2021',
        value: '12,5',
        status: 'final',
      }),
    ).toEqual({
      _tag: 'Rejected',
      rule: 'malformed',
      message: 'value: expected a number, got "12,5"',
    })
    const ctx = {
      actor: reporter('clerk', 'fgj'),
      today: '2022-03-01' as IsoDate,
      ids: sequentialIds('t'),
    }
    const d = decide(
      emptyLedger(),
      {
        type: 'ReportValue',
        indicatorId: 'I01',
        period: '2021' as never,
        value: 11.2,
        status: 'final',
      },
      ctx,
    )
    expect(d).toEqual({
      _tag: 'Rejected',
      rule: 'indicator-missing',
      message: 'indicatorId: expected a defined indicator, got "I01"',
    })
    expect(
      decideInput(emptyLedger(), { type: 'Nope' }, { ...ctx, actor: planAdmin('po') })._tag,
    ).toBe('Rejected')
  })

  it('DecideAll and Handle', async () => {
    const ctx = { actor: planAdmin('po'), today: '2021-08-10' as IsoDate, ids: sequentialIds('t') }
    const adopt = {
      type: 'AdoptPlan',
      planId: 'sz',
      name: { zh: '行动方案' },
      adoptedOn: '2021-08-10',
      baseYear: 2020,
      startYear: 2021,
      endYear: 2025,
    }
    const r = decideAll(
      emptyLedger(),
      [
        adopt,
        {
          type: 'DefineCategory',
          planId: 'sz',
          categoryId: 'economy',
          name: { zh: '经济' },
          order: 1,
        },
      ],
      ctx,
    )
    expect(r._tag === 'BatchAccepted' && r.events.length).toBe(2)
    const store = new InMemoryEventStore({ clock: fixedClock('2021-08-10T09:00:00.000Z') })
    expect((await handle(store, adopt, ctx))._tag).toBe('Appended')
    expect((await handleAll(store, [], ctx))._tag).toBe('Appended')
  })
})
