/* eslint-disable @typescript-eslint/no-explicit-any -- these tests build invalid documents on purpose */
import { describe, expect, it } from 'vitest'
import { loadPlanDocument } from '../src/PlanValidation'

const src = { document: 'doc.txt', line: 1, quote: 'x' }
const good = () => ({
  format: 'progress-ledger/plan@1',
  plan: {
    id: 'p',
    name: { zh: '方案' },
    adoptedOn: '2021-08-10',
    baseYear: 2020,
    startYear: 2021,
    endYear: 2025,
    categories: [{ id: 'economy', name: { zh: '经济' } }],
    departments: [
      { id: 'wjj', name: { zh: '市卫健局' }, aliases: ['市卫健委'] },
      { id: 'fgj', name: { zh: '市发改局' }, aliases: [] },
    ],
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
        source: src,
        transcript: { departments: ['市发改局'] },
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
            printed: '14',
            expression: { kind: 'level', value: 14, direction: 'higher', inferred: true },
          },
        ],
      },
    ],
    tasks: [
      {
        id: 'T01',
        kind: 'key-task',
        name: { zh: '任务' },
        departments: ['wjj'],
        transcript: { departments: ['市卫健委'] },
      },
    ],
    projects: [],
  },
  headlineTargets: [
    {
      id: 'H1',
      text: '人均生产总值14万元',
      dueYear: 2025,
      printed: '14',
      expression: { kind: 'level', value: 14, direction: 'higher', inferred: true },
      unit: '万元',
      indicator: 'I01',
      agrees: true,
      disagreement: null,
      source: src,
    },
  ],
})

const messages = (u: unknown): string[] => {
  const r = loadPlanDocument(u)
  return r._tag === 'Valid' ? [] : r.issues.map((i) => i.message)
}

describe('loadPlanDocument', () => {
  it('refuses a property the model does not have, naming its path (a misspelt field is not lost)', () => {
    const doc: any = good()
    doc.plan.indicators[0].targets[1].dueyear = 2025
    doc.plan.notes = 'draft'
    const r = loadPlanDocument(doc)
    expect(r._tag).toBe('Invalid')
    expect(r._tag === 'Invalid' && r.issues.map((i) => i.message)).toEqual([
      'plan.indicators[0].targets[1].dueyear: expected a field of the plan document, got an unknown field (2025)',
      'plan.notes: expected a field of the plan document, got an unknown field ("draft")',
    ])
    expect(loadPlanDocument(good())._tag).toBe('Valid')
  })

  it('names a misspelt field beside the field it leaves missing, and beside other shape errors', () => {
    const doc: any = good()
    const target = doc.plan.indicators[0].targets[1]
    target.dueyear = target.dueYear
    delete target.dueYear
    doc.plan.indicators[0].unit = 5
    doc.plan.indicators[0].targets[0].expression.valeu = 1
    expect(messages(doc)).toEqual([
      'plan.indicators[0].unit: expected a string, got 5',
      'plan.indicators[0].targets[1].dueYear: expected a whole number >= 0, got nothing',
      'plan.indicators[0].targets[0].expression.valeu: expected a field of the plan document, got an unknown field (1)',
      `plan.indicators[0].targets[1].dueyear: expected a field of the plan document, got an unknown field (${target.dueyear})`,
    ])
  })

  it('accepts a consistent document', () => {
    expect(loadPlanDocument(good())._tag).toBe('Valid')
  })

  it('reports decoding problems with their paths, all at once', () => {
    const doc = good() as any
    delete doc.plan.indicators[0].targets[1].dueYear
    doc.plan.indicators[0].unit = 5
    expect(messages(doc)).toEqual([
      'plan.indicators[0].unit: expected a string, got 5',
      'plan.indicators[0].targets[1].dueYear: expected a whole number >= 0, got nothing',
    ])
  })

  it('reports every semantic problem at once, each with its path and value', () => {
    const doc = good() as any
    const ind = doc.plan.indicators[0]
    doc.plan.indicators.push({ ...ind, targets: [], transcript: { departments: ['市卫生局'] } })
    doc.plan.departments.push({ id: 'wjj2', name: { zh: '卫健' }, aliases: ['市卫健委'] })
    doc.plan.tasks[0].departments = ['xyz']
    ind.targets[0].dueYear = 2025
    ind.targets[1].printed = '≥14'
    ind.category = 'nowhere'
    doc.headlineTargets[0].unit = '元'
    expect(messages(doc)).toEqual([
      'plan.indicators[1].id: expected an id no other indicator uses (plan.indicators[0] has it), got "I01"',
      'plan.departments[2]: expected names no other department uses ("市卫健委" is also "wjj"\'s), got "市卫健委"',
      'plan.indicators[0].category: expected a category of the plan, got "nowhere"',
      "plan.indicators[0].targets[0].dueYear: expected an interim due before the final target's 2025, got 2025",
      'plan.indicators[0].targets[1].dueYear: expected a due year no other target of I01 has (plan.indicators[0].targets[0]), got 2025',
      'plan.indicators[0].targets[1].expression: expected the parse of "≥14" (at least 14, {"kind":"comparison","op":"ge","value":14,"wording":"symbol"}), got {"kind":"level","value":14,"direction":"higher","inferred":true}',
      'plan.indicators[1].transcript.departments[0]: expected a registered department name or alias, got "市卫生局"',
      'plan.tasks[0].departments[0]: expected a registered department id, got "xyz"',
      'plan.tasks[0].transcript.departments[0]: expected a registered department name or alias, got "市卫健委"',
      'headlineTargets[0].unit: expected the unit of I01, "万元" (or a recorded disagreement), got "元"',
    ])
  })

  it('reports a target outside the plan years, an unparsable printed target, a wrong wording and an unknown department', () => {
    const doc = good() as any
    const ind = doc.plan.indicators[0]
    ind.targets[0] = {
      dueYear: 2019,
      role: 'interim',
      printed: '约11',
      expression: { kind: 'comparison', op: 'lt', value: 11, wording: '以上' },
    }
    ind.departments = ['fgj', 'nobody']
    ind.parent = 'I01'
    expect(messages(doc)).toEqual([
      'plan.indicators[0].parent: expected another indicator of the plan, got "I01"',
      'plan.indicators[0].departments[1]: expected a registered department id, got "nobody"',
      'plan.indicators[0].departments: expected the printed names resolved, ["fgj"], got ["fgj","nobody"]',
      'plan.indicators[0].targets[0].dueYear: expected a year from 2021 to 2025, got 2019',
      'plan.indicators[0].targets[0].expression.op: expected "ge" for the wording 以上, got "lt"',
      'plan.indicators[0].targets[0].printed: expected a target in the grammar, got cannot parse target "约11": unexpected "约" at position 0',
    ])
  })

  it('reports an adoption date outside the plan years, and ids or names that break the limits', () => {
    const doc: any = good()
    doc.plan.adoptedOn = '2030-01-01'
    doc.plan.categories[0].name.zh = 'x'.repeat(2001)
    doc.plan.departments[1].aliases = ['']
    const r = loadPlanDocument(doc)
    expect(r._tag === 'Invalid' && r.issues.map((i) => i.message)).toEqual([
      `plan.categories[0].name.zh: expected a one-line string of at most 500 characters, got "${'x'.repeat(76)}...`,
      'plan.departments[1].aliases[0]: expected a non-empty string, got ""',
    ])
    doc.plan.categories[0].name.zh = '经济'
    doc.plan.departments[1].aliases = []
    const late = loadPlanDocument(doc)
    expect(late._tag === 'Invalid' && late.issues.map((i) => i.message)).toEqual([
      'plan.adoptedOn: expected a date within the plan\'s years 2020–2025, got "2030-01-01"',
    ])
  })

  it('requires a disagreement exactly when the prose disagrees', () => {
    const doc = good() as any
    doc.headlineTargets[0].agrees = false
    expect(messages(doc)).toEqual([
      'headlineTargets[0].disagreement: expected the disagreement, when the prose disagrees, got null',
    ])
  })
})
