/**
 * The streamed append every store shares: a long stream of requests becomes one all-or-nothing
 * batch, handled page by page inside the store's write transaction, so memory stays bounded by
 * the page size. Each request is decided exactly as in `appendBatch` (validation, re-sent ids,
 * expected versions against what earlier requests left, one recorded time, the chain); the store
 * supplies only lookups and the write, and rolls its transaction back unless the result is
 * `StreamAppended`.
 *
 * @module StreamAppend
 */
import type { DecodeIssue } from './Decode'
import type { RecordedEvent } from './Envelope'
import {
  type AppendRequest,
  type AppendStreamResult,
  LEDGER_STREAM,
  type RequestSource,
  type StreamOptions,
  type StreamProgress,
} from './EventStore'
import type { ChainKey } from './Hash'
import {
  type Head,
  type StreamWrite,
  type ValidRequest,
  planAppend,
  sealWrites,
  validateBatch,
} from './Batch'
import type { Instant } from './Scalars'
import { streamSettings } from './internal/StreamSettings'

/** What a store's lookup found: stored events by id, and current versions by stream. */
export interface StreamLookup {
  readonly existing: ReadonlyMap<string, RecordedEvent>
  readonly versions: ReadonlyMap<string, number>
}

/** What a store supplies to {@link appendStreamWith}, all inside its write transaction. */
export interface StreamWriter {
  /** The head when the transaction began (the store holds its write lock from then on). */
  readonly head: Head
  /**
   * The stored events with these ids and the current versions of these streams (0 or absent
   * when missing), including what this stream has written so far.
   */
  readonly lookup: (
    ids: ReadonlyArray<string>,
    streams: ReadonlyArray<string>,
  ) => StreamLookup | Promise<StreamLookup>
  /** Writes sealed events, in position order. */
  readonly write: (events: ReadonlyArray<RecordedEvent>) => void | Promise<void>
  /** The key of a keyed chain, if the store has one. */
  readonly chainKey?: ChainKey | undefined
  /** Store-specific refusals of valid input (e.g. text PostgreSQL cannot hold), numbered from `firstIndex`. */
  readonly refuse?: (
    requests: ReadonlyArray<ValidRequest>,
    firstIndex: number,
  ) => ReadonlyArray<DecodeIssue>
}

function eventCount(request: AppendRequest): number {
  const events = (request as { readonly events?: unknown }).events
  return Array.isArray(events) ? events.length : 0
}

/**
 * Runs a streamed append against a store's {@link StreamWriter}. `now` stamps every event (one
 * recorded time for the whole stream, clamped to the head's). The store commits only on
 * `StreamAppended`.
 *
 * @example
 * import { appendStreamWith } from '@progress-ledger/core/adapter'
 * const written = []
 * const r = await appendStreamWith([], {
 *   head: { position: 0, hash: '', recordedTime: null },
 *   lookup: () => ({ existing: new Map(), versions: new Map() }),
 *   write: (events) => void written.push(...events),
 * }, '2022-01-08T10:30:00.000Z', {})
 * r // { _tag: 'StreamAppended', requests: 0, events: 0, written: 0, head: 0, headHash: '' }
 */
export async function appendStreamWith(
  source: RequestSource,
  writer: StreamWriter,
  now: Instant,
  options: StreamOptions,
): Promise<AppendStreamResult> {
  const { pageSize, maxIssues } = streamSettings(options)
  const start = writer.head.position
  if (options.expectedHead !== undefined && options.expectedHead !== start)
    return {
      _tag: 'VersionConflict',
      streamId: LEDGER_STREAM,
      expected: options.expectedHead,
      actual: start,
      at: { request: 0, event: 0 },
    }
  let head = writer.head
  let requests = 0
  let events = 0
  let written = 0
  const issues: DecodeIssue[] = []
  let page: AppendRequest[] = []
  let pageEvents = 0

  const invalid = (found: ReadonlyArray<DecodeIssue>): void => {
    for (const issue of found) if (issues.length < maxIssues) issues.push(issue)
  }

  /** Handles one page; returns a final result when the stream must stop. */
  const flush = async (): Promise<AppendStreamResult | undefined> => {
    const firstRequest = requests
    const firstEvent = events
    const batch = page
    requests += batch.length
    events += pageEvents
    page = []
    pageEvents = 0
    const checked = validateBatch(batch, firstEvent)
    if (checked._tag === 'InvalidEvents') {
      invalid(checked.issues)
      return issues.length >= maxIssues ? { _tag: 'InvalidEvents', issues } : undefined
    }
    const refused = writer.refuse?.(checked.requests, firstEvent) ?? []
    if (refused.length > 0) {
      invalid(refused)
      return issues.length >= maxIssues ? { _tag: 'InvalidEvents', issues } : undefined
    }
    // After an invalid page nothing is written: the rest is only validated.
    if (issues.length > 0) return undefined
    const ids: string[] = []
    const streams = new Set<string>()
    for (const r of checked.requests) {
      streams.add(r.streamId)
      for (const e of r.events) ids.push(e.id)
    }
    const { existing, versions } = await writer.lookup(ids, [...streams])
    // An id written earlier in this very stream is a duplicate within the batch, as in appendBatch.
    let index = firstEvent
    for (const r of checked.requests) {
      for (const e of r.events) {
        const prior = existing.get(e.id)
        if (prior !== undefined && prior.position > start) {
          const got = JSON.stringify(e.id)
          invalid([
            {
              path: `events[${index}].id`,
              expected: 'an id unique within the batch',
              got,
              message: `events[${index}].id: expected an id unique within the batch, got ${got}`,
            },
          ])
        }
        index++
      }
    }
    if (issues.length > 0)
      return issues.length >= maxIssues ? { _tag: 'InvalidEvents', issues } : undefined
    // Requests are planned one by one, so that a conflict names its request; versions carry over.
    const current = new Map(versions)
    const writes: StreamWrite[] = []
    let at = firstEvent
    for (let k = 0; k < checked.requests.length; k++) {
      const r = checked.requests[k] as ValidRequest
      const plan = planAppend([r], existing, new Map([[r.streamId, current.get(r.streamId) ?? 0]]))
      if (plan._tag !== 'Plan') return { ...plan, at: { request: firstRequest + k, event: at } }
      for (const w of plan.writes) {
        writes.push(w)
        current.set(w.streamId, w.fromVersion + w.events.length)
      }
      at += r.events.length
    }
    const sealed = sealWrites(writes, head, now, writer.chainKey)
    const last = sealed[sealed.length - 1]
    if (last !== undefined) {
      await writer.write(sealed)
      head = { position: last.position, hash: last.hash, recordedTime: last.recordedTime }
      written += sealed.length
      options.onWritten?.(sealed)
    }
    const progress: StreamProgress = { requests, events, written, head: head.position }
    options.onProgress?.(progress)
    return undefined
  }

  for await (const request of source) {
    page.push(request)
    pageEvents += eventCount(request)
    if (pageEvents >= pageSize) {
      const stop = await flush()
      if (stop !== undefined) return stop
    }
  }
  if (page.length > 0) {
    const stop = await flush()
    if (stop !== undefined) return stop
  }
  if (issues.length > 0) return { _tag: 'InvalidEvents', issues }
  return {
    _tag: 'StreamAppended',
    requests,
    events,
    written,
    head: head.position,
    headHash: head.hash,
  }
}
