/**
 * Report evaluation and rendering time for the full plan: `evaluatePlan` then `renderHtml` of
 * `@progress-ledger/reporting`, for the first county's plan as of the end of 2025.
 *
 * @module measure/Report
 */
import { absurd, type LedgerState } from '@progress-ledger/core'
import { evaluatePlan, renderHtml } from '@progress-ledger/reporting'
import { median, timed } from './Timing'

/** Milliseconds to evaluate and render the HTML report (median of 5 after one warm-up), or a note. */
export function reportTime(
  state: LedgerState,
  planId = 'sz-c0000',
): { readonly ms: number | null; readonly note?: string } {
  const once = (): number => {
    const r = evaluatePlan(state, { asOf: '2025-12-31', lang: 'zh', planId })
    switch (r._tag) {
      case 'Report':
        return renderHtml(r.report).length
      case 'InvalidOptions':
        throw new Error(`evaluatePlan: invalid options ${JSON.stringify(r.issues)}`)
      case 'PlanNotFound':
        throw new Error(`evaluatePlan: ${r.message}`)
      default:
        return absurd(r)
    }
  }
  try {
    once()
    const times: number[] = []
    for (let i = 0; i < 5; i++) times.push(timed(once).ms)
    return { ms: median(times) }
  } catch (e) {
    return { ms: null, note: `the report failed: ${(e as Error).message.slice(0, 200)}` }
  }
}
