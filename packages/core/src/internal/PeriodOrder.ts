/**
 * The order of period keys as the state keeps them (the order of `comparePeriods`), and where a
 * period's item is, or belongs, in a list sorted by period.
 *
 * @module internal/PeriodOrder
 */
import type { ChunkList } from '../ChunkList'
import { periodEnd, periodKind, type PeriodKey } from '../Period'

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
export function slotIndex(
  values: ChunkList<{ readonly period: PeriodKey }>,
  period: PeriodKey,
): number {
  const n = values.length
  const last = values.get(n - 1)
  if (last === undefined || periodBefore(last.period, period)) return n
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (periodBefore((values.get(mid) as { readonly period: PeriodKey }).period, period))
      lo = mid + 1
    else hi = mid
  }
  return lo
}
