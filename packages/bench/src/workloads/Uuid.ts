/**
 * Event ids as users make them: random-looking version-4 UUIDs (what `crypto.randomUUID()`
 * gives), derived deterministically from a counter so that every run appends the same rows.
 * Random ids matter to a store: each batch lands in ~100 different leaf pages of the id index.
 *
 * @module workloads/Uuid
 */
import { createHash } from 'node:crypto'

/** The `i`-th id of a run: a version-4 UUID whose random bits come from SHA-256 of `seed` and `i`. */
export function uuidFor(seed: string, i: number): string {
  const b = createHash('sha256').update(`${seed}:${i}`).digest()
  b[6] = ((b[6] as number) & 0x0f) | 0x40
  b[8] = ((b[8] as number) & 0x3f) | 0x80
  const h = b.toString('hex', 0, 16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}

/** A source of ids: each call returns the next one. */
export type IdSource = () => string

/**
 * The ids `uuidFor(seed, 0)`, `uuidFor(seed, 1)`, … in turn: the same seed gives the same
 * sequence, different seeds different ones (randomness is an input).
 *
 * @example
 * import { uuidSource } from '@progress-ledger/bench'
 * uuidSource(1)() === uuidSource(1)() // true
 * /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuidSource(2)()) // true
 * uuidSource(1)() === uuidSource(2)() // false
 */
export function uuidSource(seed: number | string): IdSource {
  let i = 0
  return () => uuidFor(String(seed), i++)
}
