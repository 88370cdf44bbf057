// Event inputs for this package's tests: value reports for Shengzhou indicator I01.
import type { EventInput, IsoDate, PeriodKey } from '@progress-ledger/core'

/** A value report. */
export function valueReported(
  id: string,
  period: string,
  value: number,
  indicatorId = 'I01',
): EventInput {
  return {
    id,
    type: 'ValueReported',
    validTime: `${period}-12-31` as IsoDate,
    actor: 'fgj',
    data: { indicatorId, period: period as PeriodKey, value, status: 'final' },
  }
}

/** `n` value reports with ids `${prefix}-1` … */
export function reports(prefix: string, n: number, indicatorId = 'I01'): EventInput[] {
  return Array.from({ length: n }, (_, i) =>
    valueReported(`${prefix}-${i + 1}`, String(2021 + (i % 5)), i + 0.5, indicatorId),
  )
}
