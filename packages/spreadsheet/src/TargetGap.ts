/**
 * The numeric target of an indicator in a report and its gap — the one place the workbook
 * derives them, so that the reporting package can take this over without touching the
 * renderers.
 *
 * The target is the one the indicator's status was graded against (the target input `yT` of
 * its explanation: the active segment's, or the segment just closed while the next has no value
 * yet); without one (an observation indicator, a target in words) the active segment's target,
 * else the final target. So the target, the gap and the status of a row always agree. Its number and
 * comparison: a comparison target's own (`≥90` → `ge` 90); a level target's number, compared as
 * the level's stated direction, else the indicator's (`higher` → `ge`, `lower` → `le`), else by
 * where the target lies from the baseline (above → `ge`, below → `le`, equal → `eq`); a range
 * (`5~10`) is `between` with no single number. Words (稳步提升, 完成上级下达任务, …) have none.
 *
 * The gap is how far the latest value is from meeting that comparison, in the indicator's unit
 * (none for an observation indicator, which is not graded):
 * never negative, 0 once met (for `eq`, the distance either way; for a range, the distance to the
 * nearer end), rounded to 12 significant digits so that `14 − 11.8` reads `2.2`.
 *
 * @module TargetGap
 */
import { absurd } from '@progress-ledger/core'
import type { IndicatorReport, TargetInfo } from '@progress-ledger/reporting'

/** How a value is compared with the target number. */
export type TargetComparison = 'ge' | 'gt' | 'le' | 'lt' | 'eq' | 'between'

/** An indicator's target as a number, and the gap to it. */
export interface TargetGap {
  /** The target in question. */
  readonly target: TargetInfo
  /** The number a value is compared with; `null` for a range or a target in words. */
  readonly value: number | null
  /** `null` for a target in words. */
  readonly comparison: TargetComparison | null
  /** ≥ 0, 0 once met; `null` without a numeric target or a latest value. */
  readonly gap: number | null
}

/** What {@link targetGap} reads of an indicator report. */
export type TargetGapInput = Pick<
  IndicatorReport,
  'targets' | 'segments' | 'explanation' | 'latest' | 'direction' | 'baseline' | 'series'
> &
  Partial<Pick<IndicatorReport, 'attribute'>>

const round = (x: number): number => Number(x.toPrecision(12))

function targetOf(i: TargetGapInput): TargetInfo | undefined {
  const graded = i.explanation.inputs.find((x) => x.name === 'yT')?.eventId
  const active = i.segments.find((s) => s.state === 'active')
  return (
    (graded == null ? undefined : i.targets.find((t) => t.eventId === graded)) ??
    (active === undefined ? undefined : i.targets.find((t) => t.targetId === active.targetId)) ??
    i.targets[i.targets.length - 1]
  )
}

function levelComparison(i: TargetGapInput, value: number, stated: string): TargetComparison {
  const d = stated === 'higher' || stated === 'lower' ? stated : i.direction
  if (d === 'higher') return 'ge'
  if (d === 'lower') return 'le'
  const base = i.baseline?.value ?? i.series[0]?.value
  if (base === undefined || base === value) return 'eq'
  return value > base ? 'ge' : 'le'
}

function gapTo(latest: number, value: number, c: Exclude<TargetComparison, 'between'>): number {
  switch (c) {
    case 'ge':
    case 'gt':
      return Math.max(0, round(value - latest))
    case 'le':
    case 'lt':
      return Math.max(0, round(latest - value))
    case 'eq':
      return Math.abs(round(latest - value))
    default:
      return absurd(c)
  }
}

/**
 * The numeric target and gap of an indicator of a report; `null` when it has no target.
 *
 * @example
 * import { targetGap } from '@progress-ledger/spreadsheet'
 * const target = { targetId: 'I01-2025', role: 'final', dueYear: 2025, label: '14', printed: '14', cause: 'set', eventId: 't',
 *   expression: { kind: 'level', value: 14, direction: 'higher', inferred: true } }
 * const indicator = { direction: 'higher', baseline: null, series: [], segments: [], targets: [target],
 *   explanation: { inputs: [] }, latest: { period: '2022', value: 11.8, eventId: 'v', illustrative: true, revisions: 1 } }
 * const g = targetGap(indicator)
 * g?.value // 14
 * g?.comparison // 'ge'
 * g?.gap // 2.2
 * targetGap({ ...indicator, attribute: 'observation' })?.gap // null
 */
export function targetGap(i: TargetGapInput): TargetGap | null {
  const target = targetOf(i)
  if (target === undefined) return null
  const e = target.expression
  // An observation indicator is not graded, so it is short of nothing: its target, no gap.
  const latest = i.attribute === 'observation' ? undefined : i.latest?.value
  switch (e.kind) {
    case 'comparison':
      return {
        target,
        value: e.value,
        comparison: e.op,
        gap: latest === undefined ? null : gapTo(latest, e.value, e.op),
      }
    case 'level': {
      const c = levelComparison(i, e.value, e.direction)
      const gap = latest === undefined || c === 'between' ? null : gapTo(latest, e.value, c)
      return { target, value: e.value, comparison: c, gap }
    }
    case 'range': {
      const lo = Math.min(e.min, e.max)
      const hi = Math.max(e.min, e.max)
      const gap =
        latest === undefined
          ? null
          : latest < lo
            ? round(lo - latest)
            : latest > hi
              ? round(latest - hi)
              : 0
      return { target, value: null, comparison: 'between', gap }
    }
    default:
      return { target, value: null, comparison: null, gap: null }
  }
}
