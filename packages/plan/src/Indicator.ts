/**
 * Indicators (指标) of a plan: unit, category, attribute, self-selected mark, sub-indicators,
 * direction, responsible departments, baseline and targets per due year (interim and final),
 * each target kept both as printed and as parsed.
 *
 * @module Indicator
 */
import * as t from 'io-ts'
import {
  Direction,
  FiniteNumber,
  IndicatorAttribute,
  IsoDate,
  LocalizedText,
  NonEmptyString,
  NonNegativeInt,
  PeriodKey,
  PeriodKind,
  SourceRef,
  TargetExpression,
  TargetRole,
} from '@progress-ledger/core'
import type { ParseTargetOptions } from './TargetGrammar'
import { Transcript } from './Transcript'

/** A target for a due year: as printed (`≥90`) and as parsed. */
export const IndicatorTarget = t.exact(
  t.intersection([
    t.type({ dueYear: NonNegativeInt, role: TargetRole, expression: TargetExpression }),
    t.partial({ printed: t.string, dueDate: IsoDate, source: SourceRef }),
  ]),
  'IndicatorTarget',
)
/** A target for a due year. */
export type IndicatorTarget = t.TypeOf<typeof IndicatorTarget>

/** The baseline (基期值) progress is measured from. */
export const Baseline = t.exact(
  t.intersection([
    t.type({ period: PeriodKey, value: FiniteNumber }),
    t.partial({ illustrative: t.boolean, source: SourceRef }),
  ]),
  'Baseline',
)
/** The baseline progress is measured from. */
export type Baseline = t.TypeOf<typeof Baseline>

/** An indicator of a plan. `departments` are department ids; `parent` makes it a sub-indicator. */
export const Indicator = t.exact(
  t.intersection([
    t.type({
      id: NonEmptyString,
      name: LocalizedText,
      unit: t.string,
      category: NonEmptyString,
      attribute: IndicatorAttribute,
      selfSelected: t.boolean,
      departments: t.readonlyArray(NonEmptyString),
      direction: Direction,
      periodicity: PeriodKind,
      targets: t.readonlyArray(IndicatorTarget),
    }),
    t.partial({
      number: t.string,
      unitEn: t.string,
      parent: NonEmptyString,
      baseline: Baseline,
      source: SourceRef,
      transcript: Transcript,
    }),
  ]),
  'Indicator',
)
/** An indicator of a plan. */
export type Indicator = t.TypeOf<typeof Indicator>

/**
 * The id of an indicator's target for a due year (one target per indicator and year).
 *
 * @example
 * import { targetId } from '@progress-ledger/plan'
 * targetId('I01', 2025) // 'I01-2025'
 */
export function targetId(indicatorId: string, dueYear: number): string {
  return `${indicatorId}-${dueYear}`
}

function numberOf(e: TargetExpression | undefined): number | undefined {
  if (e === undefined) return undefined
  if (e.kind === 'level' || e.kind === 'comparison') return e.value
  return undefined
}

/**
 * The options a target of an indicator is parsed with: the baseline, and the other role's
 * number (the interim target when parsing the final one, the final when parsing an interim).
 * A stored target's expression must equal `parseTarget(printed, targetParseOptions(…))`.
 *
 * @example
 * import { targetParseOptions } from '@progress-ledger/plan'
 * const lvl = (value: number) => ({ kind: 'level', value, direction: 'lower', inferred: true }) as const
 * targetParseOptions({ targets: [{ dueYear: 2022, role: 'interim', expression: lvl(25.7) }, { dueYear: 2025, role: 'final', expression: lvl(24.6) }], unit: '%' }, 'final') // { interim: 25.7, unit: '%' }
 */
export function targetParseOptions(
  indicator: Pick<Indicator, 'targets'> & { readonly baseline?: Baseline; readonly unit?: string },
  role: TargetRole,
): ParseTargetOptions {
  const others = indicator.targets.filter((x) => x.role !== role)
  const other = [...others].sort((a, b) => b.dueYear - a.dueYear)[0]?.expression
  const n = numberOf(other)
  const base = indicator.baseline?.value
  return {
    ...(base === undefined ? {} : { baseline: base }),
    ...(n === undefined ? {} : role === 'final' ? { interim: n } : { final: n }),
    ...(indicator.unit === undefined ? {} : { unit: indicator.unit }),
  }
}
