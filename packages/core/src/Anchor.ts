/**
 * Anchors against truncation and rewriting: the position and hash of the ledger's head, written
 * down somewhere else (a report, a ticket, another system) as `POS:HASH`. Later, the ledger must
 * still extend the anchor: the event at that position must exist and carry that hash, and the
 * chain must be intact up to it. Deleting the last events, or rewriting them and recomputing the
 * chain, is then detected — which the chain alone cannot detect (see docs/stores.md).
 *
 * @module Anchor
 */
import type { EventStore } from './EventStore'

/** A position and the hash of the event there. */
export interface Anchor {
  readonly position: number
  readonly hash: string
}

/** A parsed anchor, or what is wrong with the text. */
export type AnchorParse =
  | { readonly _tag: 'Anchor'; readonly anchor: Anchor }
  | { readonly _tag: 'Invalid'; readonly message: string }

const ANCHOR = /^(\d{1,15}):([0-9a-f]{64}|)$/

/**
 * Parses `POS:HASH` (`0:` for the empty ledger).
 *
 * @example
 * import { parseAnchor } from '@progress-ledger/core'
 * parseAnchor('12:' + 'a'.repeat(64))._tag // 'Anchor'
 * parseAnchor('twelve')._tag // 'Invalid'
 */
export function parseAnchor(text: string): AnchorParse {
  const m = ANCHOR.exec(text.trim())
  if (m === null)
    return {
      _tag: 'Invalid',
      message: `expected POS:HASH (a position and a 64-digit lowercase hex hash), got ${JSON.stringify(text)}`,
    }
  const position = Number(m[1])
  const hash = m[2] as string
  if ((position === 0) !== (hash === ''))
    return {
      _tag: 'Invalid',
      message: `expected POS:HASH with a hash for a position above 0 (and none at 0), got ${JSON.stringify(text)}`,
    }
  return { _tag: 'Anchor', anchor: { position, hash } }
}

/**
 * An anchor as text.
 *
 * @example
 * import { formatAnchor } from '@progress-ledger/core'
 * formatAnchor({ position: 0, hash: '' }) // '0:'
 */
export function formatAnchor(anchor: Anchor): string {
  return `${anchor.position}:${anchor.hash}`
}

/** Whether a ledger still extends an anchor. */
export type AnchorCheck =
  { readonly _tag: 'Extends' } | { readonly _tag: 'Diverged'; readonly reason: string }

/**
 * Checks that the stored event at the anchor's position carries the anchor's hash (the chain up
 * to it is checked by `verifyChain`; together they prove the ledger extends the anchor).
 *
 * @example
 * import { InMemoryEventStore, checkAnchor, fixedClock } from '@progress-ledger/core'
 * const store = new InMemoryEventStore({ clock: fixedClock('2022-01-08T10:30:00.000Z') })
 * ;(await checkAnchor(store, { position: 0, hash: '' }))._tag // 'Extends'
 * ;(await checkAnchor(store, { position: 3, hash: 'a'.repeat(64) }))._tag // 'Diverged'
 */
export async function checkAnchor(store: EventStore, anchor: Anchor): Promise<AnchorCheck> {
  if (anchor.position === 0) return { _tag: 'Extends' }
  const [at] = await store.readAll({ after: anchor.position - 1, limit: 1 })
  if (at === undefined) {
    const head = await store.headPosition()
    return {
      _tag: 'Diverged',
      reason: `the ledger ends at position ${head}, before the anchor's position ${anchor.position} (truncated)`,
    }
  }
  if (at.hash !== anchor.hash)
    return {
      _tag: 'Diverged',
      reason: `the event at position ${anchor.position} has hash ${at.hash}, the anchor says ${anchor.hash} (rewritten)`,
    }
  return { _tag: 'Extends' }
}
