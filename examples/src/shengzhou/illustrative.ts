// The ILLUSTRATIVE history of the Shengzhou plan, 2020–2025: baselines, yearly values, a few
// corrections, quotas, a target revision and task statuses. The seed document gives targets but
// no yearly figures, so every number here is invented by the documented rules below and marked
// `illustrative: true` — they are not official statistics.
//
// Rules (deterministic, no randomness), chosen so that every series is one a reader finds
// plausible:
// - numeric targets: the 2020 baseline lies on the straight line through the 2022 and 2025
//   targets (baseline = T2022 − 2 × (T2025 − T2022) / 3); equal targets start just short of the
//   level to hold and close the gap;
// - qualitative targets (稳步提升, 逐年下降, …) start from the plausible 2020 levels in BASELINES;
// - each indicator gets a story from a hash of its id (`storyOf`): ahead (1.25 yearly steps a
//   year), on track (1.05), slightly behind (0.88), lagging (0.55), recovering after the
//   mid-term review (0.7 up to 2022, 1.35 after) or slipping after it (1.05, then 0.6); shares
//   16/50/12/8/7/7 %, so a report shows every colour and the 2022 and 2025 red lists differ. The
//   value for year y is the baseline plus the steps made by then, plus a fixed wobble of at most
//   6 % of the slowest year's change, so every series moves the way its target asks, every year
//   (monotone); shares are capped at 100;
// - the only falls are the SETBACKS below, each in one year with its reason recorded on the
//   reported value (`outlier`); after a setback the series resumes at its pace from the lower
//   level;
// - a value is reported by the first department responsible for the indicator, as a preliminary
//   figure at the end of February of the following year; a few are corrected in September.
import { currentDefinition, type IndicatorState, type LedgerState } from '@progress-ledger/core'
import { hash, pathOf, round, SETBACKS, valueFor } from './illustrativeSeries'

export { SETBACKS, type Story, storyOf } from './illustrativeSeries'

/** A batch of commands issued together by one actor at one recorded time. */
export interface IllustrativeBatch {
  readonly recordedAt: string
  readonly actor:
    | { readonly id: string; readonly role: 'plan-admin' }
    | { readonly id: string; readonly role: 'reporter'; readonly department: string }
  readonly note: string
  readonly commands: ReadonlyArray<Record<string, unknown>>
}

/** The file written to `seeds/shengzhou/illustrative-history.json`. */
export interface IllustrativeHistory {
  readonly illustrative: true
  readonly notice: string
  readonly batches: ReadonlyArray<IllustrativeBatch>
}

const reporterOf = (ind: IndicatorState): IllustrativeBatch['actor'] => {
  const dept = currentDefinition(ind).departments[0]
  return dept === undefined
    ? { id: 'plan-office', role: 'plan-admin' }
    : { id: `${dept}-statistician`, role: 'reporter', department: dept }
}

function groupByActor(
  at: string,
  note: string,
  items: ReadonlyArray<{
    readonly actor: IllustrativeBatch['actor']
    readonly command: Record<string, unknown>
  }>,
): IllustrativeBatch[] {
  const byActor = new Map<
    string,
    { actor: IllustrativeBatch['actor']; commands: Record<string, unknown>[] }
  >()
  for (const item of items) {
    const key = JSON.stringify(item.actor)
    const entry = byActor.get(key) ?? { actor: item.actor, commands: [] }
    entry.commands.push(item.command)
    byActor.set(key, entry)
  }
  return [...byActor.values()].map((e) => ({
    recordedAt: at,
    actor: e.actor,
    note,
    commands: e.commands,
  }))
}

const ADMIN = { id: 'plan-office', role: 'plan-admin' } as const
const reportId = (indicatorId: string, year: number): string =>
  `illustrative/${indicatorId}/${year}`
/** Corrections in September of the following year: indicator and year. */
const CORRECTED: ReadonlyArray<readonly [string, number, number]> = [
  ['I01', 2022, 1.015],
  ['I09', 2023, 0.99],
  ['I20', 2021, 1.004],
]

/** Where a task stands at the end of a year: all under way in 2021, most done by 2025, a few late. */
function taskStatusFor(
  taskId: string,
  year: number,
): { readonly status: string; readonly progress: number } {
  const bucket = hash(`task:${taskId}`) % 100
  if (year === 2021) return { status: 'in-progress', progress: 15 + (bucket % 10) }
  if (year === 2023)
    return bucket < 15
      ? { status: 'completed', progress: 100 }
      : bucket < 85
        ? { status: 'in-progress', progress: 55 + (bucket % 20) }
        : { status: 'delayed', progress: 30 }
  return bucket < 75
    ? { status: 'completed', progress: 100 }
    : bucket < 90
      ? { status: 'in-progress', progress: 85 }
      : { status: 'delayed', progress: 60 }
}

function taskStatuses(state: LedgerState, planId: string, year: number): IllustrativeBatch[] {
  const tasks = state.tasks
    .toArray()
    .filter((t) => t.definition.planId === planId)
    .sort((a, b) => (a.taskId < b.taskId ? -1 : 1))
  const items = tasks.map((task) => {
    const dept = task.definition.departments[0]
    const actor: IllustrativeBatch['actor'] =
      dept === undefined
        ? ADMIN
        : { id: `${dept}-statistician`, role: 'reporter', department: dept }
    return {
      actor,
      command: {
        type: 'ReportTaskStatus',
        taskId: task.taskId,
        validTime: `${year}-12-31`,
        ...taskStatusFor(task.taskId, year),
        note: 'illustrative',
      } as Record<string, unknown>,
    }
  })
  return groupByActor(
    `${year + 1}-01-20T09:00:00.000Z`,
    `illustrative task statuses at the end of ${year}`,
    items,
  )
}

/** Builds the illustrative history for a ledger holding the plan (indicators and targets). */
export function illustrativeHistory(state: LedgerState, planId: string): IllustrativeHistory {
  const indicators = state.indicators
    .toArray()
    .filter((i) => currentDefinition(i).planId === planId)
    .sort((a, b) => (a.indicatorId < b.indicatorId ? -1 : 1))
  const batches: IllustrativeBatch[] = []
  batches.push({
    recordedAt: '2021-08-20T09:00:00.000Z',
    actor: ADMIN,
    note: 'illustrative 2020 baselines',
    commands: indicators.flatMap((ind) => {
      const value = valueFor(ind, 2020)
      return value === undefined
        ? []
        : [
            {
              type: 'SetBaseline',
              indicatorId: ind.indicatorId,
              period: '2020',
              value,
              illustrative: true,
            },
          ]
    }),
  })
  const quota = (indicatorId: string, year: number, value: number): Record<string, unknown> => ({
    type: 'AssignQuota',
    indicatorId,
    targetId: `${indicatorId}-${year}`,
    assignedBy: '绍兴市人民政府 (illustrative)',
    expression: { kind: 'comparison', op: 'le', value, wording: 'symbol' },
    printed: `≤${value}`,
    document: 'illustrative quota notice',
  })
  batches.push({
    recordedAt: '2022-05-16T09:00:00.000Z',
    actor: ADMIN,
    note: 'illustrative quotas handed down for 完成上级下达任务',
    commands: [
      quota('I03', 2022, 0.4),
      quota('I03', 2025, 0.37),
      quota('I04', 2022, 0.81),
      quota('I04', 2025, 0.74),
    ],
  })
  for (let year = 2021; year <= 2025; year++) {
    const items = indicators.flatMap((ind) => {
      const value = valueFor(ind, year)
      return value === undefined
        ? []
        : [
            {
              actor: reporterOf(ind),
              command: {
                type: 'ReportValue',
                id: reportId(ind.indicatorId, year),
                indicatorId: ind.indicatorId,
                period: String(year),
                value,
                status: 'preliminary',
                illustrative: true,
                ...(SETBACKS[ind.indicatorId]?.year === year
                  ? { outlier: SETBACKS[ind.indicatorId]?.reason }
                  : {}),
              } as Record<string, unknown>,
            },
          ]
    })
    batches.push(
      ...groupByActor(`${year + 1}-02-28T09:00:00.000Z`, `illustrative ${year} values`, items),
    )
    if (year === 2022) {
      batches.push({
        recordedAt: '2023-03-10T09:00:00.000Z',
        actor: ADMIN,
        note: 'illustrative target revision and range',
        commands: [
          {
            type: 'ReviseTarget',
            indicatorId: 'I18',
            targetId: 'I18-2025',
            expression: { kind: 'level', value: 100, direction: 'higher', inferred: false },
            printed: '100',
            reason:
              'illustrative: aligned with the overall goal (总体目标: 货物贸易进出口总额100亿元)',
          },
          {
            type: 'ReviseTarget',
            indicatorId: 'I29',
            targetId: 'I29-2025',
            expression: { kind: 'reasonable-range', min: 0.28, max: 0.35 },
            printed: '维持在合理区间',
            reason: 'illustrative: the reasonable range set by the provincial monitoring scheme',
          },
        ],
      })
    }
    if (year === 2021 || year === 2023 || year === 2025)
      batches.push(...taskStatuses(state, planId, year))
    const corrections = CORRECTED.filter(([, y]) => y === year).flatMap(([id, , factor]) => {
      const ind = state.indicators.get(id)
      const value = ind === undefined ? undefined : valueFor(ind, year)
      if (ind === undefined || value === undefined) return []
      return [
        {
          actor: reporterOf(ind),
          command: {
            type: 'CorrectValue',
            indicatorId: id,
            period: String(year),
            value: round(value * factor, pathOf(ind)?.decimals ?? 2),
            status: 'final',
            corrects: reportId(id, year),
            reason: 'illustrative: final statistics replace the preliminary figure',
            illustrative: true,
          } as Record<string, unknown>,
        },
      ]
    })
    if (corrections.length > 0)
      batches.push(
        ...groupByActor(
          `${year + 1}-09-30T09:00:00.000Z`,
          `illustrative corrections of ${year} figures`,
          corrections,
        ),
      )
  }
  return {
    illustrative: true,
    notice:
      "ILLUSTRATIVE DATA — not official statistics. The seed document gives the plan's targets but no yearly figures; these baselines, values, quotas, revisions and corrections were generated by examples/src/shengzhou/illustrative.ts from the targets by documented rules, to show how the ledger reports.",
    batches,
  }
}
