// What a streamed append and an import hand to core's shared algorithms, inside the store's
// transaction holding the head lock: per page one lookup statement and one insert statement.
import type { RecordedEvent } from '@progress-ledger/core'
import type { Head, ImportWriter, StreamWriter } from '@progress-ledger/core/adapter'
import type { SqlQueryable } from '../SqlClient'
import { nulIssues, unstorable } from './EventRow'
import { insertEvents, lookup, storedEvents } from './Statements'

/** Inserts pages and remembers the last event written, the head to move to at the end. */
function pageWriter(tx: SqlQueryable, s: string, start: Head) {
  let head = start
  return {
    write: async (events: ReadonlyArray<RecordedEvent>): Promise<void> => {
      await insertEvents(tx, s, events, false)
      const last = events[events.length - 1] as RecordedEvent
      head = { position: last.position, hash: last.hash, recordedTime: last.recordedTime }
    },
    last: (): Head => head,
  }
}

/** The {@link StreamWriter} of a streamed append, plus the head it reached. */
export function streamWriter(
  tx: SqlQueryable,
  s: string,
  start: Head,
): StreamWriter & { readonly last: () => Head } {
  const pages = pageWriter(tx, s, start)
  return {
    head: start,
    lookup: async (ids, streams) => {
      const found = await lookup(tx, s, ids, streams)
      return { existing: await storedEvents(tx, s, found.ids), versions: found.versions }
    },
    write: pages.write,
    refuse: (valid, firstIndex) => nulIssues(valid, firstIndex),
    last: pages.last,
  }
}

/** The {@link ImportWriter} of an import, plus the head it reached. */
export function importWriter(
  tx: SqlQueryable,
  s: string,
  start: Head,
): ImportWriter & { readonly last: () => Head } {
  const pages = pageWriter(tx, s, start)
  return {
    head: start,
    lookupIds: async (ids) => {
      const r = await tx.query<{ id: string; position: number | string }>(
        `SELECT id, position FROM ${s}.ledger_events WHERE id = ANY($1::text[])`,
        [ids],
      )
      return new Map(r.rows.map((row) => [row.id, Number(row.position)]))
    },
    write: pages.write,
    refuse: unstorable,
    last: pages.last,
  }
}
