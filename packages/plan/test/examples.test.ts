// The @example blocks of the public API, run: each states what the doc comment claims.
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as E from 'fp-ts/lib/Either.js'
import { emptyLedger } from '@progress-ledger/core'
import {
  departmentRegistry,
  formatTarget,
  historyToEvents,
  ledgerView,
  loadHistoryDocument,
  loadPlanDocument,
  parseTarget,
  planFromState,
  planToEvents,
  readHistoryFile,
  readPlanFile,
  resolveDepartment,
  targetId,
  targetParseOptions,
  toAppendRequests,
} from '../src/index'

const root = resolve(__dirname, '../../..')

describe('doc examples', () => {
  it('TargetGrammar', () => {
    expect(parseTarget('95以上')).toEqual(
      E.right({ kind: 'comparison', op: 'ge', value: 95, wording: '以上' }),
    )
    expect(parseTarget('24.6', { interim: 25.7 })).toEqual(
      E.right({ kind: 'level', value: 24.6, direction: 'lower', inferred: true }),
    )
    expect(parseTarget('约90')).toMatchObject(
      E.left({ message: 'cannot parse target "约90": unexpected "约" at position 0' }),
    )
    expect(formatTarget({ kind: 'comparison', op: 'ge', value: 90, wording: 'symbol' }, 'zh')).toBe(
      '≥90',
    )
    expect(formatTarget({ kind: 'comparison', op: 'ge', value: 90, wording: 'symbol' }, 'en')).toBe(
      'at least 90',
    )
    expect(formatTarget({ kind: 'trend', direction: 'fall', pace: 'yearly' }, 'en')).toBe(
      'decrease every year',
    )
  })

  it('Department', () => {
    const reg = departmentRegistry([{ id: 'wjj', name: { zh: '市卫健局' }, aliases: ['市卫健委'] }])
    expect(resolveDepartment(reg, '市卫健委')).toEqual({
      _tag: 'Resolved',
      id: 'wjj',
      name: '市卫健委',
    })
    expect(resolveDepartment(reg, '卫健委')).toEqual({ _tag: 'Unresolved', name: '卫健委' })
    const reg2 = departmentRegistry([
      { id: 'rsj', name: { zh: '市人力社保局' }, aliases: ['市人社局'] },
    ])
    expect(resolveDepartment(reg2, ' 市人社局 ')).toEqual({
      _tag: 'Resolved',
      id: 'rsj',
      name: ' 市人社局 ',
    })
  })

  it('Indicator', () => {
    expect(targetId('I01', 2025)).toBe('I01-2025')
    const lvl = (value: number) =>
      ({ kind: 'level', value, direction: 'lower', inferred: true }) as const
    expect(
      targetParseOptions(
        {
          targets: [
            { dueYear: 2022, role: 'interim', expression: lvl(25.7) },
            { dueYear: 2025, role: 'final', expression: lvl(24.6) },
          ],
        },
        'final',
      ),
    ).toEqual({ interim: 25.7 })
  })

  it('Plan, PlanValidation, PlanEvents, PlanFromState', () => {
    const plan = {
      id: 'p',
      name: { zh: '方案' },
      adoptedOn: '2021-08-10',
      baseYear: 2020,
      startYear: 2021,
      endYear: 2025,
      categories: [{ id: 'c', name: { zh: '类' }, transcript: { category: '类 别' } }],
      departments: [],
      indicators: [],
      tasks: [],
      projects: [],
    } as const
    expect(ledgerView(plan as never).categories).toEqual([{ id: 'c', name: { zh: '类' } }])
    const r = loadPlanDocument({ format: 'progress-ledger/plan@1', plan: { id: 'p' } })
    expect(r._tag === 'Invalid' && r.issues[0]?.message).toBe(
      'plan.name: expected an object (LocalizedText), got nothing',
    )
    const groups = planToEvents(
      { ...plan, adoptedOn: '2021-08-10' as never, categories: [] },
      { recordedBy: 'plan-office' },
    )
    expect(groups[0]?.streamId).toBe('plan-p')
    expect(groups[0]?.events[0]?.id).toBe('p/adopted')
    expect(toAppendRequests([{ streamId: 'plan-p', events: [] }])).toEqual([
      { streamId: 'plan-p', events: [], expectedVersion: 'any' },
    ])
    expect(planFromState(emptyLedger(), 'p')).toBeUndefined()
  })

  it('History', () => {
    expect(loadHistoryDocument({ format: 'progress-ledger/history@1', values: [] })._tag).toBe(
      'Valid',
    )
    const groups = historyToEvents(
      {
        format: 'progress-ledger/history@1',
        milestones: [
          {
            id: 'M1',
            projectId: 'rail',
            met: { date: '2022-01', precision: 'month' },
            kind: 'opening',
            title: { zh: '通车' },
            facts: [],
            source: { document: 'x' },
          },
        ],
      },
      { recordedBy: 'yearbook' },
    )
    expect(groups[0]?.events[0]?.validTime).toBe('2022-01-31')
  })

  it('ReadPlanFile', async () => {
    expect((await readPlanFile(resolve(root, 'seeds/shengzhou/plan.json')))._tag).toBe('Valid')
    expect(
      (await readHistoryFile(resolve(root, 'seeds/shengzhou/railway-history.json')))._tag,
    ).toBe('Valid')
    const bad = await readPlanFile(resolve(root, 'seeds/shengzhou/source.txt'))
    expect(bad._tag === 'Invalid' && bad.issues[0]?.message).toMatch(
      /source\.txt: expected JSON, got a syntax error/,
    )
  })
})
