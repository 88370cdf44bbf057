// fast-check arbitraries for the plan package's tests, derived from core's TargetExpression shapes.
import fc from 'fast-check'
import {
  type ComparisonOp,
  type ComparisonWording,
  MAX_MAGNITUDE,
  type TargetExpression,
} from '@progress-ledger/core'
import type { ParseTargetOptions } from '../src/TargetGrammar'

/**
 * A finite number the way tables print them: an integer scaled by 10^-k, or any double within
 * the ledger's bound ±1e15.
 */
export const printedNumber: fc.Arbitrary<number> = fc
  .oneof(
    fc
      .tuple(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 4 }),
      )
      .map(([n, k]) => n / 10 ** k),
    fc.double({ noNaN: true, min: -MAX_MAGNITUDE, max: MAX_MAGNITUDE }),
  )
  .map((n) => (Object.is(n, -0) ? 0 : n))

const WORDING_OPS: ReadonlyArray<[ComparisonWording, ComparisonOp]> = [
  ['以上', 'ge'],
  ['以下', 'le'],
  ['以内', 'le'],
  ['突破', 'gt'],
  ['超', 'gt'],
  ['不低于', 'ge'],
  ['不超过', 'le'],
  ['达到', 'ge'],
  ['symbol', 'ge'],
  ['symbol', 'gt'],
  ['symbol', 'le'],
  ['symbol', 'lt'],
]

const orderedPair: fc.Arbitrary<readonly [number, number]> = fc
  .tuple(printedNumber, printedNumber)
  .map(([a, b]): readonly [number, number] => (a <= b ? [a, b] : [b, a]))

/**
 * A target the parser can produce, with the options that make the parser produce it: a plain
 * number's stated direction is passed as `direction`; an inferred `lower` needs a baseline above.
 */
export const parsableTarget: fc.Arbitrary<{ expr: TargetExpression; options: ParseTargetOptions }> =
  fc.oneof(
    fc
      .tuple(
        printedNumber,
        fc.constantFrom('higher', 'lower', 'band', 'neutral') as fc.Arbitrary<
          'higher' | 'lower' | 'band' | 'neutral'
        >,
      )
      .map(([value, direction]) => ({
        expr: { kind: 'level', value, direction, inferred: false } as TargetExpression,
        options: { direction },
      })),
    fc
      .tuple(
        printedNumber.filter((n) => n < 1e300),
        fc.boolean(),
      )
      .map(([value, lower]) => ({
        expr: {
          kind: 'level',
          value,
          direction: lower ? 'lower' : 'higher',
          inferred: true,
        } as TargetExpression,
        options: lower ? { baseline: value + Math.max(1, Math.abs(value)) } : {},
      })),
    fc.tuple(printedNumber, fc.constantFrom(...WORDING_OPS)).map(([value, [wording, op]]) => ({
      expr: { kind: 'comparison', op, value, wording } as TargetExpression,
      options: {},
    })),
    orderedPair.map(([min, max]) => ({
      expr: { kind: 'range', min, max } as TargetExpression,
      options: {},
    })),
    fc
      .tuple(
        fc.constantFrom('rise', 'fall') as fc.Arbitrary<'rise' | 'fall'>,
        fc.constantFrom('steady', 'gradual', 'yearly') as fc.Arbitrary<
          'steady' | 'gradual' | 'yearly'
        >,
      )
      .map(([direction, pace]) => ({
        expr: { kind: 'trend', direction, pace } as TargetExpression,
        options: {},
      })),
    fc.constant({ expr: { kind: 'stable' } as TargetExpression, options: {} }),
    fc.constant({ expr: { kind: 'quota' } as TargetExpression, options: {} }),
    fc
      .oneof(
        fc.constant({}),
        printedNumber.map((min) => ({ min })),
        printedNumber.map((max) => ({ max })),
        orderedPair.map(([min, max]) => ({ min, max })),
      )
      .map((bounds) => ({
        expr: { kind: 'reasonable-range', ...bounds } as TargetExpression,
        options: {},
      })),
  )

// ---- plans ----
import type { Plan } from '../src/Plan'

const ident = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/)
const text = fc
  .stringMatching(/^[a-z\u4e00-\u4e10][a-z \u4e00-\u4e10]{0,8}$/)
  .filter((s) => s.trim().length > 0)
const localized = fc.record({ zh: text, en: text }, { requiredKeys: ['zh'] })
const source = fc.record(
  { document: fc.constant('doc.txt'), line: fc.nat(500), quote: text },
  { requiredKeys: ['document'] },
)
const day = fc
  .date({
    min: new Date('2021-01-01T00:00:00Z'),
    max: new Date('2025-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10))
const dateSpec = fc.oneof(
  day.map((date) => ({ date, precision: 'day' as const })),
  day.map((d) => ({ date: d.slice(0, 7), precision: 'month' as const })),
  fc
    .tuple(day, day)
    .map(([a, b]) =>
      a <= b
        ? { date: a, precision: 'range' as const, end: b }
        : { date: b, precision: 'range' as const, end: a },
    ),
)
const opt = <A>(a: fc.Arbitrary<A>): fc.Arbitrary<A | undefined> => fc.option(a, { nil: undefined })
const defined = <O extends Record<string, unknown>>(o: O): O =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as O

/** A plan whose references are consistent (categories, departments, parents exist). */
export const planArbitrary: fc.Arbitrary<Plan> = fc
  .record({
    id: ident,
    name: localized,
    issuer: opt(text),
    categoryIds: fc.uniqueArray(ident, { minLength: 1, maxLength: 3 }),
    departmentIds: fc.uniqueArray(ident, { maxLength: 3 }),
    indicatorIds: fc.uniqueArray(ident, { maxLength: 4 }),
    taskIds: fc.uniqueArray(ident, { maxLength: 3 }),
    projectIds: fc.uniqueArray(ident, { maxLength: 2 }),
  })
  .chain((s) => {
    const dept = fc.subarray(s.departmentIds)
    const target = (dueYear: number, role: 'interim' | 'final') =>
      fc
        .record({
          dueYear: fc.constant(dueYear),
          role: fc.constant(role),
          expression: parsableTarget.map((x) => x.expr),
          printed: opt(text),
          dueDate: opt(day),
        })
        .map(defined)
    const indicator = (id: string, i: number) =>
      fc
        .record({
          id: fc.constant(id),
          name: localized,
          unit: fc.constantFrom('%', '万元', ''),
          category: fc.constantFrom(...s.categoryIds),
          attribute: fc.constantFrom('evaluation' as const, 'observation' as const),
          selfSelected: fc.boolean(),
          departments: dept,
          direction: fc.constantFrom(
            'higher' as const,
            'lower' as const,
            'band' as const,
            'neutral' as const,
          ),
          periodicity: fc.constantFrom('year' as const, 'quarter' as const),
          targets: fc
            .tuple(opt(target(2022, 'interim')), opt(target(2025, 'final')))
            .map((ts) => ts.filter((x) => x !== undefined)),
          number: opt(fc.nat(99).map(String)),
          unitEn: opt(text),
          parent: i > 0 ? opt(fc.constant(s.indicatorIds[0] as string)) : fc.constant(undefined),
          baseline: opt(
            fc
              .record({
                period: fc.constant('2020'),
                value: printedNumber,
                illustrative: opt(fc.constant(true)),
              })
              .map(defined),
          ),
          source: opt(source),
        })
        .map(defined)
    const task = (id: string) =>
      fc
        .record({
          id: fc.constant(id),
          kind: fc.constantFrom('key-task' as const, 'reform' as const, 'action-item' as const),
          name: localized,
          departments: dept,
          number: opt(fc.nat(50).map(String)),
          section: opt(text),
          summary: opt(text),
          source: opt(source),
          status: opt(
            fc.constantFrom(
              'not-started' as const,
              'in-progress' as const,
              'completed' as const,
              'delayed' as const,
              'suspended' as const,
            ),
          ),
        })
        .map(defined)
    const milestone = (mid: string) =>
      fc
        .record({
          id: fc.constant(mid),
          title: localized,
          kind: fc.constantFrom('opening', 'tunnel-holed-through'),
          planned: dateSpec,
          source: opt(source),
          forecasts: opt(
            fc.array(fc.record({ on: day, forecast: dateSpec, reason: opt(text) }).map(defined), {
              minLength: 1,
              maxLength: 2,
            }),
          ),
        })
        .map(defined)
    const project = (id: string) =>
      fc
        .record({
          id: fc.constant(id),
          kind: fc.constantFrom('flagship' as const, 'construction' as const),
          name: localized,
          departments: dept,
          facts: fc.array(
            fc
              .record({ key: ident, value: printedNumber, unit: opt(text), label: opt(localized) })
              .map(defined),
            { maxLength: 2 },
          ),
          milestones: fc
            .uniqueArray(ident, { maxLength: 2 })
            .chain((ids) => fc.tuple(...ids.map(milestone))),
          number: opt(fc.nat(20).map(String)),
          section: opt(text),
          source: opt(source),
        })
        .map(defined)
    return fc
      .record({
        categories: fc.tuple(...s.categoryIds.map((id) => localized.map((name) => ({ id, name })))),
        departments: fc.tuple(
          ...s.departmentIds.map((id) =>
            fc.record({
              id: fc.constant(id),
              name: localized,
              aliases: fc.constant([`${id}-alias`]),
            }),
          ),
        ),
        indicators: fc.tuple(...s.indicatorIds.map(indicator)),
        tasks: fc.tuple(...s.taskIds.map(task)),
        projects: fc.tuple(...s.projectIds.map(project)),
      })
      .map(
        (r) =>
          defined({
            id: s.id,
            name: s.name,
            adoptedOn: '2021-08-10',
            baseYear: 2020,
            startYear: 2021,
            endYear: 2025,
            issuer: s.issuer,
            ...r,
          }) as unknown as Plan,
      )
  })
