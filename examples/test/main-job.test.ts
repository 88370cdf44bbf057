// The main job end to end: replay the seed's history into SQLite, write the reports, and open
// the HTML report in a real headless Chromium (Debian's, driven by playwright-core): it renders
// without console errors, its charts are present, and a screenshot is saved beside it.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { ReportJson } from '@progress-ledger/reporting'
import { mainJob } from '../src/main-job'

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const out = mkdtempSync(join(tmpdir(), 'pl-main-job-'))
let printed = ''

describe('main job', () => {
  it('replays the history into SQLite and prints the summary', async () => {
    printed = await mainJob(out)
    expect(printed).toMatch(/Replayed \d+ events into .*shengzhou\.sqlite; hash chain intact/)
    expect(printed).toContain('Status as of 2025-12-31 (68 indicators):')
    expect(printed).toMatch(/Red indicators \(\d+\):/)
    expect(printed).toContain(
      'opening: planned 2021-12-28, met 2022-01-08, slip 11 days; forecasts recorded: 2',
    )
    expect(printed).toContain('ILLUSTRATIVE')
    expect(printed).toMatch(
      /Needs attention as of 2023-12-31 \(as known on 2024-03-31\): \d+ red, \d+ yellow, [1-9]\d* at risk/,
    )
    expect(printed).toMatch(/ {2}at risk I\d+ +By now .* But at the current pace it reaches only/)
    expect(printed).toContain(
      'Railway as of 2019-12-31, before the plan existed: 25 milestones met, next due M052 2021-12-28',
    )
    for (const f of [
      'shengzhou.html',
      'shengzhou.en.html',
      'shengzhou.md',
      'shengzhou.csv',
      'shengzhou.json',
      'mid-term-2022.html',
      'review-2023.html',
      'railway-2019.html',
      'shengzhou.sqlite',
    ]) {
      expect(existsSync(join(out, f)), f).toBe(true)
    }
  })

  it('writes the same reports when run again (deterministic)', async () => {
    const again = mkdtempSync(join(tmpdir(), 'pl-main-job-'))
    await mainJob(again)
    for (const f of [
      'shengzhou.html',
      'shengzhou.en.html',
      'shengzhou.md',
      'shengzhou.csv',
      'shengzhou.json',
      'review-2023.html',
      'railway-2019.html',
    ]) {
      expect(readFileSync(join(again, f), 'utf8'), f).toBe(readFileSync(join(out, f), 'utf8'))
    }
  })

  it('is bilingual: Chinese throughout in zh, English units in en, names cleaned', () => {
    const zh = readFileSync(join(out, 'shengzhou.md'), 'utf8')
    const en = readFileSync(join(out, 'shengzhou.en.md'), 'utf8')
    // method, grade, status names and notes in Chinese (formulas and event ids aside)
    const prose = zh
      .split('\n')
      .filter(
        (l) => !l.startsWith('- 计算') && !l.startsWith('- 依据事件') && !l.startsWith('- 输入'),
      )
      .join('\n')
    expect(prose).not.toMatch(
      /time-proportional|achieved|on-track|off-track|\bis (true|false)\b|\bpolicy\b|\bsegment\b|Target met on/,
    )
    expect(zh).toContain('方法：序时进度法')
    expect(zh).toContain('城市PM2.5平均浓度')
    expect(zh).not.toContain('_{2.5}')
    expect(en).toContain('10,000 yuan')
    expect(en).toContain('Method: time-proportional progress')
    expect(
      readFileSync(join(out, 'shengzhou.csv'), 'utf8').startsWith('\uFEFF编号,序号,指标名称,'),
    ).toBe(true)
  })

  it('labels the illustrative figures in the reports', () => {
    expect(readFileSync(join(out, 'shengzhou.en.md'), 'utf8')).toMatch(/illustrative/i)
    const json: unknown = JSON.parse(readFileSync(join(out, 'shengzhou.json'), 'utf8'))
    const decoded = ReportJson.decode(json)
    expect(decoded._tag).toBe('Right')
    if (decoded._tag === 'Right') {
      expect(decoded.right.indicators).toHaveLength(68)
      expect(decoded.right.illustrative).toBe(true)
      // the full explanation travels with every indicator
      for (const i of decoded.right.indicators) expect(i.explanation.summary).not.toBe('')
    }
  })

  if (existsSync(CHROMIUM)) {
    it('renders the HTML report in headless Chromium with its charts and no console errors', async () => {
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      })
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
        const errors: string[] = []
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text())
        })
        page.on('pageerror', (e) => errors.push(e.message))
        page.on('request', (r) => {
          if (!r.url().startsWith('file:') && !r.url().startsWith('data:'))
            errors.push(`external request: ${r.url()}`)
        })
        await page.goto(pathToFileURL(join(out, 'shengzhou.html')).href)
        expect(await page.locator('svg').count()).toBeGreaterThan(60)
        expect(await page.title()).toContain('嵊州')
        await page.screenshot({ path: join(out, 'shengzhou.png'), fullPage: false })
        const phone = await browser.newPage({ viewport: { width: 390, height: 844 } })
        await phone.goto(pathToFileURL(join(out, 'shengzhou.html')).href)
        const overflow = await phone.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        )
        expect(overflow).toBeLessThanOrEqual(1)
        expect(errors).toEqual([])
        expect(existsSync(join(out, 'shengzhou.png'))).toBe(true)
      } finally {
        await browser.close()
      }
    })
  } else if (process.env['REQUIRE_CHROMIUM'] === '1') {
    // CI installs Chromium and sets REQUIRE_CHROMIUM: there, a missing browser is a failure.
    it('finds Chromium for the browser check', () => {
      expect.fail(
        `Chromium not found at ${CHROMIUM} (install Debian's chromium or set CHROMIUM_PATH)`,
      )
    })
  } else {
    console.warn(
      `main-job: Chromium not found at ${CHROMIUM}; the browser check of the HTML report did not run (CI runs it)`,
    )
  }
})
