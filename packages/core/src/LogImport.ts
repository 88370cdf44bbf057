/**
 * The import every store shares: an export (recorded events with positions, recorded times and
 * hashes) is checked record by record and written page by page into an EMPTY ledger inside the
 * store's write transaction. The first problem stops the import with a value naming the position,
 * the event and what is wrong; the store rolls back unless the result is `Imported`.
 *
 * @module LogImport
 */
import type { Head } from './Batch'
import { EventDecodeError, type RecordedEvent, decodeStoredExact } from './Envelope'
import type {
  ImportProblem,
  ImportRejected,
  ImportResult,
  RecordSource,
  StreamOptions,
} from './EventStore'
import { type ChainKey, chainHash } from './Hash'
import { streamSettings } from './internal/StreamSettings'

/** What a store supplies to {@link importLogWith}, all inside its write transaction. */
export interface ImportWriter {
  /** The head when the transaction began; an import needs position 0. */
  readonly head: Head
  /** Positions of stored events with these ids (only this import's earlier pages can hold any). */
  readonly lookupIds: (
    ids: ReadonlyArray<string>,
  ) => ReadonlyMap<string, number> | Promise<ReadonlyMap<string, number>>
  /** Writes checked events, in position order. */
  readonly write: (events: ReadonlyArray<RecordedEvent>) => void | Promise<void>
  /** The key of a keyed chain, if the store has one. */
  readonly chainKey?: ChainKey | undefined
  /** Why the store cannot hold an otherwise valid event (e.g. NUL in PostgreSQL text), if it cannot. */
  readonly refuse?: (event: RecordedEvent) => string | undefined
}

function rejected(
  problem: ImportProblem,
  index: number,
  position: number,
  eventId: string,
  reason: string,
): ImportRejected {
  const where =
    problem === 'not-empty'
      ? 'the ledger'
      : `position ${position} (event ${eventId === '' ? '?' : eventId})`
  return {
    _tag: 'ImportRejected',
    problem,
    index,
    position,
    eventId,
    reason,
    message: `${where}: ${reason}`,
  }
}

/** The id and position a record claims, for messages about a record that does not decode. */
function claimed(u: unknown, expected: number): { readonly id: string; readonly position: number } {
  const r = (typeof u === 'object' && u !== null ? u : {}) as Record<string, unknown>
  return {
    id: typeof r['id'] === 'string' ? r['id'] : '',
    position:
      typeof r['position'] === 'number' && Number.isInteger(r['position'])
        ? r['position']
        : expected,
  }
}

/**
 * Runs an import against a store's {@link ImportWriter}: checks that the ledger is empty, then
 * that every record decodes, positions run 1, 2, 3 …, each record links to and matches its hash,
 * versions run 1, 2, 3 … per stream, ids are unique and recorded times never decrease.
 *
 * @example
 * import { importLogWith } from '@progress-ledger/core/adapter'
 * const r = await importLogWith([{ id: 'x', position: 2 }], {
 *   head: { position: 0, hash: '', recordedTime: null },
 *   lookupIds: () => new Map(),
 *   write: () => undefined,
 * }, {})
 * r._tag // 'ImportRejected'
 */
export async function importLogWith(
  source: RecordSource,
  writer: ImportWriter,
  options: StreamOptions,
): Promise<ImportResult> {
  const { pageSize } = streamSettings(options)
  if (writer.head.position !== 0)
    return rejected(
      'not-empty',
      -1,
      0,
      '',
      `it is not empty (head at position ${writer.head.position}): an import needs an empty ledger`,
    )
  const versions = new Map<string, number>()
  let hash = ''
  let recordedTime = ''
  let count = 0
  let page: unknown[] = []

  const flush = async (): Promise<ImportRejected | undefined> => {
    const raw = page
    page = []
    const decoded: RecordedEvent[] = []
    for (let k = 0; k < raw.length; k++) {
      const u = raw[k]
      try {
        decoded.push(decodeStoredExact(u))
      } catch (err) {
        if (!(err instanceof EventDecodeError)) throw err
        // Records before it in this page are checked first: their problems come earlier.
        const first = await check(decoded)
        if (first !== undefined) return first
        const c = claimed(u, count + 1)
        return rejected('undecodable', count, c.position, c.id, err.issues.join('; '))
      }
    }
    return check(decoded)
  }

  /** Checks decoded records in order, then writes them. */
  const check = async (
    events: ReadonlyArray<RecordedEvent>,
  ): Promise<ImportRejected | undefined> => {
    const stored = await writer.lookupIds(events.map((e) => e.id))
    const inPage = new Map<string, number>()
    for (const e of events) {
      const index = count
      const expected = count + 1
      const fail = (problem: ImportProblem, reason: string): ImportRejected =>
        rejected(problem, index, e.position, e.id, reason)
      if (e.position !== expected) return fail('position', `expected position ${expected}`)
      const earlier = stored.get(e.id) ?? inPage.get(e.id)
      if (earlier !== undefined)
        return fail(
          'duplicate-id',
          `id ${JSON.stringify(e.id)} is already used at position ${earlier}`,
        )
      const before = versions.get(e.streamId) ?? 0
      if (e.version !== before + 1)
        return fail(
          'version',
          before === 0
            ? `version ${e.version} of stream ${e.streamId} is its first event: expected version 1`
            : `version ${e.version} of stream ${e.streamId} follows version ${before}`,
        )
      if (e.recordedTime < recordedTime)
        return fail(
          'recorded-time',
          `recorded time ${e.recordedTime} is earlier than ${recordedTime} at position ${expected - 1}`,
        )
      if (e.prevHash !== hash)
        return fail(
          'chain',
          expected === 1
            ? `the first event's previous hash must be empty, got ${JSON.stringify(e.prevHash)}`
            : `its previous hash does not match the hash of position ${expected - 1}`,
        )
      if (chainHash(hash, e, writer.chainKey) !== e.hash)
        return fail('hash', 'its content does not match its hash (changed after it was sealed)')
      const refused = writer.refuse?.(e)
      if (refused !== undefined) return fail('unstorable', refused)
      inPage.set(e.id, e.position)
      versions.set(e.streamId, e.version)
      hash = e.hash
      recordedTime = e.recordedTime
      count++
    }
    if (events.length > 0) {
      await writer.write(events)
      options.onWritten?.(events)
    }
    options.onProgress?.({ requests: count, events: count, written: count, head: count })
    return undefined
  }

  for await (const record of source) {
    page.push(record)
    if (page.length >= pageSize) {
      const stop = await flush()
      if (stop !== undefined) return stop
    }
  }
  if (page.length > 0) {
    const stop = await flush()
    if (stop !== undefined) return stop
  }
  return { _tag: 'Imported', count, head: count, headHash: hash }
}
