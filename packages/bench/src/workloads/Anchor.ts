/**
 * Workload (a) of anchors.md: events over 1,000 indicator streams, appended in blocks of 100
 * consecutive events per stream. In every block the last event (every 100th event overall) sets a
 * target and the others report values; the first block of each stream opens with the
 * indicator's definition, so that every value attaches (1,000 definitions, 1 % targets, the rest
 * values for 1M events).
 *
 * @module workloads/Anchor
 */
import type { AppendRequest, EventInput, IsoDate, PeriodKey } from '@progress-ledger/core'
import { uuidSource, type IdSource } from './Uuid'

/** Size of a workload of the anchor kind. */
export interface AnchorSize {
  /** Total events (a multiple of `blockSize`). */
  readonly events: number
  /** Indicator streams. */
  readonly streams: number
  /** Events per append call (and per stream block). */
  readonly blockSize: number
}

/** The 1M-event / 1,000-stream workload of anchors.md. */
export const ANCHOR_1M: AnchorSize = { events: 1_000_000, streams: 1_000, blockSize: 100 }

const DAY_MS = 86_400_000
const EPOCH = Date.UTC(2020, 0, 1)

/** The `k`-th day after 2020-01-01 as `YYYY-MM-DD` (the k-th value's period, per stream). */
export function dayAfter(k: number): string {
  return new Date(EPOCH + k * DAY_MS).toISOString().slice(0, 10)
}

/** The indicator id of stream `s`. */
export function anchorIndicator(s: number): string {
  return `I${String(s).padStart(4, '0')}`
}

/** The seed of the anchor workload's event ids. */
export const ANCHOR_SEED = 1

/**
 * The workload as append requests: one request per block of `blockSize` events, each with the
 * stream's exact expected version. Event ids are UUIDs drawn from `ids`.
 */
export function anchorRequests(
  size: AnchorSize,
  ids: IdSource = uuidSource(ANCHOR_SEED),
): AppendRequest[] {
  if (size.events % size.blockSize !== 0)
    throw new Error(`events: expected a multiple of ${size.blockSize}, got ${size.events}`)
  const blocks = size.events / size.blockSize
  const requests: AppendRequest[] = []
  const valueCount = new Array<number>(size.streams).fill(0)
  const targetCount = new Array<number>(size.streams).fill(0)
  // Valid times cycle through a cache of day strings: building them is not what we measure.
  const days: string[] = []
  for (let b = 0; b < blocks; b++) {
    const s = b % size.streams
    const indicatorId = anchorIndicator(s)
    const streamId = `indicator-${indicatorId}`
    const version = Math.floor(b / size.streams) * size.blockSize
    const events: EventInput[] = []
    for (let j = 0; j < size.blockSize; j++) {
      const id = ids()
      if (j === 0 && version === 0) {
        events.push({
          id,
          type: 'IndicatorDefined',
          validTime: '2020-01-01' as IsoDate,
          actor: 'plan-office',
          data: {
            planId: 'anchor',
            indicatorId,
            name: { zh: `指标${s}`, en: `Indicator ${s}` },
            unit: '%',
            categoryId: 'c1',
            attribute: 'evaluation',
            selfSelected: false,
            departments: ['d1'],
            direction: 'higher',
            periodicity: 'day',
          },
        })
      } else if (j === size.blockSize - 1) {
        const k = targetCount[s] ?? 0
        targetCount[s] = k + 1
        events.push({
          id,
          type: 'TargetSet',
          validTime: '2020-01-01' as IsoDate,
          actor: 'plan-office',
          data: {
            indicatorId,
            targetId: `${indicatorId}-t${k % 5}`,
            dueYear: 2025,
            role: 'final',
            expression: { kind: 'comparison', op: 'ge', value: 90 + k, wording: 'symbol' },
          },
        })
      } else {
        const k = valueCount[s] ?? 0
        valueCount[s] = k + 1
        const day = days[k] ?? (days[k] = dayAfter(k))
        events.push({
          id,
          type: 'ValueReported',
          validTime: day as IsoDate,
          actor: 'tjj',
          data: { indicatorId, period: day as PeriodKey, value: (k % 997) / 10, status: 'final' },
        })
      }
    }
    requests.push({ streamId, events, expectedVersion: version })
  }
  return requests
}
