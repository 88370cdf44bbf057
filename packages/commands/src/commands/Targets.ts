/**
 * Commands about targets: set one, revise it with a reason, fill a pending quota
 * (完成上级下达任务) with the figure the higher level assigned.
 *
 * @module commands/Targets
 */
import * as t from 'io-ts'
import {
  IsoDate,
  NonEmptyString,
  NonNegativeInt,
  SourceRef,
  TargetExpression,
  TargetRole,
} from '@progress-ledger/core'

/** Set a target. Valid time defaults to the plan's adoption. */
export const SetTarget = t.exact(
  t.intersection([
    t.type({
      type: t.literal('SetTarget'),
      indicatorId: NonEmptyString,
      targetId: NonEmptyString,
      dueYear: NonNegativeInt,
      role: TargetRole,
      expression: TargetExpression,
    }),
    t.partial({
      id: NonEmptyString,
      validTime: IsoDate,
      dueDate: IsoDate,
      printed: t.string,
      source: SourceRef,
    }),
  ]),
  'SetTarget',
)

/** Revise a target; the reason is required. Valid time (when the revision takes effect) defaults to today. */
export const ReviseTarget = t.exact(
  t.intersection([
    t.type({
      type: t.literal('ReviseTarget'),
      indicatorId: NonEmptyString,
      targetId: NonEmptyString,
      expression: TargetExpression,
    }),
    t.partial({
      id: NonEmptyString,
      validTime: IsoDate,
      reason: t.string,
      printed: t.string,
      dueYear: NonNegativeInt,
      dueDate: IsoDate,
      document: t.string,
    }),
  ]),
  'ReviseTarget',
)

/** Assign the quota of a target set as 完成上级下达任务. Valid time defaults to today. */
export const AssignQuota = t.exact(
  t.intersection([
    t.type({
      type: t.literal('AssignQuota'),
      indicatorId: NonEmptyString,
      targetId: NonEmptyString,
      expression: TargetExpression,
      assignedBy: NonEmptyString,
    }),
    t.partial({ id: NonEmptyString, validTime: IsoDate, printed: t.string, document: t.string }),
  ]),
  'AssignQuota',
)
