/**
 * The append algorithm every store shares: validate a batch, sort re-sent events from new ones,
 * check expected versions, and seal new events with versions, positions, recorded time and
 * chained hashes. Stores supply only lookups and the write itself, so their semantics match.
 *
 * @module Batch
 */
import { type DecodeIssue } from './Decode'
import type { DecodedInput, InputValidation, RecordedEvent } from './Envelope'
import { validateInput } from './Envelope'
import { deepFreeze } from './internal/Freeze'
import type {
  AppendRequest,
  ExpectedVersion,
  IdConflict,
  InvalidEvents,
  VersionConflict,
} from './EventStore'
import { canonicalJson, type ChainKey } from './Hash'
import { chainDigest } from './internal/ChainDigest'
import { jsonString } from './internal/JsonString'
import { catalog } from './Catalog'
import type { Instant } from './Scalars'

/** A request whose events all decoded. */
export interface ValidRequest {
  readonly streamId: string
  readonly events: ReadonlyArray<DecodedInput>
  readonly expectedVersion: ExpectedVersion
}

function isExpectedVersion(u: unknown): u is ExpectedVersion {
  return (
    u === 'any' ||
    u === 'no-stream' ||
    u === 'stream-exists' ||
    (typeof u === 'number' && Number.isInteger(u) && u >= 0)
  )
}

// Inputs validated by `admitInput`: frozen, so they cannot change between validation and append.
const admitted = new WeakSet<object>()

/**
 * Validates an event input once for the write path. A valid input comes back decoded, frozen
 * (data included) and marked as admitted: {@link validateBatch}, every store's first step, then
 * takes it as it is instead of decoding it again. Deciders use it so that a decided event is
 * validated once between the command and the store.
 *
 * @example
 * import { admitInput, validateBatch } from '@progress-ledger/core/adapter'
 * const r = admitInput({ id: 'e1', type: 'DepartmentRegistered', validTime: '2021-08-10', actor: 'office',
 *   data: { departmentId: 'fgj', name: { zh: '市发改局' }, aliases: [] } })
 * r._tag === 'Valid' && Object.isFrozen(r.event.data) // true
 * r._tag === 'Valid' && validateBatch([{ streamId: 'department-fgj', events: [r.event], expectedVersion: 'any' }])._tag // 'Valid'
 */
export function admitInput(u: unknown, prefix = ''): InputValidation {
  const r = validateInput(u, prefix)
  if (r._tag === 'Valid') admitted.add(deepFreeze(r.event))
  return r
}

/**
 * Validates every event of a batch against its codec; issues are numbered across the batch
 * (`events[3].data.value: …`), starting at `firstIndex` (default 0: a page of a longer stream
 * passes the number of events before it). Returns all issues at once. Inputs that
 * {@link admitInput} validated are taken as they are.
 */
export function validateBatch(
  requests: ReadonlyArray<AppendRequest>,
  firstIndex = 0,
): { readonly _tag: 'Valid'; readonly requests: ReadonlyArray<ValidRequest> } | InvalidEvents {
  const issues: DecodeIssue[] = []
  const valid: ValidRequest[] = []
  const ids = new Set<string>()
  let index = firstIndex
  for (const request of requests) {
    if (typeof request.streamId !== 'string' || request.streamId.trim() === '') {
      issues.push({
        path: `events[${index}].streamId`,
        expected: 'a non-empty string',
        got: JSON.stringify(request.streamId),
        message: `events[${index}].streamId: expected a non-empty string, got ${JSON.stringify(request.streamId)}`,
      })
    }
    if (!isExpectedVersion(request.expectedVersion)) {
      const got = JSON.stringify(request.expectedVersion)
      issues.push({
        path: 'expectedVersion',
        expected: 'a version >= 0, any, no-stream or stream-exists',
        got,
        message: `expectedVersion: expected a version >= 0, any, no-stream or stream-exists, got ${got}`,
      })
    }
    const events: DecodedInput[] = []
    for (const raw of request.events as ReadonlyArray<unknown>) {
      const path = `events[${index}]`
      const r: InputValidation =
        typeof raw === 'object' && raw !== null && admitted.has(raw)
          ? { _tag: 'Valid', event: raw as DecodedInput }
          : validateInput(raw, path)
      if (r._tag === 'Invalid') issues.push(...r.issues)
      else if (ids.has(r.event.id)) {
        issues.push({
          path: `${path}.id`,
          expected: 'an id unique within the batch',
          got: JSON.stringify(r.event.id),
          message: `${path}.id: expected an id unique within the batch, got ${JSON.stringify(r.event.id)}`,
        })
      } else {
        ids.add(r.event.id)
        events.push(r.event)
      }
      index++
    }
    valid.push({ streamId: request.streamId, events, expectedVersion: request.expectedVersion })
  }
  return issues.length > 0 ? { _tag: 'InvalidEvents', issues } : { _tag: 'Valid', requests: valid }
}

/** Does a stored event carry exactly what a re-sent input says? */
export function sameContent(streamId: string, input: DecodedInput, stored: RecordedEvent): boolean {
  return (
    stored.streamId === streamId &&
    stored.type === input.type &&
    stored.validTime === input.validTime &&
    stored.actor === input.actor &&
    stored.correlationId === (input.correlationId ?? null) &&
    stored.causationId === (input.causationId ?? null) &&
    canonicalJson(stored.data) === canonicalJson(input.data)
  )
}

/** Does a stream at `actual` satisfy what the writer expected? */
export function versionMatches(expected: ExpectedVersion, actual: number): boolean {
  switch (expected) {
    case 'any':
      return true
    case 'no-stream':
      return actual === 0
    case 'stream-exists':
      return actual > 0
    default:
      return expected === actual
  }
}

/** New events to write to one stream, starting after `fromVersion`. */
export interface StreamWrite {
  readonly streamId: string
  readonly fromVersion: number
  readonly events: ReadonlyArray<DecodedInput>
}

/** What to do with a valid batch. */
export interface AppendPlan {
  readonly _tag: 'Plan'
  readonly writes: ReadonlyArray<StreamWrite>
  /** For each input in batch order: the earlier recorded copy, or `undefined` for a new event. */
  readonly previously: ReadonlyArray<RecordedEvent | undefined>
}

/**
 * Decides a valid batch against the store's current state: `existing` maps ids of the batch
 * that are already stored to their events; `versions` gives each stream's current version.
 * A request whose events are all stored with the same content is a retry and writes nothing;
 * a request partly stored, or an id stored with other content, is an {@link IdConflict}.
 */
export function planAppend(
  requests: ReadonlyArray<ValidRequest>,
  existing: ReadonlyMap<string, RecordedEvent>,
  versions: ReadonlyMap<string, number>,
): AppendPlan | VersionConflict | IdConflict {
  const writes: StreamWrite[] = []
  const previously: Array<RecordedEvent | undefined> = []
  const current = new Map(versions)
  for (const request of requests) {
    let stored = 0
    for (const e of request.events) {
      const prior = existing.get(e.id)
      if (prior === undefined) continue
      if (!sameContent(request.streamId, e, prior)) {
        return {
          _tag: 'IdConflict',
          eventId: e.id,
          reason: `event id ${JSON.stringify(e.id)} is already recorded at position ${prior.position} with different content`,
        }
      }
      stored++
    }
    if (stored > 0 && stored < request.events.length) {
      const first = request.events.find((e) => existing.has(e.id)) as DecodedInput
      return {
        _tag: 'IdConflict',
        eventId: first.id,
        reason: `the batch for stream ${JSON.stringify(request.streamId)} is partly recorded already (event ${JSON.stringify(first.id)})`,
      }
    }
    if (stored > 0) {
      for (const e of request.events) previously.push(existing.get(e.id))
      continue
    }
    const actual = current.get(request.streamId) ?? 0
    if (!versionMatches(request.expectedVersion, actual)) {
      return {
        _tag: 'VersionConflict',
        streamId: request.streamId,
        expected: request.expectedVersion,
        actual,
      }
    }
    if (request.events.length > 0)
      writes.push({ streamId: request.streamId, fromVersion: actual, events: request.events })
    for (let i = 0; i < request.events.length; i++) previously.push(undefined)
    current.set(request.streamId, actual + request.events.length)
  }
  return { _tag: 'Plan', writes, previously }
}

/** The ledger's head before a write. */
export interface Head {
  readonly position: number
  readonly hash: string
  readonly recordedTime: Instant | null
}

/**
 * Seals new events: versions, gap-free positions after `head`, one recorded time for the whole
 * batch (never earlier than the head's, so recorded time follows position), and chained hashes
 * (keyed when the store has a {@link ChainKey}).
 *
 * The content text each hash covers is `contentText`'s (module Hash), written here from what the batch
 * shares (the recorded time, each stream's id, repeated actors) and from what validation already
 * established (an event type is a catalog name, which needs no escaping): the write path's
 * per-event cost. The tests check that the two texts agree on every event.
 */
export function sealWrites(
  writes: ReadonlyArray<StreamWrite>,
  head: Head,
  now: Instant,
  key?: ChainKey,
): RecordedEvent[] {
  const recordedTime =
    head.recordedTime !== null && head.recordedTime > now ? head.recordedTime : now
  const recordedJson = jsonString(recordedTime)
  const out: RecordedEvent[] = []
  let position = head.position
  let hash = head.hash
  let actor = ''
  let actorJson = '""'
  let type = ''
  let schemaVersion = 0
  for (const w of writes) {
    let version = w.fromVersion
    const streamJson = jsonString(w.streamId)
    for (const e of w.events) {
      position++
      version++
      if (e.type !== type) {
        type = e.type
        schemaVersion = catalog[e.type].schemaVersion
      }
      const correlationId = e.correlationId ?? null
      const causationId = e.causationId ?? null
      if (e.actor !== actor) {
        actor = e.actor
        actorJson = jsonString(actor)
      }
      const text = `[${jsonString(e.id)},${streamJson},${version},${position},"${e.type}",${schemaVersion},${jsonString(e.validTime)},${recordedJson},${actorJson},${correlationId === null ? 'null' : jsonString(correlationId)},${causationId === null ? 'null' : jsonString(causationId)},${canonicalJson(e.data)}]`
      const prevHash = hash
      hash = chainDigest(prevHash, text, key)
      out.push({
        id: e.id,
        streamId: w.streamId,
        version,
        position,
        type: e.type,
        schemaVersion,
        validTime: e.validTime,
        recordedTime,
        actor: e.actor,
        correlationId,
        causationId,
        data: e.data,
        prevHash,
        hash,
      } as RecordedEvent)
    }
  }
  return out
}

/** Merges sealed events back into batch order with the earlier copies of re-sent ones. */
export function inBatchOrder(
  previously: ReadonlyArray<RecordedEvent | undefined>,
  sealed: ReadonlyArray<RecordedEvent>,
): RecordedEvent[] {
  let next = 0
  return previously.map((p) => p ?? (sealed[next++] as RecordedEvent))
}
