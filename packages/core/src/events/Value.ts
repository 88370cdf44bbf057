/**
 * Events about reported values: reported for a period, corrected, retracted, approved or
 * returned. A correction names the event it corrects; nothing is ever overwritten.
 *
 * @module events/Value
 */
import * as t from 'io-ts'
import { PeriodKey } from '../Period'
import { EntityId, FiniteNumber, Label, NonEmptyString, SourceRef } from '../Scalars'

/** A preliminary figure (初步数) or a final one (最终核实数). */
export const ValueStatus = t.keyof({ preliminary: null, final: null }, 'ValueStatus')
/** Preliminary or final. */
export type ValueStatus = t.TypeOf<typeof ValueStatus>

const ValueQualifiers = t.partial({
  unit: Label,
  source: SourceRef,
  illustrative: t.boolean,
  outlier: NonEmptyString,
  submitted: t.boolean,
})

/**
 * A value was reported for a period. `illustrative` marks figures that are not official
 * statistics; `outlier` carries the reporter's explanation for an implausible figure; `submitted`
 * means the figure awaits approval.
 */
export const ValueReported = t.exact(
  t.intersection([
    t.type({
      indicatorId: EntityId,
      period: PeriodKey,
      value: FiniteNumber,
      status: ValueStatus,
    }),
    ValueQualifiers,
  ]),
  'ValueReported',
)

/** A reported value was corrected; `corrects` is the id of the event whose figure it replaces. */
export const ValueCorrected = t.exact(
  t.intersection([
    t.type({
      indicatorId: EntityId,
      period: PeriodKey,
      value: FiniteNumber,
      status: ValueStatus,
      corrects: EntityId,
      reason: NonEmptyString,
    }),
    ValueQualifiers,
  ]),
  'ValueCorrected',
)

/** A reported value was withdrawn; the period has no value until one is reported again. */
export const ValueRetracted = t.strict(
  {
    indicatorId: EntityId,
    period: PeriodKey,
    retracts: EntityId,
    reason: NonEmptyString,
  },
  'ValueRetracted',
)

/** A submitted value was approved; from now on it changes only through a correction. */
export const ValueApproved = t.strict(
  { indicatorId: EntityId, period: PeriodKey, approves: EntityId },
  'ValueApproved',
)

/** A submitted value was returned to its reporter with a reason. */
export const ValueReturned = t.strict(
  {
    indicatorId: EntityId,
    period: PeriodKey,
    returns: EntityId,
    reason: NonEmptyString,
  },
  'ValueReturned',
)
