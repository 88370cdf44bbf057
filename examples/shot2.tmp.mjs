import { chromium } from 'playwright-core'
const [file, width, out, sel] = process.argv.slice(2)
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] })
const p = await b.newPage({ viewport: { width: Number(width), height: 900 } })
await p.goto('file://' + file)
await p.locator(sel).first().scrollIntoViewIfNeeded()
await p.evaluate((s) => document.querySelector(s).scrollIntoView(), sel)
await p.screenshot({ path: out })
await b.close()
