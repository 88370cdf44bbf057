// The HTML reports in a real headless Chromium (Debian's, driven by playwright-core) at phone
// (390 px) and desktop (1280 px) widths: no horizontal overflow, status and owner of every
// indicator visible, the illustrative flag shown once, and no serious or critical accessibility
// violations found by axe-core (pinned in examples/package.json).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ledgerProjection, replay } from '@progress-ledger/core'
import { evaluatePlan, renderHtml } from '@progress-ledger/reporting'
import { fixtures, recorded } from '@progress-ledger/testkit'
import { mainJob } from '../src/main-job'

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium'
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const REPORTS = [
  'shengzhou.html',
  'shengzhou.en.html',
  'review-2023.html',
  'review-2023.en.html',
  'railway-2019.html',
] as const
const WIDTHS = [390, 1280] as const

interface Layout {
  readonly overflow: number
  readonly rows: number
  readonly hiddenStatus: ReadonlyArray<string>
  readonly hiddenOwner: ReadonlyArray<string>
  /** Status words not on one line (滞后 broken one character per line), or missing. */
  readonly tallStatus: ReadonlyArray<string>
  readonly badges: number
  /** Indicator names squeezed narrower than 8 em (a column a character wide, text stacked). */
  readonly narrowNames: ReadonlyArray<string>
}

async function layout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const width = window.innerWidth
    const visible = (el: Element | null): boolean => {
      if (el === null) return false
      const box = el.getBoundingClientRect()
      const style = getComputedStyle(el)
      return (
        box.width > 0 &&
        box.height > 0 &&
        box.left >= -1 &&
        box.right <= width + 1 &&
        style.visibility !== 'hidden' &&
        style.display !== 'none'
      )
    }
    const rows = Array.from(document.querySelectorAll('#indicators tbody tr'))
    const lineHeight = (el: Element): number => parseFloat(getComputedStyle(el).lineHeight) || 20
    return {
      overflow: document.documentElement.scrollWidth - width,
      rows: rows.length,
      hiddenStatus: rows.filter((r) => !visible(r.querySelector('td.status'))).map((r) => r.id),
      hiddenOwner: rows.filter((r) => !visible(r.querySelector('td.owner'))).map((r) => r.id),
      tallStatus: rows
        .filter((r) => {
          const word = r.querySelector('td.status .st')
          return word === null || word.getBoundingClientRect().height > 1.6 * lineHeight(word)
        })
        .map((r) => r.id),
      badges: document.querySelectorAll('.badge').length,
      narrowNames: rows
        .filter((r) => {
          const cell = r.querySelector('td.name')
          const em = cell === null ? 16 : parseFloat(getComputedStyle(cell).fontSize) || 16
          return cell === null || cell.getBoundingClientRect().width < 8 * em
        })
        .map((r) => r.id),
    }
  })
}

interface AxeViolation {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly nodes: ReadonlyArray<{ readonly target: ReadonlyArray<string> }>
}

async function axe(page: Page): Promise<ReadonlyArray<AxeViolation>> {
  await page.addScriptTag({ content: AXE })
  return page.evaluate(async () => {
    const api = (
      window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: AxeViolation[] }> } }
    ).axe
    const result = await api.run({ resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
    }))
  })
}

// What can be checked without a browser runs everywhere.
describe('HTML reports as written', () => {
  it('are self-contained, flag illustrative data once, and carry status and owner on every row', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pl-layout-static-'))
    await mainJob(out)
    for (const file of REPORTS) {
      const html = readFileSync(join(out, file), 'utf8')
      expect(html, file).not.toMatch(/<script|<link|src=|url\(|@import|https?:\/\//)
      expect(html, file).toContain(
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
      )
      if (file === 'railway-2019.html') continue
      expect(html.match(/class="badge"/g)?.length, file).toBe(1)
      const rows = html.match(/<tr id="row-[^"]+">.*?<\/tr>/g) ?? []
      expect(rows.length, file).toBe(68)
      for (const row of rows) {
        expect(row).toMatch(/<td class="status" data-label="[^"]+">/)
        expect(row).toMatch(/<td class="owner" data-label="[^"]+">/)
      }
    }
  })
})

if (existsSync(CHROMIUM)) {
  describe('HTML reports in headless Chromium', () => {
    const out = mkdtempSync(join(tmpdir(), 'pl-layout-'))
    let browser: Browser
    beforeAll(async () => {
      await mainJob(out)
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      })
    })
    afterAll(async () => {
      await browser?.close()
    })

    for (const file of REPORTS)
      for (const width of WIDTHS)
        it(`${file} at ${width} px: no overflow, status and owner visible, one illustrative badge`, async () => {
          const page = await browser.newPage({ viewport: { width, height: 900 } })
          try {
            await page.goto(pathToFileURL(join(out, file)).href)
            const l = await layout(page)
            expect(l.overflow).toBeLessThanOrEqual(1)
            if (file !== 'railway-2019.html') {
              expect(l.rows).toBe(68)
              expect(l.hiddenStatus).toEqual([])
              expect(l.hiddenOwner).toEqual([])
              expect(l.tallStatus).toEqual([])
              expect(l.badges).toBe(1)
              if (width >= 1280) expect(l.narrowNames).toEqual([])
            }
            if (width === 1280)
              await page.screenshot({ path: join(out, `${file}.${width}.png`), fullPage: false })
          } finally {
            await page.close()
          }
        })

    it('axe-core does report violations on a page that has them (the check can fail)', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
      try {
        await page.setContent(
          '<!DOCTYPE html><html><head><title>t</title></head><body><main><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#ddd;background:#fff">faint</p></main></body></html>',
        )
        const ids = (await axe(page)).map((v) => v.id)
        expect(ids).toEqual(
          expect.arrayContaining(['image-alt', 'color-contrast', 'html-has-lang']),
        )
      } finally {
        await page.close()
      }
    })

    it('a report with warnings: the alert is at the top, visible, and axe-core finds nothing serious', async () => {
      const state = replay(ledgerProjection, recorded(fixtures.gdpPlan))
      const broken =
        'the hash chain is broken at position 812 (event e-812): hash mismatch; figures after it may have been altered'
      for (const lang of ['zh', 'en'] as const) {
        const r = evaluatePlan(state, { asOf: '2021-12-31', lang, warnings: [broken] })
        if (r._tag !== 'Report') throw new Error(r._tag)
        for (const width of WIDTHS) {
          const page = await browser.newPage({ viewport: { width, height: 900 } })
          try {
            await page.setContent(renderHtml(r.report))
            const alert = page.getByRole('alert')
            expect(await alert.count()).toBe(1)
            expect(await alert.textContent()).toContain(broken)
            const box = await alert.boundingBox()
            expect(box !== null && box.y < 900 && box.x >= 0 && box.x + box.width <= width).toBe(
              true,
            )
            expect((await layout(page)).overflow).toBeLessThanOrEqual(1)
            const violations = await axe(page)
            expect(
              violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
            ).toEqual([])
          } finally {
            await page.close()
          }
        }
      }
    })

    for (const file of REPORTS)
      it(`${file}: axe-core finds no serious or critical violation`, async () => {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
        try {
          await page.goto(pathToFileURL(join(out, file)).href)
          const violations = await axe(page)
          expect(
            violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
          ).toEqual([])
        } finally {
          await page.close()
        }
      })
  })
} else if (process.env['REQUIRE_CHROMIUM'] === '1') {
  // CI installs Chromium and sets REQUIRE_CHROMIUM: there, a missing browser is a failure.
  describe('HTML reports in headless Chromium', () => {
    it('finds Chromium for the layout and accessibility checks', () => {
      expect.fail(
        `Chromium not found at ${CHROMIUM} (install Debian's chromium or set CHROMIUM_PATH)`,
      )
    })
  })
} else {
  console.warn(
    `report-layout: Chromium not found at ${CHROMIUM}; the layout and axe checks did not run (CI runs them)`,
  )
}
