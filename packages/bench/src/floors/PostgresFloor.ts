/**
 * PostgreSQL's own speed, the floor the store is judged against: the store's exact rows sent by
 * `COPY … FROM STDIN` (one transaction per batch, as the store commits), and read back in pages
 * as raw arrays without decoding — into and from a schema the store itself created.
 *
 * @module floors/PostgresFloor
 */
import type { RecordedEvent } from '@progress-ledger/core'
import type pg from 'pg'
import { from as copyFrom } from 'pg-copy-streams'

const COLUMNS =
  'position, id, stream_id, version, type, schema_version, valid_time, recorded_time, actor, correlation_id, causation_id, prev_hash, hash, data'

/** A value in COPY's text format: backslash, tab, newline and carriage return escaped; null as `\N`. */
function copyField(v: string | number | null): string {
  if (v === null) return '\\N'
  if (typeof v === 'number') return String(v)
  return v.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  )
}

/** One COPY text block per batch of `batch` events (built before timing). */
export function copyBlocks(events: ReadonlyArray<RecordedEvent>, batch: number): string[] {
  const blocks: string[] = []
  for (let i = 0; i < events.length; i += batch) {
    let text = ''
    for (const e of events.slice(i, i + batch)) {
      text += `${[
        e.position,
        e.id,
        e.streamId,
        e.version,
        e.type,
        e.schemaVersion,
        e.validTime,
        e.recordedTime,
        e.actor,
        e.correlationId,
        e.causationId,
        e.prevHash,
        e.hash,
        JSON.stringify(e.data),
      ]
        .map(copyField)
        .join('\t')}\n`
    }
    blocks.push(text)
  }
  return blocks
}

function copy(client: pg.PoolClient, table: string, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = client.query(copyFrom(`COPY ${table} (${COLUMNS}) FROM STDIN`))
    stream.on('error', reject)
    stream.on('finish', () => resolve())
    stream.end(text)
  })
}

/** COPYs each block in its own transaction on one connection; returns ms. */
export async function pgCopyFloor(
  pool: pg.Pool,
  schema: string,
  blocks: ReadonlyArray<string>,
): Promise<number> {
  const client = await pool.connect()
  try {
    const start = performance.now()
    for (const block of blocks) {
      await client.query('BEGIN')
      await copy(client, `${schema}.ledger_events`, block)
      await client.query('COMMIT')
    }
    return performance.now() - start
  } finally {
    client.release()
  }
}

/** Reads every row as arrays in keyset pages of `page` positions, without decoding; returns ms and count. */
export async function pgReadFloor(
  pool: pg.Pool,
  schema: string,
  page: number,
): Promise<{ readonly ms: number; readonly rows: number }> {
  const start = performance.now()
  let after = 0
  let rows = 0
  for (;;) {
    const r = await pool.query({
      // The range (after, after + page] as the store reads it: positions are gap-free.
      text: `SELECT ${COLUMNS} FROM ${schema}.ledger_events WHERE position > $1 AND position <= $1::bigint + $2::bigint ORDER BY position LIMIT $2`,
      values: [after, page],
      rowMode: 'array',
    })
    if (r.rows.length === 0) break
    rows += r.rows.length
    after = Number((r.rows[r.rows.length - 1] as unknown[])[0])
  }
  return { ms: performance.now() - start, rows }
}
