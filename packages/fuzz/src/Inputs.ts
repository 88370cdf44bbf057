/**
 * Fuzz inputs: JSONL batches of commands for `append`, and plan documents for `import-plan`,
 * built from commands and plans the base world accepts, then spoiled — a field given a value its
 * class refuses, garbage, a missing or unknown key, a repeated key, deep nesting, raw control
 * characters, a number beyond a double. An input records why it must be refused when the
 * spoiling guarantees it.
 *
 * @module Inputs
 */
import fc from 'fast-check'
import { type Actor, auditor, planAdmin, reporter } from '@progress-ledger/commands'
import { PLAN_DOCUMENT_FORMAT } from '@progress-ledger/plan'
import { type FieldClass, garbage, invalidOf, textMutation } from './Hostile'
import { basePlan } from './World'

/** One generated input. */
export interface FuzzInput {
  /** The target it is for: `append` or `import-plan`. */
  readonly target: string
  /** What was generated and how it was spoiled. */
  readonly kind: string
  /** The JSONL text of `append`, or the plan document of `import-plan`. */
  readonly text: string
  readonly actor: Actor
  readonly recordDenied: boolean
  /** Why it must be refused, when the spoiling guarantees it. */
  readonly mustRefuse: string | undefined
}

/** A command the base world accepts from `actors`, and the classes of its fields. */
interface Template {
  readonly command: Record<string, unknown>
  readonly actors: ReadonlyArray<'admin' | 'fgj' | 'jxj'>
  readonly fields: Readonly<Record<string, FieldClass>>
  /** Why the command must be refused as it stands from `who`, if it must (e.g. approval holds). */
  readonly refusedFor?: (who: 'admin' | 'fgj' | 'jxj') => string | undefined
}

const PLAN_ID = 'shengzhou-common-prosperity-2021-2025'
const approvalHolds = (who: string): string | undefined =>
  who === 'admin' ? undefined : 'an approved figure changed by a reporter'

const TEMPLATES: ReadonlyArray<Template> = [
  {
    command: {
      type: 'ReportValue',
      indicatorId: 'I01',
      period: '2022',
      value: 12.3,
      status: 'final',
    },
    actors: ['admin', 'fgj'],
    fields: {
      id: 'id',
      indicatorId: 'id',
      period: 'period',
      value: 'number',
      outlier: 'text',
      unit: 'label',
    },
  },
  {
    command: {
      type: 'ReportValue',
      indicatorId: 'I07',
      period: '2022',
      value: 15.5,
      status: 'preliminary',
      submitted: true,
    },
    actors: ['admin', 'jxj'],
    fields: { indicatorId: 'id', value: 'share', period: 'period' },
  },
  {
    command: {
      type: 'ReportValue',
      indicatorId: 'G01',
      period: '2023',
      value: -3.5,
      status: 'preliminary',
      source: { document: 'yearbook', quote: '增长' },
    },
    actors: ['admin', 'fgj'],
    fields: { value: 'number', 'source.document': 'name', 'source.quote': 'reason' },
  },
  {
    command: {
      type: 'CorrectValue',
      indicatorId: 'I01',
      period: '2021',
      value: 10.7,
      status: 'final',
      corrects: 'v-I01-2021',
      reason: 'final accounts',
    },
    actors: ['admin', 'fgj'],
    fields: { corrects: 'id', reason: 'text', value: 'number' },
    refusedFor: approvalHolds,
  },
  {
    command: {
      type: 'RetractValue',
      indicatorId: 'I01',
      period: '2021',
      retracts: 'v-I01-2021',
      reason: 'wrong',
    },
    actors: ['admin', 'fgj'],
    fields: { retracts: 'id', reason: 'text' },
    refusedFor: () => 'an approved figure retracted',
  },
  {
    command: {
      type: 'ReportValue',
      indicatorId: 'I01',
      period: '2021',
      value: 10.8,
      status: 'final',
    },
    actors: ['admin', 'fgj'],
    fields: { value: 'number' },
    refusedFor: () => 'an approved figure reported again',
  },
  {
    command: {
      type: 'RegisterDepartment',
      departmentId: 'fz-dept',
      name: { zh: '新部门', en: 'New bureau' },
      aliases: ['新局'],
      note: '由合并而来\n第二行',
    },
    actors: ['admin'],
    fields: {
      departmentId: 'id',
      'name.zh': 'name',
      'name.en': 'name',
      'aliases.0': 'name',
      note: 'text',
      validTime: 'date',
    },
  },
  {
    command: {
      type: 'AdoptPlan',
      planId: 'fz-plan',
      name: { zh: '方案' },
      adoptedOn: '2021-08-10',
      baseYear: 2020,
      startYear: 2021,
      endYear: 2025,
      issuer: '市政府',
    },
    actors: ['admin'],
    fields: {
      planId: 'id',
      adoptedOn: 'date',
      baseYear: 'year',
      endYear: 'year',
      'name.zh': 'name',
      issuer: 'label',
    },
  },
  {
    command: {
      type: 'DefineCategory',
      planId: PLAN_ID,
      categoryId: 'fz-cat',
      name: { zh: '新类别' },
      order: 9,
    },
    actors: ['admin'],
    fields: { categoryId: 'id', planId: 'id', 'name.zh': 'name', order: 'count' },
  },
  {
    command: {
      type: 'SetTarget',
      indicatorId: 'I07',
      targetId: 'I07-2024',
      dueYear: 2024,
      role: 'interim',
      printed: '15',
      expression: { kind: 'level', value: 15, direction: 'higher', inferred: true },
    },
    actors: ['admin'],
    fields: {
      targetId: 'id',
      dueYear: 'year',
      'expression.value': 'number',
      printed: 'label',
      dueDate: 'date',
    },
  },
  {
    command: {
      type: 'ReportTaskStatus',
      taskId: 'T01',
      status: 'in-progress',
      progress: 50,
      note: '进展顺利',
    },
    actors: ['admin', 'jxj', 'fgj'],
    fields: { taskId: 'id', progress: 'share', note: 'text', validTime: 'date' },
  },
  {
    command: {
      type: 'MeetMilestone',
      projectId: 'hangtai',
      milestoneId: 'open',
      met: { date: '2022-01-08', precision: 'day' },
      scope: 'line',
      facts: [{ key: 'lengthKm', value: 266.9, unit: 'km' }],
    },
    actors: ['admin'],
    fields: {
      projectId: 'id',
      'met.date': 'date',
      scope: 'label',
      'facts.0.key': 'id',
      'facts.0.value': 'number',
    },
  },
  {
    command: {
      type: 'ReassignResponsibility',
      subject: 'indicator',
      subjectId: 'I16',
      departments: ['fgj', 'swj'],
      validTime: '2023-01-01',
      reason: '机构改革',
    },
    actors: ['admin'],
    fields: { subjectId: 'id', 'departments.0': 'id', reason: 'text', validTime: 'date' },
  },
]

/** `arb` in `times` of `outOf` draws, else `null`. */
function sometimes<T>(arb: fc.Arbitrary<T>, times: number, outOf: number): fc.Arbitrary<T | null> {
  return fc.oneof(
    { arbitrary: fc.constant(null), weight: outOf - times },
    { arbitrary: arb, weight: times },
  )
}

/** Does the CLI skip this line (blank, or a `#` or `//` comment)? */
export function skipped(line: string): boolean {
  const bare = line.replace(/^[ \t\r]+|[ \t\r]+$/g, '')
  return bare === '' || bare.startsWith('#') || bare.startsWith('//')
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T
}

/** Sets `path` (dot-separated, list indices as numbers) in a JSON object, making the way. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  let at: Record<string, unknown> = target
  for (const k of keys.slice(0, -1)) {
    const next = at[k]
    if (typeof next !== 'object' || next === null) at[k] = {}
    at = at[k] as Record<string, unknown>
  }
  at[keys[keys.length - 1] as string] = value
}

/** The value at `path`, if the way there exists. */
function getPath(target: unknown, path: string): unknown {
  let at: unknown = target
  for (const k of path.split('.')) {
    if (typeof at !== 'object' || at === null) return undefined
    at = (at as Record<string, unknown>)[k]
  }
  return at
}

/** What happens to one field of a command. */
type FieldEdit =
  | { readonly kind: 'invalid'; readonly field: string; readonly value: unknown }
  | { readonly kind: 'garbage'; readonly field: string; readonly value: unknown }
  | { readonly kind: 'delete'; readonly field: string }
  | { readonly kind: 'unknown-key'; readonly value: unknown }

function fieldEdit(t: Template): fc.Arbitrary<FieldEdit> {
  const fields = Object.keys(t.fields)
  const all = [...fields, ...Object.keys(t.command)]
  return fc.oneof(
    {
      arbitrary: fc.constantFrom(...fields).chain((field) =>
        invalidOf(t.fields[field] as FieldClass).map((value): FieldEdit => ({
          kind: 'invalid',
          field,
          value,
        })),
      ),
      weight: 4,
    },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...all), garbage)
        .map(([field, value]): FieldEdit => ({ kind: 'garbage', field, value })),
      weight: 3,
    },
    {
      arbitrary: fc
        .constantFrom(...Object.keys(t.command))
        .map((field): FieldEdit => ({ kind: 'delete', field })),
      weight: 1,
    },
    { arbitrary: garbage.map((value): FieldEdit => ({ kind: 'unknown-key', value })), weight: 1 },
  )
}

interface Line {
  readonly text: string
  readonly kind: string
  readonly mustRefuse: string | undefined
}

function commandLine(who: 'admin' | 'fgj' | 'jxj'): fc.Arbitrary<Line> {
  const usable = TEMPLATES.filter((t) => t.actors.includes(who))
  return fc.constantFrom(...usable).chain((t) =>
    fc
      .tuple(
        fc.oneof(
          { arbitrary: fc.constant([]), weight: 1 },
          { arbitrary: fc.array(fieldEdit(t), { minLength: 1, maxLength: 2 }), weight: 1 },
        ),
        sometimes(textMutation, 1, 5),
        fc.nat(99_999),
      )
      .map(([edits, mutation, n]): Line => {
        const c = clone(t.command)
        // Fresh ids keep definitions from clashing with earlier inputs of the same world.
        for (const key of ['departmentId', 'planId', 'categoryId', 'targetId'])
          if (typeof c[key] === 'string' && (c[key] as string).startsWith('fz-'))
            c[key] = `${c[key] as string}-${n}`
        if (c['type'] === 'SetTarget') c['targetId'] = `I07-fz-${n}`
        let mustRefuse = t.refusedFor?.(who)
        const kinds: string[] = [String(t.command['type'])]
        for (const e of edits) {
          if (e.kind === 'invalid') {
            setPath(c, e.field, e.value)
            kinds.push(`${e.field}=invalid`)
          } else if (e.kind === 'garbage') {
            // A copy: constants of the garbage pool are shared between inputs.
            setPath(c, e.field, structuredClone(e.value))
            kinds.push(`${e.field}=garbage`)
          } else if (e.kind === 'delete') {
            delete c[e.field]
            kinds.push(`-${e.field}`)
          } else {
            c[`x${n}`] = structuredClone(e.value)
            kinds.push('+unknown')
          }
        }
        // A field keeps its invalid value unless a later edit replaced or removed it.
        for (const e of edits)
          if (e.kind === 'invalid' && Object.is(getPath(c, e.field), e.value))
            mustRefuse ??= `${e.field}: a value its class (${t.fields[e.field]}) refuses`
        // A changed type or a command that lost its type is another command: claim nothing of it.
        if (c['type'] !== t.command['type']) mustRefuse = undefined
        let text = JSON.stringify(c)
        if (mutation !== null) {
          text = mutation.apply(text)
          mustRefuse = mutation.replaces ? mutation.mustRefuse : (mustRefuse ?? mutation.mustRefuse)
          kinds.push(mutation.kind)
        }
        return { text, kind: kinds.join(' '), mustRefuse }
      }),
  )
}

const ACTORS: Readonly<Record<'admin' | 'fgj' | 'jxj', Actor>> = {
  admin: planAdmin('plan-office'),
  fgj: reporter('fgj-clerk', 'fgj'),
  jxj: reporter('jxj-clerk', 'jxj'),
}

/** Who sends a batch: mostly someone entitled, sometimes an auditor or an actor that is not clean. */
const sender: fc.Arbitrary<{
  who: 'admin' | 'fgj' | 'jxj'
  actor: Actor
  refused: string | undefined
}> = fc.oneof(
  {
    arbitrary: fc
      .constantFrom('admin' as const, 'fgj' as const, 'jxj' as const)
      .map((who) => ({ who, actor: ACTORS[who], refused: undefined })),
    weight: 12,
  },
  {
    arbitrary: fc.constant({
      who: 'admin' as const,
      actor: auditor('audit-office'),
      refused: 'an auditor writes',
    }),
    weight: 1,
  },
  {
    arbitrary: fc
      .constantFrom(
        reporter('fgj\u202eclerk', 'fgj'),
        planAdmin('po\u0000'),
        reporter('clerk', ''),
        planAdmin('__proto__'),
      )
      .map((actor) => ({ who: 'admin' as const, actor, refused: 'an actor that is not clean' })),
    weight: 1,
  },
)

/**
 * Inputs for `append`: JSONL batches of one to three lines.
 *
 * @example
 * import fc from 'fast-check'
 * import { appendInputs } from '@progress-ledger/fuzz'
 * fc.sample(appendInputs, { seed: 1, numRuns: 20 }).every((i) => i.target === 'append') // true
 */
export const appendInputs: fc.Arbitrary<FuzzInput> = sender.chain(({ who, actor, refused }) =>
  fc
    .tuple(fc.array(commandLine(who), { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([lines, recordDenied]): FuzzInput => ({
      target: 'append',
      kind: lines.map((l) => l.kind).join(' | '),
      text: lines.map((l) => l.text).join('\n'),
      actor,
      recordDenied,
      // An actor's refusal needs a command to refuse: lines that are all blank append nothing.
      mustRefuse:
        (lines.every((l) => l.text.split('\n').every(skipped)) ? undefined : refused) ??
        lines.find((l) => l.mustRefuse !== undefined)?.mustRefuse,
    })),
)

/** A small plan document of the seed's records, under fresh ids. */
function planDocument(n: number): Record<string, unknown> {
  const base = basePlan()
  const id = `fz-${n}`
  const plan = {
    ...clone(base),
    id,
    categories: base.categories.slice(0, 2),
    departments: base.departments.filter((d) => ['fgj', 'jxj', 'swj'].includes(d.id)),
    indicators: base.indicators
      .filter((i) => ['I01', 'I07'].includes(i.id))
      .map((i) => ({
        ...clone(i),
        id: `${id}-${i.id}`,
        category: 'economy',
      })),
    tasks: [
      {
        id: `${id}-T01`,
        kind: 'key-task',
        name: { zh: '构建现代产业平台体系' },
        departments: ['jxj'],
        status: 'in-progress',
        summary: '第一行\n第二行',
      },
    ],
    projects: [
      {
        id: `${id}-P1`,
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
                on: '2021-11-26',
                forecast: { date: '2022-01', precision: 'month' },
                reason: 'trial run',
              },
            ],
          },
        ],
      },
    ],
  }
  // A copy of its own: spoiling it must not touch the seed plan the worlds are built from.
  return clone({ format: PLAN_DOCUMENT_FORMAT, plan })
}

const PLAN_FIELDS: Readonly<Record<string, FieldClass>> = {
  'plan.id': 'id',
  'plan.adoptedOn': 'date',
  'plan.endYear': 'year',
  'plan.baseYear': 'year',
  'plan.issuer': 'label',
  'plan.categories.0.id': 'id',
  'plan.categories.0.name.zh': 'name',
  'plan.departments.0.id': 'id',
  'plan.departments.0.aliases.0': 'name',
  'plan.indicators.0.id': 'id',
  'plan.indicators.0.unit': 'label',
  'plan.indicators.0.targets.0.dueYear': 'year',
  'plan.tasks.0.summary': 'text',
  'plan.projects.0.facts.0.value': 'number',
  'plan.projects.0.milestones.0.forecasts.0.on': 'date',
}

/**
 * Inputs for `import-plan`: small plan documents, spoiled like commands, or adopted outside
 * their years, or imported by someone who is not a plan administrator.
 *
 * @example
 * import fc from 'fast-check'
 * import { planInputs } from '@progress-ledger/fuzz'
 * fc.sample(planInputs, { seed: 1, numRuns: 5 }).every((i) => i.target === 'import-plan') // true
 */
export const planInputs: fc.Arbitrary<FuzzInput> = fc
  .tuple(
    fc.nat(999_999),
    fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 3 },
      {
        arbitrary: fc
          .constantFrom(...Object.keys(PLAN_FIELDS))
          .chain((f) =>
            invalidOf(PLAN_FIELDS[f] as FieldClass).map((v) => ({ f, v, invalid: true })),
          ),
        weight: 4,
      },
      {
        arbitrary: fc
          .tuple(fc.constantFrom(...Object.keys(PLAN_FIELDS)), garbage)
          .map(([f, v]) => ({ f, v, invalid: false })),
        weight: 2,
      },
      {
        arbitrary: fc
          .constantFrom('2030-01-01', '2019-12-31')
          .map((v) => ({ f: 'plan.adoptedOn', v, invalid: true })),
        weight: 1,
      },
    ),
    sometimes(textMutation, 1, 3),
    fc.oneof(
      {
        arbitrary: fc.constant({
          actor: planAdmin('plan-office'),
          refused: undefined as string | undefined,
        }),
        weight: 10,
      },
      {
        arbitrary: fc.constant({
          actor: reporter('fgj-clerk', 'fgj'),
          refused: 'a reporter imports a plan',
        }),
        weight: 1,
      },
    ),
    fc.boolean(),
  )
  .map(([n, edit, mutation, { actor, refused }, recordDenied]): FuzzInput => {
    const doc = planDocument(n)
    let mustRefuse = refused
    const kinds = ['plan']
    if (edit !== undefined) {
      setPath(doc, edit.f, structuredClone(edit.v))
      kinds.push(`${edit.f}=${edit.invalid ? 'invalid' : 'garbage'}`)
      if (edit.invalid) mustRefuse ??= `${edit.f}: a value its class refuses`
    }
    let text = JSON.stringify(doc)
    if (mutation !== null) {
      text = mutation.apply(text)
      mustRefuse = mutation.replaces ? mutation.mustRefuse : (mustRefuse ?? mutation.mustRefuse)
      kinds.push(mutation.kind)
    }
    return { target: 'import-plan', kind: kinds.join(' '), text, actor, recordDenied, mustRefuse }
  })
