// Renderers: snapshot-tested on the fixture ledger, deterministic, and shaped for their readers.
import { asOf } from '@progress-ledger/core'
import { isRight } from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import {
  evaluatePlan,
  type PlanReport,
  renderCsv,
  renderExplanation,
  renderHtml,
  renderJson,
  renderMarkdown,
  ReportJson,
} from '../src/index'
import { d, ledger } from './fixture'

function report(lang: 'zh' | 'en'): PlanReport {
  const r = evaluatePlan(asOf(ledger, { validTime: d('2022-12-31') }), { asOf: '2022-12-31', lang })
  if (r._tag !== 'Report') throw new Error(r._tag)
  return r.report
}

describe.each(['zh', 'en'] as const)('renderers (%s)', (lang) => {
  const r = report(lang)
  it('Markdown matches its snapshot', async () => {
    await expect(renderMarkdown(r)).toMatchFileSnapshot(`./__snapshots__/report.${lang}.md`)
  })
  it('HTML matches its snapshot and is self-contained', async () => {
    const html = renderHtml(r)
    await expect(html).toMatchFileSnapshot(`./__snapshots__/report.${lang}.html`)
    expect(html).not.toMatch(/<script|<link|src=|url\(|@import|https?:\/\//)
    expect(html).toContain('<meta name="viewport"')
    expect(html).toContain('@media print')
    expect(html).toContain('class="spark"')
    expect(html).toContain('class="timeline"')
  })
  it('CSV matches its snapshot and opens in Excel (BOM, CRLF, quoting)', async () => {
    const csv = renderCsv(r)
    await expect(csv).toMatchFileSnapshot(`./__snapshots__/report.${lang}.csv`)
    expect(csv.startsWith('\uFEFFid,number,name,')).toBe(true)
    expect(csv.split('\r\n')).toHaveLength(r.indicators.length + 2)
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/)
  })
  it('JSON matches its snapshot and decodes with its schema', async () => {
    const json = renderJson(r)
    await expect(json).toMatchFileSnapshot(`./__snapshots__/report.${lang}.json`)
    const parsed: unknown = JSON.parse(json)
    expect(isRight(ReportJson.decode(parsed))).toBe(true)
    expect(parsed).toMatchObject({
      schemaVersion: 1,
      asOf: '2022-12-31',
      projects: [{ id: 'hangtai', milestonesMet: 2, milestonesTotal: 3 }],
    })
  })
  it('is deterministic: the same ledger and options give byte-identical output', () => {
    const again = report(lang)
    for (const render of [renderMarkdown, renderHtml, renderCsv, renderJson])
      expect(render(again)).toBe(render(r))
  })
})

describe('renderExplanation', () => {
  it('prints the method, inputs with periods and events, thresholds, arithmetic and events', () => {
    const i = report('en').indicators.find((x) => x.indicatorId === 'I03')
    expect(renderExplanation(i!.explanation, 'en')).toBe(
      [
        'Method: time-proportional',
        'Grade: ahead',
        'Status: on-track',
        'Inputs: y0 = 0.5 (2020) [I03-base]; yt = 0.47 (2022) [I03-v2022]; yT = 0.45 (2025) [I03-quota]; t0 = 2020; t = 2022; T = 2025; d = -1',
        'Thresholds: ahead (pp) = 5; yellow (pp) = 10; red (pp) = 30',
        'Arithmetic: 0.47 ≤ 0.45 is false',
        'Arithmetic: τ = (now − t0) / (T − t0) = (2022 − 2020) / (2025 − 2020) = 0.4',
        'Arithmetic: p = (yt − y0) / (yT − y0) = (0.47 − 0.5) / (0.45 − 0.5) = 0.6',
        'Arithmetic: shortfall = (τ − p) · 100 = -20 pp; lead = (p − τ) · 100 = 20 pp',
        'Notes: segment starts from baseline 2020 = 0.5 (policy interim-actual)',
        'Events: I03-base, I03-quota, I03-v2021, I03-v2022',
      ].join('\n'),
    )
  })
})
