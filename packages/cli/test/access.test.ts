// Read-only commands never create a ledger; a missing ledger or a ledger without a plan is
// refused with exit 1 and a hint on what to run.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fixedClock } from '@progress-ledger/core'
import { openPostgresStore } from '@progress-ledger/store-postgres'
import { describe, expect, it } from 'vitest'
import { ExitCode } from '../src/Failure'
import { jsonl, setupLines, world } from './harness'

const readOnly: ReadonlyArray<ReadonlyArray<string>> = [
  ['report'],
  ['status', 'I01'],
  ['list', 'indicators'],
  ['history', 'I01'],
  ['diff', '--from', '2021-12-31', '--to', '2022-12-31'],
  ['verify'],
  ['export'],
]

describe('ledger access', () => {
  it.each(readOnly)(
    '%s on a missing SQLite file: exit 1, a hint, and no file created',
    async (...argv) => {
      const w = world()
      const r = await w.cli(...argv)
      expect(r.code).toBe(ExitCode.failed)
      expect(r.stdout).toBe('')
      expect(r.stderr).toContain(
        `progress-ledger ${argv[0]}: no ledger at sqlite:${join(w.dir, 'progress-ledger.sqlite')}\n`,
      )
      expect(r.stderr).toContain('hint: create one with `progress-ledger init`')
      expect(readdirSync(w.dir)).toEqual([])
    },
  )

  it('a usage error is reported as such even when the ledger is missing', async () => {
    const w = world()
    const r = await w.cli('report', '--format', 'pdf')
    expect(r.code).toBe(ExitCode.usage)
    expect(r.stderr).toContain('--format: expected md, html, csv, json or xlsx, got "pdf"')
    expect(readdirSync(w.dir)).toEqual([])
  })

  it('report, status and list on an empty ledger hint at import-plan, exit 1', async () => {
    const w = world()
    expect((await w.cli('init')).code).toBe(0)
    for (const argv of [['report'], ['status', 'I01'], ['list', 'indicators']]) {
      const r = await w.cli(...argv)
      expect(r.code).toBe(ExitCode.failed)
      expect(r.stderr).toContain(
        `no plan in the ledger at sqlite:${join(w.dir, 'progress-ledger.sqlite')} (it is empty)`,
      )
      expect(r.stderr).toContain('hint: record a plan first: `progress-ledger import-plan')
    }
  })

  it('an unknown --plan is refused with the plans the ledger holds, exit 1', async () => {
    const w = world()
    await w.cli('append', w.write('s.jsonl', jsonl(setupLines)), '--actor', 'plan-admin:office')
    const r = await w.cli('report', '--plan', 'nowhere')
    expect(r.code).toBe(ExitCode.failed)
    expect(r.stderr).toContain('--plan: expected an adopted plan, got "nowhere"')
    expect(r.stderr).toContain('hint: the ledger holds sz: choose one with --plan ID')
    const listed = await w.cli('list', 'indicators', '--plan', 'nowhere')
    expect(listed.code).toBe(ExitCode.failed)
    expect(listed.stderr).toContain('hint: the ledger holds sz')
  })

  it('a date before the plan was adopted (or recorded) is told apart from a ledger without a plan', async () => {
    const w = world('2022-03-01T09:00:00.000Z')
    await w.cli('append', w.write('s.jsonl', jsonl(setupLines)), '--actor', 'plan-admin:office')
    for (const argv of [
      ['report', '--as-of', '2021-08-09'],
      ['list', 'indicators', '--as-of', '2021-08-09'],
      ['report', '--plan', 'sz', '--as-of', '2021-08-09'],
      ['diff', '--from', '2021-08-09', '--to', '2021-12-31'],
    ]) {
      const r = await w.cli(...argv)
      expect(r.code, argv.join(' ')).toBe(ExitCode.failed)
      expect(r.stderr).toContain(
        `no plan in the ledger at sqlite:${join(w.dir, 'progress-ledger.sqlite')} as of 2021-08-09: its plan came later: sz (adopted on 2021-08-10, recorded 2022-03-01)`,
      )
      expect(r.stderr).toContain(
        `hint: choose a later ${argv[0] === 'diff' ? '--from' : '--as-of'} (or --known-at)`,
      )
    }
    const known = await w.cli('report', '--as-of', '2021-12-31', '--known-at', '2022-01-01')
    expect(known.stderr).toContain('as of 2021-12-31, as known at 2022-01-01: its plan came later')
    expect((await w.cli('report', '--as-of', '2021-12-31')).code).toBe(ExitCode.ok)
  })

  it('writing commands create the ledger: init, append, import-plan, import', async () => {
    const w = world()
    const r = await w.cli(
      'append',
      w.write('s.jsonl', jsonl(setupLines)),
      '--actor',
      'plan-admin:office',
    )
    expect(r.code).toBe(0)
    expect(existsSync(join(w.dir, 'progress-ledger.sqlite'))).toBe(true)
  })
})

// A PostgreSQL ledger is checked, not created, by a read-only command (needs a server: PG_URL).
const pgUrl = process.env.PG_URL
if (pgUrl !== undefined)
  describe(`ledger access on PostgreSQL (${pgUrl})`, () => {
    it('a read-only command on a schema without a ledger: exit 1, a hint, no tables created', async () => {
      const schema = `cli_access_${process.pid}_${Date.now().toString(36)}`
      const url = `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}schema=${schema}`
      const w = world()
      const r = await w.cli('report', '--store', url)
      expect(r.code).toBe(ExitCode.failed)
      expect(r.stderr).toContain(`(schema ${schema})`)
      expect(r.stderr).toContain('hint: create one with `progress-ledger init --store URL`')
      // Nothing was created: asked again, the answer is the same (not "no plan").
      const again = await w.cli('list', 'indicators', '--store', url)
      expect(again.code).toBe(ExitCode.failed)
      expect(again.stderr).toContain('no ledger at')
      expect((await w.cli('init', '--store', url)).code).toBe(0)
      const empty = await w.cli('report', '--store', url)
      expect(empty.code).toBe(ExitCode.failed)
      expect(empty.stderr).toContain('no plan in the ledger')
      const store = await openPostgresStore({ url: pgUrl, schema, clock: fixedClock('2022-03-01') })
      await store.client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
      await store.close()
    })
  })
