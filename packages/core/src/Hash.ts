/**
 * The integrity chain: each event's hash is SHA-256 over the previous event's hash and the
 * event's canonical content, so that editing, removing or reordering any stored event is
 * detectable by {@link verifyChain}.
 *
 * @module Hash
 */
import type { EnvelopeMeta, RecordedEvent } from './Envelope'
import { canonicalObjectText } from './internal/CanonicalObject'
import { chainDigest } from './internal/ChainDigest'
import { jsonString } from './internal/JsonString'

/**
 * JSON with object keys sorted at every level, so that the same content always serialises the
 * same way whatever order its keys were written in (PostgreSQL's jsonb reorders keys).
 *
 * @example
 * import { canonicalJson } from '@progress-ledger/core'
 * canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return jsonString(value)
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null'
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object':
      if (value === null) return 'null'
      if (Array.isArray(value)) {
        let out = '['
        for (let i = 0; i < value.length; i++)
          out += (i === 0 ? '' : ',') + canonicalJson(value[i] === undefined ? null : value[i])
        return `${out}]`
      }
      return canonicalObjectText(value as Record<string, unknown>, canonicalJson)
    default:
      return JSON.stringify(value) ?? 'null'
  }
}

/** The parts of an event the hash covers: everything except the hashes themselves. */
export type HashedContent = Omit<EnvelopeMeta, 'hash' | 'prevHash'> & {
  readonly type: string
  readonly data: unknown
}

function element(v: unknown): string {
  return canonicalJson(v === undefined ? null : v)
}

/** The canonical text of an event's content, as hashed: a JSON array of its fields in a fixed order. */
export function contentText(e: HashedContent): string {
  return `[${element(e.id)},${element(e.streamId)},${element(e.version)},${element(e.position)},${element(e.type)},${element(e.schemaVersion)},${element(e.validTime)},${element(e.recordedTime)},${element(e.actor)},${element(e.correlationId)},${element(e.causationId)},${element(e.data)}]`
}

/**
 * The secret of a keyed chain: with it, each hash is an HMAC-SHA256 instead of a plain SHA-256,
 * so that rewriting the ledger and recomputing the chain is impossible without the key. It is
 * never stored in the ledger (the CLI reads it from `PROGRESS_LEDGER_KEY`).
 */
export type ChainKey = string | Uint8Array

/**
 * The hash of an event given the previous event's hash: SHA-256 over `prevHash`, a newline and
 * {@link contentText}; with a {@link ChainKey}, HMAC-SHA256 of the same text under the key.
 */
export function chainHash(prevHash: string, e: HashedContent, key?: ChainKey): string {
  return chainDigest(prevHash, contentText(e), key)
}

/** Where the chain breaks, if it does. */
export type ChainVerification =
  | { readonly _tag: 'Intact'; readonly count: number; readonly head: string }
  | {
      readonly _tag: 'Broken'
      readonly position: number
      readonly eventId: string
      readonly reason: string
    }

/**
 * Checks positions, previous-hash links and every hash, in order. Feed it the whole log from
 * position 1 (or resume with the `head` and `position` of an earlier intact check). A keyed
 * ledger is checked with its key.
 *
 * @example
 * import { verifyChain } from '@progress-ledger/core'
 * verifyChain([]) // { _tag: 'Intact', count: 0, head: '' }
 */
export function verifyChain(
  events: Iterable<RecordedEvent>,
  from: { readonly head: string; readonly position: number } = { head: '', position: 0 },
  key?: ChainKey,
): ChainVerification {
  let head = from.head
  let position = from.position
  let count = 0
  for (const e of events) {
    if (e.position !== position + 1) {
      return {
        _tag: 'Broken',
        position: e.position,
        eventId: e.id,
        reason: `expected position ${position + 1}, found ${e.position}`,
      }
    }
    if (e.prevHash !== head)
      return {
        _tag: 'Broken',
        position: e.position,
        eventId: e.id,
        reason: 'previous-hash link does not match',
      }
    const expected = chainHash(head, e, key)
    if (expected !== e.hash)
      return {
        _tag: 'Broken',
        position: e.position,
        eventId: e.id,
        reason:
          key === undefined
            ? 'content does not match its hash (edited, or a keyed chain read without its key)'
            : 'content does not match its keyed hash (edited, or another key)',
      }
    head = e.hash
    position = e.position
    count++
  }
  return { _tag: 'Intact', count, head }
}
