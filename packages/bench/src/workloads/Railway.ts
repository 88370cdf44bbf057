/**
 * Workload (c): the railway chronicle (the ~56 milestones of the Hangzhou–Taizhou railway's
 * Shengzhou section) repeated over many projects. Each project is defined, plans every milestone
 * on its chronicle date, moves the forecast of every fourth milestone, and meets every milestone
 * with its facts. One stream per project, appended in blocks of up to 100 events.
 *
 * @module workloads/Railway
 */
import {
  latestDay,
  type AppendRequest,
  type DateSpec,
  type EventInput,
  type IsoDate,
} from '@progress-ledger/core'
import { uuidSource, type IdSource } from './Uuid'
import { loadSeeds, type SeedMilestone } from './Seeds'

function dateSpecOf(m: SeedMilestone): DateSpec {
  return m.precision === 'range' && m.dateEnd !== null && m.dateEnd.length === 10
    ? { date: m.date, precision: 'range', end: m.dateEnd as IsoDate }
    : m.precision === 'range'
      ? { date: m.date.slice(0, 7), precision: 'month' }
      : { date: m.date, precision: m.precision }
}

/** Events per project: 1 definition + 56 planned + 14 forecasts + 56 met. */
export function railwayEventCount(): number {
  const n = loadSeeds().milestones.length
  return 1 + n + Math.ceil(n / 4) + n
}

/** The seed of the railway workload's event ids. */
export const RAILWAY_SEED = 3

/**
 * The workload for `projects` projects, as append requests of up to `blockSize` events. Event ids
 * are UUIDs drawn from `ids`.
 */
export function railwayRequests(
  projects: number,
  blockSize = 100,
  ids: IdSource = uuidSource(RAILWAY_SEED),
): AppendRequest[] {
  const milestones = loadSeeds().milestones
  const requests: AppendRequest[] = []
  for (let p = 0; p < projects; p++) {
    const projectId = `rail-${String(p).padStart(4, '0')}`
    const events: EventInput[] = [
      {
        id: ids(),
        type: 'ProjectDefined',
        validTime: '2016-12-23' as IsoDate,
        actor: 'rail-office',
        data: {
          projectId,
          kind: 'construction',
          name: { zh: `杭台高铁 ${projectId}` },
          departments: ['fgj'],
          facts: [{ key: 'lineLengthKm', value: 267, unit: 'km' }],
        },
      },
    ]
    for (const m of milestones) {
      events.push({
        id: ids(),
        type: 'MilestonePlanned',
        validTime: '2016-12-23' as IsoDate,
        actor: 'rail-office',
        data: {
          projectId,
          milestoneId: m.id,
          title: m.title,
          kind: m.kind,
          planned: dateSpecOf(m),
        },
      })
    }
    milestones.forEach((m, i) => {
      if (i % 4 !== 0) return
      events.push({
        id: ids(),
        type: 'MilestoneForecastMoved',
        validTime: '2017-06-30' as IsoDate,
        actor: 'rail-office',
        data: { projectId, milestoneId: m.id, forecast: dateSpecOf(m), reason: 'quarterly review' },
      })
    })
    for (const m of milestones) {
      const met = dateSpecOf(m)
      events.push({
        id: ids(),
        type: 'MilestoneMet',
        validTime: latestDay(met),
        actor: 'rail-office',
        data: {
          projectId,
          milestoneId: m.id,
          met,
          unplanned: false,
          facts: m.facts.map((f) => ({
            key: f.key,
            value: f.value,
            ...(f.unit === undefined ? {} : { unit: f.unit }),
          })),
          scope: m.scope,
        },
      })
    }
    for (let at = 0; at < events.length; at += blockSize) {
      requests.push({
        streamId: `project-${projectId}`,
        events: events.slice(at, at + blockSize),
        expectedVersion: at,
      })
    }
  }
  return requests
}
