/**
 * The plan document: the file the command line's `import-plan` reads. It holds one plan plus
 * what a reader of the source needs and the ledger does not keep: the headline targets of the
 * prose with their links to indicators (and the disagreements between prose and table), and the
 * titles of the numbered sections.
 *
 * @module PlanDocument
 */
import * as t from 'io-ts'
import {
  NonEmptyString,
  NonNegativeInt,
  SourceRef,
  TargetExpression,
  TaskKind,
} from '@progress-ledger/core'
import { Plan } from './Plan'

/** The `format` tag of a plan document. */
export const PLAN_DOCUMENT_FORMAT = 'progress-ledger/plan@1'

/**
 * A target stated in the plan's prose (总体目标). `expression` is the parse of `printed`, or
 * `null` when the prose is outside the target grammar (`翻一番`); `indicator` links it to a table
 * row; `agrees: false` records a disagreement with that row instead of resolving it.
 */
export const HeadlineTarget = t.exact(
  t.type({
    id: NonEmptyString,
    text: NonEmptyString,
    dueYear: NonNegativeInt,
    printed: NonEmptyString,
    expression: t.union([TargetExpression, t.null]),
    unit: t.string,
    indicator: t.union([NonEmptyString, t.null]),
    agrees: t.boolean,
    disagreement: t.union([NonEmptyString, t.null]),
    source: SourceRef,
  }),
  'HeadlineTarget',
)
/** A target stated in the plan's prose. */
export type HeadlineTarget = t.TypeOf<typeof HeadlineTarget>

/** The title of a numbered section of one of the plan's lists. */
export const Section = t.exact(
  t.intersection([
    t.type({
      list: t.union([TaskKind, t.literal('flagship')]),
      number: NonEmptyString,
      title: NonEmptyString,
    }),
    t.partial({ source: SourceRef }),
  ]),
  'Section',
)
/** The title of a numbered section. */
export type Section = t.TypeOf<typeof Section>

/** A plan document. */
export const PlanDocument = t.exact(
  t.intersection([
    t.type({ format: t.literal(PLAN_DOCUMENT_FORMAT), plan: Plan }),
    t.partial({
      headlineTargets: t.readonlyArray(HeadlineTarget),
      sections: t.readonlyArray(Section),
      notes: t.readonlyArray(t.string),
    }),
  ]),
  'PlanDocument',
)
/** A plan document. */
export type PlanDocument = t.TypeOf<typeof PlanDocument>
