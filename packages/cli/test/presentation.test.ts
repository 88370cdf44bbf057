// Presentation commands on a real SQLite ledger holding the Shengzhou plan: a project's timeline,
// the diff in either language, the report as a workbook, the fill-in template, and figures
// appended from a filled-in spreadsheet — read back with the spreadsheet package's readers.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { fixedClock } from '@progress-ledger/core'
import { type Cell, readCsv, readXlsx } from '@progress-ledger/spreadsheet'
import { openSqliteStore } from '@progress-ledger/store-sqlite'
import { ExitCode } from '../src/Failure'
import { type World, world } from './harness'

const seed = join(__dirname, '..', '..', '..', 'seeds', 'shengzhou', 'plan.json')
const text = (c: Cell | undefined): string =>
  c?.kind === 'text' ? c.text : c?.kind === 'number' ? String(c.value) : ''

async function planLedger(): Promise<World> {
  const w = world('2021-08-10T09:00:00.000Z')
  copyFileSync(seed, join(w.dir, 'plan.json'))
  expect((await w.cli('import-plan', 'plan.json')).code).toBe(ExitCode.ok)
  w.clock.set('2024-02-01T09:00:00.000Z')
  return w
}

/** The template as CSV with `I01` filled in for 2023 (and `extra` rows edited by the caller). */
function fillCsv(w: World, from: string, to: string, fill: Record<string, string>): void {
  const lines = readFileSync(join(w.dir, from), 'utf8').split('\r\n')
  const out = lines.map((line) => {
    const id = line.split(',')[1]
    const v = id === undefined ? undefined : fill[id]
    if (v === undefined) return line
    // The year column is the 11th: the 10 given columns, then the year, status and notes.
    const cells = line.split(',')
    cells[10] = v
    return cells.join(',')
  })
  writeFileSync(join(w.dir, to), out.join('\r\n'))
}

describe('presentation commands', () => {
  let w: World
  beforeAll(async () => {
    w = await planLedger()
  })

  it('status renders through the reporting renderer: owner, latest, target, explanation, forecast', async () => {
    const r = await w.cli('status', 'I01', '--as-of', '2021-12-31', '--lang', 'en')
    expect(r.code).toBe(ExitCode.ok)
    const lines = r.stdout.split('\n')
    expect(lines[0]).toMatch(/^I01 GDP per capita — .* as of 2021-12-31$/)
    expect(lines[1]).toMatch(/^Owner: /)
    expect(lines[3]).toMatch(/^Target: ≥14/)
    expect(r.stdout.match(/^Events: /gm)).toHaveLength(1)
    expect(r.stdout).toContain(
      'Forecast: none (needs a baseline and a later value against a numeric target)\n',
    )
  })

  it('report --project: one project in md, html and json; csv refused; an unknown id suggests', async () => {
    const md = await w.cli('report', '--project', 'f01', '--as-of', '2023-12-31', '--lang', 'en')
    expect(md.code).toBe(ExitCode.ok)
    expect(md.stdout.split('\n')[0]).toMatch(/^# .* — As of 2023-12-31$/)
    const json = await w.cli(
      'report',
      '--project',
      'F01',
      '--format',
      'json',
      '--as-of',
      '2023-12-31',
    )
    expect(json.code).toBe(ExitCode.ok)
    expect(JSON.parse(json.stdout)).toMatchObject({
      kind: 'project-report',
      projectId: 'F01',
      warnings: [],
    })
    const html = await w.cli(
      'report',
      '--project',
      'F01',
      '--format',
      'html',
      '--out',
      'f01.html',
      '--as-of',
      '2023-12-31',
    )
    expect(html.code).toBe(ExitCode.ok)
    expect(readFileSync(join(w.dir, 'f01.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/)
    const csv = await w.cli('report', '--project', 'F01', '--format', 'csv')
    expect(csv.code).toBe(ExitCode.usage)
    expect(csv.stderr).toContain('--format: expected md, html or json with --project, got "csv"')
    const typo = await w.cli('report', '--project', 'F011', '--as-of', '2023-12-31')
    expect(typo.code).toBe(ExitCode.failed)
    expect(typo.stderr).toMatch(
      /project "F011": not in the ledger as of 2023-12-31 \(did you mean F01\b/,
    )
    expect(typo.stderr).toContain('hint: the ids are listed by `progress-ledger list projects`')
    const part = await w.cli('report', '--project', 'hangtai', '--as-of', '2023-12-31')
    expect(part.stderr).toContain('(did you mean hangtai-hsr-shengzhou?)')
    const far = await w.cli('report', '--project', 'metro-line-9', '--as-of', '2023-12-31')
    expect(far.code).toBe(ExitCode.failed)
    expect(far.stderr).not.toContain('did you mean')
  })

  it('diff prints in --lang through renderDiff', async () => {
    const zh = await w.cli('diff', '--from', '2021-12-31', '--to', '2021-12-31')
    expect(zh.stdout).toBe('2021-12-31 至 2021-12-31 的变化：0 项\n')
    const en = await w.cli('diff', '--from', '2021-12-31', '--to', '2021-12-31', '--lang', 'en')
    expect(en.stdout).toBe('Changes from 2021-12-31 to 2021-12-31: 0\n')
    const fr = await w.cli('diff', '--from', '2021-12-31', '--to', '2021-12-31', '--lang', 'fr')
    expect(fr.code).toBe(ExitCode.usage)
  })

  it('report --format xlsx writes a workbook the reader reads back; without --out it is a usage error', async () => {
    const none = await w.cli('report', '--format', 'xlsx', '--as-of', '2023-12-31')
    expect(none.code).toBe(ExitCode.usage)
    expect(none.stderr).toContain('--format xlsx writes a binary workbook: give --out FILE.xlsx')
    expect(none.stdout).toBe('')
    const r = await w.cli(
      'report',
      '--format',
      'xlsx',
      '--out',
      'out/report.xlsx',
      '--as-of',
      '2023-12-31',
      '--lang',
      'en',
    )
    expect(r.code).toBe(ExitCode.ok)
    expect(r.stderr).toBe('wrote out/report.xlsx\n')
    const book = await readXlsx(readFileSync(join(w.dir, 'out/report.xlsx')), 'report.xlsx')
    if (book._tag !== 'Sheets') throw new Error(JSON.stringify(book))
    expect(book.sheets.map((s) => s.name).slice(0, 2)).toEqual(['Summary', 'Indicators'])
    const indicators = book.sheets[1]
    expect(text(indicators?.rows[1]?.[1])).toBe('I01')
    expect(text(indicators?.rows[1]?.[2])).toBe('GDP per capita')
    expect(indicators?.rows.length).toBe(1 + 68)
  })
})

describe('template and append of a spreadsheet', () => {
  it('template: usage errors name the option', async () => {
    const w = await planLedger()
    expect((await w.cli('template')).code).toBe(ExitCode.usage)
    const ext = await w.cli('template', '--out', 't.pdf')
    expect(ext.code).toBe(ExitCode.usage)
    expect(ext.stderr).toContain('--out: expected a file name ending in .xlsx or .csv, got "t.pdf"')
    const period = await w.cli('template', '--out', 't.csv', '--period', '2023-Q1')
    expect(period.code).toBe(ExitCode.usage)
    expect(period.stderr).toContain('--period: expected a year YYYY')
    const outside = await w.cli('template', '--out', 't.csv', '--period', '2030')
    expect(outside.code).toBe(ExitCode.usage)
    expect(outside.stderr).toContain(
      "--period: expected a year within the plan's years 2021–2025, got 2030",
    )
    const plan = await w.cli('template', '--out', 't.csv', '--plan', 'nope')
    expect(plan.code).toBe(ExitCode.failed)
    expect(existsSync(join(w.dir, 't.csv'))).toBe(false)
  })

  it('template .xlsx: a row per yearly indicator, read back by the workbook reader', async () => {
    const w = await planLedger()
    const r = await w.cli('template', '--out', 'fill-2023.xlsx', '--period', '2023')
    expect(r.code).toBe(ExitCode.ok)
    expect(r.stderr).toMatch(/^wrote fill-2023\.xlsx: \d+ indicator\(s\) for 2023\n$/)
    const book = await readXlsx(readFileSync(join(w.dir, 'fill-2023.xlsx')), 'fill-2023.xlsx')
    if (book._tag !== 'Sheets') throw new Error(JSON.stringify(book))
    const sheet = book.sheets[0]
    expect(sheet?.name).toBe('2023年')
    expect(sheet?.rows[1]?.slice(0, 3).map(text)).toEqual(['序号', '指标编号', '指标'])
    expect(text(sheet?.rows[1]?.[10])).toBe('2023年')
    expect(sheet?.rows[2]?.slice(0, 3).map(text)).toEqual(['1', 'I01', '人均生产总值'])
  })

  it('append FILE.csv: a filled-in template is appended; the report shows the figure', async () => {
    const w = await planLedger()
    expect((await w.cli('template', '--out', 't.csv', '--period', '2023')).code).toBe(0)
    const read = readCsv(readFileSync(join(w.dir, 't.csv')), 't.csv')
    if (read._tag !== 'Sheets') throw new Error(JSON.stringify(read))
    expect(read.sheets[0]?.rows[0]?.map(text).slice(0, 2)).toEqual(['序号', '指标编号'])
    fillCsv(w, 't.csv', 'filled.csv', { I01: '12.6' })
    const r = await w.cli('append', 'filled.csv', '--actor', 'plan-admin:office')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(ExitCode.ok)
    expect(r.stdout).toMatch(
      /^1 figure\(s\) from filled\.csv: appended 1 event\(s\), head at position \d+\n$/,
    )
    const status = await w.cli('status', 'I01', '--as-of', '2023-12-31', '--json')
    expect(JSON.parse(status.stdout).latest).toMatchObject({ value: 12.6, period: '2023' })
  })

  it('append FILE.xlsx: the filled-in workbook is appended', async () => {
    const w = await planLedger()
    expect((await w.cli('template', '--out', 't.xlsx', '--period', '2023')).code).toBe(0)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(join(w.dir, 't.xlsx'))
    const ws = wb.worksheets[0] as ExcelJS.Worksheet
    expect(ws.getCell(3, 2).value).toBe('I01')
    ws.getCell(3, 11).value = 12.4
    await wb.xlsx.writeFile(join(w.dir, 'filled.xlsx'))
    const r = await w.cli('append', 'filled.xlsx', '--actor', 'plan-admin:office')
    expect(r.code).toBe(ExitCode.ok)
    expect(r.stdout).toMatch(/^1 figure\(s\) from filled\.xlsx: appended 1 event/)
  })

  it('append: any problem at a cell refuses the whole file, nothing appended, exit 1', async () => {
    const w = await planLedger()
    expect((await w.cli('template', '--out', 't.csv', '--period', '2023')).code).toBe(0)
    fillCsv(w, 't.csv', 'bad.csv', { I01: '12.6', I02: '"12,5"' })
    const before = (await w.cli('verify')).stdout
    const r = await w.cli('append', 'bad.csv', '--actor', 'plan-admin:office')
    expect(r.code).toBe(ExitCode.failed)
    expect(r.stderr).toMatch(/^bad\.csv!bad!K\d+: expected .*, got "12,5"$/m)
    expect(r.stderr).toContain('1 problem(s) in bad.csv; nothing appended\n')
    expect((await w.cli('verify')).stdout).toBe(before)
    // Refused by the deciders (a period not begun yet), at its cell.
    w.clock.set('2022-06-30T09:00:00.000Z')
    expect((await w.cli('template', '--out', 't2.csv', '--period', '2023')).code).toBe(0)
    fillCsv(w, 't2.csv', 'early.csv', { I01: '12.6' })
    const early = await w.cli('append', 'early.csv', '--actor', 'plan-admin:office')
    expect(early.code).toBe(ExitCode.failed)
    expect(early.stderr).toMatch(
      /^early\.csv!early!K2: expected a period begun by today \(2022-06-30\), got "2023"$/m,
    )
    expect(early.stderr).toContain('nothing appended')
    const empty = await w.cli('append', 't.csv', '--actor', 'plan-admin:office')
    expect(empty.code).toBe(ExitCode.failed)
    expect(empty.stderr).toContain('t.csv: expected at least one figure filled in, got none')
    expect((await w.cli('append', 'filled.csv')).code).toBe(ExitCode.usage)
  })

  it('append: a broken hash chain refuses the figures and names the position', async () => {
    const w = await planLedger()
    expect((await w.cli('template', '--out', 't.csv', '--period', '2023')).code).toBe(0)
    fillCsv(w, 't.csv', 'filled.csv', { I01: '12.6' })
    const direct = await openSqliteStore({
      path: join(w.dir, 'progress-ledger.sqlite'),
      clock: fixedClock('2024-02-01'),
    })
    const row = direct.db
      .prepare('SELECT position, data FROM events WHERE type = ? ORDER BY position LIMIT 1')
      .get('TaskDefined') as { position: number; data: string }
    const edited = row.data.replace(/"zh":"(.)/, '"zh":"X$1')
    expect(edited).not.toBe(row.data)
    direct.db.prepare('UPDATE events SET data = ? WHERE position = ?').run(edited, row.position)
    const headBefore = await direct.headPosition()
    await direct.close()
    const r = await w.cli('append', 'filled.csv', '--actor', 'plan-admin:office')
    expect(r.code).toBe(ExitCode.failed)
    expect(r.stderr).toContain(`hash chain broken at position ${row.position}`)
    expect(r.stderr).toContain('run `progress-ledger verify`')
    const after = await openSqliteStore({
      path: join(w.dir, 'progress-ledger.sqlite'),
      clock: fixedClock('2024-02-01'),
    })
    expect(await after.headPosition()).toBe(headBefore)
    await after.close()
  })
})
