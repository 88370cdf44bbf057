// Read figures through the commands' decide → append path: all or nothing, the deciders'
// refusals at their cells; on the in-memory reference store and on a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { type EventStore, isoDate, latestValue, manualClock } from '@progress-ledger/core'
import { handleAll, planAdmin, reporter, sequentialIds } from '@progress-ledger/commands'
import { openSqliteStore } from '@progress-ledger/store-sqlite'
import { appendFigures, type FiguresRead, readFigures } from '../src/index'
import { adoptSeed, seedStore, stateOf } from './ledger'
import { exceljsBook, sheetjsBook, type TableSpec } from './writers'

const dir = mkdtempSync(join(tmpdir(), 'spreadsheet-append-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function read(store: EventStore, tables: TableSpec): Promise<FiguresRead> {
  const r = await readFigures(
    { name: 'figures.xlsx', bytes: sheetjsBook(tables) },
    { state: await stateOf(store) },
  )
  if (r._tag !== 'Read') throw new Error(r.problems.map((p) => p.message).join('\n'))
  return r
}

const ctx = (today: string, actor = planAdmin('plan-office'), prefix = 'xl') => ({
  actor,
  today: isoDate(today),
  ids: sequentialIds(prefix),
})

describe('appendFigures', () => {
  it('appends every figure of a sheet in one batch', async () => {
    const store = await seedStore()
    const before = (await store.readAll()).length
    const figures = await read(store, {
      表1: [
        ['序号', '2023年', '状态'],
        [1, 12.6, '正式'],
        ['14.1', 9.2, null],
      ],
    })
    const r = await appendFigures(store, figures, ctx('2024-03-01'), {
      state: await stateOf(store),
    })
    expect(r._tag === 'Appended' && r.written).toBe(2)
    const state = await stateOf(store)
    expect((await store.readAll()).length).toBe(before + 2)
    const i01 = state.indicators.get('I01')
    expect(i01 && latestValue(i01)?.value).toBe(12.6)
    expect(i01 && latestValue(i01)?.version.source).toEqual({ document: 'figures.xlsx!表1!B2' })
    expect(i01 && latestValue(i01)?.version.status).toBe('final')
  })

  it('appends nothing when a decider refuses one figure, and names its cell', async () => {
    const store = await seedStore()
    const before = await store.readAll()
    const figures = await read(store, {
      表1: [
        ['序号', '2023年', '2024年'],
        [1, 12.6, 13.1],
        [7, 120, null],
      ],
    })
    const r = await appendFigures(store, figures, ctx('2023-06-30'))
    expect(r._tag === 'Refused' && r.problems.map((p) => [p.message, p.rule])).toEqual([
      [
        'figures.xlsx!表1!C2: expected a period begun by today (2023-06-30), got "2024"',
        'in-future',
      ],
      [
        'figures.xlsx!表1!B3: expected a share between 0 and 100 % (or an outlier reason), got 120',
        'implausible-value',
      ],
    ])
    expect(await store.readAll()).toEqual(before)
  })

  it('refuses figures of indicators the reporting department does not answer for', async () => {
    const store = await seedStore()
    const figures = await read(store, {
      表1: [
        ['序号', '2023年'],
        [1, 12.6],
        [6, 17],
      ],
    })
    const r = await appendFigures(store, figures, ctx('2024-03-01', reporter('clerk', 'fgj')))
    expect(r._tag === 'Refused' && r.problems.map((p) => p.message)).toEqual([
      'figures.xlsx!表1!B3: expected an indicator fgj answers for on 2023-12-31 (responsible: jxj), got "I06"',
    ])
  })

  it('turns a unit the indicator does not use into a refusal asking for a factor', async () => {
    const store = await seedStore()
    const figures = await read(store, {
      表1: [
        ['序号', '单位', '2023年'],
        [1, '元', 126000],
      ],
    })
    const r = await appendFigures(store, figures, ctx('2024-03-01'))
    expect(r._tag === 'Refused' && r.problems.map((p) => p.rule)).toEqual(['unit-mismatch'])
  })

  it('surfaces a writer that came in between as a version conflict', async () => {
    const store = await seedStore()
    const state = await stateOf(store)
    const figures = await read(store, {
      表1: [
        ['序号', '2023年'],
        [1, 12.6],
      ],
    })
    const other = await appendFigures(store, figures, ctx('2024-03-01', planAdmin('a'), 'a'), {
      state,
    })
    expect(other._tag).toBe('Appended')
    const late = await appendFigures(store, figures, ctx('2024-03-01', planAdmin('b'), 'b'), {
      state,
    })
    expect(late._tag).toBe('VersionConflict')
  })

  it('records a table sent again only where it changed: figures in force are not recorded twice', async () => {
    const store = await seedStore()
    const table: TableSpec = {
      表1: [
        ['序号', '2022年', '2023年', '状态', '备注'],
        [1, 11.4, null, '正式', null],
        ['14.1', 9.2, null, null, '统计快报'],
      ],
    }
    const r1 = await appendFigures(store, await read(store, table), ctx('2024-03-01'))
    expect(r1._tag === 'Appended' && r1.written).toBe(2)
    const after = await store.readAll()
    // The same table again: both figures are the values in force, nothing is recorded.
    const again = await appendFigures(
      store,
      await read(store, table),
      ctx('2024-03-01', planAdmin('plan-office'), 'x1'),
    )
    expect(again._tag === 'Appended' && again.written).toBe(0)
    expect(await store.readAll()).toEqual(after)
    // I01's 2022 figure is submitted and approved: the period is locked, and a table sent again
    // is still no refusal for it.
    const submitted = await handleAll(
      store,
      [
        {
          type: 'ReportValue',
          indicatorId: 'I01',
          period: '2022',
          value: 11.4,
          status: 'final',
          submitted: true,
        },
      ],
      ctx('2024-03-02', planAdmin('plan-office'), 'sb'),
    )
    expect(submitted._tag).toBe('Appended')
    const approved = await handleAll(
      store,
      [{ type: 'ApproveValue', indicatorId: 'I01', period: '2022', approves: 'sb-1' }],
      ctx('2024-03-02', planAdmin('approver'), 'ap'),
    )
    expect(approved._tag, JSON.stringify(approved)).toBe('Appended')
    // One more year filled in, one note changed: only those are recorded.
    const next = await read(store, {
      表1: [
        ['序号', '2022年', '2023年', '状态', '备注'],
        [1, 11.4, 12.6, '正式', null],
        ['14.1', 9.2, null, null, '统计年鉴'],
      ],
    })
    const r2 = await appendFigures(store, next, ctx('2024-03-03', planAdmin('plan-office'), 'x2'))
    expect(r2._tag === 'Appended' && r2.events.map((e) => [e.data, e.id])).toEqual([
      [expect.objectContaining({ indicatorId: 'I01', period: '2023', value: 12.6 }), 'x2-1'],
      [expect.objectContaining({ indicatorId: 'I14a', period: '2022', value: 9.2 }), 'x2-2'],
    ])
    expect((await store.readAll()).length).toBe(after.length + 4)
    // A status the ledger does not hold is a change; a changed figure of the locked period is
    // refused as before.
    const changed = await appendFigures(
      store,
      await read(store, {
        表1: [
          ['序号', '2022年', '2023年', '状态'],
          [1, 11.5, 12.6, '初步'],
        ],
      }),
      ctx('2024-03-04', planAdmin('plan-office'), 'x3'),
    )
    expect(changed._tag === 'Refused' && changed.problems.map((p) => [p.cell, p.rule])).toEqual([
      ['B2', 'value-locked'],
    ])
  })

  it('works the same on a SQLite file, refusal included', async () => {
    const store = await openSqliteStore({
      path: join(dir, 'ledger.sqlite'),
      clock: manualClock('2024-03-01T09:00:00.000Z'),
    })
    try {
      await adoptSeed(store)
      const before = await store.readAll()
      const bad = await readFigures(
        {
          name: 'figures.xlsx',
          bytes: await exceljsBook({
            表1: [
              ['序号', '2023年'],
              [1, 12.6],
              [13, -1],
            ],
          }),
        },
        { state: await stateOf(store) },
      )
      if (bad._tag !== 'Read') throw new Error('expected a read')
      const refused = await appendFigures(store, bad, ctx('2024-03-01'))
      expect(refused._tag === 'Refused' && refused.problems.map((p) => p.message)).toEqual([
        'figures.xlsx!表1!B3: expected a share between 0 and 100 % (or an outlier reason), got -1',
      ])
      expect(await store.readAll()).toEqual(before)
      const good = await read(store, {
        表1: [
          ['序号', '2023年'],
          [1, 12.6],
          [13, 3.02],
        ],
      })
      const r = await appendFigures(store, good, ctx('2024-03-01'))
      expect(r._tag === 'Appended' && r.written).toBe(2)
      expect((await store.readAll()).length).toBe(before.length + 2)
    } finally {
      await store.close()
    }
  })
})
