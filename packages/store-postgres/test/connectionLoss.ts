// Connection loss during an append (server only): the writer's backend is terminated with
// pg_terminate_backend from another connection at a chosen point inside the append transaction,
// or around the one-statement append. The batch must then be recorded whole or not at all, and
// re-sending it must complete it.
import { manualClock } from '@progress-ledger/core'
import pg from 'pg'
import { expect, it } from 'vitest'
import { AppendInterruptedError } from '../src/AppendInterruptedError'
import { LedgerLockedError } from '../src/LedgerLockedError'
import { openPostgresStore } from '../src/OpenUrl'
import { PostgresEventStore } from '../src/PostgresEventStore'
import { pgClient, type SqlClient } from '../src/SqlClient'
import { freshStore, type Backend } from './backends'
import { fixtures } from '@progress-ledger/testkit'

const { reports } = fixtures

interface FaultPoint {
  readonly label: string
  readonly match: RegExp
  readonly when: 'before' | 'after'
  readonly outcome: 'not-committed' | 'unknown'
}

const points: ReadonlyArray<FaultPoint> = [
  { label: 'before the head lock', match: /FOR UPDATE/, when: 'before', outcome: 'not-committed' },
  {
    label: 'before the insert',
    match: /INSERT INTO \w+\.ledger_events/,
    when: 'before',
    outcome: 'not-committed',
  },
  {
    // One statement inserts the events and moves the head; the kill comes before COMMIT.
    label: 'after the events are inserted and the head moved, before COMMIT',
    match: /INSERT INTO \w+\.ledger_events/,
    when: 'after',
    outcome: 'unknown',
  },
]

/** Wraps a client so that, when armed, the transaction's backend is killed at a point. */
function faulty(
  inner: SqlClient,
  kill: (pid: number) => Promise<void>,
): { client: SqlClient; arm: (p: FaultPoint) => void } {
  let armed: FaultPoint | undefined
  const client: SqlClient = {
    query: inner.query,
    close: inner.close,
    transaction: (fn) =>
      inner.transaction(async (tx) => {
        const pid = Number(
          (await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid,
        )
        const fire = async (
          p: FaultPoint | undefined,
          when: 'before' | 'after',
          sql: string,
        ): Promise<void> => {
          if (p === undefined || p.when !== when || !p.match.test(sql)) return
          armed = undefined
          await kill(pid)
        }
        return fn({
          query: async <R>(sql: string, params?: ReadonlyArray<unknown>) => {
            await fire(armed, 'before', sql)
            const r = await tx.query<R>(sql, params)
            await fire(armed, 'after', sql)
            return r
          },
        })
      }),
  }
  return { client, arm: (p) => (armed = p) }
}

export function registerConnectionLoss(b: Backend): void {
  for (const point of points) {
    it(`connection loss ${point.label}: the batch is recorded whole or not at all, and re-sending it completes it`, async () => {
      const clock = manualClock('2022-01-08T00:00:00.000Z')
      const observer = await freshStore(b, clock)
      const admin = await b.shared()
      const kill = async (pid: number): Promise<void> => {
        await admin.query('SELECT pg_terminate_backend($1)', [pid])
        for (;;) {
          const left = await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])
          if (left.rows.length === 0) return
          await new Promise((resolve) => setTimeout(resolve, 10))
        }
      }
      const { client, arm } = faulty(await b.separate(), kill)
      const writer = await PostgresEventStore.open({ client, clock, schema: observer.schema })
      // Written by the observer: the writer knows no head yet, so its batch takes the full
      // transaction (the one-statement path has tests of its own below).
      expect((await observer.store.append('before', reports('before', 3), 'no-stream'))._tag).toBe(
        'Appended',
      )
      const batch = [
        {
          streamId: 'indicator-I01',
          events: reports('batch-a', 200),
          expectedVersion: 'no-stream' as const,
        },
        {
          streamId: 'indicator-I02',
          events: reports('batch-b', 100, 'I02'),
          expectedVersion: 'no-stream' as const,
        },
      ]
      arm(point)
      const failure = await writer.appendBatch(batch).then(
        (r) => new Error(`expected the append to be interrupted, got ${r._tag}`),
        (e: unknown) => e,
      )
      expect(failure).toBeInstanceOf(AppendInterruptedError)
      expect((failure as AppendInterruptedError).outcome).toBe(point.outcome)
      // Nothing of the batch is visible: the transaction died with its connection.
      expect(await observer.store.headPosition()).toBe(3)
      const all = await observer.store.readAll()
      expect(all.map((e) => e.id)).toEqual(['before-1', 'before-2', 'before-3'])
      expect(await observer.store.streamVersion('indicator-I01')).toBe(0)
      expect(await observer.store.verify()).toMatchObject({ _tag: 'Intact', count: 3 })
      // The writer's pool recovers, and re-sending the same ids records the whole batch once.
      const again = await writer.appendBatch(batch)
      expect(again).toMatchObject({ _tag: 'Appended', written: 300, head: 303 })
      expect(await observer.store.verify()).toMatchObject({ _tag: 'Intact', count: 303 })
      expect(await writer.appendBatch(batch)).toMatchObject({
        _tag: 'Appended',
        written: 0,
        head: 303,
      })
      await writer.close()
      await observer.close()
    })
  }
}

/** Terminates a backend and waits until it is gone. */
async function terminate(admin: pg.Pool, pid: number): Promise<void> {
  await admin.query('SELECT pg_terminate_backend($1)', [pid])
  for (;;) {
    const left = await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])
    if (left.rows.length === 0) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/**
 * A pg client whose one-statement append, when armed, runs on a connection the test kills:
 * `before` the statement reaches the server, or `after` the server committed it and before the
 * client reads the reply (the error the store then gets is the real one of the dead connection).
 */
function faultyStatement(
  url: string,
  admin: pg.Pool,
): { client: SqlClient; arm: (when: 'before' | 'after') => void; fired: () => number } {
  const pool = new pg.Pool({ connectionString: url, max: 2 })
  const base = pgClient(pool, { owned: true })
  let armed: 'before' | 'after' | undefined
  let fired = 0
  const client: SqlClient = {
    ...base,
    query: async <R>(sql: string, params?: ReadonlyArray<unknown>) => {
      const when = armed
      if (when === undefined || !/\bok AS \(/.test(sql)) return base.query<R>(sql, params)
      armed = undefined
      fired++
      const conn = await pool.connect()
      conn.on('error', () => undefined)
      try {
        const pid = Number((await conn.query('SELECT pg_backend_pid() AS pid')).rows[0]?.pid)
        if (when === 'before') await terminate(admin, pid)
        await conn.query(sql, params === undefined ? undefined : [...params])
        await terminate(admin, pid)
        await conn.query('SELECT 1')
        throw new Error('expected the terminated connection to fail')
      } catch (e) {
        conn.release(true)
        throw e
      }
    },
  }
  return { client, arm: (when) => (armed = when), fired: () => fired }
}

export function registerStatementLoss(b: Backend): void {
  for (const when of ['before', 'after'] as const) {
    it(`connection loss ${when === 'before' ? 'before the one-statement append reaches the server' : 'after the server committed the one-statement append, before its reply'}: outcome unknown, the batch whole or absent, re-sending completes it`, async () => {
      const url = process.env.PG_URL as string
      const clock = manualClock('2022-01-08T00:00:00.000Z')
      const observer = await freshStore(b, clock)
      const admin = new pg.Pool({ connectionString: url, max: 1 })
      const { client, arm, fired } = faultyStatement(url, admin)
      const writer = await PostgresEventStore.open({ client, clock, schema: observer.schema })
      // The writer's own first append makes it know the head: its next batch takes one statement.
      expect((await writer.append('before', reports('before', 3), 'no-stream'))._tag).toBe(
        'Appended',
      )
      const batch = [
        { streamId: 'indicator-I01', events: reports('batch-a', 200), expectedVersion: 0 },
        {
          streamId: 'indicator-I02',
          events: reports('batch-b', 100, 'I02'),
          expectedVersion: 'no-stream' as const,
        },
      ]
      arm(when)
      const failure = await writer.appendBatch(batch).then(
        (r) => new Error(`expected the append to be interrupted, got ${r._tag}`),
        (e: unknown) => e,
      )
      expect(fired()).toBe(1)
      expect(failure).toBeInstanceOf(AppendInterruptedError)
      expect((failure as AppendInterruptedError).outcome).toBe('unknown')
      // Whole or absent, never in part.
      const head = await observer.store.headPosition()
      expect(head).toBe(when === 'before' ? 3 : 303)
      expect(await observer.store.streamVersion('indicator-I01')).toBe(when === 'before' ? 0 : 200)
      expect(await observer.store.verify()).toMatchObject({ _tag: 'Intact', count: head })
      const again = await writer.appendBatch(batch)
      expect(again).toMatchObject({
        _tag: 'Appended',
        written: when === 'before' ? 300 : 0,
        head: 303,
      })
      expect(await observer.store.verify()).toMatchObject({ _tag: 'Intact', count: 303 })
      await writer.close()
      await admin.end()
      await observer.close()
    })
  }
}

/**
 * Another session holds the head lock: a store opened with `lockTimeoutMs` gives up on each
 * kind of write with LedgerLockedError, nothing written, and writes once the lock is released.
 */
export function registerLockTimeout(b: Backend): void {
  it('a write waits no longer than lockTimeoutMs for another writer’s head lock, then says so, nothing written', async () => {
    const url = process.env.PG_URL as string
    const clock = manualClock('2022-01-08T00:00:00.000Z')
    const observer = await freshStore(b, clock)
    expect((await observer.store.append('s', reports('a', 2), 'no-stream'))._tag).toBe('Appended')
    const writer = await openPostgresStore({
      url,
      clock,
      schema: observer.schema,
      lockTimeoutMs: 200,
    })
    const holder = new pg.Client({ connectionString: url })
    await holder.connect()
    await holder.query('BEGIN')
    await holder.query(`SELECT * FROM ${observer.schema}.ledger_head FOR UPDATE`)
    try {
      // The batch path (this store knows no head yet: one transaction), then the streamed path.
      for (const write of [
        () => writer.append('s', reports('b', 1), 2),
        () => writer.appendStream([{ streamId: 's', events: reports('c', 1), expectedVersion: 2 }]),
      ]) {
        const failure = await write().then(
          (r) => new Error(`expected a lock timeout, got ${r._tag}`),
          (e: unknown) => e,
        )
        expect(failure).toBeInstanceOf(LedgerLockedError)
        expect((failure as Error).message).toBe(
          `schema ${observer.schema}: another writer held the ledger's write lock beyond the lock timeout; nothing was written, try again when it is done`,
        )
      }
      expect(await observer.store.headPosition()).toBe(2)
    } finally {
      await holder.query('ROLLBACK')
      await holder.end()
    }
    expect((await writer.append('s', reports('b', 1), 2))._tag).toBe('Appended')
    // Now it knows the head: the one-statement path gives up alike.
    const again = new pg.Client({ connectionString: url })
    await again.connect()
    await again.query('BEGIN')
    await again.query(`SELECT * FROM ${observer.schema}.ledger_head FOR UPDATE`)
    try {
      await expect(writer.append('s', reports('d', 1), 3)).rejects.toBeInstanceOf(LedgerLockedError)
    } finally {
      await again.query('ROLLBACK')
      await again.end()
    }
    expect(await observer.store.headPosition()).toBe(3)
    await writer.close()
    await observer.close()
  })
}
