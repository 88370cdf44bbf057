/**
 * The integrity chain: each event's hash is SHA-256 over the previous event's hash and the
 * event's canonical content, so that editing, removing or reordering any stored event is
 * detectable by {@link verifyChain}.
 *
 * @module Hash
 */
import { createHash } from 'node:crypto'
import type { EnvelopeMeta, RecordedEvent } from './Envelope'

/**
 * JSON with object keys sorted at every level, so that the same content always serialises the
 * same way whatever order its keys were written in (PostgreSQL's jsonb reorders keys).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i] === undefined ? null : value[i])
    return `${out}]`
  }
  const record = value as Record<string, unknown>
  const keys = Object.keys(record).sort()
  let out = '{'
  let first = true
  for (const key of keys) {
    const v = record[key]
    if (v === undefined) continue
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`
    first = false
  }
  return `${out}}`
}

/** The parts of an event the hash covers: everything except the hashes themselves. */
export type HashedContent = Omit<EnvelopeMeta, 'hash' | 'prevHash'> & { readonly type: string; readonly data: unknown }

/** The canonical text of an event's content, as hashed. */
export function contentText(e: HashedContent): string {
  return canonicalJson([
    e.id, e.streamId, e.version, e.position, e.type, e.schemaVersion,
    e.validTime, e.recordedTime, e.actor, e.correlationId, e.causationId, e.data,
  ])
}

/** The hash of an event given the previous event's hash. */
export function chainHash(prevHash: string, e: HashedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(contentText(e)).digest('hex')
}

/** Where the chain breaks, if it does. */
export type ChainVerification =
  | { readonly _tag: 'Intact'; readonly count: number; readonly head: string }
  | { readonly _tag: 'Broken'; readonly position: number; readonly eventId: string; readonly reason: string }

/**
 * Checks positions, previous-hash links and every hash, in order. Feed it the whole log from
 * position 1 (or resume with the `head` and `position` of an earlier intact check).
 *
 * @example
 * import { verifyChain } from '@progress-ledger/core'
 * verifyChain([]) // { _tag: 'Intact', count: 0, head: '' }
 */
export function verifyChain(
  events: Iterable<RecordedEvent>,
  from: { readonly head: string; readonly position: number } = { head: '', position: 0 },
): ChainVerification {
  let head = from.head
  let position = from.position
  let count = 0
  for (const e of events) {
    if (e.position !== position + 1) {
      return { _tag: 'Broken', position: e.position, eventId: e.id, reason: `expected position ${position + 1}, found ${e.position}` }
    }
    if (e.prevHash !== head) return { _tag: 'Broken', position: e.position, eventId: e.id, reason: 'previous-hash link does not match' }
    const expected = chainHash(head, e)
    if (expected !== e.hash) return { _tag: 'Broken', position: e.position, eventId: e.id, reason: 'content does not match its hash' }
    head = e.hash
    position = e.position
    count++
  }
  return { _tag: 'Intact', count, head }
}
