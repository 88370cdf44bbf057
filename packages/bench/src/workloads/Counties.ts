/**
 * Workload (b): the Shengzhou plan scaled to N counties. Each county adopts the plan with its 7
 * categories, defines the 68 indicators of 表1 with a baseline and their 2022 and 2025 targets,
 * defines the 65 key tasks and reforms, then reports every indicator monthly for five years
 * (2021–2025) and every task's status yearly. Values are illustrative (generated), not official
 * statistics. Appends go in one batch per county and month (one request per stream).
 *
 * @module workloads/Counties
 */
import type {
  AppendRequest,
  EventInput,
  IsoDate,
  PeriodKey,
  TargetExpression,
} from '@progress-ledger/core'
import { uuidSource, type IdSource } from './Uuid'
import { loadSeeds, type SeedDepartment } from './Seeds'

/** Events per county: 1 plan + 7 categories + 68 × (definition, baseline, its targets, 60 months) + 65 × (task, 5 statuses). */
export function countyEventCount(): number {
  const s = loadSeeds()
  const targets = s.indicators.reduce((n, ind) => n + ind.targets.length, 0)
  return 1 + s.categories.length + s.indicators.length * (2 + 60) + targets + s.tasks.length * 6
}

/** A target as printed in 表1, turned into an expression (a small subset of the plan grammar). */
export function expressionOf(printed: string): TargetExpression {
  const cmp = /^\s*(≥|>|≤|<)\s*([\d.]+)\s*$/.exec(printed)
  if (cmp !== null) {
    const op = ({ '≥': 'ge', '>': 'gt', '≤': 'le', '<': 'lt' } as const)[cmp[1] as '≥']
    return { kind: 'comparison', op, value: Number(cmp[2]), wording: 'symbol' }
  }
  const above = /^([\d.]+)以上$/.exec(printed)
  if (above !== null)
    return { kind: 'comparison', op: 'ge', value: Number(above[1]), wording: '以上' }
  if (/^[\d.]+$/.test(printed))
    return { kind: 'level', value: Number(printed), direction: 'higher', inferred: true }
  if (printed.includes('稳定')) return { kind: 'stable' }
  if (printed.includes('合理区间')) return { kind: 'reasonable-range' }
  if (printed.includes('上级')) return { kind: 'quota' }
  return {
    kind: 'trend',
    direction: printed.includes('下降') ? 'fall' : 'rise',
    pace: printed.startsWith('逐年') ? 'yearly' : printed.startsWith('逐步') ? 'gradual' : 'steady',
  }
}

function departmentIds(
  printed: ReadonlyArray<string>,
  departments: ReadonlyArray<SeedDepartment>,
): string[] {
  const ids = printed.map(
    (p) => departments.find((d) => d.name === p || d.aliases.includes(p))?.id ?? 'other',
  )
  return ids.length === 0 ? ['other'] : ids
}

const pad2 = (n: number): string => String(n).padStart(2, '0')

function monthEnd(year: number, month: number): IsoDate {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10) as IsoDate
}

/** The seed of the plan workload's event ids. */
export const COUNTIES_SEED = 2

/** The id of county `c` (its plan is `sz-` and this id, its indicators this id, `-` and 表1's id). */
export function countyId(c: number): string {
  return `c${String(c).padStart(4, '0')}`
}

/**
 * The workload for `counties` counties, as append batches in chronological order. Event ids are
 * UUIDs drawn from `ids`; entity ids are codes (`sz-c0000`, `c0000-I01`, `c0000-T01`).
 */
export function countyBatches(
  counties: number,
  ids: IdSource = uuidSource(COUNTIES_SEED),
): AppendRequest[][] {
  const seeds = loadSeeds()
  const batches: AppendRequest[][] = []
  const adopted = '2021-08-10' as IsoDate
  for (let c = 0; c < counties; c++) {
    const cid = countyId(c)
    const planId = `sz-${cid}`
    const ev = (rest: Omit<EventInput, 'id' | 'actor'>, actor = 'plan-office'): EventInput =>
      ({ id: ids(), actor, ...rest }) as EventInput
    const plan: EventInput[] = [
      ev({
        type: 'PlanAdopted',
        validTime: adopted,
        data: {
          planId,
          name: { zh: `共同富裕行动方案 ${cid}` },
          adoptedOn: adopted,
          baseYear: 2020,
          startYear: 2021,
          endYear: 2025,
        },
      }),
      ...seeds.categories.map((cat, i) =>
        ev({
          type: 'CategoryDefined',
          validTime: adopted,
          data: { planId, categoryId: cat.id, name: cat.name, order: i + 1 },
        }),
      ),
    ]
    const setup: AppendRequest[] = [
      { streamId: `plan-${planId}`, events: plan, expectedVersion: 'no-stream' },
    ]
    for (const ind of seeds.indicators) {
      const indicatorId = `${cid}-${ind.id}`
      const events: EventInput[] = [
        ev({
          type: 'IndicatorDefined',
          validTime: adopted,
          data: {
            planId,
            indicatorId,
            name: ind.name,
            unit: ind.unit,
            categoryId: ind.category,
            attribute: ind.attribute ?? 'observation',
            selfSelected: ind.selfSelected,
            departments: departmentIds(ind.departmentsPrinted, seeds.departments),
            direction: 'higher',
            periodicity: 'month',
          },
        }),
        ev({
          type: 'BaselineSet',
          validTime: '2020-12-31' as IsoDate,
          data: { indicatorId, period: '2020' as PeriodKey, value: 50, illustrative: true },
        }),
        ...ind.targets.map((tg) =>
          ev({
            type: 'TargetSet',
            validTime: adopted,
            data: {
              indicatorId,
              targetId: `${indicatorId}-${tg.year}`,
              dueYear: tg.year,
              role: tg.year === 2025 ? 'final' : 'interim',
              expression: expressionOf(tg.printed),
              printed: tg.printed,
            },
          }),
        ),
      ]
      setup.push({ streamId: `indicator-${indicatorId}`, events, expectedVersion: 'no-stream' })
    }
    for (const task of seeds.tasks) {
      const taskId = `${cid}-${task.id}`
      setup.push({
        streamId: `task-${taskId}`,
        expectedVersion: 'no-stream',
        events: [
          ev({
            type: 'TaskDefined',
            validTime: adopted,
            data: {
              planId,
              taskId,
              kind: task.id.startsWith('R') ? 'reform' : 'key-task',
              name: task.name,
              departments: departmentIds(task.unitsPrinted, seeds.departments),
            },
          }),
        ],
      })
    }
    batches.push(setup)
  }
  // Monthly reporting rounds: every county reports every indicator; tasks yearly in December.
  for (let year = 2021; year <= 2025; year++) {
    for (let month = 1; month <= 12; month++) {
      const period = `${year}-${pad2(month)}` as PeriodKey
      const validTime = monthEnd(year, month)
      const k = (year - 2021) * 12 + month - 1
      for (let c = 0; c < counties; c++) {
        const cid = countyId(c)
        const batch: AppendRequest[] = seeds.indicators.map((ind, i) => ({
          streamId: `indicator-${cid}-${ind.id}`,
          expectedVersion: 2 + ind.targets.length + k,
          events: [
            {
              id: ids(),
              type: 'ValueReported',
              validTime,
              actor: 'tjj',
              data: {
                indicatorId: `${cid}-${ind.id}`,
                period,
                value: 40 + ((i * 7 + k * 3 + c) % 50) + k / 10,
                status: 'final',
                illustrative: true,
              },
            },
          ],
        }))
        if (month === 12) {
          for (const task of seeds.tasks) {
            batch.push({
              streamId: `task-${cid}-${task.id}`,
              expectedVersion: year - 2020,
              events: [
                {
                  id: ids(),
                  type: 'TaskStatusReported',
                  validTime,
                  actor: 'plan-office',
                  data: {
                    taskId: `${cid}-${task.id}`,
                    status: year === 2025 ? 'completed' : 'in-progress',
                    progress: (year - 2020) * 20,
                  },
                },
              ],
            })
          }
        }
        batches.push(batch)
      }
    }
  }
  return batches
}
