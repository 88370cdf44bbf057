/**
 * Commands about progress on the ground: plan a milestone, move its forecast, record it met,
 * report a task's status, and hand responsibility to other departments.
 *
 * @module commands/Progress
 */
import * as t from 'io-ts'
import {
  DateSpec,
  EntityId,
  Fact,
  IsoDate,
  Label,
  LocalizedText,
  Name,
  SourceRef,
  SubjectKind,
  TaskStatus,
  Text,
} from '@progress-ledger/core'

/** Plan (or re-plan) a milestone of a project. Valid time (when the plan was made) defaults to today. */
export const PlanMilestone = t.exact(
  t.intersection([
    t.type({
      type: t.literal('PlanMilestone'),
      projectId: EntityId,
      milestoneId: EntityId,
      title: LocalizedText,
      kind: Name,
      planned: DateSpec,
    }),
    t.partial({ id: EntityId, validTime: IsoDate, source: SourceRef }),
  ]),
  'PlanMilestone',
)

/** Move a planned milestone's forecast date. Valid time (the date of the forecast) defaults to today. */
export const MoveMilestoneForecast = t.exact(
  t.intersection([
    t.type({
      type: t.literal('MoveMilestoneForecast'),
      projectId: EntityId,
      milestoneId: EntityId,
      forecast: DateSpec,
    }),
    t.partial({ id: EntityId, validTime: IsoDate, reason: Text }),
  ]),
  'MoveMilestoneForecast',
)

/**
 * Record a milestone met. Valid time is the latest day the date can mean. A milestone not
 * planned by then needs `unplanned: true`.
 */
export const MeetMilestone = t.exact(
  t.intersection([
    t.type({
      type: t.literal('MeetMilestone'),
      projectId: EntityId,
      milestoneId: EntityId,
      met: DateSpec,
    }),
    t.partial({
      id: EntityId,
      unplanned: t.boolean,
      facts: t.readonlyArray(Fact),
      title: LocalizedText,
      kind: Name,
      scope: Label,
      source: SourceRef,
    }),
  ]),
  'MeetMilestone',
)

/** Report a task's status, optionally with a completion share in percent. Valid time defaults to today. */
export const ReportTaskStatus = t.exact(
  t.intersection([
    t.type({ type: t.literal('ReportTaskStatus'), taskId: EntityId, status: TaskStatus }),
    t.partial({ id: EntityId, validTime: IsoDate, progress: t.number, note: Text }),
  ]),
  'ReportTaskStatus',
)

/**
 * Hand responsibility for an indicator, task or project to other departments from `validTime`
 * on (required): history before then stays attributed to the departments responsible then.
 */
export const ReassignResponsibility = t.exact(
  t.intersection([
    t.type({
      type: t.literal('ReassignResponsibility'),
      subject: SubjectKind,
      subjectId: EntityId,
      departments: t.readonlyArray(EntityId),
      validTime: IsoDate,
    }),
    t.partial({ id: EntityId, reason: Text }),
  ]),
  'ReassignResponsibility',
)
