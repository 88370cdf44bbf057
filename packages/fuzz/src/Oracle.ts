/**
 * The oracle for accepted inputs: every event a write appended must keep the documented limits
 * and rules, checked here independently of the codecs and deciders that enforced them (from the
 * statement of the limits in `docs/stores.md` and of the rules in `docs/commands.md`).
 *
 * @module Oracle
 */
import {
  type LedgerState,
  periodEnd,
  type PeriodKey,
  type RecordedEvent,
  responsibleOn,
} from '@progress-ledger/core'
import type { Actor } from '@progress-ledger/commands'

/** A limit or rule an appended event breaks. */
export interface Violation {
  readonly eventId: string
  readonly path: string
  readonly problem: string
}

const ID_KEYS = new Set([
  'id',
  'planId',
  'indicatorId',
  'categoryId',
  'departmentId',
  'targetId',
  'parentId',
  'projectId',
  'milestoneId',
  'taskId',
  'corrects',
  'retracts',
  'approves',
  'returns',
  'key',
  'departments',
  'department',
  'actor',
])
const LINE_KEYS = new Set([
  'zh',
  'en',
  'document',
  'aliases',
  'kind',
  'unit',
  'unitEn',
  'number',
  'section',
  'printed',
  'issuer',
  'scope',
  'assignedBy',
  'command',
  'url',
])
const DATE_KEYS = new Set(['adoptedOn', 'dueDate', 'validTime', 'end', 'date', 'period', 'on'])
const YEAR_KEYS = new Set(['baseYear', 'startYear', 'endYear', 'dueYear'])

function isWellFormed(s: string): boolean {
  try {
    encodeURIComponent(s)
    return true
  } catch {
    return false
  }
}

/** The code points of `s` that no text may hold: controls but tab and newline, bidi controls, … */
function forbiddenIn(s: string, oneLine: boolean): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0) as number
    if (c === 0x09 || c === 0x0a) {
      if (oneLine) return true
      continue
    }
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true
    if (c === 0x061c || c === 0x200e || c === 0x200f || c === 0xfeff) return true
    if (c >= 0x2028 && c <= 0x202e) return true
    if (c >= 0x2066 && c <= 0x2069) return true
  }
  return false
}

function checkString(key: string, s: string, add: (problem: string) => void): void {
  if (!isWellFormed(s)) add('a lone surrogate')
  if (ID_KEYS.has(key)) {
    if (s.trim().length === 0 || s.length > 200) add(`an id of ${s.length} characters`)
    if (forbiddenIn(s, true) || /[\u200b-\u200d\u2060]/.test(s))
      add('an id with a forbidden character')
    if (s === '__proto__' || s === 'constructor' || s === 'prototype') add('a prototype name as id')
    return
  }
  if (LINE_KEYS.has(key)) {
    if (s.length > 500) add(`a name of ${s.length} characters`)
    if (forbiddenIn(s, true)) add('a name with a control, bidi or line-breaking character')
    return
  }
  if (s.length > 2000) add(`a text of ${s.length} characters`)
  if (forbiddenIn(s, false)) add('a text with a control or bidi character')
  if (DATE_KEYS.has(key)) {
    const year = Number(s.slice(0, 4))
    if (!(year >= 1900 && year <= 2200)) add(`a date of the year ${s.slice(0, 4)}`)
  }
}

/** Walks every value of an event: strings, numbers and years against the limits. */
function walk(u: unknown, key: string, path: string, add: (path: string, p: string) => void): void {
  if (typeof u === 'string') return checkString(key, u, (p) => add(path, p))
  if (typeof u === 'number') {
    if (!Number.isFinite(u) || Math.abs(u) > 1e15) add(path, `the number ${u}`)
    if (YEAR_KEYS.has(key) && !(Number.isInteger(u) && u >= 1900 && u <= 2200))
      add(path, `the year ${u}`)
    return
  }
  if (Array.isArray(u)) {
    u.forEach((v, i) => walk(v, key, `${path}[${i}]`, add))
    return
  }
  if (typeof u === 'object' && u !== null)
    for (const [k, v] of Object.entries(u)) walk(v, k, path === '' ? k : `${path}.${k}`, add)
}

const REPORTER_TYPES = new Set([
  'ValueReported',
  'ValueCorrected',
  'ValueRetracted',
  'TaskStatusReported',
  'MilestoneForecastMoved',
  'MilestoneMet',
  'AccessDenied',
])
const GROWTH = /增长|增速|增幅|growth|change/i

function approved(state: LedgerState, indicatorId: string, period: string): boolean {
  const pv = state.indicators.get(indicatorId)?.values.find((v) => v.period === period)
  return pv?.approvals.some((a) => a.state === 'approved') ?? false
}

/** The rules an event breaks given the state before it and who sent it. */
function ruleViolations(e: RecordedEvent, before: LedgerState, actor: Actor): string[] {
  const out: string[] = []
  if (actor.role === 'auditor' && e.type !== 'AccessDenied') out.push('an auditor wrote')
  if (actor.role === 'reporter' && !REPORTER_TYPES.has(e.type))
    out.push(`a reporter wrote ${e.type}`)
  switch (e.type) {
    case 'ValueReported':
    case 'ValueCorrected':
    case 'ValueRetracted': {
      const { indicatorId, period } = e.data
      const ind = before.indicators.get(indicatorId)
      if (ind === undefined) out.push('a value of an undefined indicator')
      else if (
        actor.role === 'reporter' &&
        !responsibleOn(ind, periodEnd(period as PeriodKey)).includes(actor.department)
      )
        out.push(`a value reported by ${actor.department}, which does not answer for it`)
      if (
        approved(before, indicatorId, period) &&
        (e.type !== 'ValueCorrected' || actor.role !== 'plan-admin')
      )
        out.push(`${e.type} of an approved figure by a ${actor.role}`)
      if (e.type !== 'ValueRetracted' && e.data.outlier === undefined && ind !== undefined) {
        const def = ind.definitions[ind.definitions.length - 1]?.definition
        const unit = def?.unit.replace(/\s+/g, '').replace(/％/g, '%') ?? ''
        const growth = GROWTH.test(def?.name.zh ?? '') || GROWTH.test(def?.name.en ?? '')
        const v = e.data.value
        if (unit === '%' && !growth && (v < 0 || v > 100)) out.push(`a share of ${v} %`)
        if (unit === '%' && growth && Math.abs(v) > 1000) out.push(`a growth rate of ${v} %`)
        if (!['', '%', '‰', '百分点', '个百分点', 'pp', '℃', '°C'].includes(unit) && v < 0)
          out.push(`a negative figure ${v} in ${unit}`)
      }
      break
    }
    case 'PlanAdopted': {
      const { baseYear, startYear, endYear, adoptedOn } = e.data
      const adopted = Number(adoptedOn.slice(0, 4))
      if (!(baseYear <= startYear && startYear <= endYear)) out.push('plan years out of order')
      if (adopted < baseYear || adopted > endYear)
        out.push(`adopted in ${adopted}, outside its years`)
      break
    }
    case 'TargetSet': {
      const ind = before.indicators.get(e.data.indicatorId)
      const planId = ind?.definitions[ind.definitions.length - 1]?.definition.planId
      const plan = planId === undefined ? undefined : before.plans.get(planId)
      if (plan !== undefined && (e.data.dueYear < plan.startYear || e.data.dueYear > plan.endYear))
        out.push(`a target due in ${e.data.dueYear}, outside the plan`)
      break
    }
    case 'TaskStatusReported': {
      const p = e.data.progress
      if (p !== undefined && (p < 0 || p > 100)) out.push(`a task progress of ${p} %`)
      break
    }
    default:
      break
  }
  return out
}

/**
 * What the events a write appended break, checked one by one against the state before each.
 * `states[i]` is the state before `events[i]`.
 *
 * @example
 * import { emptyLedger } from '@progress-ledger/core'
 * import { planAdmin } from '@progress-ledger/commands'
 * import { violations } from '@progress-ledger/fuzz'
 * const e = { id: 'e1', streamId: 'department-x', version: 1, position: 1, schemaVersion: 1, validTime: '2021-08-10',
 *   recordedTime: '2021-08-10T00:00:00.000Z', actor: 'po', correlationId: null, causationId: null, prevHash: '', hash: 'h',
 *   type: 'DepartmentRegistered', data: { departmentId: 'x\u0000', name: { zh: '局' }, aliases: [] } }
 * violations([e], [emptyLedger()], planAdmin('po')).map((v) => v.problem) // ['an id with a forbidden character']
 */
export function violations(
  events: ReadonlyArray<RecordedEvent>,
  states: ReadonlyArray<LedgerState>,
  actor: Actor,
): Violation[] {
  const out: Violation[] = []
  events.forEach((e, i) => {
    const add = (path: string, problem: string): void => {
      out.push({ eventId: e.id, path, problem })
    }
    const { data, ...envelope } = e
    for (const key of ['id', 'actor', 'validTime'] as const) walk(envelope[key], key, key, add)
    walk(data, '', 'data', add)
    const before = states[i]
    if (before !== undefined)
      for (const problem of ruleViolations(e, before, actor)) add(e.type, problem)
  })
  return out
}
