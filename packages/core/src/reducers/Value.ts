/**
 * Reducers of reported values: reported, corrected, retracted, approved, returned. Each period of
 * an indicator keeps every version of its value and every approval step, in a list sorted by
 * period whatever order the facts arrived in.
 *
 * @module reducers/Value
 */
import type { RecordedOf } from '../Envelope'
import { EMPTY } from '../internal/Draft'
import type { Draft } from '../internal/LedgerDraft'
import type { PeriodKey } from '../Period'
import type { ApprovalStep, PeriodValue, ValueVersion } from '../State'
import type { Reducers } from './Reducers'

type ValueEvent = RecordedOf<
  'ValueReported' | 'ValueCorrected' | 'ValueRetracted' | 'ValueApproved' | 'ValueReturned'
>

/** A new, empty period slot. */
function slot(period: PeriodKey): PeriodValue {
  return { period, versions: EMPTY, approvals: EMPTY }
}

/** The event's indicator, writable; `undefined` (and the event kept as unattached) when it is not defined. */
function indicatorOf(d: Draft, e: ValueEvent) {
  const ind = d.indicators.edit(e.data.indicatorId)
  if (ind === undefined)
    d.unattached(e, `indicator ${JSON.stringify(e.data.indicatorId)} is not defined`)
  return ind
}

/** A version of a period's value; one literal: this runs once per value, the hottest path of replay. */
function version(
  e: ValueEvent,
  cause: ValueVersion['cause'],
  value: number | null,
  status: ValueVersion['status'],
  reason: string | null,
  replaces: string | null,
  q: Qualifiers,
): ValueVersion {
  return {
    eventId: e.id,
    position: e.position,
    validTime: e.validTime,
    recordedTime: e.recordedTime,
    actor: e.actor,
    cause,
    value,
    status,
    reason,
    replaces,
    illustrative: q.illustrative ?? false,
    outlier: q.outlier ?? null,
    source: q.source ?? null,
  }
}

interface Qualifiers {
  readonly illustrative?: boolean
  readonly outlier?: string
  readonly source?: ValueVersion['source']
}
const NO_QUALIFIERS: Qualifiers = {}

function approval(
  e: ValueEvent,
  state: ApprovalStep['state'],
  reason: string | null,
): ApprovalStep {
  return {
    eventId: e.id,
    position: e.position,
    validTime: e.validTime,
    recordedTime: e.recordedTime,
    actor: e.actor,
    state,
    reason,
  }
}

/** A reported or corrected figure: a new version of its period, submitted for approval if asked. */
function record(
  d: Draft,
  e: RecordedOf<'ValueReported' | 'ValueCorrected'>,
  v: ValueVersion,
): void {
  const ind = indicatorOf(d, e)
  if (ind === undefined) return
  const pv = ind.period('values', e.data.period, slot)
  pv.push('versions', v)
  if (e.data.submitted === true) pv.push('approvals', approval(e, 'submitted', null))
}

/** The existing slot a retraction or a review applies to; `undefined` (kept as unattached) when there is none. */
function existing(
  d: Draft,
  e: RecordedOf<'ValueRetracted' | 'ValueApproved' | 'ValueReturned'>,
  what: string,
) {
  const ind = indicatorOf(d, e)
  if (ind === undefined) return undefined
  const pv = ind.period('values', e.data.period)
  if (pv === undefined) d.unattached(e, `no value for period ${e.data.period} to ${what}`)
  return pv
}

/** Reported, corrected, retracted, approved and returned values. */
export const valueReducers: Reducers<ValueEvent['type']> = {
  ValueReported(d, e) {
    const { data } = e
    record(d, e, version(e, 'reported', data.value, data.status, null, null, data))
  },
  ValueCorrected(d, e) {
    const { data } = e
    record(d, e, version(e, 'corrected', data.value, data.status, data.reason, data.corrects, data))
  },
  ValueRetracted(d, e) {
    const { data } = e
    existing(d, e, 'retract')?.push(
      'versions',
      version(e, 'retracted', null, null, data.reason, data.retracts, NO_QUALIFIERS),
    )
  },
  ValueApproved(d, e) {
    existing(d, e, 'review')?.push('approvals', approval(e, 'approved', null))
  },
  ValueReturned(d, e) {
    existing(d, e, 'review')?.push('approvals', approval(e, 'returned', e.data.reason))
  },
}
