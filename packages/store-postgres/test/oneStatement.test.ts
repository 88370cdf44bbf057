// The one-statement append trusts what its store object knows (the head, and stream versions
// exact as of that head) and the unique indexes, not lookups, for ids and versions. These cases
// are the ones where that knowledge could be stale or a writer's expectation wrong: each checks
// that the one statement was really tried and that the outcome is what the full transaction
// decides — no gap in a stream, no id twice, a wrong expectation refused.
import { type Clock, manualClock } from '@progress-ledger/core'
import { fixtures } from '@progress-ledger/testkit'
import { afterAll, describe, expect, it } from 'vitest'
import { PostgresEventStore } from '../src/PostgresEventStore'
import type { SqlClient } from '../src/SqlClient'
import { backend, backendNames, type Backend } from './backends'

const { reports } = fixtures

/** What became of each one-statement append a store sent. */
type Tried = 'wrote' | 'head moved' | 'refused'

async function counted(
  b: Backend,
  clock: Clock,
  schema: string,
): Promise<{ store: PostgresEventStore; tried: Tried[] }> {
  const client: SqlClient = await b.separate()
  const tried: Tried[] = []
  const watching: SqlClient = {
    ...client,
    query: async <R>(sql: string, params?: ReadonlyArray<unknown>) => {
      if (!sql.startsWith('WITH locked')) return client.query<R>(sql, params)
      try {
        const r = await client.query<R>(sql, params)
        tried.push(r.rows.length === 1 ? 'wrote' : 'head moved')
        return r
      } catch (e) {
        tried.push('refused')
        throw e
      }
    },
  }
  return { store: await PostgresEventStore.open({ client: watching, clock, schema }), tried }
}

async function versions(store: PostgresEventStore, stream: string): Promise<number[]> {
  return (await store.readStream(stream)).map((e) => e.version)
}

for (const name of backendNames) {
  describe(`the one-statement append on ${name}`, () => {
    const b = backend(name)
    afterAll(() => b.close())

    const pair = async () => {
      const clock = manualClock('2022-01-08T00:00:00.000Z')
      const schema = b.freshSchema()
      const a = await counted(b, clock, schema)
      const other = await counted(b, clock, schema)
      return { a, other, schema }
    }

    it('after another writer moved a stream it knew, a later `any` append to that stream continues from the other writer’s version (no gap, no clash)', async () => {
      const { a, other, schema } = await pair()
      expect((await a.store.append('s', reports('a1', 1), 'any'))._tag).toBe('Appended')
      expect((await other.store.append('s', reports('b1', 2), 'any'))._tag).toBe('Appended')
      // a's next write is to another stream: the head moved, so the full transaction writes it.
      expect((await a.store.append('t', reports('a2', 1), 'no-stream'))._tag).toBe('Appended')
      // a knows the head again but not `s` (what it knew, version 1, is stale and forgotten):
      // the full transaction looks it up; the write after that takes the one statement.
      expect((await a.store.append('s', reports('a3', 1), 'any'))._tag).toBe('Appended')
      expect((await a.store.append('s', reports('a4', 1), 'any'))._tag).toBe('Appended')
      expect(await versions(a.store, 's')).toEqual([1, 2, 3, 4, 5])
      expect(a.tried).toEqual(['head moved', 'wrote'])
      await b.dropSchema(schema)
    })

    it('a writer expecting a version beyond a stream it has not seen is refused, nothing written', async () => {
      const { a, other, schema } = await pair()
      expect((await other.store.append('u', reports('b1', 2), 'no-stream'))._tag).toBe('Appended')
      expect((await a.store.append('x', reports('a1', 1), 'no-stream'))._tag).toBe('Appended')
      const head = await a.store.headPosition()
      const r = await a.store.append('u', reports('a2', 1), 5)
      expect(r).toMatchObject({ _tag: 'VersionConflict', streamId: 'u', expected: 5, actual: 2 })
      expect(await a.store.headPosition()).toBe(head)
      expect(await versions(a.store, 'u')).toEqual([1, 2])
      // The statement was sent (the stream was unseen) and wrote nothing.
      expect(a.tried).toEqual(['head moved'])
      await b.dropSchema(schema)
    })

    it('`no-stream` on a stream another writer made is refused by the version index, nothing written', async () => {
      const { a, other, schema } = await pair()
      expect((await a.store.append('x', reports('a1', 1), 'no-stream'))._tag).toBe('Appended')
      expect((await other.store.append('v', reports('b1', 1), 'no-stream'))._tag).toBe('Appended')
      expect((await a.store.append('x', reports('a2', 1), 1))._tag).toBe('Appended')
      const head = await a.store.headPosition()
      const r = await a.store.append('v', reports('a3', 1), 'no-stream')
      expect(r).toMatchObject({ _tag: 'VersionConflict', streamId: 'v', actual: 1 })
      expect(await a.store.headPosition()).toBe(head)
      expect(a.tried).toEqual(['head moved', 'refused'])
      await b.dropSchema(schema)
    })

    it('a batch re-sent with `any` is refused by the id index and answered as a re-send: nothing written twice', async () => {
      const { a, schema } = await pair()
      const batch = reports('r', 3)
      expect((await a.store.append('s', batch, 'any'))._tag).toBe('Appended')
      const again = await a.store.append('s', batch, 'any')
      expect(again).toMatchObject({ _tag: 'Appended', written: 0, head: 3 })
      expect(await versions(a.store, 's')).toEqual([1, 2, 3])
      expect(a.tried).toEqual(['refused'])
      // The re-send told the store nothing new: the next batch goes the full way, and the one
      // after it takes the one statement again.
      expect((await a.store.append('s', reports('n1', 1), 'any'))._tag).toBe('Appended')
      expect((await a.store.append('s', reports('n2', 1), 'any'))._tag).toBe('Appended')
      expect(await versions(a.store, 's')).toEqual([1, 2, 3, 4, 5])
      expect(a.tried).toEqual(['refused', 'wrote'])
      await b.dropSchema(schema)
    })
  })
}
