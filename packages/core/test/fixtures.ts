// Shared fixtures for core's tests: a small slice of the Shengzhou plan as event inputs.
import { type EventInput, type RecordedEvent, validateInput } from '../src/Envelope'
import { sealWrites } from '../src/Batch'
import type { Instant, IsoDate } from '../src/Scalars'
import type { PeriodKey } from '../src/Period'

export const d = (s: string): IsoDate => s as IsoDate
export const p = (s: string): PeriodKey => s as PeriodKey

export const planAdopted: EventInput = {
  id: 'plan-adopted',
  type: 'PlanAdopted',
  validTime: d('2021-08-10'),
  actor: 'plan-office',
  data: {
    planId: 'sz',
    name: { zh: '嵊州共同富裕行动方案', en: 'Shengzhou common prosperity plan' },
    adoptedOn: d('2021-08-10'),
    baseYear: 2020,
    startYear: 2021,
    endYear: 2025,
  },
}

export const gdpDefined: EventInput = {
  id: 'I01-defined',
  type: 'IndicatorDefined',
  validTime: d('2021-08-10'),
  actor: 'plan-office',
  data: {
    planId: 'sz',
    indicatorId: 'I01',
    name: { zh: '人均生产总值', en: 'GDP per capita' },
    unit: '万元',
    categoryId: 'economy',
    attribute: 'evaluation',
    selfSelected: false,
    departments: ['fgj'],
    direction: 'higher',
    periodicity: 'year',
  },
}

export const gdpTarget2025: EventInput = {
  id: 'I01-target-2025',
  type: 'TargetSet',
  validTime: d('2021-08-10'),
  actor: 'plan-office',
  data: {
    indicatorId: 'I01',
    targetId: 'I01-2025',
    dueYear: 2025,
    role: 'final',
    printed: '14',
    expression: { kind: 'level', value: 14, direction: 'higher', inferred: true },
  },
}

export function valueReported(
  id: string,
  period: string,
  value: number,
  validTime = `${period}-12-31`,
): EventInput {
  return {
    id,
    type: 'ValueReported',
    validTime: d(validTime),
    actor: 'fgj',
    data: { indicatorId: 'I01', period: p(period), value, status: 'final' },
  }
}

export function valueCorrected(
  id: string,
  period: string,
  value: number,
  corrects: string,
): EventInput {
  return {
    id,
    type: 'ValueCorrected',
    validTime: d(`${period}-12-31`),
    actor: 'tjj',
    data: {
      indicatorId: 'I01',
      period: p(period),
      value,
      status: 'final',
      corrects,
      reason: 'statistical revision',
    },
  }
}

/** Seals inputs into recorded events as a store would, all recorded at `at`, streams by indicator/plan. */
export function seal(
  inputs: ReadonlyArray<EventInput>,
  at = '2021-08-10T00:00:00.000Z',
  from: { position: number; hash: string } = { position: 0, hash: '' },
): RecordedEvent[] {
  const versions = new Map<string, number>()
  let head = { position: from.position, hash: from.hash, recordedTime: null as Instant | null }
  const out: RecordedEvent[] = []
  for (const input of inputs) {
    const data = input.data as {
      indicatorId?: string
      planId?: string
      projectId?: string
      taskId?: string
    }
    const streamId =
      data.indicatorId !== undefined
        ? `indicator-${data.indicatorId}`
        : data.projectId !== undefined
          ? `project-${data.projectId}`
          : data.taskId !== undefined
            ? `task-${data.taskId}`
            : `plan-${data.planId ?? 'x'}`
    const fromVersion = versions.get(streamId) ?? 0
    const checked = validateInput(input)
    if (checked._tag === 'Invalid') throw new Error(checked.issues.map((i) => i.message).join('; '))
    const [e] = sealWrites(
      [{ streamId, fromVersion, events: [checked.event] }],
      head,
      at as Instant,
    ) as [RecordedEvent]
    versions.set(streamId, fromVersion + 1)
    head = { position: e.position, hash: e.hash, recordedTime: e.recordedTime }
    out.push(e)
  }
  return out
}
