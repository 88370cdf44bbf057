/**
 * Events about key tasks, reforms and action items: defined, status reported.
 *
 * @module events/Task
 */
import * as t from 'io-ts'
import { EntityId, FiniteNumber, Label, LocalizedText, SourceRef, Text } from '../Scalars'

/** 重点任务 key task, 重大改革 major reform, or a numbered action item of the plan's prose. */
export const TaskKind = t.keyof({ 'key-task': null, reform: null, 'action-item': null }, 'TaskKind')
/** The kind of a task. */
export type TaskKind = t.TypeOf<typeof TaskKind>

/** Where a task stands. */
export const TaskStatus = t.keyof(
  { 'not-started': null, 'in-progress': null, completed: null, delayed: null, suspended: null },
  'TaskStatus',
)
/** Where a task stands. */
export type TaskStatus = t.TypeOf<typeof TaskStatus>

/** A task was defined within a plan, with its responsible departments. */
export const TaskDefined = t.exact(
  t.intersection([
    t.type({
      planId: EntityId,
      taskId: EntityId,
      kind: TaskKind,
      name: LocalizedText,
      departments: t.readonlyArray(EntityId),
    }),
    t.partial({ number: Label, section: Label, summary: Text, source: SourceRef }),
  ]),
  'TaskDefined',
)

/** A task's status was reported, optionally with a completion share in percent. */
export const TaskStatusReported = t.exact(
  t.intersection([
    t.type({ taskId: EntityId, status: TaskStatus }),
    t.partial({ progress: FiniteNumber, note: Text }),
  ]),
  'TaskStatusReported',
)
