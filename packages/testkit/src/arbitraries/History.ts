/**
 * Arbitraries for whole, coherent histories: a plan adopted, departments and categories,
 * indicators defined with baselines and interim/final targets, projects with planned
 * milestones, tasks; then reports, corrections, retractions and reviews of values for periods
 * arriving out of order, target revisions and quotas, forecasts moved, milestones met (planned
 * or not), task statuses, reassignments and refused commands. Recorded times never decrease and
 * sometimes tie; every reference points at something defined earlier.
 *
 * @module arbitraries/History
 */
import * as fc from 'fast-check'
import type { Instant, RecordedEvent } from '@progress-ledger/core'
import {
  interpret,
  type IndicatorSeed,
  type Op,
  type Skeleton,
  type Step,
} from '../internal/HistoryPlan'
import { recorded, type TimedInput } from '../Recorded'
import { dateSpecArb, finiteNumber, isoDateArb, targetExpressionArb } from './Scalars'

/** Sizes of generated histories. */
export interface HistoryOptions {
  /** Most indicators (default 3; at least 1 is always defined). */
  readonly maxIndicators?: number
  /** Most operations after the setup (default 40). */
  readonly maxOperations?: number
  /** Most projects (default 2). */
  readonly maxProjects?: number
  /** Most tasks (default 2). */
  readonly maxTasks?: number
}

const value = (): fc.Arbitrary<number> => finiteNumber(true)

function indicatorSeedArb(): fc.Arbitrary<IndicatorSeed> {
  return fc.record(
    {
      periodicity: fc.constantFrom('year', 'quarter', 'month'),
      direction: fc.constantFrom('higher', 'lower', 'band', 'neutral'),
      attribute: fc.constantFrom('evaluation', 'observation'),
      baseline: fc.option(value(), { nil: null }),
      interim: targetExpressionArb(value()),
      final: targetExpressionArb(value()),
    },
    { noNullPrototype: true },
  )
}

function skeletonArb(o: HistoryOptions): fc.Arbitrary<Skeleton> {
  return fc.record(
    {
      adoptedOn: isoDateArb(2021, 2021),
      categories: fc.integer({ min: 1, max: 3 }),
      departments: fc.integer({ min: 1, max: 3 }),
      indicators: fc.array(indicatorSeedArb(), {
        minLength: 1,
        maxLength: Math.max(1, o.maxIndicators ?? 3),
      }),
      projects: fc.array(fc.array(dateSpecArb(), { minLength: 1, maxLength: 3 }), {
        maxLength: o.maxProjects ?? 2,
      }),
      tasks: fc.integer({ min: 0, max: o.maxTasks ?? 2 }),
    },
    { noNullPrototype: true },
  )
}

function opArb(): fc.Arbitrary<Op> {
  const n = fc.nat(1000)
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        op: fc.constant('report' as const),
        ind: n,
        period: n,
        value: value(),
        final: fc.boolean(),
        submitted: fc.boolean(),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({ op: fc.constant('correct' as const), pick: n, value: value() }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('retract' as const), pick: n }) },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('review' as const), pick: n, approve: fc.boolean() }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('revise' as const),
        ind: n,
        final: fc.boolean(),
        expression: targetExpressionArb(value()),
        quota: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('baseline' as const), ind: n, value: value() }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('redefine' as const),
        ind: n,
        attribute: fc.constantFrom('evaluation', 'observation'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('forecast' as const),
        project: n,
        milestone: n,
        date: dateSpecArb(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('met' as const),
        project: n,
        milestone: n,
        date: dateSpecArb(),
        unplanned: fc.boolean(),
        length: fc.nat(20_000),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant('task' as const),
        task: n,
        status: fc.constantFrom('not-started', 'in-progress', 'completed', 'delayed', 'suspended'),
        progress: fc.integer({ min: 0, max: 100 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('reassign' as const),
        subject: fc.constantFrom('indicator', 'task', 'project'),
        index: n,
        department: n,
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('denied' as const), index: n }) },
  )
}

function stepArb(): fc.Arbitrary<Step> {
  return fc.record({
    op: opArb(),
    gap: fc.constantFrom(0, 1000, 3_600_000, 86_400_000, 30 * 86_400_000),
    day: fc.nat(1600),
  })
}

/**
 * A coherent history as timed event inputs (recorded times from `2021-08-10T09:00:00.000Z` on,
 * never decreasing).
 *
 * @example
 * import * as fc from 'fast-check'
 * import { historyArb } from '@progress-ledger/testkit'
 * const history = fc.sample(historyArb({ maxOperations: 5 }), 1)[0] ?? []
 * history[0]?.input.type // 'PlanAdopted'
 */
export function historyArb(options: HistoryOptions = {}): fc.Arbitrary<ReadonlyArray<TimedInput>> {
  return fc
    .tuple(skeletonArb(options), fc.array(stepArb(), { maxLength: options.maxOperations ?? 40 }))
    .map(([skeleton, steps]) => interpret(skeleton, steps, '2021-08-10T09:00:00.000Z' as Instant))
}

/**
 * A coherent history sealed into recorded events (positions, versions, hashes), as a store
 * would have recorded it.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { verifyChain } from '@progress-ledger/core'
 * import { recordedHistoryArb } from '@progress-ledger/testkit'
 * const events = fc.sample(recordedHistoryArb({ maxOperations: 5 }), 1)[0] ?? []
 * verifyChain(events)._tag // 'Intact'
 */
export function recordedHistoryArb(
  options: HistoryOptions = {},
): fc.Arbitrary<ReadonlyArray<RecordedEvent>> {
  return historyArb(options).map((h) => recorded(h))
}
