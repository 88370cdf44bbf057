/**
 * Event ids as users make them: random-looking version-4 UUIDs (what `crypto.randomUUID()`
 * gives), derived deterministically from a counter so that every run appends the same rows.
 * Random ids matter to a store: each batch lands in ~100 different leaf pages of the id index.
 *
 * @module workloads/Uuid
 */
import { createHash } from 'node:crypto'
import type { AppendRequest, EventInput } from '@progress-ledger/core'

/** The `i`-th id of a run: a version-4 UUID whose random bits come from SHA-256 of `seed` and `i`. */
export function uuidFor(seed: string, i: number): string {
  const b = createHash('sha256').update(`${seed}:${i}`).digest()
  b[6] = ((b[6] as number) & 0x0f) | 0x40
  b[8] = ((b[8] as number) & 0x3f) | 0x80
  const h = b.toString('hex', 0, 16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

/** The same requests with every event id replaced by a UUID (in order: the k-th event gets `uuidFor(seed, k)`). */
export function withUuidIds(
  requests: ReadonlyArray<AppendRequest>,
  seed = 'bench',
): AppendRequest[] {
  let k = 0
  return requests.map((r) => ({
    ...r,
    events: r.events.map((e): EventInput => ({ ...e, id: uuidFor(seed, k++) })),
  }))
}
