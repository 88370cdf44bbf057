// Domain fixtures for the command side: a slice of the Shengzhou plan (see seeds/shengzhou) as
// commands, the actors who issue them, and contexts. Where testkit's event fixtures record the
// same fact (the plan, its economy category, indicator I01 and its 2025 target), the command is
// built from that event's data, so the two sides cannot drift apart. Values reported after 2021
// are illustrative.
import { emptyLedger, type IsoDate, type LedgerState } from '@progress-ledger/core'
import { type Actor, auditor, planAdmin, reporter } from '../src/Actor'
import { type CommandContext, sequentialIds } from '../src/Context'
import { decideAll } from '../src/DecideAll'
import { fixtures as events } from '@progress-ledger/testkit'

export const TODAY = '2023-06-30' as IsoDate

export const admin = planAdmin('plan-office')
export const admin2 = planAdmin('reviewer')
export const fgjClerk = reporter('fgj-clerk', 'fgj')
export const jxjClerk = reporter('jxj-clerk', 'jxj')
export const tlbClerk = reporter('tlb-clerk', 'tlb')
export const tjjClerk = reporter('tjj-clerk', 'tjj')
export const outsider = reporter('wlj-clerk', 'wlj')
export const theAuditor = auditor('audit-office')

let session = 0
export function ctx(actor: Actor, today: IsoDate = TODAY): CommandContext {
  session++
  return { actor, today, ids: sequentialIds(`s${session}`), correlationId: `session-${session}` }
}

const name = (zh: string, en?: string) => (en === undefined ? { zh } : { zh, en })

export const plan = {
  adopt: events.commandOf('AdoptPlan', events.planAdopted),
  economy: events.commandOf('DefineCategory', events.categoryDefined),
  services: {
    type: 'DefineCategory',
    planId: 'sz',
    categoryId: 'public-services',
    name: name('公共服务优质共享'),
    order: 4,
  },
} as const

export const departments = ['fgj', 'jxj', 'tjj', 'tlb', 'rsj', 'wlj'].map((id) => ({
  type: 'RegisterDepartment',
  departmentId: id,
  name: name(`市${id}`),
  validTime: '2021-08-10',
}))

function indicator(
  indicatorId: string,
  zh: string,
  unit: string,
  departments: string[],
  periodicity = 'year',
  categoryId = 'economy',
) {
  return {
    type: 'DefineIndicator',
    planId: 'sz',
    indicatorId,
    name: name(zh),
    unit,
    categoryId,
    attribute: 'evaluation',
    selfSelected: false,
    departments,
    direction: 'higher',
    periodicity,
  }
}

export const indicators = {
  gdp: events.commandOf('DefineIndicator', events.gdpDefined),
  hiTech: indicator('I07', '高技术制造业增加值占规上工业比重', '%', ['jxj']),
  energy: indicator('I03', '单位GDP能耗', '吨标准煤/万元', ['fgj']),
  income: indicator('I09', '居民人均可支配收入', '元', ['tjj', 'fgj']),
  growth: indicator('G01', '地区生产总值增长', '%', ['tjj']),
  monthly: indicator('M01', '规上工业增加值', '亿元', ['jxj'], 'month'),
  ratio: indicator('I21', '城乡居民收入倍差', '', ['tjj'], 'year', 'public-services'),
}

export const targets = {
  gdp2025: events.commandOf('SetTarget', events.gdpTarget2025),
  energy2025: {
    type: 'SetTarget',
    indicatorId: 'I03',
    targetId: 'I03-2025',
    dueYear: 2025,
    role: 'final',
    printed: '完成上级下达任务',
    expression: { kind: 'quota' },
  },
}

export const work = {
  task: {
    type: 'DefineTask',
    planId: 'sz',
    taskId: 'T01',
    kind: 'key-task',
    name: name('构建现代产业平台体系'),
    departments: ['jxj', 'fgj'],
  },
  railway: {
    type: 'DefineProject',
    projectId: 'hangtai',
    kind: 'construction',
    name: name('杭台高速铁路（嵊州段）'),
    departments: ['tlb'],
    validTime: '2016-12-01',
  },
  opening: {
    type: 'PlanMilestone',
    projectId: 'hangtai',
    milestoneId: 'open',
    title: name('全线通车'),
    kind: 'opened',
    planned: { date: '2021-12', precision: 'month' },
    validTime: '2019-06-01',
  },
}

/** Every fixture command, in an order that decides cleanly. */
export const setup: ReadonlyArray<unknown> = [
  plan.adopt,
  plan.economy,
  plan.services,
  ...departments,
  ...Object.values(indicators),
  ...Object.values(targets),
  ...Object.values(work),
]

/** The state after the given commands, decided by the plan administrator (throws on a rejection). */
export function stateAfter(
  commands: ReadonlyArray<unknown>,
  from: LedgerState = emptyLedger(),
  actor: Actor = admin,
): LedgerState {
  const d = decideAll(from, commands, ctx(actor))
  if (d._tag === 'BatchRejected')
    throw new Error(`fixture rejected: ${JSON.stringify(d.rejections)}`)
  return d.state
}

export const baseState: LedgerState = stateAfter(setup)

export function report(
  indicatorId: string,
  period: string,
  value: number,
  extra: Record<string, unknown> = {},
) {
  return { type: 'ReportValue', indicatorId, period, value, status: 'final', ...extra }
}
