/**
 * Durable projections in the ledger's database: each page of events is handled and the
 * projection's checkpoint advanced in ONE transaction, so a crash (or a second runner of the same
 * projection) never applies an event twice or skips one.
 *
 * @module ProjectionRunner
 */
import { apply, type Projection, type RecordedEvent, stateFromJson } from '@progress-ledger/core'
import type { PostgresEventStore } from './PostgresEventStore'
import type { SqlQueryable } from './SqlClient'

/**
 * Handles a page of events inside the transaction that advances the checkpoint. Write derived
 * rows through `tx` only; `state` is the stored state (JSON text, or `null`), and the returned
 * value is stored with the checkpoint (return `null` if the handler keeps its state in tables).
 */
export interface ProjectionHandler {
  readonly name: string
  readonly handle: (
    tx: SqlQueryable,
    events: ReadonlyArray<RecordedEvent>,
    state: string | null,
  ) => Promise<string | null>
}

interface CheckpointRow {
  readonly position: number | string
  readonly state: string | null
}

/** Where a projection stands. */
export interface ProjectionCheckpoint {
  readonly name: string
  readonly position: number
  readonly state: string | null
}

/**
 * Runs a projection handler over the ledger with a durable checkpoint.
 *
 * @example
 * import { PGlite } from '@electric-sql/pglite'
 * import { fixedClock } from '@progress-ledger/core'
 * import { PostgresEventStore, ProjectionRunner, pgliteClient } from '@progress-ledger/store-postgres'
 * const store = await PostgresEventStore.open({ client: pgliteClient(await PGlite.create(), { owned: true }), clock: fixedClock('2022-01-08T10:30:00.000Z') })
 * await store.append('department-fgj', [{ id: 'e1', type: 'DepartmentRegistered', validTime: '2021-08-10',
 *   actor: 'office', data: { departmentId: 'fgj', name: { zh: '市发改局' }, aliases: [] } }], 'no-stream')
 * const counts = { name: 'counts', handle: async (tx, events, state) => String(Number(state ?? 0) + events.length) }
 * const runner = new ProjectionRunner(store, counts)
 * await runner.catchUp() // 1
 * (await runner.checkpoint()).state // '1'
 * await store.close()
 */
export class ProjectionRunner {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly handler: ProjectionHandler,
    private readonly pageSize = 1_000,
  ) {
    if (!Number.isInteger(pageSize) || pageSize < 1)
      throw new Error(`pageSize must be a whole number >= 1, got ${String(pageSize)}`)
    if (typeof handler.name !== 'string' || handler.name.trim() === '')
      throw new Error(
        `handler.name: expected a non-empty string, got ${JSON.stringify(handler.name)}`,
      )
  }

  /** The stored checkpoint (position 0 and no state before the first page). */
  async checkpoint(): Promise<ProjectionCheckpoint> {
    const r = await this.store.client.query<CheckpointRow>(
      `SELECT position, state FROM ${this.store.schema}.ledger_projections WHERE name = $1`,
      [this.handler.name],
    )
    const row = r.rows[0]
    return {
      name: this.handler.name,
      position: Number(row?.position ?? 0),
      state: row?.state ?? null,
    }
  }

  /**
   * Handles one page after the checkpoint in one transaction: locks the checkpoint row, reads the
   * page, handles it, stores state and checkpoint, commits. Returns how many events it handled.
   */
  async step(): Promise<number> {
    const table = `${this.store.schema}.ledger_projections`
    return this.store.client.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO ${table} (name, position, state) VALUES ($1, 0, NULL) ON CONFLICT (name) DO NOTHING`,
        [this.handler.name],
      )
      const row = (
        await tx.query<CheckpointRow>(
          `SELECT position, state FROM ${table} WHERE name = $1 FOR UPDATE`,
          [this.handler.name],
        )
      ).rows[0]
      const position = Number(row?.position ?? 0)
      const events = await this.store.readAllIn(tx, { after: position, limit: this.pageSize })
      const last = events[events.length - 1]
      if (last === undefined) return 0
      const state = await this.handler.handle(tx, events, row?.state ?? null)
      await tx.query(`UPDATE ${table} SET position = $2, state = $3 WHERE name = $1`, [
        this.handler.name,
        last.position,
        state,
      ])
      return events.length
    })
  }

  /** Handles pages until the head; resolves with the new checkpoint position. */
  async catchUp(): Promise<number> {
    while ((await this.step()) > 0) {
      // keep going until a page comes back empty
    }
    return (await this.checkpoint()).position
  }
}

/**
 * A handler that keeps a core {@link Projection}'s whole state as JSON next to its checkpoint.
 * Suits small read models; larger ones should write tables through `tx`.
 *
 * @example
 * import { ledgerProjection } from '@progress-ledger/core'
 * import { jsonStateHandler } from '@progress-ledger/store-postgres'
 * jsonStateHandler(ledgerProjection).name // 'ledger'
 */
export function jsonStateHandler<S>(projection: Projection<S>): ProjectionHandler {
  let cached: { readonly text: string; readonly state: S } | undefined
  return {
    name: projection.name,
    handle: (_tx, events, stored) => {
      const before =
        stored === null
          ? projection.initial()
          : cached !== undefined && cached.text === stored
            ? cached.state
            : stateFromJson(projection, JSON.parse(stored))
      const after = apply(projection, before, events)
      const text = JSON.stringify(after)
      cached = { text, state: after }
      return Promise.resolve(text)
    },
  }
}
