// Connection loss during an append (server only): the writer's backend is terminated with
// pg_terminate_backend from another connection at a chosen point inside the append transaction.
// The batch must then be recorded whole or not at all, and re-sending it must complete it.
import { manualClock } from '@progress-ledger/core'
import { expect, it } from 'vitest'
import { AppendInterruptedError, PostgresEventStore } from '../src/PostgresEventStore'
import type { SqlClient } from '../src/SqlClient'
import { freshStore, type Backend } from './backends'
import { reports } from './fixtures'

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
          query: async (sql, params) => {
            await fire(armed, 'before', sql)
            const r = await tx.query(sql, params)
            await fire(armed, 'after', sql)
            return r as never
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
      expect((await writer.append('before', reports('before', 3), 'no-stream'))._tag).toBe(
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
