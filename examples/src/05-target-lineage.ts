// 05 — A target revised mid-plan and a quota assigned by the higher level, with the lineage
// shown: every version of the target, why it changed, who recorded it and when. The 2025 target
// of goods trade (I18, printed 110) is revised to 100 to match the plan's own overall goal; the
// energy-intensity targets (I03, printed 完成上级下达任务) wait for the quota Shaoxing hands down
// (both ILLUSTRATIVE events on top of the seed's plan).
import assert from 'node:assert/strict'
import { asOf, type LedgerState, targetsByDue } from '@progress-ledger/core'
import { formatTarget } from '@progress-ledger/plan'
import { evaluatePlan } from '@progress-ledger/reporting'
import { runIfMain, shengzhouLedger } from './shengzhou/ledger'
import { loadPlan } from './shengzhou/seeds'

function lineage(state: LedgerState, id: string): string[] {
  const ind = state.indicators.get(id)
  assert.ok(ind !== undefined)
  const lines: string[] = []
  for (const { target } of targetsByDue(ind)) {
    lines.push(`  target ${target.targetId} (${target.role}):`)
    for (const v of target.history) {
      const why =
        v.cause === 'revised'
          ? ` — reason: ${v.reason}`
          : v.cause === 'quota'
            ? ` — assigned by ${v.assignedBy}`
            : ''
      lines.push(
        `    ${v.cause.padEnd(7)} ${formatTarget(v.expression, 'en').padEnd(22)} valid from ${v.validTime}, recorded ${v.recordedTime} by ${v.actor} [${v.eventId}]${why}`,
      )
    }
  }
  return lines
}

function statusOf(state: LedgerState, id: string, day: string): string {
  const r = evaluatePlan(
    asOf(state, { validTime: day, recordedTime: `${day}T23:59:59.999Z` }),
    { asOf: day, lang: 'en', planId: loadPlan().plan.id },
    { formatTarget },
  )
  if (r._tag !== 'Report') throw new Error(JSON.stringify(r))
  return r.report.indicators.find((i) => i.indicatorId === id)?.status ?? 'absent'
}

export async function main(): Promise<string> {
  const { state } = await shengzhouLedger()
  const lines = [
    'I18 goods trade (亿元):',
    ...lineage(state, 'I18'),
    '',
    'I03 energy use per unit of GDP:',
    ...lineage(state, 'I03'),
    '',
  ]
  const before = statusOf(state, 'I03', '2022-03-31')
  const after = statusOf(state, 'I03', '2022-12-31')
  lines.push(
    `I03 status as known on 2022-03-31 (no quota yet): ${before}`,
    `I03 status as known on 2022-12-31 (quota assigned 2022-05-16): ${after}`,
  )
  assert.equal(before, 'target-pending')
  assert.notEqual(after, 'target-pending')
  const i18 = state.indicators.get('I18')?.targets['I18-2025']
  assert.equal(i18?.history.length, 2)
  assert.equal(i18?.history[1]?.cause, 'revised')
  return `${lines.join('\n')}\n`
}

await runIfMain(import.meta.url, main)
