// Indicators by id or by the number printed in the plan; `list` shows those numbers.
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { fixedClock } from '@progress-ledger/core'
import { openSqliteStore } from '@progress-ledger/store-sqlite'
import { beforeAll, describe, expect, it } from 'vitest'
import { ExitCode } from '../src/Failure'
import { type World, world } from './harness'

const seed = join(__dirname, '..', '..', '..', 'seeds', 'shengzhou', 'plan.json')

describe('indicators by id or printed number', () => {
  let w: World
  beforeAll(async () => {
    w = world('2021-08-10T09:00:00.000Z')
    copyFileSync(seed, join(w.dir, 'plan.json'))
    expect((await w.cli('import-plan', 'plan.json')).code).toBe(0)
  })

  it.each([
    ['14.1', 'I14a'],
    ['6', 'I06'],
    ['06', 'I06'],
    ['I06', 'I06'],
    ['i06', 'I06'],
    ['i14A', 'I14a'],
    ['26.2', 'I26b'],
  ])('status %s is %s', async (ref, id) => {
    const r = await w.cli('status', ref, '--as-of', '2021-12-31')
    expect(r.code).toBe(ExitCode.ok)
    expect(r.stdout.startsWith(`${id} `)).toBe(true)
  })

  it('status of an unknown indicator: exit 1 with a hint to list them', async () => {
    const r = await w.cli('status', '99', '--as-of', '2021-12-31')
    expect(r.code).toBe(ExitCode.failed)
    expect(r.stderr).toContain('indicator "99": not in plan shengzhou-common-prosperity-2021-2025')
    expect(r.stderr).toContain(
      'hint: the ids and numbers are listed by `progress-ledger list indicators`',
    )
  })

  it('history takes the printed number too', async () => {
    const byNumber = await w.cli('history', '14.1')
    const byId = await w.cli('history', 'I14a')
    expect(byNumber.code).toBe(0)
    expect(byNumber.stdout).toBe(byId.stdout)
    expect(byNumber.stdout).toContain(
      'shengzhou-common-prosperity-2021-2025/indicator/I14a/defined',
    )
    const none = await w.cli('history', '99')
    expect(none.code).toBe(ExitCode.failed)
    expect(none.stderr).toContain('indicator "99": no such indicator in the ledger')
  })

  it('list indicators: every indicator in plan order with its printed number and id', async () => {
    const r = await w.cli('list', 'indicators', '--as-of', '2021-12-31')
    expect(r.code).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(68)
    expect(r.stderr).toBe('68 indicators\n')
    expect(lines[0]).toMatch(/^1 +I01 +人均生产总值 \(万元\) +\[fgj\]$/)
    const i14 = lines.findIndex((l) => l.startsWith('14 '))
    expect(lines[i14 + 1]).toMatch(/^14\.1 +I14a /)
    const en = await w.cli('list', 'indicators', '--lang', 'en', '--json')
    const rows = JSON.parse(en.stdout) as Array<{
      number: string
      id: string
      name: string
      detail: string
    }>
    expect(rows[0]).toMatchObject({
      number: '1',
      id: 'I01',
      name: 'GDP per capita',
      detail: '10,000 yuan',
    })
  })

  it('list tasks, projects and departments', async () => {
    const tasks = await w.cli('list', 'tasks', '--json')
    const rows = JSON.parse(tasks.stdout) as Array<{ kind: string; number: string; id: string }>
    expect(rows.filter((t) => t.kind === 'key-task')).toHaveLength(46)
    expect(rows.find((t) => t.id === 'R01')).toMatchObject({ kind: 'reform', number: '1' })
    const text = await w.cli('list', 'tasks')
    expect(text.stdout).toMatch(/^reform +1 +R01 +/m)
    const projects = await w.cli('list', 'projects')
    expect(projects.stdout).toMatch(/^flagship +1 +F01 /m)
    expect(projects.stdout).toMatch(/^construction +— +hangtai-hsr-shengzhou /m)
    const departments = await w.cli('list', 'departments')
    expect(departments.stdout).toMatch(/^fgj +市发改局$/m)
    expect(departments.stdout).toMatch(/^jxj +市经信局 — 经信局$/m)
  })
})

describe('list on a very large ledger', () => {
  it('lists 200,000 departments (the column widths are not a spread of every row)', async () => {
    const w = world('2026-03-01T09:00:00.000Z')
    const store = await openSqliteStore({
      path: join(w.dir, 'progress-ledger.sqlite'),
      clock: fixedClock('2026-03-01T09:00:00.000Z'),
    })
    const n = 200_000
    const requests = Array.from({ length: n / 1000 }, (_, b) => ({
      streamId: `department-block-${b}`,
      expectedVersion: 'no-stream' as const,
      events: Array.from({ length: 1000 }, (_, i) => {
        const id = `d${b * 1000 + i}`
        return {
          id,
          type: 'DepartmentRegistered' as const,
          validTime: '2026-01-01',
          actor: 'office',
          data: { departmentId: id, name: { zh: id, en: id }, aliases: [] },
        }
      }),
    }))
    const r = await store.appendStream(requests)
    await store.close()
    expect(r._tag).toBe('StreamAppended')
    const listed = await w.cli('list', 'departments', '--lang', 'en')
    expect(listed.stderr).toBe('200000 departments\n')
    expect(listed.code).toBe(ExitCode.ok)
    const lines = listed.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(n)
    // Every id is padded to the widest (7 characters: d199999).
    expect(lines.find((l) => l.startsWith('d5 '))).toMatch(/^d5 {6}/)
  })
})
