// The main job: replays the Shengzhou history — the railway chronicle 2016–2022, the plan adopted
// 2021-08-10, the 2021 chronicles, and an ILLUSTRATIVE yearly history of the plan's indicators —
// into a SQLite ledger, prints a summary, and writes the reports a planning office would
// circulate into reports/. Run: npm run demo
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { asOf, manualClock, verifyChain } from '@progress-ledger/core'
import { formatTarget } from '@progress-ledger/plan'
import {
  evaluatePlan,
  evaluateProjectTimeline,
  type PlanReport,
  type ProjectTimelineReport,
  renderCsv,
  renderHtml,
  renderJson,
  renderMarkdown,
  renderProjectHtml,
  renderProjectMarkdown,
} from '@progress-ledger/reporting'
import { openSqliteStore } from '@progress-ledger/store-sqlite'
import { replayShengzhou } from './shengzhou/replay'
import { loadIllustrative, loadPlan, RAILWAY } from './shengzhou/seeds'
import { summary } from './shengzhou/summary'

/** Where the main job writes. */
export const reportsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'reports')

/** The report dates: the plan's end, the mid-term review and the 2023 review as known at the time. */
export const AS_OF = '2025-12-31'
export const MID_TERM = { asOf: '2022-12-31', knownAt: '2023-03-31T23:59:59.999Z' } as const
export const REVIEW_2023 = { asOf: '2023-12-31', knownAt: '2024-03-31T23:59:59.999Z' } as const
/** The railway on its own timeline, before the plan was adopted. */
export const RAILWAY_AS_OF = '2019-12-31'

function report(
  state: Parameters<typeof evaluatePlan>[0],
  options: { asOf: string; lang: 'zh' | 'en' },
): PlanReport {
  const r = evaluatePlan(state, { ...options, planId: loadPlan().plan.id }, { formatTarget })
  if (r._tag !== 'Report') throw new Error(JSON.stringify(r))
  return r.report
}

function projectReport(
  state: Parameters<typeof evaluatePlan>[0],
  options: { asOf: string; lang: 'zh' | 'en' },
): ProjectTimelineReport {
  const r = evaluateProjectTimeline(state, { ...options, projectId: RAILWAY })
  if (r._tag !== 'ProjectReport') throw new Error(JSON.stringify(r))
  return r.report
}

/** Runs the main job; returns the summary text it printed. */
export async function mainJob(out = reportsDir): Promise<string> {
  mkdirSync(out, { recursive: true })
  const file = join(out, 'shengzhou.sqlite')
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true })
  const clock = manualClock('2016-01-01')
  const store = await openSqliteStore({ path: file, clock })
  try {
    const { events, state } = await replayShengzhou(store, clock, loadIllustrative())
    const chain = verifyChain(await store.readAll())
    if (chain._tag !== 'Intact') throw new Error(`hash chain broken: ${JSON.stringify(chain)}`)
    const final = report(asOf(state, { validTime: AS_OF }), { asOf: AS_OF, lang: 'zh' })
    const finalEn = report(asOf(state, { validTime: AS_OF }), { asOf: AS_OF, lang: 'en' })
    const midTerm = report(
      asOf(state, { validTime: MID_TERM.asOf, recordedTime: MID_TERM.knownAt }),
      { asOf: MID_TERM.asOf, lang: 'zh' },
    )
    const review = report(
      asOf(state, { validTime: REVIEW_2023.asOf, recordedTime: REVIEW_2023.knownAt }),
      { asOf: REVIEW_2023.asOf, lang: 'zh' },
    )
    const reviewEn = report(
      asOf(state, { validTime: REVIEW_2023.asOf, recordedTime: REVIEW_2023.knownAt }),
      { asOf: REVIEW_2023.asOf, lang: 'en' },
    )
    const railway = projectReport(asOf(state, { validTime: RAILWAY_AS_OF }), {
      asOf: RAILWAY_AS_OF,
      lang: 'zh',
    })
    const files: Record<string, string> = {
      'shengzhou.html': renderHtml(final),
      'shengzhou.en.html': renderHtml(finalEn),
      'shengzhou.md': renderMarkdown(final),
      'shengzhou.en.md': renderMarkdown(finalEn),
      'shengzhou.csv': renderCsv(final),
      'shengzhou.json': renderJson(final),
      'mid-term-2022.html': renderHtml(midTerm),
      'review-2023.html': renderHtml(review),
      'review-2023.en.html': renderHtml(reviewEn),
      'review-2023.md': renderMarkdown(review),
      'railway-2019.html': renderProjectHtml(railway),
      'railway-2019.md': renderProjectMarkdown(railway),
    }
    for (const [name, text] of Object.entries(files)) writeFileSync(join(out, name), text)
    return summary({
      report: finalEn,
      midTerm,
      review: reviewEn,
      railwayBefore: railway,
      state,
      events,
      head: chain.head,
      railway: RAILWAY,
      files: Object.keys(files),
      out,
    })
  } finally {
    await store.close()
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(await mainJob())
}
