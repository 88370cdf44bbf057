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
  const hex = b.toString('hex', 0, 16)
  // Written into one buffer and decoded once: like `crypto.randomUUID()` (or an id parsed from a
  // JSON line), the result is one flat string. Joining slices would give V8's rope of six pieces,
  // which the store would flatten on first use and the bench would charge to the append.
  const out = Buffer.allocUnsafe(36)
  let o = 0
  for (let k = 0; k < 32; k++) {
    if (k === 8 || k === 12 || k === 16 || k === 20) out[o++] = 45 // '-'
    out[o++] = hex.charCodeAt(k)
  }
  return out.toString('latin1')
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
