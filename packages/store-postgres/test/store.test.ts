// PostgreSQL-specific behaviour beyond the shared contract: migrations, verify(), readAll's
// gap safety, retries, NUL strings, and the projection runner with durable checkpoints. Runs on
// PGlite, and on a server too when PG_URL is set.
import { ledgerProjection, manualClock, replay, type RecordedEvent } from '@progress-ledger/core'
import { afterAll, describe, expect, it } from 'vitest'
import { PostgresEventStore } from '../src/PostgresEventStore'
import { jsonStateHandler, ProjectionRunner, type ProjectionHandler } from '../src/ProjectionRunner'
import {
  migrate,
  type Migration,
  SCHEMA_VERSION,
  SchemaTooNewError,
  schemaName,
} from '../src/Schema'
import type { SqlClient } from '../src/SqlClient'
import { backend, backendNames, freshStore, type Backend } from './backends'
import { fixtures } from '@progress-ledger/testkit'

const { reports, valueReported } = fixtures

const clock = () => manualClock('2022-01-08T00:00:00.000Z')

/** A client whose transactions fail once with `error` when a statement matches. */
function failingOnce(
  inner: SqlClient,
  match: RegExp,
  fail: (tx: Parameters<Parameters<SqlClient['transaction']>[0]>[0]) => Promise<void>,
): SqlClient & { fired: () => number } {
  let fired = 0
  let armed = true
  return {
    query: inner.query,
    close: inner.close,
    fired: () => fired,
    transaction: (fn) =>
      inner.transaction((tx) =>
        fn({
          query: async <R>(sql: string, params?: ReadonlyArray<unknown>) => {
            if (armed && match.test(sql)) {
              armed = false
              fired++
              await fail(tx)
            }
            return tx.query<R>(sql, params)
          },
        }),
      ),
  }
}

function storeSpecs(b: Backend): void {
  describe('schema and migrations', () => {
    it('a ledger its open created and nothing was written into is discarded whole; a schema that was there stays; a ledger with an event, or one it did not create, is kept', async () => {
      const client = await b.shared()
      const exists = async (schema: string) =>
        (
          await client.query<{ n: string | null }>(`SELECT to_regnamespace($1)::text AS n`, [
            schema,
          ])
        ).rows[0]?.n != null
      // A schema that did not exist: tables and schema go.
      const typo = b.freshSchema()
      const made = await PostgresEventStore.open({ client, clock: clock(), schema: typo })
      expect(made.created).toBe('schema')
      expect(await made.discardIfEmpty()).toBe(true)
      expect(await exists(typo)).toBe(false)
      // A schema created beforehand (with its grants, say): the tables go, the schema stays.
      const own = b.freshSchema()
      await client.query(`CREATE SCHEMA ${own}`)
      const inOwn = await PostgresEventStore.open({ client, clock: clock(), schema: own })
      expect(inOwn.created).toBe('tables')
      expect(await inOwn.discardIfEmpty()).toBe(true)
      expect(await exists(own)).toBe(true)
      const left = await client.query(
        `SELECT 1 FROM information_schema.tables WHERE table_schema = $1`,
        [own],
      )
      expect(left.rows).toHaveLength(0)
      // Another writer wrote meanwhile: kept.
      const shared = b.freshSchema()
      const first = await PostgresEventStore.open({ client, clock: clock(), schema: shared })
      const second = await PostgresEventStore.open({ client, clock: clock(), schema: shared })
      expect([first.created, second.created]).toEqual(['schema', undefined])
      expect((await second.append('s', reports('w', 1), 'no-stream'))._tag).toBe('Appended')
      expect(await first.discardIfEmpty()).toBe(false)
      expect(await second.discardIfEmpty()).toBe(false)
      expect(await second.headPosition()).toBe(1)
      for (const schema of [own, shared]) await b.dropSchema(schema)
    })

    it('creates the schema on open, records its version, and reopening changes nothing', async () => {
      const s = await freshStore(b, clock())
      expect((await s.store.append('s', reports('a', 2), 'no-stream'))._tag).toBe('Appended')
      const again = await PostgresEventStore.open({
        client: await b.shared(),
        clock: clock(),
        schema: s.schema,
      })
      expect(await again.headPosition()).toBe(2)
      const rows = await s.store.client.query<{ version: number }>(
        `SELECT version FROM ${s.schema}.ledger_schema ORDER BY version`,
      )
      expect(rows.rows.map((r) => Number(r.version))).toEqual(
        Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1),
      )
      await s.close()
    })

    it('refuses a schema written by a newer version, naming both versions', async () => {
      const s = await freshStore(b, clock())
      await s.store.client.query(
        `INSERT INTO ${s.schema}.ledger_schema (version, description, applied_at) VALUES ($1, 'from the future', '2030-01-01T00:00:00.000Z')`,
        [SCHEMA_VERSION + 2],
      )
      const opened = PostgresEventStore.open({
        client: await b.shared(),
        clock: clock(),
        schema: s.schema,
      })
      await expect(opened).rejects.toBeInstanceOf(SchemaTooNewError)
      await expect(opened).rejects.toThrow(
        `schema ${s.schema}: expected a ledger schema at version ${SCHEMA_VERSION} or older (this library's), got version ${SCHEMA_VERSION + 2}`,
      )
      await s.close()
    })

    it('applies later migrations in order, once', async () => {
      const s = await freshStore(b, clock())
      const next: Migration = {
        version: SCHEMA_VERSION + 1,
        description: 'test column',
        statements: (sc) => [`ALTER TABLE ${sc}.ledger_snapshots ADD COLUMN note text`],
      }
      expect(
        await migrate(s.store.client, s.schema, '2022-01-09T00:00:00.000Z', [
          ...(await import('../src/Schema')).migrations,
          next,
        ]),
      ).toBe(SCHEMA_VERSION)
      expect(
        await migrate(s.store.client, s.schema, '2022-01-09T00:00:00.000Z', [
          ...(await import('../src/Schema')).migrations,
          next,
        ]),
      ).toBe(SCHEMA_VERSION + 1)
      await s.close()
    })

    it('refuses a schema holding another application’s table under a ledger name, creating nothing', async () => {
      const client = await b.shared()
      const schema = b.freshSchema()
      await client.query(`CREATE SCHEMA ${schema}`)
      await client.query(`CREATE TABLE ${schema}.ledger_events (x integer)`)
      const foreign = `schema ${schema}: expected an empty schema or a progress-ledger ledger, got table(s) ledger_events that no progress-ledger migration created (another application's?); choose another schema with ?schema=NAME`
      await expect(PostgresEventStore.open({ client, clock: clock(), schema })).rejects.toThrow(
        foreign,
      )
      // Opened read-only, the same: not "no ledger yet", which would send the user to init.
      await expect(
        PostgresEventStore.open({ client, clock: clock(), schema, readOnly: true }),
      ).rejects.toThrow(foreign)
      const tables = await client.query<{ t: string }>(
        `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`,
        [schema],
      )
      expect(tables.rows.map((r) => r.t)).toEqual(['ledger_events'])
      await b.dropSchema(schema)
    })

    it('opens read-only without writing: checks the version, refuses appends', async () => {
      const bare = b.freshSchema()
      await expect(
        PostgresEventStore.open({
          client: await b.shared(),
          clock: clock(),
          schema: bare,
          readOnly: true,
        }),
      ).rejects.toThrow(
        `schema ${bare}: expected a ledger schema at version ${SCHEMA_VERSION}, got none; open it once read-write (on the primary) to migrate it`,
      )
      const s = await freshStore(b, clock())
      await s.store.append('s', reports('a', 3), 'no-stream')
      const reader = await PostgresEventStore.open({
        client: await b.shared(),
        clock: clock(),
        schema: s.schema,
        readOnly: true,
      })
      expect((await reader.readAll()).map((e) => e.id)).toEqual(['a-1', 'a-2', 'a-3'])
      await expect(reader.append('s', reports('b', 1), 'any')).rejects.toThrow(
        `appendBatch: expected a store opened read-write, got one opened with readOnly: true (schema ${s.schema})`,
      )
      await s.store.client.query(
        `INSERT INTO ${s.schema}.ledger_schema (version, description, applied_at) VALUES ($1, 'future', 'x')`,
        [SCHEMA_VERSION + 1],
      )
      await expect(
        PostgresEventStore.open({
          client: await b.shared(),
          clock: clock(),
          schema: s.schema,
          readOnly: true,
        }),
      ).rejects.toBeInstanceOf(SchemaTooNewError)
      await s.close()
    })

    it('rejects a schema name that is not a plain identifier, naming the value', () => {
      expect(() => schemaName('Ledger; DROP')).toThrow(
        'schema: expected a lower-case SQL identifier (a-z, 0-9, _; at most 63 characters), got "Ledger; DROP"',
      )
    })

    it("refuses PostgreSQL's system schemas, before touching the database", async () => {
      for (const name of ['information_schema', 'pg_catalog', 'pg_toast', 'pg_temp_1', 'pg_x'])
        expect(() => schemaName(name)).toThrow(
          `schema: expected a schema of your own, not a PostgreSQL system schema (information_schema, pg_*), got "${name}"`,
        )
      expect(schemaName('ledger_pg')).toBe('ledger_pg')
      await expect(
        PostgresEventStore.open({
          client: await b.shared(),
          clock: clock(),
          schema: 'information_schema',
        }),
      ).rejects.toThrow('not a PostgreSQL system schema')
      const tables = await (
        await b.shared()
      ).query<{ n: string }>(
        "SELECT count(*)::text AS n FROM information_schema.tables WHERE table_schema = 'information_schema' AND table_name LIKE 'ledger%'",
      )
      expect(tables.rows[0]?.n).toBe('0')
    })
  })

  describe('integrity and reads', () => {
    it('verify() is intact over many pages and reports an edited event by position', async () => {
      const s = await freshStore(b, clock())
      for (let i = 0; i < 5; i++) await s.store.append(`s${i % 2}`, reports(`b${i}`, 7), 'any')
      expect(await s.store.verify(4)).toMatchObject({ _tag: 'Intact', count: 35 })
      await s.store.client.query(
        `UPDATE ${s.schema}.ledger_events SET data = replace(data, '"value":0.5', '"value":9.5') WHERE position = 8`,
      )
      expect(await s.store.verify(4)).toMatchObject({
        _tag: 'Broken',
        position: 8,
        eventId: 'b1-1',
        reason: 'content does not match its hash (edited, or a keyed chain read without its key)',
      })
      await s.close()
    })

    it('readAll never returns a position past a missing one; verify() reports the hole', async () => {
      const s = await freshStore(b, clock())
      await s.store.append('s', reports('a', 5), 'no-stream')
      await s.store.client.query(`DELETE FROM ${s.schema}.ledger_events WHERE position = 3`)
      expect((await s.store.readAll()).map((e) => e.position)).toEqual([1, 2])
      expect(await s.store.readAll({ after: 3 })).toHaveLength(2)
      expect(await s.store.verify()).toMatchObject({ _tag: 'Broken', position: 5 })
      await s.close()
    })

    it('readAll gives every event its stored previous hash, from the start and from any position', async () => {
      const s = await freshStore(b, clock())
      await s.store.append('s', reports('a', 12), 'no-stream')
      const stored = new Map(
        (
          await s.store.client.query<{ p: string; h: string }>(
            `SELECT position::text AS p, prev_hash AS h FROM ${s.schema}.ledger_events`,
          )
        ).rows.map((r) => [Number(r.p), r.h]),
      )
      expect(stored.size).toBe(12)
      for (const after of [0, 1, 5, 11]) {
        const read = await s.store.readAll({ after })
        expect(read).toHaveLength(12 - after)
        for (const e of read) expect(e.prevHash).toBe(stored.get(e.position))
      }
      await s.close()
    })

    it('refuses NUL characters in envelope strings and in data as invalid input', async () => {
      const s = await freshStore(b, clock())
      const bad = { ...valueReported('n1', '2021', 1), actor: 'f\u0000gj' }
      expect(await s.store.append('s', [bad], 'any')).toMatchObject({
        _tag: 'InvalidEvents',
        issues: [{ path: 'events[0].actor', got: JSON.stringify('f\u0000gj') }],
      })
      const inData = {
        ...valueReported('n2', '2021', 1),
        data: { indicatorId: 'I\u000001', period: '2021', value: 1, status: 'final' },
      } as typeof bad
      expect(await s.store.append('s', [inData], 'any')).toMatchObject({
        _tag: 'InvalidEvents',
        issues: [{ path: 'events[0].data.indicatorId', got: JSON.stringify('I\u000001') }],
      })
      expect(await s.store.readAll()).toEqual([])
      await s.close()
    })

    it('re-runs an append after a serialization failure or a unique violation, and gives up with the error after the retries', async () => {
      const s = await freshStore(b, clock())
      const serialization = failingOnce(await b.shared(), /FOR UPDATE/, () =>
        Promise.reject(Object.assign(new Error('could not serialize access'), { code: '40001' })),
      )
      const st1 = await PostgresEventStore.open({
        client: serialization,
        clock: clock(),
        schema: s.schema,
      })
      expect(await st1.append('s', reports('r', 2), 'no-stream')).toMatchObject({
        _tag: 'Appended',
        written: 2,
      })
      expect(serialization.fired()).toBe(1)
      // A row slipped in under the same id, bypassing the head lock: the insert hits 23505, the
      // transaction (and the intruder's row with it) rolls back, and the re-run succeeds.
      const unique = failingOnce(await b.shared(), /INSERT INTO \w+\.ledger_events/, async (tx) => {
        await tx.query(
          `INSERT INTO ${s.schema}.ledger_events SELECT 100, 'u-1', 'x', 1, type, schema_version, valid_time, recorded_time, actor, NULL, NULL, '', '', data FROM ${s.schema}.ledger_events WHERE position = 1`,
        )
      })
      const st2 = await PostgresEventStore.open({
        client: unique,
        clock: clock(),
        schema: s.schema,
      })
      expect(await st2.append('s', reports('u', 2), 2)).toMatchObject({
        _tag: 'Appended',
        written: 2,
        head: 4,
      })
      expect(unique.fired()).toBe(1)
      const inner = await b.shared()
      let broken = false
      const deadlocking: SqlClient = {
        ...inner,
        transaction: (fn) =>
          broken
            ? Promise.reject(Object.assign(new Error('deadlock detected'), { code: '40P01' }))
            : inner.transaction(fn),
      }
      const st3 = await PostgresEventStore.open({
        client: deadlocking,
        clock: clock(),
        schema: s.schema,
        retries: 2,
      })
      broken = true
      await expect(st3.append('s', reports('d', 1), 'any')).rejects.toThrow('deadlock detected')
      expect(await s.store.verify()).toMatchObject({ _tag: 'Intact', count: 4 })
      await s.close()
    })
  })

  describe('projection runner', () => {
    it("keeps a projection's state and checkpoint together and equal to a full replay", async () => {
      const s = await freshStore(b, clock())
      for (let i = 0; i < 4; i++) await s.store.append('indicator-I01', reports(`p${i}`, 5), 'any')
      const runner = new ProjectionRunner(s.store, jsonStateHandler(ledgerProjection), 6)
      expect(await runner.catchUp()).toBe(20)
      await s.store.append('indicator-I01', reports('late', 3), 'any')
      expect(await runner.catchUp()).toBe(23)
      const cp = await runner.checkpoint()
      expect(JSON.parse(cp.state ?? 'null')).toEqual(
        JSON.parse(JSON.stringify(replay(ledgerProjection, await s.store.readAll()))),
      )
      // A new runner (no cached state) resumes from the stored JSON.
      await s.store.append('indicator-I01', reports('later', 2), 'any')
      const fresh = new ProjectionRunner(s.store, jsonStateHandler(ledgerProjection), 6)
      expect(await fresh.catchUp()).toBe(25)
      expect(JSON.parse((await fresh.checkpoint()).state ?? 'null')).toEqual(
        JSON.parse(JSON.stringify(replay(ledgerProjection, await s.store.readAll()))),
      )
      await s.close()
    })

    it('a crash mid-page applies nothing of that page; resuming applies every event exactly once', async () => {
      const s = await freshStore(b, clock())
      await s.store.append('s', reports('c', 25), 'no-stream')
      await s.store.client.query(
        `CREATE TABLE ${s.schema}.seen (position bigint PRIMARY KEY, id text NOT NULL)`,
      )
      let crashAt: number | undefined = 14
      const handler: ProjectionHandler = {
        name: 'seen',
        handle: async (tx, events: ReadonlyArray<RecordedEvent>) => {
          for (const e of events) {
            await tx.query(`INSERT INTO ${s.schema}.seen (position, id) VALUES ($1, $2)`, [
              e.position,
              e.id,
            ])
            if (e.position === crashAt) throw new Error(`crash at ${crashAt}`)
          }
          return null
        },
      }
      const runner = new ProjectionRunner(s.store, handler, 10)
      await expect(runner.catchUp()).rejects.toThrow('crash at 14')
      expect((await runner.checkpoint()).position).toBe(10)
      expect(
        (await s.store.client.query(`SELECT count(*)::int AS n FROM ${s.schema}.seen`)).rows[0],
      ).toEqual({ n: 10 })
      crashAt = undefined
      // Two runners of the same projection at once: the checkpoint row lock lets one page through at a time.
      const other = new ProjectionRunner(s.store, handler, 4)
      const [a, c] = await Promise.all([runner.catchUp(), other.catchUp()])
      expect([a, c]).toEqual([25, 25])
      const rows = await s.store.client.query<{ position: number | string }>(
        `SELECT position FROM ${s.schema}.seen ORDER BY position`,
      )
      expect(rows.rows.map((r) => Number(r.position))).toEqual(
        Array.from({ length: 25 }, (_, i) => i + 1),
      )
      await s.close()
    })

    it('rejects a bad page size and a nameless handler, naming the value', async () => {
      const s = await freshStore(b, clock())
      expect(() => new ProjectionRunner(s.store, jsonStateHandler(ledgerProjection), 0)).toThrow(
        'pageSize must be a whole number >= 1, got 0',
      )
      expect(
        () => new ProjectionRunner(s.store, { name: ' ', handle: () => Promise.resolve(null) }),
      ).toThrow('handler.name: expected a non-empty string, got " "')
      await s.close()
    })
  })
}

for (const name of backendNames) {
  const b = backend(name)
  afterAll(() => b.close())
  describe(`PostgresEventStore on ${name}`, () => storeSpecs(b))
}
console.log(`store-postgres store tests: backends ${backendNames.join(', ')}`)
