/**
 * Turns a plan into the core's events, grouped per stream with core's `streams.*` names. Event
 * ids are derived from the record ids (no randomness), so importing the same plan twice is an
 * idempotent retry. Valid times: the adoption date for definitions and targets, the end of the
 * baseline period for a baseline, the forecast's day for a forecast.
 *
 * @module PlanEvents
 */
import {
  type AppendRequest,
  type EventInput,
  type ExpectedVersion,
  type IsoDate,
  periodEnd,
  streams,
} from '@progress-ledger/core'
import { targetId } from './Indicator'
import type { Plan } from './Plan'

/** The events of one stream, in order. */
export interface StreamEvents {
  readonly streamId: string
  readonly events: ReadonlyArray<EventInput>
}

/** Options of {@link planToEvents}. */
export interface PlanToEventsOptions {
  /** The actor recorded on every event (e.g. `plan-office`). */
  readonly recordedBy: string
  /** Prefix of every event id; defaults to `<planId>/`. */
  readonly idPrefix?: string
}

/**
 * The events of a plan, grouped per stream: the plan stream (adoption, categories), then one
 * stream per department, indicator, task and project, in the plan's order.
 *
 * @example
 * import { isoDate } from '@progress-ledger/core'
 * import { planToEvents } from '@progress-ledger/plan'
 * const groups = planToEvents({ id: 'p', name: { zh: '方案' }, adoptedOn: isoDate('2021-08-10'), baseYear: 2020, startYear: 2021,
 *   endYear: 2025, categories: [], departments: [], indicators: [], tasks: [], projects: [] }, { recordedBy: 'plan-office' })
 * groups[0].streamId // 'plan-p'
 * groups[0].events[0].id // 'p/adopted'
 */
export function planToEvents(
  plan: Plan,
  options: PlanToEventsOptions,
): ReadonlyArray<StreamEvents> {
  const prefix = options.idPrefix ?? `${plan.id}/`
  const actor = options.recordedBy
  const on = plan.adoptedOn
  const ev = <E extends EventInput>(
    e: Omit<E, 'actor' | 'validTime'> & { validTime?: IsoDate },
  ): EventInput => ({ validTime: on, actor, ...e, id: `${prefix}${e.id}` }) as EventInput
  const groups: StreamEvents[] = []

  groups.push({
    streamId: streams.plan(plan.id),
    events: [
      ev({
        id: 'adopted',
        type: 'PlanAdopted',
        data: {
          planId: plan.id,
          name: plan.name,
          adoptedOn: plan.adoptedOn,
          baseYear: plan.baseYear,
          startYear: plan.startYear,
          endYear: plan.endYear,
          ...(plan.issuer === undefined ? {} : { issuer: plan.issuer }),
          ...(plan.source === undefined ? {} : { source: plan.source }),
        },
      }),
      ...plan.categories.map((c, order) =>
        ev({
          id: `category/${c.id}`,
          type: 'CategoryDefined',
          data: { planId: plan.id, categoryId: c.id, name: c.name, order },
        }),
      ),
    ],
  })

  for (const d of plan.departments) {
    groups.push({
      streamId: streams.department(d.id),
      events: [
        ev({
          id: `department/${d.id}`,
          type: 'DepartmentRegistered',
          data: {
            departmentId: d.id,
            name: d.name,
            aliases: d.aliases,
            ...(d.note === undefined ? {} : { note: d.note }),
          },
        }),
      ],
    })
  }

  for (const ind of plan.indicators) {
    const events: EventInput[] = [
      ev({
        id: `indicator/${ind.id}/defined`,
        type: 'IndicatorDefined',
        data: {
          planId: plan.id,
          indicatorId: ind.id,
          name: ind.name,
          unit: ind.unit,
          categoryId: ind.category,
          attribute: ind.attribute,
          selfSelected: ind.selfSelected,
          departments: ind.departments,
          direction: ind.direction,
          periodicity: ind.periodicity,
          ...(ind.number === undefined ? {} : { number: ind.number }),
          ...(ind.unitEn === undefined ? {} : { unitEn: ind.unitEn }),
          ...(ind.parent === undefined ? {} : { parentId: ind.parent }),
          ...(ind.source === undefined ? {} : { source: ind.source }),
        },
      }),
    ]
    const b = ind.baseline
    if (b !== undefined) {
      events.push(
        ev({
          id: `indicator/${ind.id}/baseline`,
          type: 'BaselineSet',
          validTime: periodEnd(b.period),
          data: { indicatorId: ind.id, ...b },
        }),
      )
    }
    for (const x of ind.targets) {
      const { dueYear, role, expression, ...rest } = x
      events.push(
        ev({
          id: `indicator/${ind.id}/target/${dueYear}`,
          type: 'TargetSet',
          data: {
            indicatorId: ind.id,
            targetId: targetId(ind.id, dueYear),
            dueYear,
            role,
            expression,
            ...rest,
          },
        }),
      )
    }
    groups.push({ streamId: streams.indicator(ind.id), events })
  }

  for (const task of plan.tasks) {
    const { id, kind, name, departments, number, section, summary, source, status } = task
    const events: EventInput[] = [
      ev({
        id: `task/${id}/defined`,
        type: 'TaskDefined',
        data: {
          planId: plan.id,
          taskId: id,
          kind,
          name,
          departments,
          ...(number === undefined ? {} : { number }),
          ...(section === undefined ? {} : { section }),
          ...(summary === undefined ? {} : { summary }),
          ...(source === undefined ? {} : { source }),
        },
      }),
    ]
    if (status !== undefined)
      events.push(
        ev({ id: `task/${id}/status`, type: 'TaskStatusReported', data: { taskId: id, status } }),
      )
    groups.push({ streamId: streams.task(id), events })
  }

  for (const project of plan.projects) {
    const { id, kind, name, departments, facts, number, section, source } = project
    const events: EventInput[] = [
      ev({
        id: `project/${id}/defined`,
        type: 'ProjectDefined',
        data: {
          projectId: id,
          kind,
          name,
          departments,
          facts,
          planId: plan.id,
          ...(number === undefined ? {} : { number }),
          ...(section === undefined ? {} : { section }),
          ...(source === undefined ? {} : { source }),
        },
      }),
    ]
    for (const m of project.milestones) {
      events.push(
        ev({
          id: `project/${id}/milestone/${m.id}/planned`,
          type: 'MilestonePlanned',
          data: {
            projectId: id,
            milestoneId: m.id,
            title: m.title,
            kind: m.kind,
            planned: m.planned,
            ...(m.source === undefined ? {} : { source: m.source }),
          },
        }),
      )
      ;(m.forecasts ?? []).forEach((f, k) => {
        events.push(
          ev({
            id: `project/${id}/milestone/${m.id}/forecast/${k + 1}`,
            type: 'MilestoneForecastMoved',
            validTime: f.on,
            data: {
              projectId: id,
              milestoneId: m.id,
              forecast: f.forecast,
              ...(f.reason === undefined ? {} : { reason: f.reason }),
            },
          }),
        )
      })
    }
    groups.push({ streamId: streams.project(id), events })
  }
  return groups
}

/**
 * Append requests for the groups (one per stream), e.g. for `store.appendBatch`.
 *
 * @example
 * import { toAppendRequests } from '@progress-ledger/plan'
 * toAppendRequests([{ streamId: 'plan-p', events: [] }]) // [{ streamId: 'plan-p', events: [], expectedVersion: 'any' }]
 */
export function toAppendRequests(
  groups: ReadonlyArray<StreamEvents>,
  expectedVersion: ExpectedVersion = 'any',
): ReadonlyArray<AppendRequest> {
  return groups.map((g) => ({ streamId: g.streamId, events: g.events, expectedVersion }))
}
