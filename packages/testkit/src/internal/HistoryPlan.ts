/**
 * The abstract shape of a generated history — a skeleton (plan, categories, departments,
 * indicators, targets, projects, milestones, tasks) and a list of operations that refer to the
 * skeleton by index — and its interpretation into coherent, timed event inputs. Indices are
 * taken modulo what exists, so every operation refers to something defined.
 *
 * @module internal/HistoryPlan
 */
import {
  type DateSpec,
  type EventInput,
  type Instant,
  type IsoDate,
  type PeriodKey,
  type PeriodKind,
  type TargetExpression,
  periodEnd,
  latestDay,
} from '@progress-ledger/core'
import type { TimedInput } from '../Recorded'

export interface IndicatorSeed {
  readonly periodicity: Extract<PeriodKind, 'year' | 'quarter' | 'month'>
  readonly direction: 'higher' | 'lower' | 'band' | 'neutral'
  readonly attribute: 'evaluation' | 'observation'
  readonly baseline: number | null
  readonly interim: TargetExpression
  readonly final: TargetExpression
}

export interface Skeleton {
  readonly adoptedOn: IsoDate
  readonly categories: number
  readonly departments: number
  readonly indicators: ReadonlyArray<IndicatorSeed>
  readonly projects: ReadonlyArray<ReadonlyArray<DateSpec>>
  readonly tasks: number
}

export type Op =
  | {
      readonly op: 'report'
      readonly ind: number
      readonly period: number
      readonly value: number
      readonly final: boolean
      readonly submitted: boolean
    }
  | { readonly op: 'correct'; readonly pick: number; readonly value: number }
  | { readonly op: 'retract'; readonly pick: number }
  | { readonly op: 'review'; readonly pick: number; readonly approve: boolean }
  | {
      readonly op: 'revise'
      readonly ind: number
      readonly final: boolean
      readonly expression: TargetExpression
      readonly quota: boolean
    }
  | { readonly op: 'baseline'; readonly ind: number; readonly value: number }
  | {
      readonly op: 'redefine'
      readonly ind: number
      readonly attribute: 'evaluation' | 'observation'
    }
  | {
      readonly op: 'forecast'
      readonly project: number
      readonly milestone: number
      readonly date: DateSpec
    }
  | {
      readonly op: 'met'
      readonly project: number
      readonly milestone: number
      readonly date: DateSpec
      readonly unplanned: boolean
      readonly length: number
    }
  | {
      readonly op: 'task'
      readonly task: number
      readonly status: 'not-started' | 'in-progress' | 'completed' | 'delayed' | 'suspended'
      readonly progress: number
    }
  | {
      readonly op: 'reassign'
      readonly subject: 'indicator' | 'task' | 'project'
      readonly index: number
      readonly department: number
    }
  | { readonly op: 'denied'; readonly index: number }

export interface Step {
  readonly op: Op
  /** Milliseconds after the previous step's recorded time (0: the same instant). */
  readonly gap: number
  /** Days the fact's valid time lies after the plan's adoption, where the op has no natural one. */
  readonly day: number
}

const pad2 = (n: number): string => String(n).padStart(2, '0')
const YEARS = [2021, 2022, 2023, 2024, 2025]

function periodsOf(kind: IndicatorSeed['periodicity']): ReadonlyArray<PeriodKey> {
  const out: string[] = []
  for (const y of YEARS) {
    if (kind === 'year') out.push(String(y))
    else if (kind === 'quarter') for (let q = 1; q <= 4; q++) out.push(`${y}-Q${q}`)
    else for (let m = 1; m <= 12; m++) out.push(`${y}-${pad2(m)}`)
  }
  return out as PeriodKey[]
}

function addDays(d: IsoDate, n: number): IsoDate {
  return new Date(Date.parse(`${d}T00:00:00.000Z`) + n * 86_400_000)
    .toISOString()
    .slice(0, 10) as IsoDate
}

function at<T>(items: ReadonlyArray<T>, i: number): T | undefined {
  return items.length === 0 ? undefined : items[i % items.length]
}

/** Interprets a skeleton and its steps into coherent inputs with non-decreasing recorded times. */
export function interpret(
  skeleton: Skeleton,
  steps: ReadonlyArray<Step>,
  start: Instant,
): TimedInput[] {
  const out: TimedInput[] = []
  let ms = Date.parse(start)
  let seq = 0
  const adopted = skeleton.adoptedOn
  const push = (
    input: Omit<EventInput, 'id' | 'actor'> & { readonly actor?: string },
    gap = 0,
  ): string => {
    ms += gap
    const id = `e${++seq}-${input.type}`
    out.push({
      input: { actor: 'office', ...input, id } as EventInput,
      at: new Date(ms).toISOString() as Instant,
    })
    return id
  }
  const dep = (i: number): string => `D${(i % Math.max(1, skeleton.departments)) + 1}`
  push({
    type: 'PlanAdopted',
    validTime: adopted,
    data: {
      planId: 'P',
      name: { zh: '行动方案' },
      adoptedOn: adopted,
      baseYear: 2020,
      startYear: 2021,
      endYear: 2025,
    },
  })
  for (let i = 1; i <= skeleton.departments; i++) {
    push({
      type: 'DepartmentRegistered',
      validTime: adopted,
      data: { departmentId: `D${i}`, name: { zh: `部门${i}` }, aliases: [] },
    })
  }
  for (let i = 1; i <= skeleton.categories; i++) {
    push({
      type: 'CategoryDefined',
      validTime: adopted,
      data: { planId: 'P', categoryId: `C${i}`, name: { zh: `类别${i}` }, order: i },
    })
  }
  const indicatorIds = skeleton.indicators.map((_, i) => `I${i + 1}`)
  skeleton.indicators.forEach((ind, i) => {
    const indicatorId = indicatorIds[i] as string
    push({
      type: 'IndicatorDefined',
      validTime: adopted,
      data: {
        planId: 'P',
        indicatorId,
        name: { zh: `指标${i + 1}` },
        unit: '%',
        categoryId: `C${(i % Math.max(1, skeleton.categories)) + 1}`,
        attribute: ind.attribute,
        selfSelected: i % 2 === 1,
        departments: [dep(i)],
        direction: ind.direction,
        periodicity: ind.periodicity,
      },
    })
    if (ind.baseline !== null)
      push({
        type: 'BaselineSet',
        validTime: '2020-12-31' as IsoDate,
        data: { indicatorId, period: '2020' as PeriodKey, value: ind.baseline },
      })
    push({
      type: 'TargetSet',
      validTime: adopted,
      data: {
        indicatorId,
        targetId: `${indicatorId}-2022`,
        dueYear: 2022,
        role: 'interim',
        expression: ind.interim,
      },
    })
    push({
      type: 'TargetSet',
      validTime: adopted,
      data: {
        indicatorId,
        targetId: `${indicatorId}-2025`,
        dueYear: 2025,
        role: 'final',
        expression: ind.final,
      },
    })
  })
  const projectIds = skeleton.projects.map((_, i) => `R${i + 1}`)
  skeleton.projects.forEach((milestones, i) => {
    const projectId = projectIds[i] as string
    push({
      type: 'ProjectDefined',
      validTime: adopted,
      data: {
        projectId,
        kind: 'construction',
        name: { zh: `工程${i + 1}` },
        departments: [dep(i)],
        facts: [],
      },
    })
    milestones.forEach((planned, m) => {
      push({
        type: 'MilestonePlanned',
        validTime: adopted,
        data: {
          projectId,
          milestoneId: `M${m + 1}`,
          title: { zh: `节点${m + 1}` },
          kind: 'holed-through',
          planned,
        },
      })
    })
  })
  const taskIds = Array.from({ length: skeleton.tasks }, (_, i) => `T${i + 1}`)
  taskIds.forEach((taskId, i) => {
    push({
      type: 'TaskDefined',
      validTime: adopted,
      data: {
        planId: 'P',
        taskId,
        kind: 'key-task',
        name: { zh: `任务${i + 1}` },
        departments: [dep(i)],
      },
    })
  })

  /** Event ids of values in force per indicator and period, for corrections and reviews. */
  const live: Array<{ readonly indicatorId: string; readonly period: PeriodKey; id: string }> = []
  for (const { op, gap, day } of steps) {
    const validTime = addDays(adopted, day)
    switch (op.op) {
      case 'report': {
        const i = op.ind % skeleton.indicators.length
        const seed = skeleton.indicators[i]
        if (seed === undefined) break
        const indicatorId = indicatorIds[i] as string
        const period = at(periodsOf(seed.periodicity), op.period) as PeriodKey
        const data = {
          indicatorId,
          period,
          value: op.value,
          status: op.final ? ('final' as const) : ('preliminary' as const),
          ...(op.submitted ? { submitted: true } : {}),
        }
        const id = push(
          { type: 'ValueReported', validTime: periodEnd(period), actor: dep(i), data },
          gap,
        )
        const slot = live.find((l) => l.indicatorId === indicatorId && l.period === period)
        if (slot === undefined) live.push({ indicatorId, period, id })
        else slot.id = id
        break
      }
      case 'correct': {
        const slot = at(live, op.pick)
        if (slot === undefined) break
        slot.id = push(
          {
            type: 'ValueCorrected',
            validTime: periodEnd(slot.period),
            actor: 'statistics',
            data: {
              indicatorId: slot.indicatorId,
              period: slot.period,
              value: op.value,
              status: 'final',
              corrects: slot.id,
              reason: 'revision',
            },
          },
          gap,
        )
        break
      }
      case 'retract': {
        const slot = at(live, op.pick)
        if (slot === undefined) break
        push(
          {
            type: 'ValueRetracted',
            validTime: periodEnd(slot.period),
            data: {
              indicatorId: slot.indicatorId,
              period: slot.period,
              retracts: slot.id,
              reason: 'withdrawn',
            },
          },
          gap,
        )
        live.splice(live.indexOf(slot), 1)
        break
      }
      case 'review': {
        const slot = at(live, op.pick)
        if (slot === undefined) break
        const base = { indicatorId: slot.indicatorId, period: slot.period }
        if (op.approve)
          push(
            {
              type: 'ValueApproved',
              validTime: periodEnd(slot.period),
              data: { ...base, approves: slot.id },
            },
            gap,
          )
        else
          push(
            {
              type: 'ValueReturned',
              validTime: periodEnd(slot.period),
              data: { ...base, returns: slot.id, reason: 'check the source' },
            },
            gap,
          )
        break
      }
      case 'revise': {
        const indicatorId = at(indicatorIds, op.ind)
        if (indicatorId === undefined) break
        const targetId = `${indicatorId}-${op.final ? 2025 : 2022}`
        if (op.quota)
          push(
            {
              type: 'QuotaAssigned',
              validTime,
              data: { indicatorId, targetId, expression: op.expression, assignedBy: 'province' },
            },
            gap,
          )
        else
          push(
            {
              type: 'TargetRevised',
              validTime,
              data: { indicatorId, targetId, expression: op.expression, reason: 'mid-term review' },
            },
            gap,
          )
        break
      }
      case 'baseline': {
        const indicatorId = at(indicatorIds, op.ind)
        if (indicatorId !== undefined)
          push(
            {
              type: 'BaselineSet',
              validTime: '2020-12-31' as IsoDate,
              data: { indicatorId, period: '2020' as PeriodKey, value: op.value },
            },
            gap,
          )
        break
      }
      case 'redefine': {
        const i = op.ind % Math.max(1, skeleton.indicators.length)
        const seed = skeleton.indicators[i]
        if (seed === undefined) break
        push(
          {
            type: 'IndicatorDefined',
            validTime,
            data: {
              planId: 'P',
              indicatorId: indicatorIds[i] as string,
              name: { zh: `指标${i + 1}`, en: `Indicator ${i + 1}` },
              unit: '%',
              categoryId: 'C1',
              attribute: op.attribute,
              selfSelected: false,
              departments: [dep(i)],
              direction: seed.direction,
              periodicity: seed.periodicity,
            },
          },
          gap,
        )
        break
      }
      case 'forecast':
      case 'met': {
        const p = op.project % Math.max(1, skeleton.projects.length)
        const milestones = skeleton.projects[p]
        if (milestones === undefined || milestones.length === 0) break
        const projectId = projectIds[p] as string
        const milestoneId = `M${(op.milestone % milestones.length) + 1}`
        if (op.op === 'forecast')
          push(
            {
              type: 'MilestoneForecastMoved',
              validTime,
              data: { projectId, milestoneId, forecast: op.date },
            },
            gap,
          )
        else {
          const unplannedId = op.unplanned ? `U${seq + 1}` : milestoneId
          push(
            {
              type: 'MilestoneMet',
              validTime: latestDay(op.date),
              data: {
                projectId,
                milestoneId: unplannedId,
                met: op.date,
                unplanned: op.unplanned,
                facts: [{ key: 'length', value: op.length, unit: 'm' }],
              },
            },
            gap,
          )
        }
        break
      }
      case 'task': {
        const taskId = at(taskIds, op.task)
        if (taskId !== undefined)
          push(
            {
              type: 'TaskStatusReported',
              validTime,
              data: { taskId, status: op.status, progress: op.progress },
            },
            gap,
          )
        break
      }
      case 'reassign': {
        const ids =
          op.subject === 'indicator' ? indicatorIds : op.subject === 'task' ? taskIds : projectIds
        const subjectId = at(ids, op.index)
        if (subjectId !== undefined)
          push(
            {
              type: 'ResponsibilityReassigned',
              validTime,
              data: {
                subject: op.subject,
                subjectId,
                departments: [dep(op.department)],
                reason: 'reorganisation',
              },
            },
            gap,
          )
        break
      }
      case 'denied':
        push(
          {
            type: 'AccessDenied',
            validTime,
            actor: `intruder${op.index % 3}`,
            data: { command: 'ReportValue', reason: 'not responsible' },
          },
          gap,
        )
        break
    }
  }
  return out
}
