// 02 — Replay the Hangzhou–Taizhou railway chronicle (2016–2022) and show the Shengzhou
// section's state at chosen dates — end of 2019, end of 2020, the opening day — with the
// milestone timeline. Dates keep the chronicle's precision (a month, late December, a range).
import assert from 'node:assert/strict'
import { asOf, earliestDay, isoDate, metRecord, type MilestoneState } from '@progress-ledger/core'
import { evaluateProject } from '@progress-ledger/reporting'
import { runIfMain, shengzhouLedger } from './shengzhou/ledger'
import { RAILWAY } from './shengzhou/seeds'

const DATES = ['2019-12-31', '2020-12-31', '2022-01-08'] as const

function when(m: MilestoneState): string {
  const met = metRecord(m)
  if (met === undefined) return 'not met'
  const d = met.date
  return d.precision === 'day'
    ? d.date
    : d.precision === 'range'
      ? `${d.date}…${d.end ?? ''}`
      : `${d.date} (${d.precision})`
}

export async function main(): Promise<string> {
  const { state } = await shengzhouLedger({ illustrative: false })
  const lines: string[] = []
  const counts: number[] = []
  for (const day of DATES) {
    const project = asOf(state, { validTime: day }).projects.get(RAILWAY)
    assert.ok(project !== undefined, `the railway is registered by ${day}`)
    const report = evaluateProject(project, isoDate(day))
    counts.push(report.met)
    const met = project.milestoneOrder
      .map((id) => project.milestones[id] as MilestoneState)
      .filter((m) => metRecord(m) !== undefined)
    const last = met[met.length - 1]
    lines.push(
      `as of ${day}: ${report.met} milestones met; latest: ${last === undefined ? '—' : `${when(last)} ${last.title.en ?? last.title.zh}`}`,
    )
  }
  lines.push('', 'timeline (as of the opening day):')
  const opened = asOf(state, { validTime: '2022-01-08' }).projects.get(RAILWAY)
  assert.ok(opened !== undefined)
  const byDate = Object.values(opened.milestones)
    .filter((m) => metRecord(m) !== undefined)
    .map((m) => ({
      m,
      day: earliestDay((metRecord(m) as NonNullable<ReturnType<typeof metRecord>>).date),
    }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
  for (const { m } of byDate) {
    lines.push(`  ${when(m).padEnd(24)} ${m.kind.padEnd(21)} ${m.title.zh}`)
  }
  const opening = evaluateProject(opened, isoDate('2022-01-08')).milestones.find(
    (m) => m.kind === 'opening',
  )
  lines.push(
    '',
    `opening: planned ${opening?.planned ?? '—'} (4-year construction period from 2017-12-28), met ${opening?.met ?? '—'}, slip ${opening?.slipDays ?? '—'} days`,
  )
  assert.ok(
    (counts[0] ?? 0) < (counts[1] ?? 0) && (counts[1] ?? 0) < (counts[2] ?? 0),
    'milestones accumulate',
  )
  assert.equal(opening?.met, '2022-01-08')
  assert.equal(opening?.slipDays, 11)
  return `${lines.join('\n')}\n`
}

await runIfMain(import.meta.url, main)
