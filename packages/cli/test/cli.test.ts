import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fixedClock } from '@progress-ledger/core'
import { openSqliteStore } from '@progress-ledger/store-sqlite'
import { describe, expect, it } from 'vitest'
import { jsonl, setupLines, world } from './harness'

const reportLine = (value: unknown, period = '2021') => ({
  type: 'ReportValue',
  indicatorId: 'I01',
  period,
  value,
  status: 'preliminary',
})

describe('progress-ledger', () => {
  it('prints help and exits 2 without a command, 0 with --help', async () => {
    const w = world()
    const none = await w.cli()
    expect(none.code).toBe(2)
    expect(none.stdout).toContain('import-plan')
    const help = await w.cli('report', '--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('--known-at <DATE>')
  })

  it('reports usage errors with exit code 2', async () => {
    const w = world()
    expect((await w.cli('frobnicate')).code).toBe(2)
    const bad = await w.cli('report', '--format', 'pdf', '--store', 'memory:')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--format: expected md, html, csv, json or xlsx, got "pdf"')
    const store = await w.cli('init', '--store', 'mysql://x')
    expect(store.code).toBe(2)
    expect(store.stderr).toContain('--store: expected sqlite:PATH')
  })

  it('init creates a SQLite ledger file', async () => {
    const w = world()
    const r = await w.cli('init', '--store', 'sqlite:ledger.sqlite')
    expect(r).toMatchObject({ code: 0 })
    expect(r.stdout).toContain(`ledger ready at sqlite:${join(w.dir, 'ledger.sqlite')} (0 events)`)
  })

  it('append decides every line, reports each bad line as FILE:LINE: path: message, and appends nothing', async () => {
    const w = world()
    const store = ['--store', 'sqlite:l.sqlite']
    expect(
      (
        await w.cli(
          'append',
          w.write('setup.jsonl', jsonl(setupLines)),
          '--actor',
          'plan-admin:office',
          ...store,
        )
      ).code,
    ).toBe(0)
    const text = [
      JSON.stringify(reportLine(10.1)),
      JSON.stringify(reportLine('12,5', '2022')),
      '{not json',
    ].join('\n')
    const notJson = await w.cli(
      'append',
      w.write('bad.jsonl', text),
      '--actor',
      'reporter:clerk@fgj',
      ...store,
    )
    expect(notJson.code).toBe(1)
    expect(notJson.stderr).toContain('bad.jsonl:3: (line): expected a JSON object')
    const refused = await w.cli(
      'append',
      w.write(
        'bad2.jsonl',
        jsonl([
          reportLine(10.1),
          reportLine('12,5', '2022'),
          { ...reportLine(9), indicatorId: 'I99' },
        ]),
      ),
      '--actor',
      'reporter:clerk@fgj',
      ...store,
    )
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('bad2.jsonl:2: value: expected a number, got "12,5"')
    expect(refused.stderr).toMatch(/bad2\.jsonl:3: .*I99/)
    const history = await w.cli('history', 'I01', '--lang', 'en', ...store)
    expect(history.stdout).not.toContain('value 2021')
    const other = await w.cli(
      'append',
      w.write('other.jsonl', jsonl([reportLine(10.1)])),
      '--actor',
      'reporter:clerk@jyj',
      ...store,
    )
    expect(other.code).toBe(1)
    expect(other.stderr).toContain('other.jsonl:1:')
    const ok = await w.cli('append', 'other.jsonl', '--actor', 'reporter:clerk@fgj', ...store)
    expect(ok).toMatchObject({ code: 0 })
    expect(ok.stdout).toContain('appended 1 event(s)')
  })

  it('--record-denied records the refusals on authorisation, and only them, and says so', async () => {
    const w = world()
    const store = ['--store', 'sqlite:l.sqlite']
    await w.cli(
      'append',
      w.write('setup.jsonl', jsonl(setupLines)),
      '--actor',
      'plan-admin:office',
      ...store,
    )
    const department = { type: 'RegisterDepartment', departmentId: 'jyj', name: { zh: '市教育局' } }
    await w.cli(
      'append',
      w.write('dep.jsonl', jsonl([department])),
      '--actor',
      'plan-admin:office',
      ...store,
    )
    const before = Number((await w.cli('head', ...store)).stdout.split(':')[0])
    const file = w.write('denied.jsonl', jsonl([reportLine(10.1), reportLine('12,5', '2022')]))
    const plain = await w.cli('append', file, '--actor', 'reporter:clerk@jyj', ...store)
    expect(plain.code).toBe(1)
    expect(plain.stderr).toContain('2 of 2 line(s) refused; nothing appended\n')
    expect(Number((await w.cli('head', ...store)).stdout.split(':')[0])).toBe(before)
    const recorded = await w.cli(
      'append',
      file,
      '--actor',
      'reporter:clerk@jyj',
      '--record-denied',
      ...store,
    )
    expect(recorded.code).toBe(1)
    // Line 1 is refused on authorisation (jyj does not answer for I01) and recorded; line 2, a
    // malformed value, is refused and not recorded.
    expect(recorded.stderr).toContain(
      `2 of 2 line(s) refused; nothing of the file appended, only 1 AccessDenied audit event(s) for the refusals on authorisation (head at position ${before + 1})`,
    )
    const exported = await w.cli('export', ...store)
    const last = JSON.parse(exported.stdout.trim().split('\n').slice(-2)[0] as string) as {
      type: string
      position: number
    }
    expect([last.type, last.position]).toEqual(['AccessDenied', before + 1])
  })

  it('a file whose commands all hold already says so, and records nothing', async () => {
    const w = world()
    const store = ['--store', 'sqlite:l.sqlite']
    await w.cli(
      'append',
      w.write('setup.jsonl', jsonl(setupLines)),
      '--actor',
      'plan-admin:office',
      ...store,
    )
    const line = { ...reportLine(10.1), ifChanged: true }
    const first = await w.cli(
      'append',
      w.write('v.jsonl', jsonl([line])),
      '--actor',
      'reporter:clerk@fgj',
      ...store,
    )
    expect(first.stdout).toMatch(
      /^1 command\(s\): appended 1 event\(s\), head at position (\d+)\n$/,
    )
    const head = (await w.cli('head', ...store)).stdout
    const again = await w.cli('append', 'v.jsonl', '--actor', 'reporter:clerk@fgj', ...store)
    expect(again.code).toBe(0)
    expect(again.stdout).toBe(
      `1 command(s): each already holds in the ledger, nothing new (head at position ${head.split(':')[0]})\n`,
    )
    expect((await w.cli('head', ...store)).stdout).toBe(head)
  })

  it('history lists corrections with both times', async () => {
    const w = world()
    const store = ['--store', 'sqlite:l.sqlite']
    await w.cli(
      'append',
      w.write('setup.jsonl', jsonl(setupLines)),
      '--actor',
      'plan-admin:office',
      ...store,
    )
    await w.cli(
      'append',
      w.write('v.jsonl', jsonl([{ ...reportLine(10.1), id: 'v2021' }])),
      '--actor',
      'reporter:clerk@fgj',
      ...store,
    )
    w.clock.set('2022-09-30T09:00:00.000Z')
    const fix = {
      type: 'CorrectValue',
      indicatorId: 'I01',
      period: '2021',
      value: 10.3,
      status: 'final',
      corrects: 'v2021',
      reason: 'final statistics',
    }
    expect(
      (
        await w.cli(
          'append',
          w.write('c.jsonl', jsonl([fix])),
          '--actor',
          'reporter:clerk@fgj',
          ...store,
        )
      ).code,
    ).toBe(0)
    const h = await w.cli('history', 'I01', '--lang', 'en', ...store)
    expect(h.code).toBe(0)
    expect(h.stdout).toContain('value 2021: 10.1 (preliminary)')
    expect(h.stdout).toMatch(
      /2022-09-30T09:00:00.000Z\s+2021-12-31\s+clerk\s+value 2021 corrected to 10.3 \(replaces v2021\) — final statistics/,
    )
    expect((await w.cli('history', 'I99', ...store)).code).toBe(1)
    // What changed since a report was published: one as-of date, two recorded times.
    const since = await w.cli(
      'diff',
      '--from',
      '2021-12-31',
      '--to',
      '2021-12-31',
      '--from-known-at',
      '2022-06-30',
      '--to-known-at',
      '2022-12-31',
      '--lang',
      'en',
      ...store,
    )
    expect(since.code, since.stderr).toBe(0)
    const [title, ...changes] = since.stdout.split('\n')
    expect(title).toMatch(
      /^Changes from 2021-12-31 \(as known at 2022-06-30\) to 2021-12-31 \(as known at 2022-12-31\): [1-9]/,
    )
    expect(
      changes.find((l) => l.includes('I01') && l.includes('10.1') && l.includes('10.3')),
    ).toBeDefined()
    const same = await w.cli(
      'diff',
      '--from',
      '2021-12-31',
      '--to',
      '2021-12-31',
      '--lang',
      'en',
      ...store,
    )
    expect(same.stdout).toMatch(/^Changes from 2021-12-31 to 2021-12-31: 0\n/)
    const bad = await w.cli(
      'diff',
      '--from',
      '2021-12-31',
      '--to',
      '2021-12-31',
      '--to-known-at',
      'soon',
      ...store,
    )
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--to-known-at: expected a date YYYY-MM-DD or an instant')
    // In Chinese by default, as every other command; the periods as Chinese prose reads them.
    const zh = await w.cli('history', 'I01', ...store)
    expect(zh.stdout).toMatch(/^#位置 {2}记录时间 +有效日期 +记录人 +事件\n/)
    expect(zh.stdout).toContain('报送2021年数值：10.1（初步数）')
    expect(zh.stdout).toMatch(
      /2022-09-30T09:00:00.000Z\s+2021-12-31\s+clerk\s+更正2021年数值为 10.3（取代 v2021）——final statistics/,
    )
    // Departments by name, as reports show them.
    expect(zh.stdout).toMatch(/定义：.+，评价指标，责任单位 市发改局 /)
    expect(zh.stdout).not.toMatch(/\bvalue\b|defined:/)
    expect((await w.cli('history', 'I01', '--lang', 'fr', ...store)).stderr).toContain(
      '--lang: expected zh or en, got "fr"',
    )
  })

  it('verify finds an edited event in the SQLite file', async () => {
    const w = world()
    const store = ['--store', 'sqlite:l.sqlite']
    await w.cli(
      'append',
      w.write('setup.jsonl', jsonl(setupLines)),
      '--actor',
      'plan-admin:office',
      ...store,
    )
    const good = await w.cli('verify', ...store)
    expect(good.code).toBe(0)
    expect(good.stdout).toContain(`hash chain intact: ${setupLines.length} events`)
    const direct = await openSqliteStore({
      path: join(w.dir, 'l.sqlite'),
      clock: fixedClock('2022-03-01'),
    })
    const row = direct.db
      .prepare('SELECT position, data FROM events WHERE type = ?')
      .get('BaselineSet') as { position: number; data: string }
    direct.db
      .prepare('UPDATE events SET data = ? WHERE position = ?')
      .run(row.data.replace('9.2', '9.9'), row.position)
    await direct.close()
    const bad = await w.cli('verify', ...store)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain(`hash chain BROKEN at position ${row.position}`)
  })

  it('export and import reproduce the ledger exactly, in JSONL and CloudEvents', async () => {
    const w = world()
    await w.cli(
      'append',
      w.write('setup.jsonl', jsonl(setupLines)),
      '--actor',
      'plan-admin:office',
      '--store',
      'sqlite:a.sqlite',
    )
    w.clock.set('2022-04-01T09:00:00.000Z')
    await w.cli(
      'append',
      w.write('v.jsonl', jsonl([reportLine(10.1)])),
      '--actor',
      'reporter:clerk@fgj',
      '--store',
      'sqlite:a.sqlite',
    )
    for (const format of ['jsonl', 'cloudevents']) {
      expect(
        (
          await w.cli(
            'export',
            '--format',
            format,
            '--out',
            `e.${format}`,
            '--store',
            'sqlite:a.sqlite',
          )
        ).code,
      ).toBe(0)
      const imported = await w.cli('import', `e.${format}`, '--store', `sqlite:b-${format}.sqlite`)
      expect(imported.stdout).toContain(
        `imported ${setupLines.length + 1} events; hash chain reproduced`,
      )
      const again = await w.cli('export', '--store', `sqlite:b-${format}.sqlite`)
      const original = await w.cli('export', '--store', 'sqlite:a.sqlite')
      expect(again.stdout).toBe(original.stdout)
    }
    const ce = JSON.parse(readFileSync(join(w.dir, 'e.cloudevents'), 'utf8')) as Array<
      Record<string, unknown>
    >
    expect(ce[0]).toMatchObject({
      specversion: '1.0',
      type: 'org.progress-ledger.PlanAdopted',
      subject: 'plan-sz',
    })
    // An edited export is refused whole.
    const lines = readFileSync(join(w.dir, 'e.jsonl'), 'utf8').replace(
      '"value":10.1',
      '"value":19.1',
    )
    writeFileSync(join(w.dir, 'edited.jsonl'), lines)
    const refused = await w.cli('import', 'edited.jsonl', '--store', 'sqlite:c.sqlite')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('hash chain broken')
    // Refused before the ledger was opened: not even the file was created.
    expect(existsSync(join(w.dir, 'c.sqlite'))).toBe(false)
  })

  it('target parse shows the canonical forms, and quotes the position of an error', async () => {
    const w = world()
    const ok = await w.cli('target', 'parse', '95以上')
    expect(ok.code).toBe(0)
    expect(ok.stdout).toContain('zh:      95以上')
    const json = JSON.parse((await w.cli('target', 'parse', '< 1.8', '--json')).stdout) as {
      expression: unknown
    }
    expect(json.expression).toEqual({ kind: 'comparison', op: 'lt', value: 1.8, wording: 'symbol' })
    const bad = await w.cli('target', 'parse', '约90')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('cannot parse target "约90": unexpected "约" at position 0')
  })
})
