/**
 * Commands about targets: set one, revise it with a reason, fill a pending quota
 * (完成上级下达任务) with the figure the higher level assigned.
 *
 * @module commands/Targets
 */
import * as t from 'io-ts'
import {
  EntityId,
  IsoDate,
  Label,
  Name,
  SourceRef,
  TargetExpression,
  TargetRole,
  Text,
  Year,
} from '@progress-ledger/core'

/** Set a target. Valid time defaults to the plan's adoption. */
export const SetTarget = t.exact(
  t.intersection([
    t.type({
      type: t.literal('SetTarget'),
      indicatorId: EntityId,
      targetId: EntityId,
      dueYear: Year,
      role: TargetRole,
      expression: TargetExpression,
    }),
    t.partial({
      id: EntityId,
      validTime: IsoDate,
      dueDate: IsoDate,
      printed: Label,
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
      indicatorId: EntityId,
      targetId: EntityId,
      expression: TargetExpression,
    }),
    t.partial({
      id: EntityId,
      validTime: IsoDate,
      reason: Text,
      printed: Label,
      dueYear: Year,
      dueDate: IsoDate,
      document: Label,
    }),
  ]),
  'ReviseTarget',
)

/** Assign the quota of a target set as 完成上级下达任务. Valid time defaults to today. */
export const AssignQuota = t.exact(
  t.intersection([
    t.type({
      type: t.literal('AssignQuota'),
      indicatorId: EntityId,
      targetId: EntityId,
      expression: TargetExpression,
      assignedBy: Name,
    }),
    t.partial({ id: EntityId, validTime: IsoDate, printed: Label, document: Label }),
  ]),
  'AssignQuota',
)
