// Importing a plan through the deciders: the seed plan gives exactly the events planToEvents
// lists, a re-import is a retry, and what the deciders refuse in commands they refuse in plans.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  canonicalJson,
  fixedClock,
  InMemoryEventStore,
  isoDate,
  ledgerProjection,
  period,
  replay,
  validateInput,
} from '@progress-ledger/core'
import { loadPlanDocument, type Plan, planToEvents } from '@progress-ledger/plan'
import { planAdmin, reporter } from '../src/Actor'
import { importPlan, planCommands } from '../src/PlanImport'
import { type CommandContext, sequentialIds } from '../src/Context'

const seed = (): Plan => {
  const text = readFileSync(join(import.meta.dirname, '../../../seeds/shengzhou/plan.json'), 'utf8')
  const loaded = loadPlanDocument(JSON.parse(text))
  if (loaded._tag !== 'Valid') throw new Error(loaded.issues.map((i) => i.message).join('\n'))
  return loaded.document.plan
}
const stateAfter = async (s: InMemoryEventStore) => replay(ledgerProjection, await s.readAll())
const store = () => new InMemoryEventStore({ clock: fixedClock('2021-08-10T09:00:00.000Z') })
const office = (actor = planAdmin('plan-office')): CommandContext => ({
  actor,
  today: isoDate('2021-08-10'),
  ids: sequentialIds('import'),
})
/** The events of a store, comparable with planToEvents' (data in canonical JSON). */
const recordedOf = (s: InMemoryEventStore) =>
  s.readAllNow().map((e) => ({
    streamId: e.streamId,
    id: e.id,
    type: e.type,
    validTime: e.validTime,
    actor: e.actor,
    correlationId: e.correlationId,
    causationId: e.causationId,
    data: canonicalJson(e.data),
  }))
const expectedOf = (plan: Plan) =>
  planToEvents(plan, { recordedBy: 'plan-office' }).flatMap((g) =>
    g.events.map((e) => {
      const v = validateInput(e)
      if (v._tag !== 'Valid') throw new Error('planToEvents gave an invalid event')
      return { streamId: g.streamId, ...v.event, data: canonicalJson(v.event.data) }
    }),
  )
const small: Plan = {
  id: 'p',
  name: { zh: '方案' },
  adoptedOn: isoDate('2021-08-10'),
  baseYear: 2020,
  startYear: 2021,
  endYear: 2025,
  categories: [{ id: 'economy', name: { zh: '经济' } }],
  departments: [{ id: 'fgj', name: { zh: '市发改局' }, aliases: [] }],
  indicators: [],
  tasks: [],
  projects: [],
}
const rich: Plan = {
  ...small,
  departments: [{ id: 'fgj', name: { zh: '市发改局' }, aliases: ['发改局'], note: '牵头' }],
  indicators: [
    {
      id: 'I01',
      name: { zh: '人均生产总值' },
      unit: '万元',
      category: 'economy',
      attribute: 'evaluation',
      selfSelected: false,
      departments: ['fgj'],
      direction: 'higher',
      periodicity: 'year',
      baseline: { period: period('2020'), value: 9.8, illustrative: true },
      targets: [
        {
          dueYear: 2022,
          role: 'interim',
          printed: '11',
          expression: { kind: 'level', value: 11, direction: 'higher', inferred: true },
        },
        {
          dueYear: 2025,
          role: 'final',
          printed: '≥14',
          expression: { kind: 'comparison', op: 'ge', value: 14, wording: 'symbol' },
        },
      ],
    },
  ],
  tasks: [
    {
      id: 'T01',
      kind: 'key-task',
      name: { zh: '构建现代产业平台体系' },
      departments: ['fgj'],
      status: 'in-progress',
    },
  ],
  projects: [
    {
      id: 'hangtai',
      kind: 'construction',
      name: { zh: '杭台高铁' },
      departments: ['fgj'],
      facts: [{ key: 'lengthKm', value: 266.9, unit: 'km' }],
      milestones: [
        {
          id: 'open',
          title: { zh: '通车' },
          kind: 'opening',
          planned: { date: '2021-12', precision: 'month' },
          forecasts: [
            {
              on: isoDate('2021-11-26'),
              forecast: { date: '2022-01', precision: 'month' },
              reason: 'trial run',
            },
          ],
        },
      ],
    },
  ],
}

describe('importPlan', () => {
  it('records the seed plan as exactly the events planToEvents lists: ids, streams, types, data', async () => {
    const plan = seed()
    const s = store()
    expect(await importPlan(s, plan, office())).toMatchObject({ _tag: 'Appended', written: 396 })
    expect(recordedOf(s)).toEqual(expectedOf(plan))
  })

  it('gives the same events as planToEvents for baselines, task statuses, milestones and forecasts', async () => {
    const s = store()
    expect(await importPlan(s, rich, office())).toMatchObject({ _tag: 'Appended', written: 12 })
    expect(recordedOf(s)).toEqual(expectedOf(rich))
    expect(new Set(planCommands(rich).map((c) => c.command.type)).size).toBe(11)
  })

  it('appends nothing when the same plan is imported again', async () => {
    const s = store()
    expect(await importPlan(s, small, office())).toMatchObject({ _tag: 'Appended', written: 3 })
    expect(await importPlan(s, small, office())).toMatchObject({ _tag: 'Appended', written: 0 })
    expect(s.readAllNow()).toHaveLength(3)
    // The same plan id with other content is a plan adopted already.
    const other = await importPlan(s, { ...small, name: { zh: '另一个方案' } }, office())
    expect(other).toMatchObject({
      _tag: 'PlanRejected',
      rejections: [
        {
          path: 'plan',
          rule: 'already-defined',
          message:
            'plan: planId: expected a plan not yet adopted, got "p" (adopted already; 1 of the document\'s 3 records differ from the ledger, below)',
        },
      ],
    })
    expect(s.readAllNow()).toHaveLength(3)
  })

  it('names the records of an adopted plan that differ from the ledger, and only those', async () => {
    const s = store()
    expect(await importPlan(s, rich, office())).toMatchObject({ _tag: 'Appended' })
    const before = s.readAllNow().length
    const [indicator] = rich.indicators
    if (indicator === undefined) throw new Error('rich has an indicator')
    const changed: Plan = {
      ...rich,
      indicators: [
        {
          ...indicator,
          targets: indicator.targets.map((x) =>
            x.role === 'final'
              ? {
                  ...x,
                  printed: '≥15',
                  expression: { ...x.expression, value: 15 } as typeof x.expression,
                }
              : x,
          ),
        },
      ],
    }
    const r = await importPlan(s, changed, office())
    expect(r._tag === 'PlanRejected' && r.rejections.map((x) => x.message)).toEqual([
      'plan: planId: expected a plan not yet adopted, got "p" (adopted already; 1 of the document\'s 12 records differ from the ledger, below)',
      'plan.indicators[0].targets[1]: differs from what the ledger holds for it: a change to an adopted plan is a command of its own (ReviseTarget, DefineIndicator, …)',
    ])
    expect(s.readAllNow()).toHaveLength(before)
  })

  it("refuses another plan's project of the same id, and records nothing of the plan", async () => {
    const s = store()
    expect(await importPlan(s, rich, office())).toMatchObject({ _tag: 'Appended' })
    const before = s.readAllNow().length
    // A second county's copy of the plan, its indicators and tasks renamed, its project not.
    const other: Plan = { ...rich, id: 'q', indicators: [], tasks: [] }
    const r = await importPlan(s, other, office())
    expect(r._tag === 'PlanRejected' && r.rejections).toEqual([
      {
        path: 'plan.projects[0]',
        rule: 'redefinition',
        message: 'plan.projects[0]: planId: expected the project\'s plan "p", got "q"',
      },
    ])
    expect(s.readAllNow()).toHaveLength(before)
    expect((await stateAfter(s)).projects.get('hangtai')?.definition.planId).toBe('p')
  })

  it('refuses a department registered already under another name, with the other problems', async () => {
    const s = store()
    expect(await importPlan(s, rich, office())).toMatchObject({ _tag: 'Appended' })
    const before = s.readAllNow().length
    const county: Plan = {
      ...small,
      id: 'q',
      categories: [{ id: 'economy', name: { zh: '经济' } }],
      departments: [{ id: 'fgj', name: { zh: '新昌县发改局' }, aliases: [] }],
      projects: rich.projects,
    }
    const r = await importPlan(s, county, office())
    expect(r._tag === 'PlanRejected' && r.rejections.map((x) => x.message)).toEqual([
      'plan.departments[0]: name: expected the name department fgj is registered with, "市发改局", got "新昌县发改局"',
      'plan.projects[0]: planId: expected the project\'s plan "p", got "q"',
    ])
    expect(s.readAllNow()).toHaveLength(before)
    // The same name with aliases of its own is a registration again, not a rename.
    const same: Plan = {
      ...county,
      departments: [{ id: 'fgj', name: { zh: '市发改局' }, aliases: ['发展改革局'] }],
      projects: [],
    }
    expect(await importPlan(s, same, office())).toMatchObject({ _tag: 'Appended' })
    expect((await stateAfter(s)).departments.get('fgj')?.aliases).toEqual(['发展改革局'])
  })

  it('refuses an adoption date outside the plan years, as AdoptPlan does', async () => {
    const s = store()
    const r = await importPlan(s, { ...small, adoptedOn: isoDate('2030-01-01') }, office())
    expect(r).toEqual({
      _tag: 'PlanRejected',
      rejections: [
        {
          path: 'plan',
          rule: 'plan-years',
          message:
            'plan: adoptedOn: expected a date within the plan\'s years 2020–2025, got "2030-01-01"',
        },
        {
          path: 'plan.categories[0]',
          rule: 'plan-missing',
          message: 'plan.categories[0]: planId: expected an adopted plan (none defined), got "p"',
        },
      ],
      recorded: [],
    })
    expect(s.readAllNow()).toEqual([])
  })

  it('refuses a plan id with NUL, and every record that names it', async () => {
    const s = store()
    const r = await importPlan(s, { ...small, id: 'p\u0000' }, office())
    expect(r._tag === 'PlanRejected' && r.rejections.map((x) => [x.path, x.rule])).toEqual([
      ['plan', 'malformed'],
      ['plan.categories[0]', 'malformed'],
      ['plan.departments[0]', 'malformed'],
    ])
    expect(r._tag === 'PlanRejected' && r.rejections[0]?.message).toBe(
      'plan: planId: expected an id without control, bidi or invisible characters, got "p\\u0000"; id: expected an id without control, bidi or invisible characters, got "p\\u0000/adopted"',
    )
    expect(s.readAllNow()).toEqual([])
  })

  it('refuses a reporter, and records the refusals when asked', async () => {
    const s = store()
    const r = await importPlan(s, small, office(reporter('fgj-clerk', 'fgj')), {
      recordDenied: true,
    })
    expect(r._tag === 'PlanRejected' && r.recorded.map((e) => e.type)).toEqual([
      'AccessDenied',
      'AccessDenied',
      'AccessDenied',
    ])
    expect(s.readAllNow().map((e) => e.type)).toEqual([
      'AccessDenied',
      'AccessDenied',
      'AccessDenied',
    ])
  })

  it('refuses a reporter a changed or renaming plan as any plan, recording the refusals', async () => {
    const s = store()
    expect(await importPlan(s, rich, office())).toMatchObject({ _tag: 'Appended' })
    const before = s.readAllNow().length
    const clerk = office(reporter('fgj-clerk', 'fgj'))
    for (const plan of [
      { ...rich, name: { zh: '改过的方案' } },
      {
        ...small,
        id: 'q',
        departments: [{ id: 'fgj', name: { zh: '新昌县发改局' }, aliases: [] }],
      },
    ] satisfies Plan[]) {
      const r = await importPlan(s, plan, clerk, { recordDenied: true })
      expect(
        r._tag === 'PlanRejected' && r.rejections.some((x) => x.rule === 'not-authorised'),
      ).toBe(true)
      expect(r._tag === 'PlanRejected' && r.recorded.length).toBeGreaterThan(0)
    }
    expect(
      s
        .readAllNow()
        .slice(before)
        .every((e) => e.type === 'AccessDenied'),
    ).toBe(true)
  })

  it('names the record of each command it derives', () => {
    expect(planCommands(rich).map((c) => [c.path, c.command.type])).toEqual([
      ['plan', 'AdoptPlan'],
      ['plan.categories[0]', 'DefineCategory'],
      ['plan.departments[0]', 'RegisterDepartment'],
      ['plan.indicators[0]', 'DefineIndicator'],
      ['plan.indicators[0].baseline', 'SetBaseline'],
      ['plan.indicators[0].targets[0]', 'SetTarget'],
      ['plan.indicators[0].targets[1]', 'SetTarget'],
      ['plan.tasks[0]', 'DefineTask'],
      ['plan.tasks[0].status', 'ReportTaskStatus'],
      ['plan.projects[0]', 'DefineProject'],
      ['plan.projects[0].milestones[0]', 'PlanMilestone'],
      ['plan.projects[0].milestones[0].forecasts[0]', 'MoveMilestoneForecast'],
    ])
  })

  it('names the record a refusal comes from', async () => {
    const s = store()
    const bad: Plan = {
      ...rich,
      indicators: rich.indicators.map((i) => ({
        ...i,
        baseline: { period: period('2020'), value: -1 },
      })),
    }
    const r = await importPlan(s, bad, office())
    expect(r._tag === 'PlanRejected' && r.rejections).toEqual([
      {
        path: 'plan.indicators[0].baseline',
        rule: 'implausible-value',
        message: 'plan.indicators[0].baseline: value: expected a figure >= 0 for 万元, got -1',
      },
    ])
    expect(s.readAllNow()).toEqual([])
  })
})
