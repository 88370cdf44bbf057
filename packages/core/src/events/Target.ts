/**
 * Events about targets: set for a due year, revised (superseding, never erasing), and quotas
 * assigned by a higher level for targets printed as 完成上级下达任务.
 *
 * @module events/Target
 */
import * as t from 'io-ts'
import { EntityId, IsoDate, Label, Name, NonEmptyString, SourceRef, Year } from '../Scalars'
import { TargetExpression } from '../TargetExpression'

/** An interim target (e.g. 2022) or the plan's final target (e.g. 2025). */
export const TargetRole = t.keyof({ interim: null, final: null }, 'TargetRole')
/** Interim or final. */
export type TargetRole = t.TypeOf<typeof TargetRole>

/** A target was set for an indicator, due at the end of a year (or on a given date). */
export const TargetSet = t.exact(
  t.intersection([
    t.type({
      indicatorId: EntityId,
      targetId: EntityId,
      dueYear: Year,
      role: TargetRole,
      expression: TargetExpression,
    }),
    t.partial({ dueDate: IsoDate, printed: Label, source: SourceRef }),
  ]),
  'TargetSet',
)

/** A target was revised; the earlier version stays in the target's history. A reason is required. */
export const TargetRevised = t.exact(
  t.intersection([
    t.type({
      indicatorId: EntityId,
      targetId: EntityId,
      expression: TargetExpression,
      reason: NonEmptyString,
    }),
    t.partial({ printed: Label, dueYear: Year, dueDate: IsoDate, document: Label }),
  ]),
  'TargetRevised',
)

/** The higher level assigned the quota for a target pending as 完成上级下达任务. */
export const QuotaAssigned = t.exact(
  t.intersection([
    t.type({
      indicatorId: EntityId,
      targetId: EntityId,
      expression: TargetExpression,
      assignedBy: Name,
    }),
    t.partial({ printed: Label, document: Label }),
  ]),
  'QuotaAssigned',
)
