/**
 * Events that define an indicator and its baseline.
 *
 * @module events/Indicator
 */
import * as t from 'io-ts'
import { PeriodKey, PeriodKind } from '../Period'
import { EntityId, FiniteNumber, Label, LocalizedText, SourceRef } from '../Scalars'
import { Direction } from '../TargetExpression'

/** 评价指标 (graded against its target) or 观察指标 (reported and trended, not graded). */
export const IndicatorAttribute = t.keyof(
  { evaluation: null, observation: null },
  'IndicatorAttribute',
)
/** Evaluation or observation. */
export type IndicatorAttribute = t.TypeOf<typeof IndicatorAttribute>

/**
 * An indicator (指标) was defined or redefined: unit, category, attribute, self-selected mark
 * (自选指标), parent indicator, responsible departments, direction and reporting periodicity.
 */
export const IndicatorDefined = t.exact(
  t.intersection([
    t.type({
      planId: EntityId,
      indicatorId: EntityId,
      name: LocalizedText,
      unit: Label,
      categoryId: EntityId,
      attribute: IndicatorAttribute,
      selfSelected: t.boolean,
      departments: t.readonlyArray(EntityId),
      direction: Direction,
      periodicity: PeriodKind,
    }),
    t.partial({ number: Label, unitEn: Label, parentId: EntityId, source: SourceRef }),
  ]),
  'IndicatorDefined',
)

/** The baseline (基期值) an indicator's progress is measured from. */
export const BaselineSet = t.exact(
  t.intersection([
    t.type({ indicatorId: EntityId, period: PeriodKey, value: FiniteNumber }),
    t.partial({ illustrative: t.boolean, source: SourceRef }),
  ]),
  'BaselineSet',
)
