/** Reading an indicator's values and baseline as points on the evaluation axis. */
import {
  currentBaseline,
  currentValues,
  type IndicatorState,
  type IsoDate,
  periodEnd,
  type PeriodKey,
} from '@progress-ledger/core'
import type { Point } from '../methods/NumericCase'
import { yearTime } from './Time'

/** A value as reports show it. */
export interface ValuePoint {
  readonly period: string
  readonly value: number
  readonly eventId: string
  readonly illustrative: boolean
  /** How many versions the period has had (2 or more: it was corrected). */
  readonly revisions: number
  /** The reporter's explanation of an unusual figure (a setback, a break in the series), if any. */
  readonly outlier: string | null
}

/** The time of a period (its last day on the year axis). */
export function periodTime(p: string): number {
  return yearTime(periodEnd(p as PeriodKey))
}

/** The values in force whose period ended on or before `asOf`, in period order. */
export function seriesOf(ind: IndicatorState, asOf: IsoDate): ReadonlyArray<ValuePoint> {
  return currentValues(ind)
    .filter((v) => periodEnd(v.period) <= asOf)
    .map((v) => ({
      period: v.period,
      value: v.value,
      eventId: v.version.eventId,
      illustrative: v.version.illustrative,
      revisions: v.revisions,
      outlier: v.version.outlier,
    }))
}

/** The baseline in force, if any, as a value point. */
export function baselineOf(ind: IndicatorState): ValuePoint | null {
  const b = currentBaseline(ind)
  return b === undefined
    ? null
    : {
        period: b.period,
        value: b.value,
        eventId: b.eventId,
        illustrative: b.illustrative,
        revisions: 1,
        outlier: null,
      }
}

/** A value point on the evaluation axis. */
export function toPoint(v: ValuePoint): Point {
  return { time: periodTime(v.period), value: v.value, period: v.period, eventId: v.eventId }
}
