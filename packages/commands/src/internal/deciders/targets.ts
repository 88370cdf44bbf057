// Deciders for targets: set, revise, assign a quota.
import {
  currentDefinition,
  type IndicatorState,
  type IsoDate,
  type PlanState,
  streams,
  showValue,
} from '@progress-ledger/core'
import type { CommandOf } from '../../Command'
import type { Decision } from '../../Decision'
import { rejected, type Rejected } from '../../Rejection'
import { findIndicator, findTarget, planOfIndicator } from '../Lookup'
import { compact } from '../Optional'
import { checkExpression } from '../Plausibility'
import { reasonOf } from '../Reason'
import { accept, type Checked, failed, type Scope } from '../Scope'

function indicatorAndPlan(
  s: Scope,
  indicatorId: string,
): Checked<{ ind: IndicatorState; plan: PlanState }> {
  const ind = findIndicator(s.state, indicatorId)
  if (failed(ind)) return ind
  const plan = planOfIndicator(s.state, ind)
  return failed(plan) ? plan : { ind, plan }
}

function checkDue(
  plan: PlanState,
  dueYear: number | undefined,
  dueDate: IsoDate | undefined,
  fallbackYear: number,
): Rejected | undefined {
  if (dueYear !== undefined && (dueYear < plan.startYear || dueYear > plan.endYear)) {
    return rejected(
      'due-outside-plan',
      'dueYear',
      `a year within the plan's years ${plan.startYear}–${plan.endYear}`,
      dueYear,
    )
  }
  const year = dueYear ?? fallbackYear
  if (dueDate !== undefined && Number(dueDate.slice(0, 4)) !== year)
    return rejected('due-outside-plan', 'dueDate', `a date in the due year ${year}`, dueDate)
  return undefined
}

export function setTarget(s: Scope, c: CommandOf<'SetTarget'>): Decision {
  const found = indicatorAndPlan(s, c.indicatorId)
  if (failed(found)) return found
  const { ind, plan } = found
  if (ind.targets[c.targetId] !== undefined) {
    return rejected(
      'target-exists',
      'targetId',
      `a target id not yet set for ${c.indicatorId} (revise ${showValue(c.targetId)} instead)`,
      c.targetId,
    )
  }
  const bad =
    checkDue(plan, c.dueYear, c.dueDate, c.dueYear) ??
    checkExpression(c.expression, currentDefinition(ind))
  if (bad !== undefined) return bad
  const data = compact({
    indicatorId: c.indicatorId,
    targetId: c.targetId,
    dueYear: c.dueYear,
    role: c.role,
    expression: c.expression,
    dueDate: c.dueDate,
    printed: c.printed,
    source: c.source,
  })
  return accept(
    s,
    c.id,
    streams.indicator(c.indicatorId),
    'TargetSet',
    data,
    c.validTime ?? plan.adoptedOn,
  )
}

export function reviseTarget(s: Scope, c: CommandOf<'ReviseTarget'>): Decision {
  const found = indicatorAndPlan(s, c.indicatorId)
  if (failed(found)) return found
  const { ind, plan } = found
  const target = findTarget(ind, c.targetId)
  if (failed(target)) return target
  const reason = reasonOf(c.reason)
  if (failed(reason)) return reason
  const dueYear = target.history[target.history.length - 1]?.dueYear ?? plan.endYear
  const bad =
    checkDue(plan, c.dueYear, c.dueDate, dueYear) ??
    checkExpression(c.expression, currentDefinition(ind))
  if (bad !== undefined) return bad
  const data = compact({
    indicatorId: c.indicatorId,
    targetId: c.targetId,
    expression: c.expression,
    reason,
    printed: c.printed,
    dueYear: c.dueYear,
    dueDate: c.dueDate,
    document: c.document,
  })
  return accept(
    s,
    c.id,
    streams.indicator(c.indicatorId),
    'TargetRevised',
    data,
    c.validTime ?? s.ctx.today,
  )
}

export function assignQuota(s: Scope, c: CommandOf<'AssignQuota'>): Decision {
  const found = indicatorAndPlan(s, c.indicatorId)
  if (failed(found)) return found
  const target = findTarget(found.ind, c.targetId)
  if (failed(target)) return target
  const set = target.history[0]
  if (set === undefined || set.expression.kind !== 'quota') {
    return rejected(
      'not-a-quota-target',
      'targetId',
      'a target set as 完成上级下达任务 (quota)',
      c.targetId,
    )
  }
  if (c.expression.kind === 'quota')
    return rejected(
      'quota-pending',
      'expression.kind',
      'the assigned figure (level, comparison or range)',
      c.expression.kind,
    )
  const bad = checkExpression(c.expression, currentDefinition(found.ind))
  if (bad !== undefined) return bad
  const data = compact({
    indicatorId: c.indicatorId,
    targetId: c.targetId,
    expression: c.expression,
    assignedBy: c.assignedBy,
    printed: c.printed,
    document: c.document,
  })
  return accept(
    s,
    c.id,
    streams.indicator(c.indicatorId),
    'QuotaAssigned',
    data,
    c.validTime ?? s.ctx.today,
  )
}
