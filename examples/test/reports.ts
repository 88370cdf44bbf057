// The main job's reports built in memory (no SQLite, no files), shared by the example tests.
import { asOf, instant, isoDate } from '@progress-ledger/core'
import { formatTarget } from '@progress-ledger/plan'
import { evaluatePlan, type PlanReport } from '@progress-ledger/reporting'
import { AS_OF, MID_TERM, REVIEW_2023 } from '../src/main-job'
import { shengzhouLedger } from '../src/shengzhou/ledger'
import { loadPlan } from '../src/shengzhou/seeds'

let cached: Promise<{ final: PlanReport; review: PlanReport; midTerm: PlanReport }> | undefined

async function build(): Promise<{ final: PlanReport; review: PlanReport; midTerm: PlanReport }> {
  const { state } = await shengzhouLedger()
  const planId = loadPlan().plan.id
  const at = (day: string, knownAt?: string): PlanReport => {
    const cut = asOf(state, {
      validTime: isoDate(day),
      ...(knownAt === undefined ? {} : { recordedTime: instant(knownAt) }),
    })
    const r = evaluatePlan(cut, { asOf: day, lang: 'en', planId }, { formatTarget })
    if (r._tag !== 'Report') throw new Error(JSON.stringify(r))
    return r.report
  }
  return {
    final: at(AS_OF),
    review: at(REVIEW_2023.asOf, REVIEW_2023.knownAt),
    midTerm: at(MID_TERM.asOf, MID_TERM.knownAt),
  }
}

/** The final (2025), 2023-review and mid-term (2022) reports of the Shengzhou history, in English. */
export function mainJobReports(): Promise<{
  final: PlanReport
  review: PlanReport
  midTerm: PlanReport
}> {
  cached ??= build()
  return cached
}
