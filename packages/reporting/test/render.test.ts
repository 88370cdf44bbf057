// Renderers: snapshot-tested on the fixture ledger, deterministic, and shaped for their readers.
import { asOf } from '@progress-ledger/core'
import { isRight } from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  evaluatePlan,
  type PlanReport,
  renderCsv,
  renderExplanation,
  renderHtml,
  renderIndicatorStatus,
  renderJson,
  renderMarkdown,
  ReportJson,
  csvField,
  grades,
  label,
  markdownText,
  ruleNames,
  statusCodes,
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
    expect(html).toContain('class="chart"')
    expect(html).toContain('class="milestones"')
    expect(html).toContain('id="attention"')
  })
  it('CSV matches its snapshot and opens in Excel (BOM, CRLF, quoting)', async () => {
    const csv = renderCsv(r)
    await expect(csv).toMatchFileSnapshot(`./__snapshots__/report.${lang}.csv`)
    expect(
      csv.startsWith(lang === 'en' ? '\uFEFFid,number,name,' : '\uFEFF编号,序号,指标名称,'),
    ).toBe(true)
    expect(csv.split('\r\n')).toHaveLength(r.indicators.length + 2)
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/)
  })
  it('CSV gives the gap as the other formats do: how far short, 0 once met', () => {
    // A target beaten by 0.2 (I01: 11.2 against ≥11) is 0 short, not -0.2.
    const met = {
      ...r,
      indicators: r.indicators.map((i) =>
        i.gap === null ? i : { ...i, gap: { ...i.gap, value: -0.2 } },
      ),
    }
    const rows = renderCsv(met)
      .replace(/^\uFEFF/, '')
      .split('\r\n')
    const at = (rows[0] ?? '').split(',').indexOf(lang === 'en' ? 'gap' : '距目标差距')
    expect(at).toBeGreaterThan(0)
    const gaps = met.indicators.flatMap((i, k) =>
      i.gap === null ? [] : [csvCells(rows[k + 1] ?? '')[at]],
    )
    expect(gaps.length).toBeGreaterThan(0)
    expect(new Set(gaps)).toEqual(new Set(['0']))
    expect(renderMarkdown(met)).not.toContain('差-0.2')
  })
  it('JSON matches its snapshot and decodes with its schema', async () => {
    const json = renderJson(r)
    await expect(json).toMatchFileSnapshot(`./__snapshots__/report.${lang}.json`)
    const parsed: unknown = JSON.parse(json)
    expect(isRight(ReportJson.decode(parsed))).toBe(true)
    expect(parsed).toMatchObject({
      schemaVersion: 2,
      kind: 'plan-report',
      asOf: '2022-12-31',
      projects: [
        { id: 'hangtai', milestonesMet: 2, milestonesTotal: 3, plannedTotal: 1, plannedMet: 0 },
      ],
    })
  })
  it('is deterministic: the same ledger and options give byte-identical output', () => {
    const again = report(lang)
    for (const render of [renderMarkdown, renderHtml, renderCsv, renderJson])
      expect(render(again)).toBe(render(r))
  })
})

describe('renderExplanation', () => {
  it('prints a sentence first, then the method, inputs with periods and events, thresholds, arithmetic and events', () => {
    const i = report('en').indicators.find((x) => x.indicatorId === 'I03')
    expect(renderExplanation(i!.explanation, 'en', i!.unitEn ?? i!.unit)).toBe(
      [
        'By now 40% of the way should be done and 60% is done: 20 pp ahead.',
        'Method: time-proportional progress',
        'Grade: Ahead of schedule',
        'Status: On track',
        'Inputs: y0 = 0.5 (2020) [I03-base]; yt = 0.47 (2022) [I03-v2022]; yT = 0.45 (2025) [I03-quota]; t0 = 2020; t = 2022; T = 2025; d = -1',
        'Thresholds: ahead (pp) = 5; yellow (pp behind) = 10; red (pp behind) = 30',
        'Arithmetic: yt ≤ yT: 0.47 ≤ 0.45 ✗',
        'Arithmetic: τ = (now − t0) / (T − t0) = (2022 − 2020) / (2025 − 2020) = 0.4',
        'Arithmetic: p = (yt − y0) / (yT − y0) = (0.47 − 0.5) / (0.45 − 0.5) = 0.6',
        'Arithmetic: shortfall = (τ − p) · 100 = -20 pp; lead = (p − τ) · 100 = 20 pp',
        'Notes: segment starts from the baseline 2020 = 0.5 (policy interim-actual)',
        'Events: I03-base, I03-quota, I03-v2021, I03-v2022',
      ].join('\n'),
    )
  })
  it('prints Chinese throughout in a Chinese report: method, grade, status, notes', () => {
    const i = report('zh').indicators.find((x) => x.indicatorId === 'I03')
    const text = renderExplanation(i!.explanation, 'zh', i!.unit)
    expect(text.split('\n').slice(0, 4)).toEqual([
      '按序时进度应完成40%，实际完成60%，领先20个百分点。',
      '方法：序时进度法',
      '评价：快于预期',
      '状态：符合进度',
    ])
    expect(text).toContain('说明：本段从基期值起算 2020 = 0.5（政策：按中期实际值起算）')
    // No English words left outside formulas and event ids.
    const words = text
      .split('\n')
      .filter((l) => !l.startsWith('计算') && !l.startsWith('依据事件') && !l.startsWith('输入'))
      .join(' ')
    expect(words).not.toMatch(/\b(is|true|false|method|policy|segment|the)\b/i)
  })
})

describe('safe outputs', () => {
  // A ledger whose names try to break out of each format.
  const hostile = (lang: 'zh' | 'en'): PlanReport => {
    const r = report(lang)
    const evil = '<img src=x onerror=alert(1)>\n# injected <script>alert(2)</script>'
    return {
      ...r,
      name: { zh: evil, en: evil },
      indicators: r.indicators.map((i, k) =>
        k === 0
          ? { ...i, name: { zh: '-1+1|cmd', en: '-1+1|cmd' } }
          : k === 1
            ? { ...i, unit: '\tcalc', unitEn: '\tcalc' }
            : k === 2
              ? { ...i, unit: '\rcalc', unitEn: '\rcalc' }
              : k === 3
                ? { ...i, name: { zh: evil, en: evil } }
                : i,
      ),
    }
  }
  it('CSV neutralises cells starting with = + - @ TAB CR', () => {
    const rows = renderCsv(hostile('en')).split('\r\n')
    expect(rows[1]).toContain(",'-1+1|cmd,")
    expect(rows[2]).toContain(",'\tcalc,")
    expect(rows[3]).toContain(',"\'\rcalc",')
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])
      expect(csvField(s).replace(/^"/, '').startsWith("'")).toBe(true)
    expect(csvField('12.5')).toBe('12.5')
  })
  it('Markdown escapes HTML and keeps names on one line', () => {
    const md = renderMarkdown(hostile('zh'))
    expect(md).not.toMatch(/<img|<script/)
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(md.split('\n').filter((l) => /^#+ /.test(l) && l.includes('injected'))).toEqual([
      '# &lt;img src=x onerror=alert(1)&gt; \\# injected &lt;script&gt;alert(2)&lt;/script&gt; — 进展报告',
      '### 14. &lt;img src=x onerror=alert(1)&gt; \\# injected &lt;script&gt;alert(2)&lt;/script&gt;',
    ])
    expect(md).not.toMatch(/^# injected/m)
  })
  it('HTML escapes names everywhere', () => {
    const html = renderHtml(hostile('en'))
    expect(html).not.toMatch(/<img|<script/)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})

describe('laws of the safe outputs', () => {
  const hostile = fc.string({ unit: 'binary' })
  it('a CSV text cell never starts, once unquoted, with a formula character', () => {
    fc.assert(
      fc.property(
        fc.oneof(hostile, fc.constantFrom('=', '+', '-', '@', '\t', '\r')),
        fc.string(),
        (a, b) => {
          const cell = csvField(a + b)
          const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell
          expect(/^[=+\-@\t\r]/.test(unquoted)).toBe(false)
          // the text itself is kept, behind a ' when it would start a formula
          expect(unquoted).toBe(/^[=+\-@\t\r]/.test(a + b) ? `'${a + b}` : a + b)
        },
      ),
      { numRuns: 1000 },
    )
  })
  it('Markdown text never carries a tag or a line break', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const md = markdownText(s)
        expect(md).not.toMatch(/[<>\r\n\u2028\u2029]/)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('labels are total', () => {
  it.each(['zh', 'en'] as const)(
    'every status, grade and rule has a %s label of its own',
    (lang) => {
      const tables = [
        ['status', statusCodes.map((k) => label('status', k, lang))],
        ['grade', grades.map((k) => label('grade', k, lang))],
        ['method', ruleNames.map((k) => label('method', k, lang))],
      ] as const
      for (const [kind, labels] of tables) {
        for (const l of labels) expect(l.trim()).not.toBe('')
        if (lang === 'zh') for (const l of labels) expect(l).toMatch(/\p{Script=Han}/u)
        // grades may share a word across methods (已实现, 滞后); statuses and rules may not
        if (kind !== 'grade') expect(new Set(labels).size).toBe(labels.length)
      }
    },
  )
})

/** The cells of one CSV row (RFC 4180 quoting). */
function csvCells(row: string): string[] {
  const out: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < row.length; i++) {
    const ch = row[i] as string
    if (quoted) {
      if (ch === '"' && row[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      out.push(cell)
      cell = ''
    } else cell += ch
  }
  out.push(cell)
  return out
}

describe('a report of what the ledger knew at a recorded time', () => {
  it('says so beside the as-of date in Markdown, HTML and JSON; a report without it says nothing', () => {
    const cut = asOf(ledger, {
      validTime: d('2022-12-31'),
      recordedTime: '2023-03-01T23:59:59.999Z',
    })
    for (const lang of ['zh', 'en'] as const) {
      const r = evaluatePlan(cut, {
        asOf: '2022-12-31',
        lang,
        knownAt: '2023-03-01T23:59:59.999Z',
      })
      if (r._tag !== 'Report') throw new Error(r._tag)
      const words = lang === 'zh' ? '按记录截至' : 'As known at'
      expect(renderMarkdown(r.report)).toContain(
        `- ${words}${lang === 'zh' ? '：' : ': '}2023-03-01\n`,
      )
      expect(renderHtml(r.report)).toContain(` · ${words} 2023-03-01 · `)
      const json = JSON.parse(renderJson(r.report)) as Record<string, unknown>
      expect(Object.keys(json).slice(0, 6)).toEqual([
        'schemaVersion',
        'kind',
        'planId',
        'name',
        'asOf',
        'knownAt',
      ])
      expect(json['knownAt']).toBe('2023-03-01T23:59:59.999Z')
      expect(isRight(ReportJson.decode(json))).toBe(true)
      const plain = report(lang)
      expect(renderMarkdown(plain)).not.toContain(words)
      expect(JSON.parse(renderJson(plain))).not.toHaveProperty('knownAt')
    }
    const bad = evaluatePlan(cut, { asOf: '2022-12-31', lang: 'en', knownAt: '2023-03-01' })
    expect(bad._tag).toBe('InvalidOptions')
  })
})

describe('the status of one indicator in English', () => {
  it('gives its forecast in the English unit, as every other line does', () => {
    const r = report('en')
    const found = r.indicators.find((x) => x.forecast !== null && x.unit.trim() !== '')
    if (found === undefined) throw new Error('expected an indicator with a unit and a forecast')
    const i = { ...found, unit: '万元', unitEn: '10,000 yuan' }
    const text = renderIndicatorStatus(r, i)
    const forecastLine = text.split('\n').find((l) => l.startsWith('Forecast: ') && /\d/.test(l))
    expect(forecastLine).toContain('10,000 yuan')
    expect(text).not.toContain('万元')
  })
})
