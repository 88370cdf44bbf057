// What the tool does with the files it is given: an empty file named as the ledger, another
// application's database, command files that are not UTF-8 or carry fields no command has, an
// export edited by adding fields, and a PostgreSQL schema name it cannot use.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ExitCode } from '../src/Failure'
import { jsonl, setupLines, world, type World } from './harness'

const value = (period: string, extra: Record<string, unknown> = {}) => ({
  type: 'ReportValue',
  indicatorId: 'I01',
  period,
  value: 12.5,
  status: 'preliminary',
  ...extra,
})

async function ledger(): Promise<World> {
  const w = world('2026-03-01T09:00:00.000Z')
  const r = await w.cli(
    'append',
    w.write('setup.jsonl', jsonl(setupLines)),
    '--actor',
    'plan-admin:po',
  )
  expect(r.code).toBe(ExitCode.ok)
  return w
}

describe('the ledger file', () => {
  it('an empty file is no ledger to a command that reads: refused, and left empty', async () => {
    const w = world()
    w.write('empty.sqlite', '')
    for (const args of [['head'], ['report'], ['verify'], ['export']]) {
      const r = await w.cli(...args, '--store', 'sqlite:empty.sqlite')
      expect(r.code, args[0]).toBe(ExitCode.failed)
      expect(r.stderr).toContain('no ledger at sqlite:')
      expect(r.stderr).toContain('empty.sqlite (an empty file)')
    }
    expect(readFileSync(join(w.dir, 'empty.sqlite')).length).toBe(0)
  })

  it('a PostgreSQL schema name the store cannot use is a usage error of --store', async () => {
    const w = world()
    // Refused before any connection is made (nothing listens on port 1).
    const r = await w.cli('head', '--store', 'postgres://nobody@127.0.0.1:1/x?schema=Bad-Name')
    expect(r.code).toBe(ExitCode.usage)
    expect(r.stderr).toContain(
      '--store: schema: expected a lower-case SQL identifier (a-z, 0-9, _; at most 63 characters), got "Bad-Name"',
    )
  })

  it('a PostgreSQL --store parameter no connection reads, or one given twice, is a usage error', async () => {
    const w = world()
    // A misspelt schema would otherwise open schema public, perhaps another ledger.
    const typo = await w.cli('head', '--store', 'postgres://nobody@127.0.0.1:1/x?scheme=probe_a')
    expect(typo.code).toBe(ExitCode.usage)
    expect(typo.stderr).toContain('got "scheme" (did you mean schema?)')
    const twice = await w.cli(
      'head',
      '--store',
      'postgres://nobody@127.0.0.1:1/x?schema=a&schema=b',
    )
    expect(twice.code).toBe(ExitCode.usage)
    expect(twice.stderr).toContain('--store: expected schema once, got it 2 times')
    // What the driver reads passes on (here: refused only by the closed port).
    const tls = await w.cli(
      'head',
      '--store',
      'postgres://nobody@127.0.0.1:1/x?schema=a&sslmode=disable&application_name=pl',
    )
    expect(tls.code).toBe(ExitCode.failed)
    expect(tls.stderr).toContain(
      'cannot reach the PostgreSQL server of postgres://nobody@127.0.0.1:1/x?',
    )
    expect(tls.stderr).toContain(
      'hint: is the server running, and are the host and port in --store',
    )
  })

  it('a server that closes the connection at once is named, with what to check', async () => {
    // Something listening on the port that is not a PostgreSQL server willing to talk.
    const closing = createServer((socket) => socket.destroy())
    await new Promise<void>((resolve) => closing.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = closing.address() as AddressInfo
      const w = world()
      const r = await w.cli('head', '--store', `postgres://nobody@127.0.0.1:${port}/x?schema=a`)
      expect(r.code).toBe(ExitCode.failed)
      expect(r.stderr).toContain(
        `the PostgreSQL server of postgres://nobody@127.0.0.1:${port}/x (schema a) did not keep the connection open: Connection terminated unexpectedly`,
      )
      expect(r.stderr).toContain('hint: are the host and port in --store right')
    } finally {
      await new Promise((resolve) => closing.close(resolve))
    }
  })
})

describe('command files', () => {
  it('bytes that are not UTF-8 are refused at their line, nothing appended', async () => {
    const w = await ledger()
    const before = (await w.cli('head')).stdout
    const good = Buffer.from(`${JSON.stringify(value('2021'))}\n`)
    // "café" written in Latin-1: one byte 0xE9 where UTF-8 has two.
    const bad = Buffer.concat([
      Buffer.from(`${JSON.stringify(value('2022')).slice(0, -1)},"outlier":"caf`),
      Buffer.from([0xe9]),
      Buffer.from('"}\n'),
    ])
    // A third line with a period outside the plan: still decided and reported in the same run.
    const late = Buffer.from(`${JSON.stringify(value('2031'))}\n`)
    writeFileSync(join(w.dir, 'latin1.jsonl'), Buffer.concat([good, bad, late]))
    const r = await w.cli('append', 'latin1.jsonl', '--actor', 'plan-admin:po')
    expect(r.code).toBe(ExitCode.failed)
    expect(r.stderr).toContain(
      'latin1.jsonl:2: (line): expected UTF-8 text, got bytes that are not UTF-8 (shown as U+FFFD: ',
    )
    expect(r.stderr).toContain('caf\uFFFD')
    expect(r.stderr).toMatch(/latin1\.jsonl:3: period: expected a period within the plan's years/)
    expect(r.stderr).toContain('2 of 3 line(s) refused; nothing appended')
    expect((await w.cli('head')).stdout).toBe(before)
  })

  it('a field no command has is refused, naming it (and the field meant), nothing appended', async () => {
    const w = await ledger()
    const before = (await w.cli('head')).stdout
    const r = await w.cli(
      'append',
      w.write('typo.jsonl', jsonl([value('2021'), value('2022', { submited: true })])),
      '--actor',
      'plan-admin:po',
    )
    expect(r.code).toBe(ExitCode.failed)
    expect(r.stderr).toContain(
      'typo.jsonl:2: submited: expected a field of ReportValue, got an unknown field (true) (did you mean submitted?)',
    )
    expect((await w.cli('head')).stdout).toBe(before)
    // Spelt right, the same line is taken.
    const ok = await w.cli(
      'append',
      w.write('fixed.jsonl', jsonl([value('2021'), value('2022', { submitted: true })])),
      '--actor',
      'plan-admin:po',
    )
    expect(ok.code).toBe(ExitCode.ok)
  })
})

describe('an export edited by adding fields', () => {
  it('is refused whole, naming the line and the field, as JSON lines and as CloudEvents', async () => {
    const w = await ledger()
    for (const format of ['jsonl', 'cloudevents'] as const) {
      const out = `full.${format}`
      expect((await w.cli('export', '--format', format, '--out', out)).code).toBe(ExitCode.ok)
      const text = readFileSync(join(w.dir, out), 'utf8')
      const edited =
        format === 'jsonl'
          ? text
              .split('\n')
              .map((l, i) => (i === 4 ? JSON.stringify({ ...JSON.parse(l), extra: 1 }) : l))
              .join('\n')
          : JSON.stringify(
              (JSON.parse(text) as Array<Record<string, Record<string, unknown>>>).map((e, i) =>
                i === 4 ? { ...e, data: { ...e['data'], injected: 'x' } } : e,
              ),
            )
      w.write(`edited.${format}`, edited)
      const r = await w.cli('import', `edited.${format}`, '--store', `sqlite:into-${format}.sqlite`)
      expect(r.code, format).toBe(ExitCode.failed)
      expect(r.stderr).toContain(
        format === 'jsonl'
          ? 'edited.jsonl:5: extra: expected a field of an exported event, got an unknown field (1)'
          : 'edited.cloudevents: [4].data.injected: expected a field of a CloudEvent of an export, got an unknown field ("x")',
      )
      // The unedited export imports.
      expect((await w.cli('import', out, '--store', `sqlite:copy-${format}.sqlite`)).code).toBe(
        ExitCode.ok,
      )
    }
  })
})

describe('a command file sent twice', () => {
  it('is an idempotent retry for corrections, retractions and reassignments carrying their ids', async () => {
    const w = await ledger()
    const setup = await w.cli(
      'append',
      w.write(
        'values.jsonl',
        jsonl([
          value('2021', { id: 'r-2021' }),
          value('2022', { id: 'r-2022' }),
          { type: 'RegisterDepartment', departmentId: 'tjj', name: { zh: '市统计局' } },
        ]),
      ),
      '--actor',
      'plan-admin:po',
    )
    expect(setup.code).toBe(ExitCode.ok)
    const files: ReadonlyArray<readonly [string, unknown]> = [
      [
        'correct.jsonl',
        {
          type: 'CorrectValue',
          id: 'c-2021',
          indicatorId: 'I01',
          period: '2021',
          value: 12.8,
          status: 'final',
          corrects: 'r-2021',
          reason: 'final figure',
        },
      ],
      [
        'retract.jsonl',
        {
          type: 'RetractValue',
          id: 'x-2022',
          indicatorId: 'I01',
          period: '2022',
          retracts: 'r-2022',
          reason: 'reported in error',
        },
      ],
      [
        'reassign.jsonl',
        {
          type: 'ReassignResponsibility',
          id: 'a-1',
          subject: 'indicator',
          subjectId: 'I01',
          departments: ['tjj'],
          validTime: '2022-01-01',
          reason: 'moved to statistics',
        },
      ],
    ]
    for (const [name, command] of files) {
      const file = w.write(name, jsonl([command]))
      const first = await w.cli('append', file, '--actor', 'plan-admin:po')
      expect(first.code, name).toBe(ExitCode.ok)
      const head = (await w.cli('head')).stdout
      const again = await w.cli('append', file, '--actor', 'plan-admin:po')
      expect(again.code, `${name} again: ${again.stderr}`).toBe(ExitCode.ok)
      expect(again.stdout).toContain('already recorded, nothing new')
      expect((await w.cli('head')).stdout).toBe(head)
    }
    // A different command under a recorded id is no retry: refused, naming the id.
    const changed = await w.cli(
      'append',
      w.write(
        'changed.jsonl',
        jsonl([{ ...(files[0]?.[1] as Record<string, unknown>), value: 13.1 }]),
      ),
      '--actor',
      'plan-admin:po',
    )
    expect(changed.code).toBe(ExitCode.failed)
    expect(changed.stderr).toContain('c-2021')
  })
})

/** `text` in GB18030 (GBK's two-byte range suffices for the template's words): Node has no encoder. */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030')
  const codes = new Map<string, Buffer>()
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue
      const bytes = Buffer.from([a, b])
      codes.set(decoder.decode(bytes), bytes)
    }
  return Buffer.concat(
    [...text].map((ch) => {
      if (ch.charCodeAt(0) < 0x80) return Buffer.from(ch)
      const bytes = codes.get(ch)
      if (bytes === undefined) throw new Error(`no GB18030 code for ${ch}`)
      return bytes
    }),
  )
}

describe('a figures table saved as GBK CSV (Excel’s plain "CSV" on Chinese Windows)', () => {
  it('is refused as not UTF-8, and read with --encoding gb18030; --encoding applies to .csv only', async () => {
    const w = await ledger()
    expect((await w.cli('template', '--out', 'fill.csv', '--period', '2022')).code).toBe(
      ExitCode.ok,
    )
    const rows = readFileSync(join(w.dir, 'fill.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
    const header = (rows[0] ?? '').split(',')
    const at = header.indexOf('2022年')
    expect(at).toBeGreaterThan(0)
    const filled = rows.map((r, i) => {
      if (i !== 1) return r
      const cells = r.split(',')
      cells[at] = '11.4'
      return cells.join(',')
    })
    writeFileSync(join(w.dir, 'gbk.csv'), gb18030(filled.join('\r\n')))
    const before = (await w.cli('head')).stdout
    const plain = await w.cli('append', 'gbk.csv', '--actor', 'plan-admin:po')
    expect(plain.code).toBe(ExitCode.failed)
    expect(plain.stderr).toContain('gbk.csv: expected UTF-8 CSV text, got bytes that are not UTF-8')
    expect((await w.cli('head')).stdout).toBe(before)
    const read = await w.cli(
      'append',
      'gbk.csv',
      '--encoding',
      'gb18030',
      '--actor',
      'plan-admin:po',
    )
    expect(read.code, read.stderr).toBe(ExitCode.ok)
    expect(read.stdout).toContain('1 figure(s) from gbk.csv')
    const jsonl = await w.cli(
      'append',
      w.write('v.jsonl', '{}\n'),
      '--encoding',
      'gb18030',
      '--actor',
      'plan-admin:po',
    )
    expect(jsonl.code).toBe(ExitCode.usage)
    expect(jsonl.stderr).toContain('--encoding: applies to a .csv file, got "v.jsonl"')
  })
})

describe('a figures table sent again', () => {
  it('records only the figures that changed; sent unchanged it appends nothing and says so', async () => {
    const w = await ledger()
    expect((await w.cli('template', '--out', 'fill.csv', '--period', '2022')).code).toBe(
      ExitCode.ok,
    )
    const rows = readFileSync(join(w.dir, 'fill.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
    const at = (rows[0] ?? '').split(',').indexOf('2022年')
    const fill = (value: string) =>
      rows
        .map((r, i) => {
          if (i !== 1) return r
          const cells = r.split(',')
          cells[at] = value
          return cells.join(',')
        })
        .join('\r\n')
    writeFileSync(join(w.dir, 'f.csv'), fill('11.4'))
    const first = await w.cli('append', 'f.csv', '--actor', 'plan-admin:po')
    expect(first.stdout).toMatch(
      /^1 figure\(s\) from f\.csv: appended 1 event\(s\), head at position \d+\n$/,
    )
    const head = (await w.cli('head')).stdout
    const again = await w.cli('append', 'f.csv', '--actor', 'plan-admin:po')
    expect(again.code, again.stderr).toBe(ExitCode.ok)
    expect(again.stdout).toBe(
      `1 figure(s) from f.csv: each already in force in the ledger; nothing appended (head at position ${head.split(':')[0]})\n`,
    )
    expect((await w.cli('head')).stdout).toBe(head)
    writeFileSync(join(w.dir, 'f.csv'), fill('11.6'))
    const changed = await w.cli('append', 'f.csv', '--actor', 'plan-admin:po')
    expect(changed.stdout).toContain('1 figure(s) from f.csv: appended 1 event(s)')
    // What the sheet changed is said, figure by figure.
    expect(changed.stdout).toContain(
      '1 figure(s) differ from the value in force and replace it:\n  I01 2022: 11.6 replaces 11.4 (recorded 2026-03-01 by po)\n',
    )
    const history = (await w.cli('history', 'I01', '--lang', 'en')).stdout
    expect(history.match(/value 2022: 11\.4/g)).toHaveLength(1)
    expect(history.match(/value 2022: 11\.6/g)).toHaveLength(1)
    // The older sheet sent again records its figure over the newer one, and says so.
    writeFileSync(join(w.dir, 'f.csv'), fill('11.4'))
    const older = await w.cli('append', 'f.csv', '--actor', 'plan-admin:po')
    expect(older.stdout).toContain('  I01 2022: 11.4 replaces 11.6 (recorded 2026-03-01 by po)\n')
  })
})

describe('import', () => {
  it('refuses a file without records, and creates no ledger', async () => {
    const w = world('2026-03-01T09:00:00.000Z')
    const r = await w.cli('import', w.write('empty.jsonl', '\n'))
    expect(r.code).toBe(ExitCode.failed)
    expect(r.stderr).toBe(
      'empty.jsonl: expected an export (JSON lines or a CloudEvents batch of recorded events), got no records; nothing imported\n',
    )
    const head = await w.cli('head')
    expect(head.code).toBe(ExitCode.failed)
    expect(head.stderr).toContain('no ledger at sqlite:')
  })
})

describe('a reporter of a department the ledger does not register', () => {
  it('is told so once, after the refused lines or cells', async () => {
    const w = await ledger()
    const lines = await w.cli(
      'append',
      w.write('q.jsonl', jsonl([value('2022')])),
      '--actor',
      'reporter:clerk@nosuch',
    )
    expect(lines.code).toBe(ExitCode.failed)
    expect(lines.stderr).toContain('q.jsonl:1: ')
    expect(lines.stderr).toContain(
      'hint: department "nosuch" of --actor is not registered in the ledger (it registers fgj; `progress-ledger list departments` lists them)\n',
    )
    w.write('f.csv', '指标编号,2022年\nI01,11.4\n')
    const sheet = await w.cli('append', 'f.csv', '--actor', 'reporter:clerk@nosuch')
    expect(sheet.stderr).toContain('hint: department "nosuch" of --actor is not registered')
    // A registered department refused for another reason gets no such hint.
    const late = await w.cli(
      'append',
      w.write('late.jsonl', jsonl([value('2099')])),
      '--actor',
      'reporter:clerk@fgj',
    )
    expect(late.code).toBe(ExitCode.failed)
    expect(late.stderr).not.toContain('not registered')
  })
})

describe('a JSON-lines file reporting one figure twice', () => {
  it('records both and notes it, naming both lines; the same value twice is no note', async () => {
    const w = await ledger()
    const twice = await w.cli(
      'append',
      w.write(
        't.jsonl',
        jsonl([value('2022', { value: 12.5 }), value('2023'), value('2022', { value: 12.7 })]),
      ),
      '--actor',
      'plan-admin:po',
    )
    expect(twice.code, twice.stderr).toBe(ExitCode.ok)
    expect(twice.stdout).toContain('3 command(s): appended 3 event(s)')
    expect(twice.stderr).toBe(
      't.jsonl:3: note: I01 2022 is reported again in this file (line 1: 12.5); both are recorded, 12.7 in force\n',
    )
    const same = await w.cli(
      'append',
      w.write('s.jsonl', jsonl([value('2024'), value('2024')])),
      '--actor',
      'plan-admin:po',
    )
    expect([same.code, same.stderr]).toEqual([ExitCode.ok, ''])
  })

  it('shows the first ten such notes, then a count', async () => {
    const w = await ledger()
    // Five years reported four times each, with other values: fifteen notes.
    const years = ['2021', '2022', '2023', '2024', '2025']
    const r = await w.cli(
      'append',
      w.write(
        'm.jsonl',
        jsonl([1, 2, 3, 4].flatMap((v) => years.map((p) => value(p, { value: v })))),
      ),
      '--actor',
      'plan-admin:po',
    )
    expect(r.code, r.stderr).toBe(ExitCode.ok)
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines, r.stderr).toHaveLength(11)
    expect(lines[0]).toBe(
      'm.jsonl:6: note: I01 2021 is reported again in this file (line 1: 1); both are recorded, 2 in force',
    )
    expect(lines[10]).toBe(
      'm.jsonl: … and 5 more figure(s) reported again in this file (the later line in force)',
    )
  })
})

describe('history on a ledger of several plans', () => {
  it('resolves a number printed in several plans with --plan, loading that plan; without it, names the candidates', async () => {
    const w = world('2026-03-01T09:00:00.000Z')
    const define = (planId: string, indicatorId: string) => ({
      ...(setupLines.find((l) => l.type === 'DefineIndicator') as Record<string, unknown>),
      planId,
      indicatorId,
      number: '1',
    })
    const plan = (planId: string) => [
      { ...(setupLines.find((l) => l.type === 'AdoptPlan') as Record<string, unknown>), planId },
      {
        ...(setupLines.find((l) => l.type === 'DefineCategory') as Record<string, unknown>),
        planId,
      },
      define(planId, `${planId}-I01`),
    ]
    const setup = await w.cli(
      'append',
      w.write(
        'plans.jsonl',
        jsonl([
          { type: 'RegisterDepartment', departmentId: 'fgj', name: { zh: '市发改局' } },
          ...plan('sz'),
          ...plan('hz'),
        ]),
      ),
      '--actor',
      'plan-admin:po',
    )
    expect(setup.code, setup.stderr).toBe(ExitCode.ok)
    const both = await w.cli('history', '1')
    expect(both.code).toBe(ExitCode.failed)
    // In id order, whatever order the state holds them in.
    expect(both.stderr).toContain('indicator "1": could be hz-I01 or sz-I01, in 2 plans')
    // A listing of several plans: plan by plan, in the order adopted, the plan first.
    const listed = await w.cli('list', 'indicators', '--lang', 'en')
    expect(listed.stdout.split('\n').map((l) => l.split(/\s+/).slice(0, 3).join(' '))).toEqual([
      'sz 1 sz-I01',
      'hz 1 hz-I01',
      '',
    ])
    const json = await w.cli('list', 'indicators', '--json')
    expect((JSON.parse(json.stdout) as Array<{ planId: string }>).map((r) => r.planId)).toEqual([
      'sz',
      'hz',
    ])
    expect(both.stderr).toContain('hint: give the id, or the plan with --plan ID')
    // status looks the number up the same way.
    const status = await w.cli('status', '1', '--as-of', '2025-12-31')
    expect(status.stderr).toContain('indicator "1": could be ')
    expect(status.stderr).toContain(', in 2 plans')
    expect((await w.cli('status', '1', '--plan', 'hz', '--as-of', '2025-12-31')).code).toBe(
      ExitCode.ok,
    )
    const hz = await w.cli('history', '1', '--plan', 'hz', '--lang', 'en')
    expect(hz.code, hz.stderr).toBe(ExitCode.ok)
    expect(hz.stdout).toContain('defined: ')
    expect(hz.stdout).not.toContain('sz-I01')
    const ids = await w.cli('history', 'sz-I01', '--json')
    expect(JSON.parse(ids.stdout.split('\n')[0] ?? '')).toMatchObject({
      streamId: expect.stringContaining('sz-I01'),
    })
    const none = await w.cli('history', '2', '--plan', 'hz')
    expect(none.stderr).toContain('indicator "2": no indicator of plan hz has that id or number')
    expect(none.stderr).toContain('`progress-ledger list indicators --plan hz`')
    const wrong = await w.cli('history', '1', '--plan', 'gx')
    expect(wrong.stderr).toContain('--plan: expected a plan of the ledger, got "gx"')
    // An id with a plan that is not one, or not its own, is refused too.
    const byId = await w.cli('history', 'sz-I01', '--plan', 'gx')
    expect([byId.code, byId.stdout]).toEqual([ExitCode.failed, ''])
    expect(byId.stderr).toContain('--plan: expected a plan of the ledger, got "gx"')
    const other = await w.cli('history', 'sz-I01', '--plan', 'hz')
    expect(other.stderr).toContain('indicator "sz-I01": defined in plan sz, not in plan hz')
    expect((await w.cli('history', 'sz-I01', '--plan', 'sz')).code).toBe(ExitCode.ok)
  })
})

describe('a figures table on a ledger of several plans', () => {
  it('is read against the plan of --plan alone; without it, the plans are named', async () => {
    const w = await ledger()
    const other = {
      type: 'AdoptPlan',
      planId: 'hz',
      name: { zh: '杭州行动方案' },
      adoptedOn: '2021-09-01',
      baseYear: 2020,
      startYear: 2021,
      endYear: 2025,
    }
    const defineH01 = {
      type: 'DefineIndicator',
      planId: 'hz',
      indicatorId: 'H01',
      name: { zh: '人均生产总值' },
      unit: '万元',
      categoryId: 'economy',
      attribute: 'evaluation',
      selfSelected: false,
      departments: ['fgj'],
      direction: 'higher',
      periodicity: 'year',
    }
    const setup = await w.cli(
      'append',
      w.write(
        'hz.jsonl',
        jsonl([
          other,
          {
            type: 'DefineCategory',
            planId: 'hz',
            categoryId: 'economy',
            name: { zh: '经济' },
            order: 1,
          },
          defineH01,
        ]),
      ),
      '--actor',
      'plan-admin:po',
    )
    expect(setup.code, setup.stderr).toBe(ExitCode.ok)
    w.write('f.csv', '指标编号,2022年\nH01,15.2\n')
    const before = (await w.cli('head')).stdout
    const unnamed = await w.cli('append', 'f.csv', '--actor', 'plan-admin:po')
    expect(unnamed.code).toBe(ExitCode.failed)
    expect(unnamed.stderr).toContain('--plan: expected the plan f.csv is for, got none')
    expect(unnamed.stderr).toContain('the ledger holds hz, sz: choose one with --plan ID')
    const unknown = await w.cli('append', 'f.csv', '--plan', 'gz', '--actor', 'plan-admin:po')
    expect(unknown.code).toBe(ExitCode.failed)
    expect(unknown.stderr).toContain('--plan: expected an adopted plan, got "gz"')
    const wrong = await w.cli('append', 'f.csv', '--plan', 'sz', '--actor', 'plan-admin:po')
    expect(wrong.stderr).toContain('f.csv!f!A2: expected an indicator id of plan sz, got "H01"')
    expect((await w.cli('head')).stdout).toBe(before)
    const noSheet = await w.cli(
      'append',
      'f.csv',
      '--plan',
      'hz',
      '--sheet',
      'g',
      '--actor',
      'plan-admin:po',
    )
    expect(noSheet.stderr).toContain(
      'f.csv: expected a sheet named "g" (the sheets are "f"), got none',
    )
    // status without --plan finds the plan of an id in another case; names no plan for one
    // that no plan defines.
    const h01 = await w.cli('status', 'h01', '--as-of', '2025-12-31')
    expect(h01.code, h01.stderr).toBe(ExitCode.ok)
    expect(h01.stdout).toMatch(/^H01 /)
    const unknown9 = await w.cli('status', 'X99')
    expect(unknown9.code).toBe(ExitCode.failed)
    expect(unknown9.stderr).toContain(
      'indicator "X99": no indicator of the ledger\'s 2 plans has that id or number',
    )
    const plans = await w.cli('list', 'plans', '--lang', 'en')
    expect(plans.stdout).toBe(
      'sz  Shengzhou plan — 2021–2025, adopted on 2021-08-10\nhz  杭州行动方案 — 2021–2025, adopted on 2021-09-01\n',
    )
    expect(plans.stderr).toBe('2 plans\n')
    expect((await w.cli('list', 'departments')).stderr).toBe('1 department\n')
    const named = await w.cli(
      'append',
      'f.csv',
      '--plan',
      'hz',
      '--sheet',
      'f',
      '--actor',
      'plan-admin:po',
    )
    expect(named.code, named.stderr).toBe(ExitCode.ok)
    expect(named.stdout).toContain('1 figure(s) from f.csv: appended 1 event(s)')
    expect((await w.cli('history', 'H01', '--lang', 'en')).stdout).toContain('value 2022: 15.2')
  })

  it('--plan and --sheet are for spreadsheets only', async () => {
    const w = await ledger()
    const r = await w.cli(
      'append',
      w.write('v.jsonl', jsonl([value('2022')])),
      '--plan',
      'sz',
      '--actor',
      'plan-admin:po',
    )
    expect(r.code).toBe(ExitCode.usage)
    expect(r.stderr).toContain('--plan: applies to a spreadsheet (.xlsx, .csv), got "v.jsonl"')
    const sheet = await w.cli('append', 'v.jsonl', '--sheet', 'A', '--actor', 'plan-admin:po')
    expect(sheet.code).toBe(ExitCode.usage)
    expect(sheet.stderr).toContain('--sheet: applies to a spreadsheet (.xlsx, .csv), got "v.jsonl"')
  })
})

describe('export of more events than a page', () => {
  it('writes the same text to a file and to standard output, in both formats, and imports back', async () => {
    const w = await ledger()
    const lines = Array.from({ length: 10_050 }, (_, i) =>
      value('2022', { value: 10 + (i % 7), id: `v-${i}` }),
    )
    const filled = await w.cli(
      'append',
      w.write('many.jsonl', jsonl(lines)),
      '--actor',
      'plan-admin:po',
    )
    expect(filled.code, filled.stderr).toBe(ExitCode.ok)
    const head = (await w.cli('head')).stdout
    for (const format of ['jsonl', 'cloudevents']) {
      const printed = await w.cli('export', '--format', format)
      expect(printed.code, printed.stderr).toBe(ExitCode.ok)
      const written = await w.cli('export', '--format', format, '--out', `e.${format}`)
      expect(written.stderr).toContain(`exported 10057 events to e.${format}`)
      const text = readFileSync(join(w.dir, `e.${format}`), 'utf8')
      expect(text).toBe(printed.stdout)
      if (format === 'cloudevents') {
        const batch = JSON.parse(text) as unknown[]
        expect(batch).toHaveLength(10_057)
        // The layout of one JSON.stringify of the whole batch, written page by page.
        expect(text).toBe(`${JSON.stringify(batch, null, 1)}\n`)
      } else {
        // 10,057 events, the end record, and nothing after the last line break.
        const rows = text.split('\n')
        expect(rows).toHaveLength(10_059)
        expect(JSON.parse(rows[10_057] as string)).toMatchObject({ end: { events: 10_057 } })
      }
      const copy = await w.cli('import', `e.${format}`, '--store', `sqlite:copy-${format}.sqlite`)
      expect(copy.code, copy.stderr).toBe(ExitCode.ok)
      expect((await w.cli('head', '--store', `sqlite:copy-${format}.sqlite`)).stdout).toBe(head)
    }
    expect(readdirSync(w.dir).filter((f) => f.includes('.partial'))).toEqual([])
  }, 60_000)
})

const pgUrl = process.env.PG_URL

/**
 * Runs `body` with `--store` arguments for a fresh PostgreSQL schema (`cli_PREFIX_…`) and an
 * admin store on the server; the schema is dropped afterwards.
 */
async function withPgSchema(
  prefix: string,
  body: (
    store: ReadonlyArray<string>,
    admin: { readonly schemaExists: () => Promise<boolean> },
  ) => Promise<void>,
): Promise<void> {
  const url = pgUrl as string
  const schema = `cli_${prefix}_${process.pid}_${Date.now().toString(36)}`
  const { openPostgresStore } = await import('@progress-ledger/store-postgres')
  const { fixedClock } = await import('@progress-ledger/core')
  const admin = await openPostgresStore({ url, clock: fixedClock('2026-03-01') })
  const schemaExists = async () =>
    (
      await admin.client.query<{ n: string | null }>(`SELECT to_regnamespace($1)::text AS n`, [
        schema,
      ])
    ).rows[0]?.n != null
  try {
    await body(['--store', `${url}${url.includes('?') ? '&' : '?'}schema=${schema}`], {
      schemaExists,
    })
  } finally {
    await admin.client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await admin.close()
  }
}

/** {@link withPgSchema}, the schema holding the setup lines appended by the plan office. */
async function withPgSetup(
  w: World,
  prefix: string,
  body: (store: ReadonlyArray<string>) => Promise<void>,
): Promise<void> {
  await withPgSchema(prefix, async (store) => {
    const setup = await w.cli(
      'append',
      w.write('setup.jsonl', jsonl(setupLines)),
      '--actor',
      'plan-admin:po',
      ...store,
    )
    expect(setup.code, setup.stderr).toBe(ExitCode.ok)
    await body(store)
  })
}

if (pgUrl !== undefined)
  describe('a figures table sent by several users at once (PostgreSQL)', () => {
    it('is recorded once: the others find it in force', async () => {
      const w = world('2026-03-01T09:00:00.000Z')
      await withPgSetup(w, 'sheet', async (store) => {
        w.write('f.csv', '指标编号,2022年,状态\nI01,11.4,正式\n')
        for (let round = 0; round < 3; round++) {
          const runs = await Promise.all(
            [1, 2, 3, 4].map(() => w.cli('append', 'f.csv', '--actor', 'plan-admin:po', ...store)),
          )
          // Each is decided again when another was appended first: none is told to run again.
          for (const r of runs) expect([r.code, r.stderr]).toEqual([ExitCode.ok, ''])
          const history = (await w.cli('history', 'I01', '--lang', 'en', ...store)).stdout
          expect(history.match(/value 2022: 11\.4/g)).toHaveLength(1)
        }
      })
    }, 60_000)
  })

if (pgUrl !== undefined)
  describe('clerks appending at once to a shared ledger (PostgreSQL)', () => {
    it('each file is decided again when another was appended first: all are recorded, none told to run again', async () => {
      const w = world('2026-03-01T09:00:00.000Z')
      await withPgSetup(w, 'clerks', async (store) => {
        const periods = ['2021', '2022', '2023', '2024']
        for (let round = 0; round < 2; round++) {
          const runs = await Promise.all(
            periods.map((p, i) =>
              w.cli(
                'append',
                w.write(`c${round}-${i}.jsonl`, jsonl([value(p, { value: 10 + round + i / 10 })])),
                '--actor',
                'plan-admin:po',
                ...store,
              ),
            ),
          )
          for (const r of runs) expect([r.code, r.stderr]).toEqual([ExitCode.ok, ''])
        }
        const history = (await w.cli('history', 'I01', '--lang', 'en', ...store)).stdout
        for (const p of periods)
          expect(history.match(new RegExp(`value ${p}: `, 'g'))).toHaveLength(2)
        expect((await w.cli('verify', ...store)).code).toBe(ExitCode.ok)
      })
    }, 60_000)
  })

if (pgUrl !== undefined)
  describe('a misspelt PostgreSQL schema (PostgreSQL)', () => {
    it('a write refused whole leaves no schema behind; one that commits keeps its ledger', async () => {
      const w = world('2026-03-01T09:00:00.000Z')
      await withPgSchema('typo', async (store, { schemaExists: exists }) => {
        const refused = await w.cli(
          'append',
          w.write('v.jsonl', jsonl([value('2022')])),
          '--actor',
          'plan-admin:po',
          ...store,
        )
        expect(refused.code).toBe(ExitCode.failed)
        expect(refused.stderr).toContain('holds no events (is --store right?')
        expect(await exists()).toBe(false)
        const setup = await w.cli(
          'append',
          w.write('setup.jsonl', jsonl(setupLines)),
          '--actor',
          'plan-admin:po',
          ...store,
        )
        expect(setup.code, setup.stderr).toBe(ExitCode.ok)
        expect(await exists()).toBe(true)
        // A later refusal leaves the ledger it did not create as it was.
        const again = await w.cli(
          'append',
          'v.jsonl',
          '--actor',
          'plan-admin:po',
          '--plan',
          'nope',
          ...store,
        )
        expect(again.code).not.toBe(ExitCode.ok)
        expect(await exists()).toBe(true)
        expect((await w.cli('head', ...store)).stdout).toMatch(/^\d+:/)
      })
    }, 60_000)
  })

describe('a command tells its Io when its write has committed', () => {
  it('after an append, an import, a table; never for a refusal or a read', async () => {
    const w = world('2026-03-01T09:00:00.000Z')
    const setup = await w.cli(
      'append',
      w.write('setup.jsonl', jsonl(setupLines)),
      '--actor',
      'plan-admin:po',
    )
    expect(setup.committed).toBe(true)
    // The first write made the ledger: it committed under a temporary name, put in place after.
    const final = join(w.dir, 'progress-ledger.sqlite')
    expect(setup.newLedger).toEqual({ at: `${final}.run1.new`, final })
    expect(setup.creating).toBe(`${final}.run1.new`)
    expect(existsSync(final) && !existsSync(`${final}.run1.new`)).toBe(true)
    const refused = await w.cli(
      'append',
      w.write('bad.jsonl', jsonl([value('2099')])),
      '--actor',
      'plan-admin:po',
    )
    expect([refused.code, refused.committed, refused.creating]).toEqual([
      ExitCode.failed,
      false,
      undefined,
    ])
    w.write('f.csv', '指标编号,2022年\nI01,11.4\n')
    const sheet = await w.cli('append', 'f.csv', '--actor', 'plan-admin:po')
    expect([sheet.committed, sheet.newLedger]).toEqual([true, undefined])
    expect((await w.cli('report', '--as-of', '2025-12-31')).committed).toBe(false)
    expect((await w.cli('export', '--out', 'e.jsonl')).committed).toBe(false)
    const copy = await w.cli('import', 'e.jsonl', '--store', 'sqlite:copy.sqlite')
    expect(copy.committed).toBe(true)
    expect(copy.newLedger?.final).toBe(join(w.dir, 'copy.sqlite'))
  })
})

describe('an id used by another event', () => {
  it('is refused at the line that carries it, nothing appended, with what to do instead', async () => {
    const w = await ledger()
    const first = await w.cli(
      'append',
      w.write('a.jsonl', jsonl([value('2022', { id: 'dup-x' })])),
      '--actor',
      'plan-admin:po',
    )
    expect(first.code, first.stderr).toBe(ExitCode.ok)
    const head = (await w.cli('head')).stdout
    const again = await w.cli(
      'append',
      w.write('b.jsonl', jsonl([value('2023'), value('2022', { id: 'dup-x', value: 13 })])),
      '--actor',
      'plan-admin:po',
    )
    expect(again.code).toBe(ExitCode.failed)
    expect(again.stderr).toMatch(
      /^b\.jsonl:2: id: event id "dup-x" is already recorded at position \d+ with different content; nothing appended\nhint: a figure already recorded is changed with CorrectValue/,
    )
    expect((await w.cli('head')).stdout).toBe(head)
  })
})

describe('a template of a plan that reports nothing by year', () => {
  it('is refused, saying how the plan reports, and no file is written', async () => {
    const w = await ledger()
    const hz = [
      {
        type: 'AdoptPlan',
        planId: 'hz',
        name: { zh: '杭州' },
        adoptedOn: '2021-09-01',
        baseYear: 2020,
        startYear: 2021,
        endYear: 2025,
      },
      {
        type: 'DefineCategory',
        planId: 'hz',
        categoryId: 'economy',
        name: { zh: '经济' },
        order: 1,
      },
      ...['M01', 'M02'].map((indicatorId) => ({
        type: 'DefineIndicator',
        planId: 'hz',
        indicatorId,
        name: { zh: indicatorId },
        unit: '亿元',
        categoryId: 'economy',
        attribute: 'evaluation',
        selfSelected: false,
        departments: ['fgj'],
        direction: 'higher',
        periodicity: 'month',
      })),
    ]
    expect(
      (await w.cli('append', w.write('hz.jsonl', jsonl(hz)), '--actor', 'plan-admin:po')).code,
    ).toBe(ExitCode.ok)
    const r = await w.cli('template', '--plan', 'hz', '--out', 't.csv', '--period', '2023')
    expect(r.code).toBe(ExitCode.failed)
    expect(r.stderr).toContain(
      't.csv: no indicator of plan hz is reported by year (its indicators: 2 by month); nothing written',
    )
    expect(r.stderr).toContain('hint: the template is for yearly figures')
    expect(readdirSync(w.dir)).not.toContain('t.csv')
  })
})

describe('a new ledger file', () => {
  it('names the temporary files a stopped command left beside it, and leaves them', async () => {
    const w = world('2026-03-01T09:00:00.000Z')
    for (const f of [
      'ledgr.sqlite.cli-dead.new',
      'ledgr.sqlite.cli-dead.new-wal',
      'other.sqlite.x.new',
    ])
      writeFileSync(join(w.dir, f), '')
    const r = await w.cli(
      'append',
      w.write('setup.jsonl', jsonl(setupLines)),
      '--actor',
      'plan-admin:po',
      '--store',
      'sqlite:ledgr.sqlite',
    )
    expect(r.code, r.stderr).toBe(ExitCode.ok)
    expect(r.stderr).toContain(
      `note: beside ${join(w.dir, 'ledgr.sqlite')} are the temporary files of an earlier command that was stopped before its new ledger was in place: ${join(w.dir, 'ledgr.sqlite.cli-dead.new')}, ${join(w.dir, 'ledgr.sqlite.cli-dead.new-wal')}; remove them once no other progress-ledger command is writing there`,
    )
    expect(
      readdirSync(w.dir)
        .filter((f) => f.includes('.new'))
        .sort(),
    ).toEqual(['ledgr.sqlite.cli-dead.new', 'ledgr.sqlite.cli-dead.new-wal', 'other.sqlite.x.new'])
  })

  it('appears only once a write into it commits: a refused first file leaves none', async () => {
    const w = world('2026-03-01T09:00:00.000Z')
    const store = ['--store', 'sqlite:ledgr.sqlite']
    const refused = await w.cli(
      'append',
      w.write('v.jsonl', jsonl([value('2022')])),
      '--actor',
      'plan-admin:po',
      ...store,
    )
    expect(refused.code).toBe(ExitCode.failed)
    expect(refused.stderr).toContain(
      `hint: there is no ledger at sqlite:${join(w.dir, 'ledgr.sqlite')} (is --store right?`,
    )
    expect(readdirSync(w.dir).filter((f) => f.startsWith('ledgr'))).toEqual([])
    // A spreadsheet is decided against its plan: with no ledger there, it says so as reads do.
    const sheet = await w.cli(
      'append',
      w.write('v.csv', 'indicator,period,value,status\nI01,2022,10.6,final\n'),
      '--actor',
      'plan-admin:po',
      ...store,
    )
    expect([sheet.code, sheet.stderr]).toEqual([
      ExitCode.failed,
      `progress-ledger append: no ledger at sqlite:${join(w.dir, 'ledgr.sqlite')}\nhint: create one with \`progress-ledger init\` and record a plan with \`progress-ledger import-plan PLAN.json\`, or choose another ledger with --store\n`,
    ])
    expect(readdirSync(w.dir).filter((f) => f.startsWith('ledgr'))).toEqual([])
    const head = await w.cli('head', ...store)
    expect(head.code).toBe(ExitCode.failed)
    expect(head.stderr).toContain('no ledger at sqlite:')
    const empty = await w.cli(
      'append',
      w.write('none.jsonl', '\n'),
      '--actor',
      'plan-admin:po',
      ...store,
    )
    // A blank file is refused (a failed export or upload, most likely), and makes no ledger.
    expect([empty.code, empty.stderr]).toEqual([
      ExitCode.failed,
      'progress-ledger append: none.jsonl: expected at least one command (a JSON object per line), got none (the file is empty, or blank); nothing appended\n',
    ])
    expect(readdirSync(w.dir).filter((f) => f.startsWith('ledgr'))).toEqual([])
    const made = await w.cli(
      'append',
      w.write('setup.jsonl', jsonl(setupLines)),
      '--actor',
      'plan-admin:po',
      ...store,
    )
    expect(made.code, made.stderr).toBe(ExitCode.ok)
    expect(
      readdirSync(w.dir)
        .filter((f) => f.startsWith('ledgr'))
        .sort(),
    ).toEqual(['ledgr.sqlite'])
    expect((await w.cli('head', ...store)).stdout).toMatch(/^7:[0-9a-f]{64}\n$/)
    // A new ledger that cannot be made is named as given, not by its temporary name.
    const nowhere = await w.cli(
      'append',
      w.write('setup2.jsonl', jsonl(setupLines)),
      '--actor',
      'plan-admin:po',
      '--store',
      'sqlite:nodir/l.sqlite',
    )
    expect(nowhere.code).toBe(ExitCode.failed)
    expect(nowhere.stderr).toContain(
      `${join(w.dir, 'nodir', 'l.sqlite')}: cannot create the ledger: its directory ${join(w.dir, 'nodir')} does not exist (`,
    )
    expect(nowhere.stderr).not.toContain('.new')
    // init still creates an empty ledger, as asked.
    expect((await w.cli('init', '--store', 'sqlite:empty.sqlite')).code).toBe(ExitCode.ok)
    expect(readdirSync(w.dir)).toContain('empty.sqlite')
  })
})
