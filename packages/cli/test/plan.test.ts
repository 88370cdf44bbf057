import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { jsonl, world } from './harness'

const seed = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'seeds',
  'shengzhou',
  'plan.json',
)
const store = ['--store', 'sqlite:sz.sqlite']

describe('progress-ledger with the Shengzhou plan', () => {
  it('import-plan validates the seed, records it once, and reports every problem of a broken plan', async () => {
    const w = world('2021-08-10T09:00:00.000Z')
    copyFileSync(seed, join(w.dir, 'plan.json'))
    const first = await w.cli('import-plan', 'plan.json', ...store)
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(
      /plan shengzhou-common-prosperity-2021-2025: appended \d+ event\(s\)/,
    )
    const again = await w.cli('import-plan', 'plan.json', ...store)
    expect(again.stdout).toContain('already recorded, nothing new')
    const broken = JSON.parse(readFileSync(seed, 'utf8')) as {
      plan: { indicators: Array<Record<string, unknown>> }
    }
    broken.plan.indicators[0] = { ...broken.plan.indicators[0], category: 'nowhere' }
    broken.plan.indicators[1] = {
      ...broken.plan.indicators[1],
      id: broken.plan.indicators[0]?.['id'],
    }
    const bad = await w.cli(
      'import-plan',
      w.write('broken.json', JSON.stringify(broken)),
      '--store',
      'sqlite:other.sqlite',
    )
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/broken\.json: plan\.indicators\[0\]\.category: .*"nowhere"/)
    expect(bad.stderr).toMatch(/broken\.json: plan\.indicators\[1\]\.id: .*"I01"/)
    expect(bad.stderr).toContain('nothing recorded')
    const notJson = await w.cli(
      'import-plan',
      w.write('truncated.json', readFileSync(seed, 'utf8').slice(0, 500)),
      '--store',
      'sqlite:other.sqlite',
    )
    expect(notJson.code).toBe(1)
    expect(notJson.stderr).toMatch(/truncated\.json:\d+:\d+: expected a JSON plan document/)
    // Refused before the ledger was opened: not even the file was created.
    expect(existsSync(join(w.dir, 'other.sqlite'))).toBe(false)
  })

  it("import-plan of a second plan with the first's ids refuses it and says ids are ledger-wide", async () => {
    const w = world('2021-08-10T09:00:00.000Z')
    copyFileSync(seed, join(w.dir, 'plan.json'))
    expect((await w.cli('import-plan', 'plan.json', ...store)).code).toBe(0)
    const head = (await w.cli('head', ...store)).stdout
    const copy = JSON.parse(readFileSync(seed, 'utf8')) as { plan: Record<string, unknown> }
    // The same plan copied for another county: only the plan id changed.
    copy.plan['id'] = 'county-c001'
    const r = await w.cli('import-plan', w.write('c001.json', JSON.stringify(copy)), ...store)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(
      `c001.json: plan.projects[0]: planId: expected the project's plan "shengzhou-common-prosperity-2021-2025", got "county-c001"`,
    )
    expect(r.stderr).toMatch(
      /hint: \d+ of them name an indicator, task or project of another plan: their ids are ledger-wide/,
    )
    expect((await w.cli('head', ...store)).stdout).toBe(head)
  })

  it('import-plan reports every structural error of the plan file, not only the first', async () => {
    const w = world('2021-08-10T09:00:00.000Z')
    const doc = JSON.parse(readFileSync(seed, 'utf8')) as {
      plan: {
        indicators: Array<Record<string, unknown>>
        tasks: Array<Record<string, unknown>>
      }
    }
    delete doc.plan.indicators[0]?.['unit']
    doc.plan.indicators[3] = { ...doc.plan.indicators[3], attribute: 'bogus' }
    doc.plan.tasks[2] = { ...doc.plan.tasks[2], departments: 'jxj' }
    const r = await w.cli('import-plan', w.write('shapes.json', JSON.stringify(doc)), ...store)
    expect(r.code).toBe(1)
    expect(r.stderr.split('\n')).toEqual([
      'shapes.json: plan.indicators[0].unit: expected a string, got nothing',
      'shapes.json: plan.indicators[3].attribute: expected one of evaluation, observation, got "bogus"',
      'shapes.json: plan.tasks[2].departments: expected a list, got "jxj"',
      '3 problem(s); nothing recorded',
      '',
    ])
    expect(existsSync(join(w.dir, 'sz.sqlite'))).toBe(false)
  })

  it('report, status and diff answer as of a date and as known at a date', async () => {
    const w = world('2021-08-10T09:00:00.000Z')
    copyFileSync(seed, join(w.dir, 'plan.json'))
    await w.cli('import-plan', 'plan.json', ...store)
    w.clock.set('2022-02-28T09:00:00.000Z')
    const report2021 = {
      type: 'ReportValue',
      id: 'gdp-2021',
      indicatorId: 'I01',
      period: '2021',
      value: 10.2,
      status: 'preliminary',
    }
    expect(
      (
        await w.cli(
          'append',
          w.write('a.jsonl', jsonl([report2021])),
          '--actor',
          'reporter:clerk@fgj',
          ...store,
        )
      ).code,
    ).toBe(0)
    w.clock.set('2022-09-30T09:00:00.000Z')
    const fix = {
      type: 'CorrectValue',
      indicatorId: 'I01',
      period: '2021',
      value: 10.6,
      status: 'final',
      corrects: 'gdp-2021',
      reason: 'final statistics',
    }
    expect(
      (
        await w.cli(
          'append',
          w.write('b.jsonl', jsonl([fix])),
          '--actor',
          'reporter:clerk@fgj',
          ...store,
        )
      ).code,
    ).toBe(0)

    const then = JSON.parse(
      (
        await w.cli(
          'report',
          '--as-of',
          '2021-12-31',
          '--known-at',
          '2022-06-30',
          '--format',
          'json',
          ...store,
        )
      ).stdout,
    ) as {
      knownAt?: string
      indicators: Array<{ id: string; latest: { value: number } | null }>
    }
    const now = JSON.parse(
      (await w.cli('report', '--as-of', '2021-12-31', '--format', 'json', ...store)).stdout,
    ) as typeof then
    // The report says what it was known at: the figures differ from today's.
    expect([then.knownAt, now.knownAt]).toEqual(['2022-06-30T23:59:59.999Z', undefined])
    const thenMd = await w.cli(
      'report',
      '--as-of',
      '2021-12-31',
      '--known-at',
      '2022-06-30T08:00:00Z',
      ...store,
    )
    expect(thenMd.stdout).toContain('- 截至：2021-12-31\n- 按记录截至：2022-06-30 08:00:00 UTC\n')
    expect(then.indicators.find((i) => i.id === 'I01')?.latest?.value).toBe(10.2)
    expect(now.indicators.find((i) => i.id === 'I01')?.latest?.value).toBe(10.6)
    expect(now.indicators).toHaveLength(68)

    const md = await w.cli('report', '--as-of', '2021-12-31', '--lang', 'en', ...store)
    expect(md.code).toBe(0)
    expect(md.stdout).toContain('GDP per capita')
    const csv = await w.cli(
      'report',
      '--as-of',
      '2021-12-31',
      '--format',
      'csv',
      '--out',
      'r.csv',
      ...store,
    )
    expect(csv.code).toBe(0)
    expect(readFileSync(join(w.dir, 'r.csv'), 'utf8').charCodeAt(0)).toBe(0xfeff)

    const status = await w.cli('status', 'I01', '--as-of', '2021-12-31', '--lang', 'en', ...store)
    expect(status.code).toBe(0)
    expect(status.stdout).toContain('I01 GDP per capita')
    expect(status.stdout).toContain('10.6')
    expect(status.stdout).toMatch(/^Events: .*run\d+-1/m)
    expect(status.stdout.match(/^events:/gim)).toHaveLength(1)
    expect((await w.cli('status', 'I99', ...store)).code).toBe(1)

    const diff = await w.cli(
      'diff',
      '--from',
      '2021-12-31',
      '--to',
      '2021-12-31',
      '--known-at',
      '2022-06-30',
      ...store,
    )
    expect(diff.code).toBe(0)
    expect(diff.stdout).toBe('2021-12-31 至 2021-12-31 的变化：0 项\n')
    const bad = await w.cli('report', '--as-of', '2021-13-45', ...store)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('2021-13-45')
  })
})
