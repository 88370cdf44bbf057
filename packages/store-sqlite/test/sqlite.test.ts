import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  EventDecodeError,
  type EventInput,
  type IsoDate,
  type PeriodKey,
  type Projection,
  ledgerProjection,
  manualClock,
  replay,
} from '@progress-ledger/core'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { runCheckpointed, loadProjection, runProjection } from '../src/ProjectionRunner'
import { SCHEMA_VERSION, SchemaError } from '../src/Schema'
import { openSqliteStore } from '../src/SqliteEventStore'
import { tempDir, withRaw } from './tmp'

const cleanups: Array<() => void> = []
afterEach(() => {
  for (const c of cleanups.splice(0)) c()
})
function tmpPath(): string {
  const tmp = tempDir()
  cleanups.push(tmp.remove)
  return join(tmp.dir, 'ledger.db')
}
const clock = manualClock('2022-01-08')
const report = (id: string, value: number): EventInput => ({
  id,
  type: 'ValueReported',
  validTime: '2021-12-31' as IsoDate,
  actor: 'fgj',
  data: { indicatorId: 'I01', period: '2021' as PeriodKey, value, status: 'final' },
})
const reports = (prefix: string, n: number): EventInput[] =>
  Array.from({ length: n }, (_, i) => report(`${prefix}-${i + 1}`, i))

describe('migrations', () => {
  it('creates a fresh file in WAL mode at the current schema version, and re-opens it unchanged', async () => {
    const path = tmpPath()
    const store = await openSqliteStore({ path, clock })
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(store.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    await store.append('s', reports('a', 3), 'no-stream')
    await store.close()
    const again = await openSqliteStore({ path, clock })
    expect(again.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION)
    expect(await again.headPosition()).toBe(3)
    await again.close()
  })

  it('refuses a file written by a newer version, naming both versions', async () => {
    const path = tmpPath()
    await (await openSqliteStore({ path, clock })).close()
    withRaw(path, (db) => db.pragma(`user_version = ${SCHEMA_VERSION + 1}`))
    const opening = openSqliteStore({ path, clock })
    await expect(opening).rejects.toBeInstanceOf(SchemaError)
    await expect(opening).rejects.toThrow(
      `${path}: expected schema version ${SCHEMA_VERSION} or older, got ${SCHEMA_VERSION + 1}`,
    )
  })

  it('refuses another application’s database and a file that is not SQLite', async () => {
    const other = tmpPath()
    withRaw(other, (db) => db.exec('CREATE TABLE customers (id INTEGER)'))
    await expect(openSqliteStore({ path: other, clock })).rejects.toThrow(
      'expected an empty file or a progress-ledger database, got a database with 1 other tables',
    )
    const text = tmpPath()
    writeFileSync(
      text,
      'not a database at all, just some text that is long enough to have a header'.repeat(10),
    )
    await expect(openSqliteStore({ path: text, clock })).rejects.toThrow(
      `${text}: expected a SQLite database, got a file of another kind`,
    )
  })
})

describe('opening a file without writing to it', () => {
  it('refuses another application’s database as it found it: not a byte changed, journal mode kept', async () => {
    const other = tmpPath()
    withRaw(other, (db) =>
      db.exec('CREATE TABLE customers (id INTEGER); INSERT INTO customers VALUES (1)'),
    )
    const before = readFileSync(other)
    await expect(openSqliteStore({ path: other, clock })).rejects.toThrow(
      `${other}: expected an empty file or a progress-ledger database, got a database with 1 other tables`,
    )
    expect(readFileSync(other).equals(before)).toBe(true)
    withRaw(other, (db) => expect(db.pragma('journal_mode', { simple: true })).toBe('delete'))
  })

  it('opens a ledger at this version while another connection holds the write lock, and reads it', async () => {
    const path = tmpPath()
    const first = await openSqliteStore({ path, clock })
    await first.append('s', reports('a', 3), 'no-stream')
    await first.close()
    const writer = new Database(path)
    writer.exec('BEGIN IMMEDIATE')
    try {
      // No retry, no wait: an open that took the write lock (a migration's) would fail at once.
      const reader = await openSqliteStore({ path, clock, busyTimeoutMs: 0, busyAttempts: 1 })
      expect((await reader.readAll()).map((e) => e.id)).toEqual(['a-1', 'a-2', 'a-3'])
      await reader.close()
    } finally {
      writer.exec('ROLLBACK')
      writer.close()
    }
  })

  it('names a damaged file by its path and says what to do', async () => {
    const path = tmpPath()
    const store = await openSqliteStore({ path, clock })
    for (let i = 0; i < 20; i++) await store.append(`s${i}`, reports(`b${i}`, 50), 'no-stream')
    await store.close()
    const bytes = readFileSync(path)
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)))
    const failure = await openSqliteStore({ path, clock })
      .then((s) => s.readAll().finally(() => s.close()))
      .then(
        () => 'read',
        (e: Error) => e.message,
      )
    expect(failure).toContain(`${path}: the ledger file is damaged (`)
    expect(failure).toContain('restore it from a backup')
  })
})

describe("SQLite's errors about the file, on writing", () => {
  it('a streamed append or import that SQLite refuses to write names the ledger and says why', async () => {
    const path = tmpPath()
    const store = await openSqliteStore({ path, clock })
    await store.append('s', reports('a', 2), 'no-stream')
    // As a file SQLite may not write: its writes fail with SQLITE_READONLY.
    store.db.pragma('query_only = ON')
    const refused = await store
      .appendStream([{ streamId: 's', events: reports('b', 3), expectedVersion: 'any' }])
      .then(
        () => 'appended',
        (e: Error & { code?: string }) => [e.message, e.code],
      )
    expect(refused).toEqual([
      `${path}: the ledger file is read-only (attempt to write a readonly database); nothing can be written to it: check its permissions, or write to a copy`,
      'SQLITE_READONLY',
    ])
    store.db.pragma('query_only = OFF')
    expect(await store.headPosition()).toBe(2)
    await store.close()
  })

  it('a new ledger in a directory that is not there names the directory', async () => {
    const path = join(tmpPath(), 'missing', 'ledger.sqlite')
    await expect(openSqliteStore({ path, clock })).rejects.toThrow(
      `${path}: cannot create the ledger: its directory ${dirname(path)} does not exist (`,
    )
  })
})

describe('SqliteEventStore', () => {
  it('detects a conflict between two connections to the same file', async () => {
    const path = tmpPath()
    const a = await openSqliteStore({ path, clock })
    const b = await openSqliteStore({ path, clock })
    await a.append('s', reports('a', 1), 'no-stream')
    const seen = await b.streamVersion('s')
    await a.append('s', reports('a2', 1), 1)
    expect(await b.append('s', reports('b', 1), seen)).toEqual({
      _tag: 'VersionConflict',
      streamId: 's',
      expected: 1,
      actual: 2,
    })
    await a.close()
    await b.close()
  })

  it('turns a lock held too long into a StoreBusyError, never a raw SQLITE_BUSY', async () => {
    const path = tmpPath()
    const store = await openSqliteStore({ path, clock, busyTimeoutMs: 0, busyAttempts: 2 })
    const other = new Database(path)
    other.exec('BEGIN IMMEDIATE')
    await expect(store.append('s', reports('a', 1), 'any')).rejects.toMatchObject({
      name: 'StoreBusyError',
      message: expect.stringContaining('locked by other writers through 2 attempts'),
    })
    other.exec('ROLLBACK')
    other.close()
    expect((await store.append('s', reports('a', 1), 'any'))._tag).toBe('Appended')
    await store.close()
  })

  it('verify() finds tampering, and a stored event that no longer decodes throws EventDecodeError naming id and position', async () => {
    const path = tmpPath()
    const store = await openSqliteStore({ path, clock })
    await store.append('s', reports('a', 5), 'any')
    expect(await store.verify(2)).toMatchObject({ _tag: 'Intact', count: 5 })
    withRaw(path, (db) =>
      db.prepare("UPDATE events SET actor = 'mallory' WHERE position = 4").run(),
    )
    expect(await store.verify(2)).toMatchObject({ _tag: 'Broken', position: 4, eventId: 'a-4' })
    withRaw(path, (db) =>
      db
        .prepare("UPDATE events SET data = json_set(data, '$.value', 'twelve') WHERE position = 2")
        .run(),
    )
    const reading = store.readAll()
    await expect(reading).rejects.toBeInstanceOf(EventDecodeError)
    await expect(reading).rejects.toThrow(
      'event a-2 at position 2 cannot be decoded: data.value: expected a finite number, got "twelve"',
    )
    withRaw(path, (db) => db.prepare("UPDATE events SET data = '{oops' WHERE position = 3").run())
    await expect(store.readStream('s', { fromVersion: 3 })).rejects.toThrow(
      /^event a-3 at position 3 cannot be decoded: data: expected JSON/,
    )
    await store.close()
    await expect(store.headPosition()).rejects.toThrow(`${path}: the store is closed`)
  })
})

describe('reads in position order', () => {
  const storedPrevHashes = (path: string): Map<number, string> =>
    withRaw(
      path,
      (db) =>
        new Map(
          (
            db.prepare('SELECT position, prev_hash FROM events').all() as Array<{
              position: number
              prev_hash: string
            }>
          ).map((r) => [r.position, r.prev_hash]),
        ),
    )

  it('gives every event its stored previous hash, from the start and from any position', async () => {
    const path = tmpPath()
    const store = await openSqliteStore({ path, clock })
    await store.append('s', reports('a', 12), 'any')
    const stored = storedPrevHashes(path)
    for (const after of [0, 1, 5, 11]) {
      const read = await store.readAll({ after })
      expect(read.map((e) => e.position)).toEqual(
        Array.from({ length: 12 - after }, (_, i) => after + i + 1),
      )
      for (const e of read) expect(e.prevHash).toBe(stored.get(e.position))
    }
    expect((await store.readAll({ after: 3, limit: 2 })).map((e) => e.prevHash)).toEqual([
      stored.get(4),
      stored.get(5),
    ])
    await store.close()
  })

  it('after a gap (a row deleted from the file), the next event carries its own stored previous hash and verify names the gap', async () => {
    const path = tmpPath()
    const store = await openSqliteStore({ path, clock })
    await store.append('s', reports('a', 8), 'any')
    const stored = storedPrevHashes(path)
    withRaw(path, (db) => db.prepare('DELETE FROM events WHERE position IN (1, 5)').run())
    const read = await store.readAll()
    expect(read.map((e) => e.position)).toEqual([2, 3, 4, 6, 7, 8])
    for (const e of read) expect(e.prevHash).toBe(stored.get(e.position))
    // The hash of position 4 is not the previous hash of position 6: it is 5's.
    expect(read[3]?.prevHash).not.toBe(read[2]?.hash)
    expect(await store.verify(3)).toMatchObject({
      _tag: 'Broken',
      position: 2,
      reason: 'expected position 1, found 2',
    })
    await store.close()
  })
})

describe('projection runner', () => {
  const counting: Projection<{ positions: number[] }> = {
    name: 'counting',
    initial: () => ({ positions: [] }),
    evolve: (s, e) => void s.positions.push(e.position),
  }

  it('advances state and checkpoint together and resumes where it stopped', async () => {
    const path = tmpPath()
    const store = await openSqliteStore({ path, clock })
    await store.append('s', reports('a', 7), 'any')
    expect(await runProjection(store, counting, { pageSize: 3 })).toEqual({
      name: 'counting',
      position: 7,
      state: { positions: [1, 2, 3, 4, 5, 6, 7] },
    })
    await store.append('s', reports('b', 2), 'any')
    const reopened = await openSqliteStore({ path, clock })
    expect((await runProjection(reopened, counting)).state.positions).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ])
    expect(loadProjection(reopened, 'counting')).toMatchObject({ position: 9 })
    const ledger = await runProjection(reopened, ledgerProjection, { pageSize: 4 })
    expect(JSON.parse(JSON.stringify(ledger.state))).toEqual(
      JSON.parse(JSON.stringify(replay(ledgerProjection, await store.readAll()))),
    )
    // Resuming the ledger from its stored JSON: the state comes back with its entity maps.
    await store.append('s', reports('c', 3), 'any')
    const third = await openSqliteStore({ path, clock })
    const resumed = await runProjection(third, ledgerProjection, { pageSize: 2 })
    expect(resumed.position).toBe(12)
    expect(resumed.state).toEqual(replay(ledgerProjection, await store.readAll()))
    const loaded = loadProjection(third, 'ledger', ledgerProjection)
    expect(loaded?.state).toEqual(resumed.state)
    expect(loaded?.state.unattached).toHaveLength(12)
    await third.close()
    await store.close()
    await reopened.close()
  })

  it('a failure mid-page applies nothing of that page: no event twice, none skipped', async () => {
    const path = tmpPath()
    const store = await openSqliteStore({ path, clock })
    await store.append('s', reports('a', 10), 'any')
    let failAt = 6
    const flaky: Projection<{ positions: number[] }> = {
      ...counting,
      evolve: (s, e) => {
        if (e.position === failAt) throw new Error(`crash at ${failAt}`)
        s.positions.push(e.position)
      },
    }
    await expect(runProjection(store, flaky, { pageSize: 4 })).rejects.toThrow('crash at 6')
    expect(loadProjection(store, 'counting')).toEqual({
      name: 'counting',
      position: 4,
      state: { positions: [1, 2, 3, 4] },
    })
    failAt = -1
    expect((await runProjection(store, flaky, { pageSize: 4 })).state.positions).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ])
    await store.close()
  })

  it('runs a table-backed projection whose rows commit with its checkpoint', async () => {
    const path = tmpPath()
    const store = await openSqliteStore({ path, clock })
    store.db.exec(
      'CREATE TABLE latest_value (indicator TEXT PRIMARY KEY, value REAL, position INTEGER)',
    )
    await store.append('s', reports('a', 5), 'any')
    let calls = 0
    const handle = (
      page: ReadonlyArray<{ position: number; data: unknown }>,
      db: typeof store.db,
    ): void => {
      calls++
      if (calls === 2) throw new Error('crash in page 2')
      for (const e of page)
        db.prepare(
          'INSERT INTO latest_value VALUES (?, ?, ?) ON CONFLICT (indicator) DO UPDATE SET value = excluded.value, position = excluded.position',
        ).run('I01', (e.data as { value: number }).value, e.position)
    }
    await expect(runCheckpointed(store, { name: 'latest', pageSize: 2, handle })).rejects.toThrow(
      'crash in page 2',
    )
    expect(store.db.prepare('SELECT value, position FROM latest_value').get()).toEqual({
      value: 1,
      position: 2,
    })
    expect(await runCheckpointed(store, { name: 'latest', pageSize: 2, handle })).toBe(5)
    expect(store.db.prepare('SELECT value, position FROM latest_value').get()).toEqual({
      value: 4,
      position: 5,
    })
    await store.close()
  })
})
