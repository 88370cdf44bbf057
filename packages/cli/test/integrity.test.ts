// Integrity on the path users run: a SQLite ledger edited behind the tool's back, read by every
// command through the verified loader; anchors, keyed chains and checkpoints through the CLI; a
// streamed append refused late in its file.
import { copyFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  chainHash,
  fixedClock,
  InMemoryEventStore,
  ledgerProjection,
  replay,
  takeCheckpoint,
  type RecordedEvent,
} from '@progress-ledger/core'
import { openPostgresStore } from '@progress-ledger/store-postgres'
import { openSqliteStore, SqliteEventStore } from '@progress-ledger/store-sqlite'
import { describe, expect, it, vi } from 'vitest'
import { ExitCode } from '../src/Failure'
import { brokenStream } from '../src/Ledger'
import { jsonl, setupLines, world, type World } from './harness'

const report = (value: number, period: string) => ({
  type: 'ReportValue',
  indicatorId: 'I01',
  period,
  value,
  status: 'final',
})

/** A ledger with the one-indicator plan and values for 2021–2024 (head at position 11). */
async function ledger(): Promise<World> {
  const w = world('2026-03-01T09:00:00.000Z')
  const lines = [
    ...setupLines,
    ...['2021', '2022', '2023', '2024'].map((p, i) => report(10 + i, p)),
  ]
  const r = await w.cli('append', w.write('setup.jsonl', jsonl(lines)), '--actor', 'plan-admin:po')
  expect(r.code).toBe(ExitCode.ok)
  return w
}

/** Runs SQL on a copy of the world's ledger; returns the copy's `--store` value. */
async function edited(w: World, name: string, sql: ReadonlyArray<string>): Promise<string> {
  const path = join(w.dir, `${name}.sqlite`)
  copyFileSync(join(w.dir, 'progress-ledger.sqlite'), path)
  const direct = await openSqliteStore({ path, clock: fixedClock('2026-03-01') })
  for (const s of sql) direct.db.prepare(s).run()
  await direct.close()
  return `sqlite:${name}.sqlite`
}

describe('a SQLite ledger edited behind the tool', () => {
  // Positions 1–7 hold the plan, 8–11 the values reported for 2021–2024.
  const edits: ReadonlyArray<readonly [string, ReadonlyArray<string>, number]> = [
    ['value', ["UPDATE events SET data = json_set(data, '$.value', 99) WHERE position = 10"], 10],
    [
      'period',
      ["UPDATE events SET data = json_set(data, '$.period', '2030') WHERE position = 10"],
      10,
    ],
    ['actor', ["UPDATE events SET actor = 'someone-else' WHERE position = 9"], 9],
    [
      'recorded time',
      ["UPDATE events SET recorded_time = '2020-01-01T00:00:00.000Z' WHERE position = 9"],
      9,
    ],
    [
      'swapped payload',
      [
        'UPDATE events SET data = (SELECT data FROM events WHERE position = 11) WHERE position = 10',
      ],
      10,
    ],
    // A removed row shows as the next one standing where it should be.
    ['deleted middle row', ['DELETE FROM events WHERE position = 8'], 9],
  ]

  it.each(edits)(
    '%s: report and verify refuse naming the position; --allow-broken reads with a warning in every output',
    async (name, sql, position) => {
      const w = await ledger()
      const store = await edited(w, name.replace(/ /g, '-'), sql)
      const refused = await w.cli('report', '--store', store, '--as-of', '2025-12-31')
      expect(refused.code).toBe(ExitCode.failed)
      expect(refused.stdout).toBe('')
      expect(refused.stderr).toContain(`hash chain broken at position ${position}`)
      const verified = await w.cli('verify', '--store', store)
      expect(verified.code).toBe(ExitCode.failed)
      expect(verified.stderr).toContain(`BROKEN at position ${position}`)
      // The commands that read events rather than the projected state refuse alike.
      for (const args of [['history', 'I01'], ['export'], ['export', '--format', 'cloudevents']]) {
        const r = await w.cli(...args, '--store', store)
        expect(r.code, args.join(' ')).toBe(ExitCode.failed)
        expect(r.stdout).toBe('')
        expect(r.stderr).toContain(`hash chain broken at position ${position}`)
      }
      // To a file: refused alike, and no file is left behind (it is written under a temporary
      // name and put in place only once every event checked out).
      const toFile = await w.cli('export', '--out', 'x.jsonl', '--store', store)
      expect(toFile.code).toBe(ExitCode.failed)
      expect(toFile.stderr).toContain(`hash chain broken at position ${position}`)
      expect(readdirSync(w.dir).filter((f) => f.startsWith('x.jsonl'))).toEqual([])
      const exported = await w.cli('export', '--allow-broken', '--store', store)
      expect(exported.code).toBe(ExitCode.ok)
      expect(exported.stdout.length).toBeGreaterThan(0)
      expect(exported.stderr).toContain(`warning: the hash chain is broken at position ${position}`)
      for (const format of ['md', 'json', 'csv', 'html']) {
        const read = await w.cli(
          'report',
          '--allow-broken',
          '--store',
          store,
          '--as-of',
          '2025-12-31',
          '--format',
          format,
        )
        expect(read.code).toBe(ExitCode.ok)
        // In the report's language: Chinese by default, with core's reason in Chinese too.
        expect(read.stdout).toContain(`哈希链在位置 ${position}`)
        expect(read.stdout).not.toMatch(
          /hash chain is broken|does not match|expected position|events stop/,
        )
      }
      const english = await w.cli(
        'report',
        '--allow-broken',
        '--store',
        store,
        '--as-of',
        '2025-12-31',
        '--lang',
        'en',
      )
      expect(english.stdout).toContain(`the hash chain is broken at position ${position}`)
      const written = await w.cli(
        'append',
        '--allow-broken',
        '--store',
        store,
        w.write('more.jsonl', jsonl([report(20, '2025')])),
        '--actor',
        'plan-admin:po',
      )
      expect(written.code).toBe(ExitCode.failed)
      expect(written.stderr).toContain(
        'nothing is written to a ledger whose hash chain does not verify',
      )
    },
  )
})

describe('anchors', () => {
  it('head prints POS:HASH; verify --expect-head holds while the ledger extends it and fails once its tail is cut', async () => {
    const w = await ledger()
    const head = await w.cli('head')
    expect(head.stdout).toMatch(/^11:[0-9a-f]{64}\n$/)
    const anchor = head.stdout.trim()
    await w.cli(
      'append',
      w.write('more.jsonl', jsonl([report(20, '2025')])),
      '--actor',
      'plan-admin:po',
    )
    const ok = await w.cli('verify', '--expect-head', anchor)
    expect(ok.code).toBe(ExitCode.ok)
    expect(ok.stdout).toContain(`anchor ${anchor}: the ledger extends it`)
    // Cutting the tail keeps the chain intact: only the anchor tells.
    const cut = await edited(w, 'cut', ['DELETE FROM events WHERE position >= 11'])
    const plain = await w.cli('verify', '--store', cut)
    expect(plain.code).toBe(ExitCode.ok)
    const anchored = await w.cli('verify', '--store', cut, '--expect-head', anchor)
    expect(anchored.code).toBe(ExitCode.failed)
    expect(anchored.stderr).toContain('the ledger ends at position 10, before the anchor')
    const bad = await w.cli('verify', '--expect-head', '12:nothex')
    expect(bad.code).toBe(ExitCode.usage)
    expect(bad.stderr).toContain('--expect-head: expected POS:HASH')
  })
})

describe('a keyed ledger (PROGRESS_LEDGER_KEY)', () => {
  it('is written and read with the key; without it the chain does not verify', async () => {
    const keyed = world('2026-03-01T09:00:00.000Z', { env: { PROGRESS_LEDGER_KEY: 'k-2026' } })
    const r = await keyed.cli(
      'append',
      keyed.write('setup.jsonl', jsonl([...setupLines, report(10, '2021')])),
      '--actor',
      'plan-admin:po',
    )
    expect(r.code).toBe(ExitCode.ok)
    const more = await keyed.cli(
      'append',
      keyed.write('more.jsonl', jsonl([report(11, '2022')])),
      '--actor',
      'plan-admin:po',
    )
    expect(more.code).toBe(ExitCode.ok)
    const verified = await keyed.cli('verify')
    expect(verified.code).toBe(ExitCode.ok)
    expect(verified.stdout).toContain('hash chain intact (keyed)')
    const unkeyed = world('2026-03-01T09:00:00.000Z')
    const store = `sqlite:${join(keyed.dir, 'progress-ledger.sqlite')}`
    const without = await unkeyed.cli('verify', '--store', store)
    expect(without.code).toBe(ExitCode.failed)
    expect(without.stderr).toContain('BROKEN at position 1')
    const report2 = await unkeyed.cli('report', '--store', store)
    expect(report2.code).toBe(ExitCode.failed)
  })
})

describe('checkpoints through the CLI', () => {
  it('checkpoint stores one; reports from it equal a full replay; verify compares it with a fresh replay', async () => {
    const w = await ledger()
    const stored = await w.cli('checkpoint')
    expect(stored.stdout).toBe('checkpoint stored at position 11\n')
    await w.cli(
      'append',
      w.write('more.jsonl', jsonl([report(20, '2025')])),
      '--actor',
      'plan-admin:po',
    )
    const fromCheckpoint = await w.cli('report', '--as-of', '2025-12-31', '--format', 'json')
    const fromScratch = await w.cli(
      'report',
      '--no-checkpoint',
      '--as-of',
      '2025-12-31',
      '--format',
      'json',
    )
    expect(fromCheckpoint.code).toBe(ExitCode.ok)
    expect(fromCheckpoint.stdout).toBe(fromScratch.stdout)
    const verified = await w.cli('verify')
    expect(verified.code).toBe(ExitCode.ok)
    expect(verified.stdout).toContain('checkpoint at position 11 matches a fresh replay')
    // Compared on the way, the replay goes on past the checkpoint to what one without it reaches.
    const plain = await edited(w, 'plain', ['DELETE FROM checkpoints'])
    const scratch = await w.cli('verify', '--store', plain)
    expect(scratch.stdout).not.toContain('checkpoint at position')
    expect(verified.stdout.replace(/checkpoint at position 11 matches a fresh replay\n/, '')).toBe(
      scratch.stdout,
    )
    // A damaged checkpoint is not used: verify says so, and a report replays from the start.
    const damaged = await edited(w, 'damaged', [
      'UPDATE checkpoints SET image = zeroblob(length(image)) WHERE position = 11',
    ])
    const check = await w.cli('verify', '--store', damaged)
    expect(check.stdout + check.stderr).toMatch(/checkpoint at position 11.*(ignored|differs)/)
    const read = await w.cli(
      'report',
      '--store',
      damaged,
      '--as-of',
      '2025-12-31',
      '--format',
      'json',
    )
    expect(read.code).toBe(ExitCode.ok)
    expect(read.stderr).toContain('note: checkpoint at position 11')
    expect(read.stdout).toBe(fromScratch.stdout)
  })
})

describe('checkpoint after a long replay', () => {
  it('stores the checkpoint the load already stored once, not twice', async () => {
    const w = await ledger()
    const values = Array.from({ length: 10_000 }, (_, i) => report(i, '2025'))
    const file = w.write('many.jsonl', jsonl(values))
    expect((await w.cli('append', file, '--actor', 'plan-admin:po', '--no-checkpoint')).code).toBe(
      ExitCode.ok,
    )
    const saves = vi.spyOn(SqliteEventStore.prototype, 'saveCheckpoints')
    try {
      // No checkpoint yet: the load replays 10,011 events and stores one; the command adds none.
      expect((await w.cli('checkpoint')).stdout).toBe('checkpoint stored at position 10011\n')
      expect(saves).toHaveBeenCalledTimes(1)
      // From that checkpoint nothing is replayed: the command stores it.
      expect((await w.cli('checkpoint')).stdout).toBe('checkpoint stored at position 10011\n')
      expect(saves).toHaveBeenCalledTimes(2)
    } finally {
      saves.mockRestore()
    }
    const args = ['report', '--as-of', '2025-12-31', '--format', 'json']
    expect((await w.cli(...args)).stdout).toBe((await w.cli(...args, '--no-checkpoint')).stdout)
  })
})

describe('verify and a checkpoint stored in other bytes', () => {
  // A self-contained image (`takeCheckpoint`) under `ledger` holds a state in other bytes than the
  // parts `checkpoint` writes: verify restores it and compares the states.
  async function withImage(w: World, name: string, events: number): Promise<string> {
    const path = join(w.dir, `${name}.sqlite`)
    copyFileSync(join(w.dir, 'progress-ledger.sqlite'), path)
    const direct = await openSqliteStore({ path, clock: fixedClock('2026-03-01') })
    const all = await direct.readAll()
    const state = replay(ledgerProjection, all.slice(0, events))
    // Stamped at the checkpoint's position and head, whatever state it holds.
    const at = { ...state, position: 11, head: (all[10] as { hash: string }).hash }
    direct.db.prepare('DELETE FROM checkpoints').run()
    await direct.saveCheckpoint(takeCheckpoint(at))
    await direct.close()
    return `sqlite:${name}.sqlite`
  }

  it('matches when the state is the same, differs when it is not', async () => {
    const w = await ledger()
    const same = await w.cli('verify', '--store', await withImage(w, 'same', 11))
    expect(same.code).toBe(ExitCode.ok)
    expect(same.stdout).toContain('checkpoint at position 11 matches a fresh replay')
    const other = await w.cli('verify', '--store', await withImage(w, 'other', 10))
    expect(other.code).toBe(ExitCode.failed)
    expect(other.stderr).toContain('checkpoint at position 11 differs from a fresh replay')
  })
})

/** The one-indicator plan as plan `hz` with indicator H01 (the department is shared). */
const hzLines = setupLines
  .filter((l) => l.type !== 'RegisterDepartment')
  .map(
    (l) =>
      JSON.parse(JSON.stringify(l).replaceAll('"sz"', '"hz"').replaceAll('I01', 'H01')) as unknown,
  )

describe('a report on one plan of a ledger of several', () => {
  it("reads only that plan's part of the checkpoint, and answers as a full replay does", async () => {
    const w = await ledger()
    const r = await w.cli('append', w.write('hz.jsonl', jsonl(hzLines)), '--actor', 'plan-admin:po')
    expect(r.code).toBe(ExitCode.ok)
    expect((await w.cli('checkpoint')).stdout).toBe('checkpoint stored at position 17\n')
    // After the checkpoint: two values, and a third plan adopted (no part holds it).
    const more = [
      report(20, '2025'),
      { ...report(7, '2025'), indicatorId: 'H01' },
      { ...(setupLines[0] as object), planId: 'nb', name: { zh: '宁波行动方案' } },
    ]
    await w.cli('append', w.write('more.jsonl', jsonl(more)), '--actor', 'plan-admin:po')
    for (const args of [
      ['report', '--plan', 'hz', '--as-of', '2025-12-31', '--format', 'json'],
      ['report', '--plan', 'sz', '--as-of', '2025-12-31', '--format', 'md', '--lang', 'en'],
      ['status', 'H01', '--plan', 'hz', '--as-of', '2025-12-31'],
      ['list', 'indicators', '--plan', 'hz', '--as-of', '2025-12-31'],
      ['list', 'departments', '--plan', 'sz', '--json'],
      ['list', 'plans'],
      ['list', 'plans', '--plan', 'nb', '--json'],
      ['list', 'indicators', '--plan', 'nope'],
    ]) {
      const scoped = await w.cli(...args)
      const scratch = await w.cli(...args, '--no-checkpoint')
      expect(scoped.code, args.join(' ')).toBe(
        args.includes('nope') ? ExitCode.failed : ExitCode.ok,
      )
      expect([scoped.stdout, scoped.stderr], args.join(' ')).toEqual([
        scratch.stdout,
        scratch.stderr,
      ])
      if (!args.includes('nope')) expect(scoped.stdout, args.join(' ')).not.toBe('')
    }
    // With plan sz's part damaged, a report on hz still starts from the checkpoint (it never
    // reads sz's part); a report on sz finds the damage and replays from the start.
    const damaged = await edited(w, 'damaged-sz', [
      "UPDATE checkpoints SET image = zeroblob(length(image)) WHERE name = 'ledger/plan/sz'",
    ])
    const reportOn = (store: string, plan: string) =>
      w.cli('report', '--store', store, '--plan', plan, '--as-of', '2025-12-31', '--format', 'json')
    const hz = await reportOn(damaged, 'hz')
    expect(hz.code).toBe(ExitCode.ok)
    expect(hz.stderr).not.toContain('note: checkpoint')
    const sz = await reportOn(damaged, 'sz')
    expect(sz.code).toBe(ExitCode.ok)
    expect(sz.stderr).toContain('its part "ledger/plan/sz"')
    const listed = await w.cli('list', 'indicators', '--plan', 'hz', '--as-of', '2025-12-31')
    expect(listed.stdout).toContain('H01')
    expect(listed.stdout).not.toContain('I01')
    // The plans are listed from the checkpoint's index and the events since: no part is read.
    const plans = await w.cli('list', 'plans', '--store', damaged)
    expect([plans.code, plans.stderr]).toEqual([ExitCode.ok, '3 plans\n'])
    // In the order adopted.
    expect(plans.stdout.split('\n').map((l) => l.split(' ')[0])).toEqual(['sz', 'hz', 'nb', ''])
    // status without --plan: the indicator's own plan, found from the checkpoint's index (or,
    // without a checkpoint, from the whole ledger); a number names no plan by itself.
    for (const [id, plan] of [
      ['H01', 'hz'],
      ['I01', 'sz'],
    ] as const) {
      const named = await w.cli('status', id, '--plan', plan, '--as-of', '2025-12-31')
      expect(named.code).toBe(ExitCode.ok)
      for (const extra of [[], ['--no-checkpoint']]) {
        const inferred = await w.cli('status', id, '--as-of', '2025-12-31', ...extra)
        expect([inferred.code, inferred.stdout], `${id} ${extra.join(' ')}`).toEqual([
          ExitCode.ok,
          named.stdout,
        ])
      }
    }
    const byNumber = await w.cli('status', '1', '--as-of', '2025-12-31')
    expect(byNumber.code).toBe(ExitCode.failed)
    // A report needs its plan named: known from the checkpoint's index and the events since (the
    // plan adopted after the checkpoint counts), before any plan loads.
    for (const argv of [['report'], ['diff', '--from', '2022-12-31', '--to', '2025-12-31']]) {
      const unnamed = await w.cli(...argv)
      expect(unnamed.code).toBe(ExitCode.failed)
      expect(unnamed.stderr).toMatch(/--plan: expected one of 3 plans \(hz, nb, sz\), got nothing/)
      expect(unnamed.stderr).toContain('`progress-ledger list plans` lists them')
    }
    // No indicator of any plan prints a number here: said so, rather than asking for a plan.
    expect(byNumber.stderr).toContain(
      'indicator "1": no indicator of the ledger\'s 3 plans has that id or number',
    )
    // A plan the ledger does not hold: every plan is offered, from the checkpoint's index (no
    // plan's part is read, so the damaged one is not noticed), and a near miss is named.
    for (const [asked, near] of [
      ['nope', ''],
      ['hzz', ' (did you mean hz?)'],
      ['SZ', ' (did you mean sz?)'],
    ] as const) {
      const none = await w.cli(
        'report',
        '--store',
        damaged,
        '--plan',
        asked,
        '--as-of',
        '2025-12-31',
      )
      expect(none.code).toBe(ExitCode.failed)
      expect(none.stderr).toBe(
        `progress-ledger report: --plan: expected an adopted plan, got ${JSON.stringify(asked)}${near}\nhint: the ledger holds hz, nb, sz: choose one with --plan ID\n`,
      )
    }
    // Departments belong to no plan, but a plan the ledger does not hold is refused there too.
    const departments = await w.cli('list', 'departments', '--store', damaged, '--plan', 'hzz')
    expect([departments.code, departments.stdout]).toEqual([ExitCode.failed, ''])
    expect(departments.stderr).toContain('got "hzz" (did you mean hz?)')
  })
})

describe('an append on a ledger of several plans', () => {
  const defineIn = (planId: string, indicatorId: string) => ({
    ...(setupLines.find((l) => l.type === 'DefineIndicator') as Record<string, unknown>),
    planId,
    indicatorId,
  })

  /**
   * Appends the same files to two ledgers holding the same two plans — one with a checkpoint
   * (`narrow`: short files are decided against the plans they touch), one loaded whole
   * (`--no-checkpoint`) — and checks that every outcome and the reports after are the same.
   */
  async function bothWays(w: World, narrow: string[], whole: string[]): Promise<void> {
    const files: ReadonlyArray<ReadonlyArray<unknown>> = [
      // One plan's value; then both plans' and a new indicator in hz.
      [report(20, '2025')],
      [{ ...report(7, '2025'), indicatorId: 'H01' }, report(21, '2025'), defineIn('hz', 'H02')],
      // sz's indicator redefined into hz; then a plan not adopted; then a refusal (unknown id).
      [defineIn('hz', 'I01')],
      [defineIn('gx', 'G01')],
      [report(22, '2025'), { ...report(1, '2025'), indicatorId: 'I99' }],
      // Longer than what is decided against some plans: streamed against the whole ledger.
      Array.from({ length: 1_500 }, (_, i) => ({ ...report(i, '2025'), indicatorId: 'H02' })),
    ]
    const actor = ['--actor', 'plan-admin:po']
    const results: string[] = []
    for (const [i, lines] of files.entries()) {
      const file = w.write(`f${i}.jsonl`, jsonl(lines))
      const a = await w.cli('append', file, ...actor, ...narrow)
      const b = await w.cli('append', file, ...actor, ...whole, '--no-checkpoint')
      expect([a.code, a.stdout, a.stderr], `f${i}`).toEqual([b.code, b.stdout, b.stderr])
      results.push(a.stdout + a.stderr)
    }
    const outputs = results.join('\n')
    expect(outputs).toContain('f2.jsonl:1: planId: expected the indicator\'s plan "sz", got "hz"')
    expect(outputs).toContain('f3.jsonl:1: planId: expected an adopted plan (hz, sz), got "gx"')
    expect(outputs).toContain('1500 command(s): appended 1500 event(s), head at position 1521')
    expect((await w.cli('head', ...narrow)).stdout).toMatch(/^1521:/)
    for (const plan of ['sz', 'hz']) {
      const args = ['report', '--plan', plan, '--as-of', '2025-12-31', '--format', 'json']
      // The same facts; only the ids drawn for new events differ (each run has its own prefix).
      const ids = (out: string) => out.replaceAll(/"run\d+-\d+"/g, '"id"')
      const a = ids((await w.cli(...args, ...narrow)).stdout)
      expect(a).toContain(plan === 'hz' ? '"H02"' : '"I01"')
      expect(a).toBe(ids((await w.cli(...args, ...whole)).stdout))
    }
    expect((await w.cli('verify', ...narrow)).code).toBe(ExitCode.ok)
  }

  it('decides a short file against the plans it touches as against the whole ledger, and a long one streamed (SQLite)', async () => {
    const w = await ledger()
    await w.cli('append', w.write('hz.jsonl', jsonl(hzLines)), '--actor', 'plan-admin:po')
    expect((await w.cli('checkpoint')).stdout).toBe('checkpoint stored at position 17\n')
    await bothWays(w, [], ['--store', await edited(w, 'whole', [])])
  })

  const pgUrl = process.env.PG_URL
  if (pgUrl !== undefined)
    it('decides a short file against the plans it touches as against the whole ledger (PostgreSQL)', async () => {
      const w = world('2026-03-01T09:00:00.000Z')
      const schemas = ['a', 'b'].map(
        (x) => `cli_narrow_${process.pid}_${Date.now().toString(36)}_${x}`,
      )
      const [narrow, whole] = schemas.map((schema) => [
        '--store',
        `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}schema=${schema}`,
      ]) as [string[], string[]]
      try {
        const setup = [
          ...setupLines,
          ...['2021', '2022', '2023', '2024'].map((p, i) => report(10 + i, p)),
        ]
        for (const store of [narrow, whole]) {
          for (const [name, lines] of [
            ['setup.jsonl', setup],
            ['hz.jsonl', hzLines],
          ] as const) {
            const r = await w.cli(
              'append',
              w.write(name, jsonl(lines)),
              '--actor',
              'plan-admin:po',
              ...store,
            )
            expect(r.code, r.stderr).toBe(ExitCode.ok)
          }
        }
        expect((await w.cli('checkpoint', ...narrow)).stdout).toBe(
          'checkpoint stored at position 17\n',
        )
        await bothWays(w, narrow, whole)
      } finally {
        const store = await openPostgresStore({ url: pgUrl, clock: fixedClock('2026-03-01') })
        for (const schema of schemas)
          await store.client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
        await store.close()
      }
    })
})

describe('a streamed append refused late in its file', () => {
  it('reports every bad line with its number and appends nothing', async () => {
    const w = await ledger()
    const before = (await w.cli('head')).stdout
    const file = w.write(
      'late.jsonl',
      [
        JSON.stringify(report(12.5, '2025')),
        '# a comment',
        JSON.stringify(report(12.6, '2025')),
        JSON.stringify({ ...report(1, '2025'), indicatorId: 'I99' }),
        '{"type":"ReportValue",',
        JSON.stringify(report(12.7, '2025')),
      ].join('\n'),
    )
    const r = await w.cli('append', file, '--actor', 'plan-admin:po')
    expect(r.code).toBe(ExitCode.failed)
    expect(r.stderr).toContain('late.jsonl:4: indicatorId')
    expect(r.stderr).toContain('late.jsonl:5: (line): expected a JSON object')
    expect(r.stderr).toContain('2 of 5 line(s) refused; nothing appended')
    expect((await w.cli('head')).stdout).toBe(before)
  })
})

describe('an event edited in place before the newest checkpoint', () => {
  it('is refused by history and status, which check the events they show; verify finds it; the checkpoint answers reports', async () => {
    const w = await ledger()
    expect((await w.cli('checkpoint')).code).toBe(ExitCode.ok)
    // The 2023 value (position 10), before the checkpoint at 11: the checkpoint still holds 12.
    const store = await edited(w, 'after-checkpoint', [
      "UPDATE events SET data = json_set(data, '$.value', 99) WHERE position = 10",
    ])
    const history = await w.cli('history', 'I01', '--store', store)
    expect(history.code).toBe(ExitCode.failed)
    expect(history.stdout).toBe('')
    expect(history.stderr).toMatch(
      /hash chain broken at position 10 \(event [^)]+\): content does not match its hash/,
    )
    const json = await w.cli('history', 'I01', '--json', '--store', store)
    expect(json.code).toBe(ExitCode.failed)
    expect(json.stdout).toBe('')
    const allowed = await w.cli('history', 'I01', '--allow-broken', '--store', store)
    expect(allowed.code).toBe(ExitCode.ok)
    expect(allowed.stdout).toContain('99')
    expect(allowed.stderr).toContain('warning: the hash chain is broken at position 10')
    const verified = await w.cli('verify', '--store', store)
    expect(verified.code).toBe(ExitCode.failed)
    expect(verified.stderr).toContain('BROKEN at position 10')
    // status rests on the indicator's events: refused alike; with --allow-broken it answers
    // from the checkpoint (12, built while the event still verified), with the warning.
    const status = await w.cli('status', 'I01', '--as-of', '2023-12-31', '--store', store)
    expect(status.code).toBe(ExitCode.failed)
    expect(status.stdout).toBe('')
    expect(status.stderr).toMatch(/hash chain broken at position 10 \(event [^)]+\)/)
    const statusAllowed = await w.cli(
      'status',
      'I01',
      '--as-of',
      '2023-12-31',
      '--allow-broken',
      '--store',
      store,
    )
    expect(statusAllowed.code).toBe(ExitCode.ok)
    expect(statusAllowed.stdout).toMatch(/最新值：12/)
    expect(statusAllowed.stderr).toContain('warning: the hash chain is broken at position 10')
    // The plan report answers from the checkpoint without reading the events before it.
    const report = await w.cli('report', '--as-of', '2023-12-31', '--store', store)
    expect(report.code).toBe(ExitCode.ok)
  })
})

describe('an event deleted before the newest checkpoint', () => {
  it('is refused by history and status, which find the gap in the stream they read; verify finds it', async () => {
    const w = await ledger()
    expect((await w.cli('checkpoint')).code).toBe(ExitCode.ok)
    // The 2023 value (position 10), behind the checkpoint at 11.
    const store = await edited(w, 'deleted', ['DELETE FROM events WHERE position = 10'])
    const gap =
      /hash chain broken at position 11 \(event [^)]+\): the stream "indicator-I01" has no version \d+ \(an event was removed\)/
    const history = await w.cli('history', 'I01', '--store', store)
    expect(history.code).toBe(ExitCode.failed)
    expect(history.stdout).toBe('')
    expect(history.stderr).toMatch(gap)
    const status = await w.cli('status', 'I01', '--as-of', '2023-12-31', '--store', store)
    expect(status.code).toBe(ExitCode.failed)
    expect(status.stdout).toBe('')
    expect(status.stderr).toMatch(gap)
    const allowed = await w.cli('history', 'I01', '--allow-broken', '--store', store)
    expect(allowed.code).toBe(ExitCode.ok)
    expect(allowed.stderr).toContain('warning: the hash chain is broken at position 11')
    const verified = await w.cli('verify', '--store', store)
    expect(verified.code).toBe(ExitCode.failed)
    expect(verified.stderr).toContain('BROKEN at position')
  })
})

describe('brokenStream', () => {
  async function stream() {
    const store = new InMemoryEventStore({ clock: fixedClock('2022-01-01T00:00:00.000Z') })
    const at = { type: 'DepartmentRegistered', validTime: '2022-01-01', actor: 'office' } as const
    const dept = (id: string) => ({
      ...at,
      id,
      data: { departmentId: id, name: { zh: id, en: id }, aliases: [] },
    })
    const appended = await store.append(
      'department-d',
      [dept('a'), dept('b'), dept('c')],
      'no-stream',
    )
    expect(appended._tag).toBe('Appended')
    const events = await store.readStream('department-d')
    expect(events.map((e) => e.version)).toEqual([1, 2, 3])
    return events as [RecordedEvent, RecordedEvent, RecordedEvent]
  }

  it('passes a stream read whole and intact', async () => {
    expect(brokenStream(await stream(), undefined)).toBeUndefined()
  })

  it('finds an edit whose hash was recomputed by the link of the event after it', async () => {
    const [a, b, c] = await stream()
    const data = { ...b.data, name: { zh: 'x', en: 'x' } } as typeof b.data
    const forged = { ...b, data, hash: chainHash(b.prevHash, { ...b, data }) } as RecordedEvent
    expect(brokenStream([a, forged], undefined)).toBeUndefined()
    expect(brokenStream([a, forged, c], undefined)).toEqual({
      position: c.position,
      eventId: 'c',
      reason: 'previous-hash link does not match',
    })
  })

  it('finds a version missing at the event after the gap, and an edit in place first', async () => {
    const [a, b, c] = await stream()
    expect(brokenStream([a, c], undefined)?.position).toBe(c.position)
    expect(brokenStream([b, c], undefined)?.reason).toBe(
      'the stream "department-d" has no version 1 (an event was removed)',
    )
    const edited = { ...c, data: { ...c.data, name: { zh: 'y', en: 'y' } } } as RecordedEvent
    expect(brokenStream([a, edited], undefined)?.reason).toMatch(/content does not match its hash/)
  })
})
