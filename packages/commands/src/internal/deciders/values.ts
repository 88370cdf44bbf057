// Deciders for reported values: report, correct, retract, approve, return.
import {
  currentDefinition,
  currentVersion,
  type IndicatorState,
  type PeriodKey,
  type PeriodValue,
  periodEnd,
  periodKind,
  periodStart,
  periodYear,
  type PlanState,
  streams,
  showValue,
  type ValueVersion,
} from '@progress-ledger/core'
import { authoriseSubject } from '../../Authorisation'
import type { CommandOf } from '../../Command'
import type { Decision } from '../../Decision'
import { rejected, type Rejected } from '../../Rejection'
import { compact } from '../Optional'
import { findIndicator, planOfIndicator } from '../Lookup'
import { checkFigure } from '../Plausibility'
import { reasonOf } from '../Reason'
import { accept, type Checked, failed, type Scope } from '../Scope'

function slotOf(ind: IndicatorState, period: PeriodKey): PeriodValue | undefined {
  return ind.values.find((pv) => pv.period === period)
}

/** The approval that locks a period, if any. */
function lockOf(pv: PeriodValue | undefined) {
  return pv?.approvals.find((a) => a.state === 'approved')
}

/** The indicator of a value command, with the responsibility check at the period's end. */
function indicatorFor(
  s: Scope,
  c: { readonly indicatorId: string; readonly period: PeriodKey },
): Checked<IndicatorState> {
  const ind = findIndicator(s.state, c.indicatorId)
  if (failed(ind)) return ind
  return (
    authoriseSubject(
      s.ctx.actor,
      ind,
      periodEnd(c.period),
      'an indicator',
      'indicatorId',
      c.indicatorId,
    ) ?? ind
  )
}

function checkPeriod(
  s: Scope,
  period: PeriodKey,
  ind: IndicatorState,
  plan: PlanState,
): Rejected | undefined {
  const periodicity = currentDefinition(ind).periodicity
  if (periodKind(period) !== periodicity)
    return rejected(
      'period-kind',
      'period',
      `a ${periodicity} period (the periodicity of ${ind.indicatorId})`,
      period,
    )
  const year = periodYear(period)
  if (year < plan.startYear || year > plan.endYear) {
    return rejected(
      'period-outside-plan',
      'period',
      `a period within the plan's years ${plan.startYear}–${plan.endYear}`,
      period,
    )
  }
  if (periodStart(period) > s.ctx.today)
    return rejected('in-future', 'period', `a period begun by today (${s.ctx.today})`, period)
  return undefined
}

/**
 * Whether the slot already holds the event this command, by its own id, would record: a re-sent
 * file. Such a command is decided as the first time was, without the checks against the value in
 * force (it is itself the value in force now, or a later one), so that the store recognises the
 * same event and writes nothing — or, had the command changed, refuses the id as used.
 */
function resent(pv: PeriodValue | undefined, id: string | undefined): boolean {
  return id !== undefined && pv !== undefined && pv.versions.some((v) => v.eventId === id)
}

/** The version in force that `named` must be, or the rejection saying it is not. */
function inForce(
  pv: PeriodValue | undefined,
  path: string,
  named: string,
  period: PeriodKey,
): Checked<ValueVersion> {
  const current = pv === undefined ? undefined : currentVersion(pv)
  if (current === undefined)
    return rejected(
      'not-in-force',
      path,
      `the id of the value in force for ${period} (there is none)`,
      named,
    )
  if (current.eventId !== named)
    return rejected(
      'not-in-force',
      path,
      `${showValue(current.eventId)} (the value in force for ${period})`,
      named,
    )
  return current
}

function locked(
  pv: PeriodValue | undefined,
  period: PeriodKey,
  what: string,
): Rejected | undefined {
  const lock = lockOf(pv)
  if (lock === undefined) return undefined
  return rejected(
    'value-locked',
    'period',
    `a period without an approved figure (${period} was approved by event ${showValue(lock.eventId)}; ${what})`,
    period,
  )
}

/**
 * Is the value in force for the period the figure a report would record: the same value (in the
 * indicator's unit) and status, and the same note, outlier reason and illustrative flag where the
 * report gives them? A submission is never "the same": it asks for an approval.
 */
function holdsAlready(
  slot: PeriodValue | undefined,
  c: CommandOf<'ReportValue'>,
  value: number,
  outlier: string | undefined,
): boolean {
  if (c.submitted === true) return false
  const v = slot === undefined ? undefined : currentVersion(slot)
  if (v === undefined || v.value !== value || v.status !== c.status) return false
  if (c.source?.quote !== undefined && v.source?.quote !== c.source.quote) return false
  if (outlier !== undefined && v.outlier !== outlier) return false
  return c.illustrative === undefined || v.illustrative === c.illustrative
}

export function reportValue(s: Scope, c: CommandOf<'ReportValue'>): Decision {
  const ind = indicatorFor(s, c)
  if (failed(ind)) return ind
  const plan = planOfIndicator(s.state, ind)
  if (failed(plan)) return plan
  const bad = checkPeriod(s, c.period, ind, plan)
  if (bad !== undefined) return bad
  const figure = checkFigure(c, currentDefinition(ind))
  if (failed(figure)) return figure
  const slot = slotOf(ind, c.period)
  // Nothing new to record (before the lock: an unchanged figure of an approved period is no
  // attempt to change it).
  if (c.ifChanged === true && holdsAlready(slot, c, figure.value, figure.outlier))
    return { _tag: 'Accepted', events: [] }
  const lock = locked(slot, c.period, 'a plan-admin corrects the figure in force instead')
  if (lock !== undefined) return lock
  const data = compact({
    indicatorId: c.indicatorId,
    period: c.period,
    value: figure.value,
    status: c.status,
    unit: figure.unit,
    source: c.source,
    illustrative: c.illustrative,
    outlier: figure.outlier,
    submitted: c.submitted,
  })
  return accept(
    s,
    c.id,
    streams.indicator(c.indicatorId),
    'ValueReported',
    data,
    periodEnd(c.period),
  )
}

export function correctValue(s: Scope, c: CommandOf<'CorrectValue'>): Decision {
  const ind = indicatorFor(s, c)
  if (failed(ind)) return ind
  const pv = slotOf(ind, c.period)
  const retry = resent(pv, c.id)
  const current = retry ? undefined : inForce(pv, 'corrects', c.corrects, c.period)
  if (current !== undefined && failed(current)) return current
  // An approved figure holds: only the plan administrators who approve figures correct it.
  if (!retry && s.ctx.actor.role !== 'plan-admin') {
    const lock = locked(
      pv,
      c.period,
      `only a plan-admin changes an approved figure, with a CorrectValue of ${showValue(c.corrects)}; ask one to correct it`,
    )
    if (lock !== undefined) return lock
  }
  const reason = reasonOf(c.reason)
  if (failed(reason)) return reason
  const figure = checkFigure(c, currentDefinition(ind))
  if (failed(figure)) return figure
  const data = compact({
    indicatorId: c.indicatorId,
    period: c.period,
    value: figure.value,
    status: c.status,
    corrects: c.corrects,
    reason,
    unit: figure.unit,
    source: c.source,
    illustrative: c.illustrative,
    outlier: figure.outlier,
    submitted: c.submitted,
  })
  return accept(
    s,
    c.id,
    streams.indicator(c.indicatorId),
    'ValueCorrected',
    data,
    periodEnd(c.period),
  )
}

export function retractValue(s: Scope, c: CommandOf<'RetractValue'>): Decision {
  const ind = indicatorFor(s, c)
  if (failed(ind)) return ind
  const pv = slotOf(ind, c.period)
  const retry = resent(pv, c.id)
  const current = retry ? undefined : inForce(pv, 'retracts', c.retracts, c.period)
  if (current !== undefined && failed(current)) return current
  const reason = reasonOf(c.reason)
  if (failed(reason)) return reason
  const lock = retry
    ? undefined
    : locked(pv, c.period, 'a plan-admin corrects it instead of retracting it')
  if (lock !== undefined) return lock
  const data = { indicatorId: c.indicatorId, period: c.period, retracts: c.retracts, reason }
  return accept(
    s,
    c.id,
    streams.indicator(c.indicatorId),
    'ValueRetracted',
    data,
    periodEnd(c.period),
  )
}

/** The submitted version in force a review names, checked for four eyes. */
function reviewable(
  s: Scope,
  c: { readonly indicatorId: string; readonly period: PeriodKey },
  path: string,
  named: string,
): Checked<ValueVersion> {
  const ind = findIndicator(s.state, c.indicatorId)
  if (failed(ind)) return ind
  const pv = slotOf(ind, c.period)
  const current = inForce(pv, path, named, c.period)
  if (failed(current)) return current
  const last = pv?.approvals[pv.approvals.length - 1]
  if (last === undefined || last.state !== 'submitted' || last.eventId !== current.eventId) {
    const state =
      last === undefined
        ? 'never submitted'
        : last.state === 'submitted'
          ? 'superseded since submission'
          : last.state
    return rejected(
      'not-submitted',
      path,
      `a figure awaiting approval (${named} is ${state})`,
      named,
    )
  }
  if (current.actor === s.ctx.actor.id) {
    return rejected(
      'self-approval',
      'actor',
      `someone other than the reporter of ${showValue(named)}`,
      s.ctx.actor.id,
    )
  }
  return current
}

export function approveValue(s: Scope, c: CommandOf<'ApproveValue'>): Decision {
  const current = reviewable(s, c, 'approves', c.approves)
  if (failed(current)) return current
  const data = { indicatorId: c.indicatorId, period: c.period, approves: c.approves }
  return accept(
    s,
    c.id,
    streams.indicator(c.indicatorId),
    'ValueApproved',
    data,
    periodEnd(c.period),
  )
}

export function returnValue(s: Scope, c: CommandOf<'ReturnValue'>): Decision {
  const current = reviewable(s, c, 'returns', c.returns)
  if (failed(current)) return current
  const reason = reasonOf(c.reason)
  if (failed(reason)) return reason
  const data = { indicatorId: c.indicatorId, period: c.period, returns: c.returns, reason }
  return accept(
    s,
    c.id,
    streams.indicator(c.indicatorId),
    'ValueReturned',
    data,
    periodEnd(c.period),
  )
}
