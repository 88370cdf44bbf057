// 04 — Bitemporal: GDP per capita for 2022 was reported as a preliminary figure in February 2023
// and corrected months later, in September 2023 (ILLUSTRATIVE figures). The report for the end of
// 2022 as known in June 2023 shows the old figure; as known now, the corrected one — and the
// ledger keeps both, with who recorded what and when.
import assert from 'node:assert/strict'
import { asOf, type LedgerState } from '@progress-ledger/core'
import { formatTarget } from '@progress-ledger/plan'
import { diffReports, evaluatePlan, type PlanReport } from '@progress-ledger/reporting'
import { runIfMain, shengzhouLedger } from './shengzhou/ledger'
import { loadPlan } from './shengzhou/seeds'

function reportAt(state: LedgerState, knownAt?: string): PlanReport {
  const view = asOf(state, {
    validTime: '2022-12-31',
    ...(knownAt === undefined ? {} : { recordedTime: knownAt }),
  })
  const r = evaluatePlan(
    view,
    { asOf: '2022-12-31', lang: 'en', planId: loadPlan().plan.id },
    { formatTarget },
  )
  if (r._tag !== 'Report') throw new Error(JSON.stringify(r))
  return r.report
}

export async function main(): Promise<string> {
  const { state, store } = await shengzhouLedger()
  const then = reportAt(state, '2023-06-30T23:59:59.999Z')
  const now = reportAt(state)
  const gdpThen = then.indicators.find((i) => i.indicatorId === 'I01')
  const gdpNow = now.indicators.find((i) => i.indicatorId === 'I01')
  assert.ok(gdpThen?.latest && gdpNow?.latest)
  const lines = [
    'GDP per capita (I01), year 2022, report as of 2022-12-31:',
    `  as known on 2023-06-30: ${gdpThen.latest.value} 万元 — ${gdpThen.status}`,
    `  as known now:           ${gdpNow.latest.value} 万元 — ${gdpNow.status} (${gdpNow.latest.revisions} versions of the 2022 figure)`,
    '',
    'the ledger keeps every version (stream indicator-I01):',
  ]
  for (const e of await store.readStream('indicator-I01')) {
    if (e.type === 'ValueReported' || e.type === 'ValueCorrected') {
      if (e.data.period !== '2022') continue
      lines.push(
        `  recorded ${e.recordedTime} by ${e.actor}: ${e.type} ${e.data.value} (${e.data.status})${e.type === 'ValueCorrected' ? ` — ${e.data.reason}` : ''}`,
      )
    }
  }
  const d = diffReports(then, now)
  lines.push('', `what changed between the two reports: ${d.changes.length} change(s)`)
  for (const c of d.changes.filter((c) => c.subject === 'I01'))
    lines.push(`  ${c.kind} ${c.subject}: ${c.before} → ${c.after} [${c.eventIds.join(', ')}]`)
  assert.notEqual(gdpThen.latest.value, gdpNow.latest.value)
  assert.equal(gdpNow.latest.revisions, 2)
  return `${lines.join('\n')}\n`
}

await runIfMain(import.meta.url, main)
