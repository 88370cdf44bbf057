import { chromium } from 'playwright-core'
const [file, width, out, full] = process.argv.slice(2)
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] })
const p = await b.newPage({ viewport: { width: Number(width), height: 900 } })
await p.goto('file://' + file)
console.log('overflow', await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth))
await p.screenshot({ path: out, fullPage: full === 'full' })
await b.close()
