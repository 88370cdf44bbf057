// The one-statement append: when this store object knows the head (from its own last append) and
// the versions a batch builds on, it plans and seals the batch before talking to the server and
// sends ONE autocommit statement that takes the head lock, checks that the head is what the plan
// assumed, and only then inserts the events and moves the head. If the head moved (another writer
// appended) the statement writes nothing; if an id is stored already (a re-send) or a stream
// version is taken, a unique index refuses the insert and the statement fails whole. Either way
// the caller runs the full transaction, which decides under the lock.
//
// What makes the unique indexes enough: the versions `Known` holds are exact as of the head it
// holds (see there), so once the statement has seen that head, a stream it took from `Known` is
// at that version. A stream `Known` has not seen is assumed at the version the writer expects: if
// it is further on, the next version exists and the (stream, version) index refuses it; if it is
// behind (a writer expecting too much), nothing would refuse it, so those streams alone — with an
// expectation above 0 — are checked in the statement.
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

/**
 * What a store object last saw of the ledger: the head and some streams' versions, every one of
 * them exact as of that head. Kept so: a write that followed the head it knew (the one statement)
 * adds its streams; any other write (the full transaction, which may have followed other writers)
 * starts afresh from what it wrote.
 */
export class Known {
  private static readonly MAX_STREAMS = 10_000
  head: Head | undefined
  private readonly versions = new Map<string, number>()

  version(streamId: string): number | undefined {
    return this.versions.get(streamId)
  }

  /** Records what a committed write that followed `this.head` left: the new head and its streams. */
  followed(head: Head, events: ReadonlyArray<RecordedEvent>): void {
    this.head = head
    if (this.versions.size > Known.MAX_STREAMS) this.versions.clear()
    for (const e of events) this.versions.set(e.streamId, e.version)
  }

  /** Records what a committed write left when others may have written before it. */
  wrote(head: Head, events: ReadonlyArray<RecordedEvent>): void {
    this.versions.clear()
    this.followed(head, events)
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
  /** The streams `Known` has not seen whose expected version is above 0: checked in the statement. */
  readonly unseen: ReadonlyMap<string, number>
}

/**
 * Plans a batch assuming none of its ids is stored and every stream is at the version `Known`
 * holds, or, for a stream it has not seen, at the version the writer expects. Returns `undefined`
 * when an assumption is missing or already wrong, or the plan would not write: the full path
 * decides (and reports a wrong expectation).
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
  const unseen = new Map<string, number>()
  for (const r of requests) {
    if (versions.has(r.streamId)) continue
    const e = r.expectedVersion
    const k = known.version(r.streamId)
    if (k === undefined) {
      if (typeof e !== 'number' && e !== 'no-stream') return undefined
      const v = e === 'no-stream' ? 0 : e
      if (v > 0) unseen.set(r.streamId, v)
      versions.set(r.streamId, v)
    } else {
      if ((typeof e === 'number' && e !== k) || e === 'no-stream') return undefined
      versions.set(r.streamId, k)
    }
  }
  const plan: AppendPlan | { readonly _tag: string } = planAppend(requests, new Map(), versions)
  if (plan._tag !== 'Plan') return undefined
  const writes = (plan as AppendPlan).writes
  if (writes.length === 0) return undefined
  return { sealed: sealWrites(writes, head, now, key), head, unseen }
}

/**
 * Sends the one statement; resolves true when it wrote the batch, false when it wrote nothing
 * because the head moved. Rejects with a unique violation (23505) when an id or a stream version
 * is taken: nothing was written.
 */
export async function sendOptimistic(on: SqlQueryable, s: string, o: Optimistic): Promise<boolean> {
  const last = o.sealed[o.sealed.length - 1] as RecordedEvent
  const r = await on.query<{ position: number | string }>(
    `WITH locked AS (SELECT position, hash FROM ${s}.ledger_head WHERE singleton FOR UPDATE),
     ok AS (
       SELECT 1 FROM locked l
       WHERE l.position = $15 AND l.hash = $16
         AND (SELECT h.position FROM ${s}.ledger_head h WHERE h.singleton) = $15
         AND NOT EXISTS (
           SELECT 1 FROM unnest($17::text[], $18::integer[]) AS x(s, v)
           WHERE coalesce((SELECT max(e.version) FROM ${s}.ledger_events e WHERE e.stream_id = x.s), 0) <> x.v)
     ),
     inserted AS (
       INSERT INTO ${s}.ledger_events (${EVENT_COLUMNS})
       SELECT * FROM ${unnestColumns(1)} WHERE EXISTS (SELECT 1 FROM ok)
       RETURNING 1
     )
     UPDATE ${s}.ledger_head SET position = $19, hash = $20, recorded_time = $21
     WHERE singleton AND EXISTS (SELECT 1 FROM ok)
     RETURNING position`,
    [
      ...columnArrays(o.sealed),
      o.head.position,
      o.head.hash,
      [...o.unseen.keys()],
      [...o.unseen.values()],
      last.position,
      last.hash,
      last.recordedTime,
    ],
  )
  return r.rows.length === 1
}
