// Warnings (a ledger that does not verify): carried by the report and shown first by every
// renderer, in the report language; absent when there are none.
import { asOf } from '@progress-ledger/core'
import { describe, expect, it } from 'vitest'
import {
  csvColumns,
  csvField,
  diffReports,
  evaluatePlan,
  evaluateProjectTimeline,
  type PlanReport,
  ProjectReportJson,
  type ProjectTimelineReport,
  renderCsv,
  renderDiff,
  renderHtml,
  renderIndicatorStatus,
  renderJson,
  renderMarkdown,
  renderProjectHtml,
  renderProjectJson,
  renderProjectMarkdown,
  renderProjectText,
  ReportJson,
} from '../src/index'
import { d, ledger } from './fixture'

const BROKEN =
  'the hash chain is broken at position 812 (event e-812): hash mismatch; figures after it may have been altered'
const HOSTILE = '<b>second</b> | *not* #bold\nnext line'

function report(lang: 'zh' | 'en', warnings?: ReadonlyArray<string>, day = '2022-12-31') {
  const r = evaluatePlan(asOf(ledger, { validTime: d(day) }), {
    asOf: day,
    lang,
    ...(warnings === undefined ? {} : { warnings }),
  })
  if (r._tag !== 'Report') throw new Error(r._tag)
  return r.report
}

function project(lang: 'zh' | 'en', warnings?: ReadonlyArray<string>): ProjectTimelineReport {
  const r = evaluateProjectTimeline(asOf(ledger, { validTime: d('2022-12-31') }), {
    projectId: 'hangtai',
    asOf: '2022-12-31',
    lang,
    ...(warnings === undefined ? {} : { warnings }),
  })
  if (r._tag !== 'ProjectReport') throw new Error(r._tag)
  return r.report
}

describe('evaluatePlan warnings', () => {
  it('are empty by default and carried as given', () => {
    expect(report('en').warnings).toEqual([])
    expect(report('en', [BROKEN]).warnings).toEqual([BROKEN])
  })
  it('must be strings: bad options name the path', () => {
    const r = evaluatePlan(ledger, { asOf: '2022-12-31', lang: 'en', warnings: [812] })
    expect(r._tag === 'InvalidOptions' && r.issues[0]?.message).toBe(
      'options.warnings[0]: expected a string, got 812',
    )
  })
})

describe.each(['zh', 'en'] as const)('renderers with warnings (%s)', (lang) => {
  const plain = report(lang)
  const warned = report(lang, [BROKEN, HOSTILE])
  const heading = lang === 'zh' ? '警告' : 'Warnings'

  it('Markdown: a quote block right after the title, before the attention list', () => {
    const md = renderMarkdown(warned)
    const lines = md.split('\n')
    expect(lines[2]).toBe(
      lang === 'zh'
        ? '> **⚠ 警告** — 账本未通过校验，以下数字可能不可靠：'
        : '> **⚠ Warnings** — The ledger does not verify; the figures below may not be reliable:',
    )
    expect(lines[4]).toBe(`> - ${BROKEN}`)
    // Ledger text cannot break out of the block: escaped, on one line.
    expect(lines[5]).toBe('> - &lt;b&gt;second&lt;/b&gt; \\| \\*not\\* \\#bold next line')
    expect(md.indexOf(BROKEN)).toBeLessThan(
      md.indexOf(`## ${lang === 'zh' ? '需要关注' : 'Needs attention'}`),
    )
    expect(renderMarkdown(plain)).not.toContain(heading)
    // Without warnings, the rest is the same document.
    expect([...lines.slice(0, 2), ...lines.slice(7)].join('\n')).toBe(renderMarkdown(plain))
  })

  it('HTML: one role="alert" block at the top, escaped', () => {
    const html = renderHtml(warned)
    expect(html.match(/role="alert"/g)).toHaveLength(1)
    const alert = /<div class="alert" role="alert">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? ''
    expect(alert).toContain(`<li>${BROKEN}</li>`)
    expect(alert).toContain('<li>&lt;b&gt;second&lt;/b&gt;')
    expect(html).not.toContain('<b>second</b>')
    expect(html.indexOf('role="alert"')).toBeLessThan(html.indexOf('<main>'))
    expect(html.indexOf('role="alert"')).toBeGreaterThan(html.indexOf('<h1>'))
    expect(renderHtml(plain)).not.toContain('role="alert"')
  })

  it('CSV: a last column repeated on every row, the header still first', () => {
    // Parsed by the spreadsheet package's reader in its own tests; here, the text itself.
    const lines = renderCsv(warned)
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .slice(0, -1)
    expect(lines[0]).toBe(csvColumns(lang).map(csvField).join(','))
    expect(csvColumns(lang).at(-1)).toBe(lang === 'zh' ? '警告' : 'warnings')
    expect(lines).toHaveLength(warned.indicators.length + 1)
    const cell = csvField(`${BROKEN} | <b>second</b> | *not* #bold next line`)
    for (const line of lines.slice(1)) expect(line.endsWith(`,${cell}`)).toBe(true)
    for (const line of renderCsv(plain).split('\r\n').slice(1, -1))
      expect(line.endsWith(',')).toBe(true)
  })

  it('JSON: a warnings array right after the heading fields; decodes with the schema', () => {
    const json: unknown = JSON.parse(renderJson(warned))
    expect(ReportJson.decode(json)._tag).toBe('Right')
    expect(Object.keys(json as object).slice(0, 8)).toEqual([
      'schemaVersion',
      'kind',
      'planId',
      'name',
      'asOf',
      'lang',
      'illustrative',
      'warnings',
    ])
    expect((json as { warnings: unknown }).warnings).toEqual([BROKEN, HOSTILE])
    expect((JSON.parse(renderJson(plain)) as { warnings: unknown }).warnings).toEqual([])
  })

  it('JSON: a version-2 document written before the field still decodes', () => {
    const { warnings: _, ...older } = JSON.parse(renderJson(plain)) as Record<string, unknown>
    expect(ReportJson.decode(older)._tag).toBe('Right')
  })

  it('status text: the warnings before the headline', () => {
    const i = warned.indicators[0] as PlanReport['indicators'][number]
    const text = renderIndicatorStatus(warned, i).split('\n')
    expect(text[0]).toBe(
      lang === 'zh'
        ? '警告：账本未通过校验，以下数字可能不可靠：'
        : 'WARNINGS: The ledger does not verify; the figures below may not be reliable:',
    )
    expect(text[1]).toBe(`  ${BROKEN}`)
    expect(text[2]).toBe('  <b>second</b> | *not* #bold next line')
    expect(text[4]).toMatch(new RegExp(`^${i.indicatorId} `))
    expect(renderIndicatorStatus(plain, i).split('\n')[0]).toMatch(new RegExp(`^${i.indicatorId} `))
  })

  it('diff: the warnings of both reports, each once, before the changes', () => {
    const diff = diffReports(report(lang, [BROKEN], '2021-12-31'), warned)
    expect(diff.warnings).toEqual([BROKEN, HOSTILE])
    const text = renderDiff(diff, lang).split('\n')
    expect(text[1]).toBe(`  ${BROKEN}`)
    expect(text[4]).toMatch(lang === 'zh' ? /的变化：\d+ 项$/ : /^Changes from /)
    expect(diffReports(plain, plain).warnings).toEqual([])
    expect(renderDiff(diffReports(plain, plain), lang)).not.toContain(BROKEN)
  })

  it('project renderers: Markdown, HTML, JSON and text show them first', () => {
    const p = project(lang, [BROKEN])
    expect(p.warnings).toEqual([BROKEN])
    expect(project(lang).warnings).toEqual([])
    expect(renderProjectMarkdown(p).split('\n')[4]).toBe(`> - ${BROKEN}`)
    expect(renderProjectMarkdown(project(lang))).not.toContain(heading)
    const html = renderProjectHtml(p)
    expect(html.indexOf('role="alert"')).toBeLessThan(html.indexOf('<h1>'))
    expect(renderProjectHtml(project(lang))).not.toContain('role="alert"')
    const json: unknown = JSON.parse(renderProjectJson(p))
    expect(ProjectReportJson.decode(json)._tag).toBe('Right')
    expect(Object.keys(json as object)).toEqual([
      'schemaVersion',
      'kind',
      'projectId',
      'asOf',
      'lang',
      'planId',
      'warnings',
      'project',
    ])
    expect(renderProjectText(p).split('\n')[1]).toBe(`  ${BROKEN}`)
    expect(renderProjectText(project(lang))).not.toContain(BROKEN)
  })
})
