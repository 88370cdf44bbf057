/**
 * A plan (行动方案): its metadata, categories, departments, indicators, tasks and projects — the
 * part of a plan document the ledger keeps. {@link ledgerView} is what comes back from the
 * ledger: the plan without transcripts.
 *
 * @module Plan
 */
import * as t from 'io-ts'
import {
  IsoDate,
  LocalizedText,
  NonEmptyString,
  NonNegativeInt,
  SourceRef,
} from '@progress-ledger/core'
import { Department } from './Department'
import { Indicator } from './Indicator'
import { Project } from './Project'
import { Task } from './Task'
import { Transcript } from './Transcript'

/** A category of indicators; its display order is its place in the plan's list. */
export const Category = t.exact(
  t.intersection([
    t.type({ id: NonEmptyString, name: LocalizedText }),
    t.partial({ transcript: Transcript }),
  ]),
  'Category',
)
/** A category of indicators. */
export type Category = t.TypeOf<typeof Category>

/** A plan. */
export const Plan = t.exact(
  t.intersection([
    t.type({
      id: NonEmptyString,
      name: LocalizedText,
      adoptedOn: IsoDate,
      baseYear: NonNegativeInt,
      startYear: NonNegativeInt,
      endYear: NonNegativeInt,
      categories: t.readonlyArray(Category),
      departments: t.readonlyArray(Department),
      indicators: t.readonlyArray(Indicator),
      tasks: t.readonlyArray(Task),
      projects: t.readonlyArray(Project),
    }),
    t.partial({ issuer: t.string, source: SourceRef }),
  ]),
  'Plan',
)
/** A plan. */
export type Plan = t.TypeOf<typeof Plan>

function withoutTranscript<A extends { readonly transcript?: unknown }>(
  a: A,
): Omit<A, 'transcript'> {
  const { transcript: _, ...rest } = a
  return rest
}

/**
 * The plan as the ledger's projected state keeps it, which is what {@link planFromState} returns
 * for a plan turned into events: every record without its transcript, and without the fields
 * the events carry but core's state does not keep (the plan's `source`, a department's `note`,
 * a target's and a baseline's `source`).
 *
 * @example
 * import { isoDate } from '@progress-ledger/core'
 * import { ledgerView } from '@progress-ledger/plan'
 * const plan = { id: 'p', name: { zh: '方案' }, adoptedOn: isoDate('2021-08-10'), baseYear: 2020, startYear: 2021, endYear: 2025,
 *   categories: [{ id: 'c', name: { zh: '类' }, transcript: { category: '类 别' } }], departments: [], indicators: [], tasks: [], projects: [] }
 * ledgerView(plan).categories // [{ id: 'c', name: { zh: '类' } }]
 */
export function ledgerView(plan: Plan): Plan {
  const { source: _source, ...rest } = plan
  return {
    ...rest,
    categories: plan.categories.map(withoutTranscript),
    departments: plan.departments.map((d) => {
      const { note: _note, ...kept } = withoutTranscript(d)
      return kept
    }),
    indicators: plan.indicators.map((ind) => {
      const kept = withoutTranscript(ind)
      const baseline = kept.baseline === undefined ? {} : { baseline: withoutSource(kept.baseline) }
      return { ...kept, ...baseline, targets: kept.targets.map(withoutSource) }
    }),
    tasks: plan.tasks.map(withoutTranscript),
    projects: plan.projects.map(withoutTranscript),
  }
}

function withoutSource<A extends { readonly source?: unknown }>(a: A): Omit<A, 'source'> {
  const { source: _, ...rest } = a
  return rest
}
