/**
 * Commands about reported values: report (optionally submitted for approval), correct, retract,
 * approve, return. A value's valid time is always its period's last day.
 *
 * @module commands/Values
 */
import * as t from 'io-ts'
import { EntityId, Label, PeriodKey, SourceRef, Text, ValueStatus } from '@progress-ledger/core'

const ValueOptions = t.partial({
  id: EntityId,
  unit: Label,
  factor: t.number,
  outlier: Text,
  illustrative: t.boolean,
  submitted: t.boolean,
  source: SourceRef,
})

/**
 * Report a value for a period. `unit` + `factor` convert a figure given in another unit
 * (`value × factor` in the indicator's unit); `outlier` explains an implausible figure;
 * `submitted: true` puts it up for approval. `ifChanged: true` records nothing when the value in
 * force for the period is this figure already (same value in the indicator's unit, same status,
 * and the same note, outlier reason and illustrative flag where the command gives them), as
 * decided against the ledger the command is appended to: a table or file sent again records only
 * what changed, however many senders race.
 */
export const ReportValue = t.exact(
  t.intersection([
    t.type({
      type: t.literal('ReportValue'),
      indicatorId: EntityId,
      period: PeriodKey,
      value: t.number,
      status: ValueStatus,
    }),
    ValueOptions,
    t.partial({ ifChanged: t.boolean }),
  ]),
  'ReportValue',
)

/** Correct the value in force for a period: `corrects` names its event id; a reason is required. */
export const CorrectValue = t.exact(
  t.intersection([
    t.type({
      type: t.literal('CorrectValue'),
      indicatorId: EntityId,
      period: PeriodKey,
      value: t.number,
      status: ValueStatus,
      corrects: EntityId,
    }),
    t.partial({ reason: Text }),
    ValueOptions,
  ]),
  'CorrectValue',
)

/** Retract the value in force for a period: `retracts` names its event id; a reason is required. */
export const RetractValue = t.exact(
  t.intersection([
    t.type({
      type: t.literal('RetractValue'),
      indicatorId: EntityId,
      period: PeriodKey,
      retracts: EntityId,
    }),
    t.partial({ id: EntityId, reason: Text }),
  ]),
  'RetractValue',
)

/** Approve the submitted value in force for a period (`approves` names its event id). */
export const ApproveValue = t.exact(
  t.intersection([
    t.type({
      type: t.literal('ApproveValue'),
      indicatorId: EntityId,
      period: PeriodKey,
      approves: EntityId,
    }),
    t.partial({ id: EntityId }),
  ]),
  'ApproveValue',
)

/** Return the submitted value in force for a period to its reporter, with a reason. */
export const ReturnValue = t.exact(
  t.intersection([
    t.type({
      type: t.literal('ReturnValue'),
      indicatorId: EntityId,
      period: PeriodKey,
      returns: EntityId,
    }),
    t.partial({ id: EntityId, reason: Text }),
  ]),
  'ReturnValue',
)
