// 03 — Replay the plan with the seed's real history (railway, 2021 chronicles) and an
// ILLUSTRATIVE yearly history for 2020–2025 (labelled as such in the data and the report), and
// render the full HTML report as of the plan's end.
import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { asOf } from '@progress-ledger/core'
import { formatTarget } from '@progress-ledger/plan'
import { evaluatePlan, renderHtml, statusCodes } from '@progress-ledger/reporting'
import { reportsDir } from './main-job'
import { runIfMain, shengzhouLedger } from './shengzhou/ledger'
import { loadPlan } from './shengzhou/seeds'

export async function main(out = reportsDir): Promise<string> {
  const { state } = await shengzhouLedger()
  const result = evaluatePlan(
    asOf(state, { validTime: '2025-12-31' }),
    { asOf: '2025-12-31', lang: 'en', planId: loadPlan().plan.id },
    { formatTarget },
  )
  assert.equal(result._tag, 'Report')
  if (result._tag !== 'Report') throw new Error('unreachable')
  const r = result.report
  const html = renderHtml(r)
  mkdirSync(out, { recursive: true })
  const file = join(out, 'example-03.en.html')
  writeFileSync(file, html)
  const illustrative = r.indicators.filter((i) => i.latest?.illustrative === true).length
  const lines = [
    `${r.indicators.length} indicators as of ${r.asOf}: ${statusCodes.map((s) => `${s} ${r.overall.counts[s]}`).join(', ')}`,
    `${illustrative} indicators show illustrative latest values (not official statistics)`,
    ...r.categories.map(
      (c) => `  ${(c.name.en ?? c.name.zh).padEnd(50)} ${c.onSchedule}/${c.graded} on schedule`,
    ),
    `wrote ${file} (${Math.round(html.length / 1024)} KiB, self-contained)`,
  ]
  assert.equal(r.indicators.length, 68)
  assert.ok(illustrative > 50)
  assert.ok(!/<script[^>]+src=|<link[^>]+href=/i.test(html), 'no external assets')
  return `${lines.join('\n')}\n`
}

await runIfMain(import.meta.url, main)
