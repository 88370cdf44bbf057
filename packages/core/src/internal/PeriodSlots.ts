/**
 * The per-period value slots of an indicator, kept sorted by period (the order of
 * `comparePeriods`).
 *
 * @module internal/PeriodSlots
 */
import { periodEnd, periodKind, type PeriodKey } from '../Period'
import type { RecordedEvent } from '../Envelope'
import type { ChunkList } from '../ChunkList'
import type { IndicatorState, PeriodValue, Stamp, ValueVersion } from '../State'
import { NONE, type LedgerDraft, type Mutable } from './LedgerDraft'

/**
 * A string whose order is the order of {@link comparePeriods}: the period's last day, then the
 * rank of its kind (longer periods first). Memoised, because replay compares the same few
 * period keys millions of times; the memo is bounded and simply starts over when full.
 */
const orderKeys = new Map<string, string>()
const KIND_RANK: Readonly<Record<string, string>> = {
  year: '0',
  half: '1',
  quarter: '2',
  month: '3',
  day: '4',
}

function orderKey(period: PeriodKey): string {
  let key = orderKeys.get(period)
  if (key === undefined) {
    const kind = periodKind(period)
    // A day is its own last day: no need to compute it.
    key = `${kind === 'day' ? period : periodEnd(period)}${KIND_RANK[kind as string] ?? '9'}`
    if (orderKeys.size >= 100_000) orderKeys.clear()
    orderKeys.set(period, key)
  }
  return key
}

/** `comparePeriods(a, b) < 0`, through the memoised order keys. */
function periodBefore(a: PeriodKey, b: PeriodKey): boolean {
  return a !== b && orderKey(a) < orderKey(b)
}

/**
 * Where a period's slot is, or belongs, in values sorted by period: the index of the first slot
 * whose period is not before `period` (the list's length when all are). O(1) when periods come in
 * order, a binary search when a late fact arrives for an earlier period.
 */
export function slotIndex(values: ChunkList<PeriodValue>, period: PeriodKey): number {
  const n = values.length
  const last = values.get(n - 1)
  if (last === undefined || periodBefore(last.period, period)) return n
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (periodBefore((values.get(mid) as PeriodValue).period, period)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The period slot of an indicator (as read from the draft), writable; created when `create` is
 * set, else undefined when the indicator has no value for the period.
 */
export function slotOf(
  d: LedgerDraft,
  current: IndicatorState,
  period: PeriodValue['period'],
  create: boolean,
): Mutable<PeriodValue> | undefined {
  const i = slotIndex(current.values, period)
  const hit = current.values.get(i)
  const found = hit !== undefined && hit.period === period
  if (!found && !create) return undefined
  const ind = d.openFound(d.indicators, current.indicatorId, current)
  if (found) {
    const slot = d.own(hit)
    ind.values = ind.values.set(i, slot, d.owner)
    return slot
  }
  const slot: Mutable<PeriodValue> = d.adopt({ period, versions: NONE, approvals: NONE })
  ind.values = ind.values.insert(i, slot, d.owner)
  return slot
}

/** A new version of a period's value, stamped by its event. */
export function valueVersion(
  e: RecordedEvent,
  fields: Omit<ValueVersion, keyof Stamp>,
): ValueVersion {
  // One literal, not two spreads: this runs once per reported value, the hottest path of replay.
  return {
    eventId: e.id,
    position: e.position,
    validTime: e.validTime,
    recordedTime: e.recordedTime,
    actor: e.actor,
    cause: fields.cause,
    value: fields.value,
    status: fields.status,
    reason: fields.reason,
    replaces: fields.replaces,
    illustrative: fields.illustrative,
    outlier: fields.outlier,
    source: fields.source,
  }
}
