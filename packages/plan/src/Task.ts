/**
 * Key tasks (重点任务), major reforms (重大改革) and the numbered action items of a plan's prose,
 * each with its responsible departments and, optionally, a status.
 *
 * @module Task
 */
import * as t from 'io-ts'
import {
  LocalizedText,
  NonEmptyString,
  SourceRef,
  TaskKind,
  TaskStatus,
} from '@progress-ledger/core'
import { Transcript } from './Transcript'

/** A task of a plan. `departments` are department ids. */
export const Task = t.exact(
  t.intersection([
    t.type({
      id: NonEmptyString,
      kind: TaskKind,
      name: LocalizedText,
      departments: t.readonlyArray(NonEmptyString),
    }),
    t.partial({
      number: t.string,
      section: t.string,
      summary: t.string,
      /** The status known when the plan was adopted (reported as of the adoption date). */
      status: TaskStatus,
      source: SourceRef,
      transcript: Transcript,
    }),
  ]),
  'Task',
)
/** A task of a plan. */
export type Task = t.TypeOf<typeof Task>
