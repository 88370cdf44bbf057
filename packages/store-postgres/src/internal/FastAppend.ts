// The one-statement append: when this store object knows the head (from its own last append) and
// the versions a batch builds on, it plans and seals the batch before talking to the server and
// sends ONE autocommit statement that takes the head lock, checks that the head, the ids and the
// stream versions are what the plan assumed, and only then inserts the events and moves the head.
// If anything differs (another writer appended, an id is a re-send, a version moved) the statement
// writes nothing and the caller runs the full transaction, which decides under the lock.
import { type Instant, type RecordedEvent } from '@progress-ledger/core'
import type { ChainKey } from '@progress-ledger/core'
import {
  type AppendPlan,
  type Head,
  type ValidRequest,
  planAppend,
  sealWrites,
} from '@progress-ledger/core/adapter'
import type { SqlQueryable } from '../SqlClient'
import { EVENT_COLUMNS, columnArrays, unnestColumns } from './EventRow'

/** What a store object last saw of the ledger: the head and some streams' versions. */
export class Known {
  private static readonly MAX_STREAMS = 10_000
  head: Head | undefined
  private readonly versions = new Map<string, number>()

  version(streamId: string): number | undefined {
    return this.versions.get(streamId)
  }

  /** Records what a committed write left: the new head and the streams' last versions. */
  wrote(head: Head, events: ReadonlyArray<RecordedEvent>): void {
    this.head = head
    if (this.versions.size > Known.MAX_STREAMS) this.versions.clear()
    for (const e of events) this.versions.set(e.streamId, e.version)
  }

  forget(): void {
    this.head = undefined
    this.versions.clear()
  }
}

/** A batch sealed on assumptions, and the assumptions the statement checks. */
export interface Optimistic {
  readonly sealed: ReadonlyArray<RecordedEvent>
  readonly head: Head
  /** Each stream's version before the batch, as assumed. */
  readonly before: ReadonlyMap<string, number>
}

/**
 * Plans a batch assuming none of its ids is stored and every stream is at the version the
 * writer expects (or, for `any` / `stream-exists`, the version this object last wrote). Returns
 * `undefined` when an assumption is missing or the plan would not write: the full path decides.
 */
export function planOptimistic(
  requests: ReadonlyArray<ValidRequest>,
  known: Known,
  now: Instant,
  key?: ChainKey,
): Optimistic | undefined {
  const head = known.head
  if (head === undefined) return undefined
  const versions = new Map<string, number>()
  for (const r of requests) {
    if (versions.has(r.streamId)) continue
    const e = r.expectedVersion
    const v = typeof e === 'number' ? e : e === 'no-stream' ? 0 : known.version(r.streamId)
    if (v === undefined) return undefined
    versions.set(r.streamId, v)
  }
  const plan: AppendPlan | { readonly _tag: string } = planAppend(requests, new Map(), versions)
  if (plan._tag !== 'Plan') return undefined
  const writes = (plan as AppendPlan).writes
  if (writes.length === 0) return undefined
  return { sealed: sealWrites(writes, head, now, key), head, before: versions }
}

/** Sends the one statement; resolves true when it wrote the batch, false when it wrote nothing. */
export async function sendOptimistic(on: SqlQueryable, s: string, o: Optimistic): Promise<boolean> {
  const last = o.sealed[o.sealed.length - 1] as RecordedEvent
  const ids = o.sealed.map((e) => e.id)
  const r = await on.query<{ position: number | string }>(
    `WITH locked AS (SELECT position, hash FROM ${s}.ledger_head WHERE singleton FOR UPDATE),
     ok AS (
       SELECT 1 FROM locked l
       WHERE l.position = $15 AND l.hash = $16
         AND (SELECT h.position FROM ${s}.ledger_head h WHERE h.singleton) = $15
         AND NOT EXISTS (SELECT 1 FROM ${s}.ledger_events e WHERE e.id = ANY($17::text[]))
         AND NOT EXISTS (
           SELECT 1 FROM unnest($18::text[], $19::integer[]) AS x(s, v)
           WHERE coalesce((SELECT max(e.version) FROM ${s}.ledger_events e WHERE e.stream_id = x.s), 0) <> x.v)
     ),
     inserted AS (
       INSERT INTO ${s}.ledger_events (${EVENT_COLUMNS})
       SELECT * FROM ${unnestColumns(1)} WHERE EXISTS (SELECT 1 FROM ok)
       RETURNING 1
     )
     UPDATE ${s}.ledger_head SET position = $20, hash = $21, recorded_time = $22
     WHERE singleton AND EXISTS (SELECT 1 FROM ok)
     RETURNING position`,
    [
      ...columnArrays(o.sealed),
      o.head.position,
      o.head.hash,
      ids,
      [...o.before.keys()],
      [...o.before.values()],
      last.position,
      last.hash,
      last.recordedTime,
    ],
  )
  return r.rows.length === 1
}
