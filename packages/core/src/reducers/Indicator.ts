/**
 * Reducers of an indicator's definition, baseline and targets (set, revised, quota assigned).
 *
 * @module reducers/Indicator
 */
import { ChunkList } from '../ChunkList'
import type { RecordedOf } from '../Envelope'
import type { Draft } from '../internal/LedgerDraft'
import type { PeriodValue, TargetVersion } from '../State'
import type { Reducers } from './Reducers'
import { responsibilityOf } from './Responsibility'

function missing(
  d: Draft,
  e: RecordedOf<'BaselineSet' | 'TargetSet' | 'TargetRevised' | 'QuotaAssigned'>,
): void {
  d.unattached(e, `indicator ${JSON.stringify(e.data.indicatorId)} is not defined`)
}

/** Appends a new version to an existing target of an existing indicator. */
function revise(
  d: Draft,
  e: RecordedOf<'TargetRevised' | 'QuotaAssigned'>,
  fields: (
    previous: TargetVersion,
  ) => Pick<TargetVersion, 'cause' | 'dueYear' | 'dueDate' | 'reason' | 'assignedBy'>,
): void {
  const data = e.data
  const ind = d.indicators.edit(data.indicatorId)
  if (ind === undefined) return missing(d, e)
  const target = ind.entry('targets', data.targetId)
  const previous = target?.value.history[target.value.history.length - 1]
  if (target === undefined || previous === undefined)
    return d.unattached(
      e,
      `target ${JSON.stringify(data.targetId)} of indicator ${JSON.stringify(data.indicatorId)} is not set`,
    )
  const f = fields(previous)
  target.push('history', {
    eventId: e.id,
    position: e.position,
    validTime: e.validTime,
    recordedTime: e.recordedTime,
    actor: e.actor,
    cause: f.cause,
    expression: data.expression,
    printed: data.printed ?? null,
    dueYear: f.dueYear,
    dueDate: f.dueDate,
    reason: f.reason,
    assignedBy: f.assignedBy,
  })
}

/** Definitions, baselines and targets. */
export const indicatorReducers: Reducers<
  'IndicatorDefined' | 'BaselineSet' | 'TargetSet' | 'TargetRevised' | 'QuotaAssigned'
> = {
  IndicatorDefined(d, e) {
    const data = e.data
    const version = {
      eventId: e.id,
      position: e.position,
      validTime: e.validTime,
      recordedTime: e.recordedTime,
      actor: e.actor,
      definition: data,
    }
    const existing = d.indicators.edit(data.indicatorId)
    if (existing !== undefined) return existing.push('definitions', version)
    d.indicators.put(data.indicatorId, {
      indicatorId: data.indicatorId,
      definitions: [version],
      baselines: [],
      targets: {},
      values: ChunkList.empty<PeriodValue>(),
      responsibility: [responsibilityOf(e, data.departments, null)],
    })
  },
  BaselineSet(d, e) {
    const ind = d.indicators.edit(e.data.indicatorId)
    if (ind === undefined) return missing(d, e)
    ind.push('baselines', {
      eventId: e.id,
      position: e.position,
      validTime: e.validTime,
      recordedTime: e.recordedTime,
      actor: e.actor,
      period: e.data.period,
      value: e.data.value,
      illustrative: e.data.illustrative ?? false,
    })
  },
  TargetSet(d, e) {
    const data = e.data
    const ind = d.indicators.edit(data.indicatorId)
    if (ind === undefined) return missing(d, e)
    const version: TargetVersion = {
      eventId: e.id,
      position: e.position,
      validTime: e.validTime,
      recordedTime: e.recordedTime,
      actor: e.actor,
      cause: 'set',
      expression: data.expression,
      printed: data.printed ?? null,
      dueYear: data.dueYear,
      dueDate: data.dueDate ?? null,
      reason: null,
      assignedBy: null,
    }
    const target = ind.entry('targets', data.targetId)
    if (target !== undefined) return target.push('history', version)
    ind.create('targets', data.targetId, {
      targetId: data.targetId,
      role: data.role,
      history: [version],
    })
  },
  TargetRevised(d, e) {
    revise(d, e, (previous) => ({
      cause: 'revised',
      dueYear: e.data.dueYear ?? previous.dueYear,
      dueDate: e.data.dueDate ?? previous.dueDate,
      reason: e.data.reason,
      assignedBy: null,
    }))
  },
  QuotaAssigned(d, e) {
    revise(d, e, (previous) => ({
      cause: 'quota',
      dueYear: previous.dueYear,
      dueDate: previous.dueDate,
      reason: null,
      assignedBy: e.data.assignedBy,
    }))
  },
}
