/**
 * Report evaluation and rendering time for the full plan: `evaluatePlan` then `renderHtml` of
 * `@progress-ledger/reporting`, for the first county's plan as of the end of 2025. The reporting
 * package is written in parallel; until it exports both functions the figure is `null` with the
 * reason, rather than a number that measures something else.
 *
 * @module measure/Report
 */
import type { LedgerState } from '@progress-ledger/core'
import { median, timed } from './Timing'

type Evaluate = (
  state: LedgerState,
  options: unknown,
) => {
  readonly _tag: string
  readonly report?: unknown
  readonly message?: string
  readonly issues?: unknown
}
type Render = (report: unknown) => string

/** Milliseconds to evaluate and render the HTML report (median of 5 after one warm-up), or a note. */
export async function reportTime(
  state: LedgerState,
  planId = 'sz-c0000',
): Promise<{ readonly ms: number | null; readonly note?: string }> {
  let mod: Record<string, unknown>
  try {
    mod = (await import('@progress-ledger/reporting')) as Record<string, unknown>
  } catch (e) {
    return { ms: null, note: `@progress-ledger/reporting does not load: ${(e as Error).message}` }
  }
  const evaluate = mod['evaluatePlan'] as Evaluate | undefined
  const render = mod['renderHtml'] as Render | undefined
  if (typeof evaluate !== 'function' || typeof render !== 'function') {
    return {
      ms: null,
      note: 'not available: @progress-ledger/reporting does not export evaluatePlan and renderHtml yet',
    }
  }
  const once = (): number => {
    const r = evaluate(state, { asOf: '2025-12-31', lang: 'zh', planId })
    if (r._tag !== 'Report')
      throw new Error(
        `evaluatePlan: expected Report, got ${r._tag} ${r.message ?? JSON.stringify(r.issues ?? '')}`,
      )
    return render(r.report).length
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
