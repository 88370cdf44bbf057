/**
 * The structured form of a target as planners print it (`≥90`, `95以上`, `稳步提升`,
 * `完成上级下达任务`, …). The plan package parses and formats the printed forms; events carry
 * this structure so that evaluation never re-reads text.
 *
 * @module TargetExpression
 */
import * as t from 'io-ts'
import { FiniteNumber } from './Scalars'

/** Which way is better for an indicator or a plain-number target. */
export const Direction = t.keyof(
  { higher: null, lower: null, band: null, neutral: null },
  'Direction',
)
/** Which way is better. */
export type Direction = t.TypeOf<typeof Direction>

/** A comparison operator: `ge` ≥, `gt` >, `le` ≤, `lt` <. */
export const ComparisonOp = t.keyof({ ge: null, gt: null, le: null, lt: null }, 'ComparisonOp')
/** A comparison operator. */
export type ComparisonOp = t.TypeOf<typeof ComparisonOp>

/**
 * The words a comparison was printed with, kept so that a target formats back as printed:
 * `symbol` (≥ > ≤ <), `以上` (≥), `以下` (≤), `以内` (≤), `突破` (>), `超` (>), `不低于` (≥),
 * `不超过` (≤), `达到` (≥).
 */
export const ComparisonWording = t.keyof(
  {
    symbol: null,
    以上: null,
    以下: null,
    以内: null,
    突破: null,
    超: null,
    不低于: null,
    不超过: null,
    达到: null,
  },
  'ComparisonWording',
)
/** The words a comparison was printed with. */
export type ComparisonWording = t.TypeOf<typeof ComparisonWording>

/** A plain number (`14`): reach this level; its direction is stated or inferred. */
export const LevelTarget = t.strict(
  { kind: t.literal('level'), value: FiniteNumber, direction: Direction, inferred: t.boolean },
  'LevelTarget',
)
/** A comparison (`≥90`, `< 1.8`, `95以上`, `1.8以内`, `突破14`). */
export const ComparisonTarget = t.strict(
  {
    kind: t.literal('comparison'),
    op: ComparisonOp,
    value: FiniteNumber,
    wording: ComparisonWording,
  },
  'ComparisonTarget',
)
/** A range (`5~10`), both ends inclusive. */
export const RangeTarget = t.strict(
  { kind: t.literal('range'), min: FiniteNumber, max: FiniteNumber },
  'RangeTarget',
)

/** The pace words of a trend: 稳步 steady, 逐步 gradual, 逐年 every year. */
export const TrendPace = t.keyof({ steady: null, gradual: null, yearly: null }, 'TrendPace')
/** The pace words of a trend. */
export type TrendPace = t.TypeOf<typeof TrendPace>

/** A direction without a number: 稳步提升 (rise, steady), 逐年下降 (fall, yearly), … */
export const TrendTarget = t.strict(
  { kind: t.literal('trend'), direction: t.keyof({ rise: null, fall: null }), pace: TrendPace },
  'TrendTarget',
)
/** 保持稳定: stay within a band around the baseline; the tolerance is evaluation configuration. */
export const StableTarget = t.strict({ kind: t.literal('stable') }, 'StableTarget')
/** 维持在合理区间: stay within a range that may be supplied later (then `min`/`max` are set). */
export const ReasonableRangeTarget = t.exact(
  t.intersection([
    t.type({ kind: t.literal('reasonable-range') }),
    t.partial({ min: FiniteNumber, max: FiniteNumber }),
  ]),
  'ReasonableRangeTarget',
)
/** 完成上级下达任务: the target is whatever quota the higher level assigns; pending until then. */
export const QuotaTarget = t.strict({ kind: t.literal('quota') }, 'QuotaTarget')

/** Any target expression. */
export const TargetExpression = t.union(
  [
    LevelTarget,
    ComparisonTarget,
    RangeTarget,
    TrendTarget,
    StableTarget,
    ReasonableRangeTarget,
    QuotaTarget,
  ],
  'TargetExpression',
)
/** Any target expression. */
export type TargetExpression = t.TypeOf<typeof TargetExpression>

/** Does a target carry a number a value can be compared with? */
export function isNumericTarget(
  e: TargetExpression,
): e is Extract<TargetExpression, { kind: 'level' | 'comparison' | 'range' }> {
  return e.kind === 'level' || e.kind === 'comparison' || e.kind === 'range'
}
