/**
 * Reducers of key tasks, reforms and action items: a task defined, its status reported.
 *
 * @module reducers/Task
 */
import type { Reducers } from './Reducers'
import { stampOf } from './Reducers'
import { responsibilityOf } from './Responsibility'

/** Tasks and their statuses. */
export const taskReducers: Reducers<'TaskDefined' | 'TaskStatusReported'> = {
  TaskDefined(d, e) {
    const data = e.data
    const existing = d.tasks.get(data.taskId)
    d.tasks.put(data.taskId, {
      ...stampOf(existing ?? e),
      taskId: data.taskId,
      definition: data,
      statuses: existing?.statuses ?? [],
      responsibility: existing?.responsibility ?? [responsibilityOf(e, data.departments, null)],
    })
  },
  TaskStatusReported(d, e) {
    const task = d.tasks.edit(e.data.taskId)
    if (task === undefined)
      return d.unattached(e, `task ${JSON.stringify(e.data.taskId)} is not defined`)
    task.push('statuses', {
      eventId: e.id,
      position: e.position,
      validTime: e.validTime,
      recordedTime: e.recordedTime,
      actor: e.actor,
      status: e.data.status,
      progress: e.data.progress ?? null,
      note: e.data.note ?? null,
    })
  },
}
