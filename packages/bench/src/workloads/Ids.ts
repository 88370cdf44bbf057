/**
 * Event ids as users make them: random (version 4) UUIDs, drawn from a seeded generator so that
 * a workload is the same on every run. Randomness is an input: the seed names the sequence.
 *
 * @module workloads/Ids
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus'
import { v4 } from 'uuid'

/** A source of ids: each call returns the next one. */
export type IdSource = () => string

/**
 * Version 4 UUIDs from the xoroshiro128+ generator seeded with `seed`: the same seed gives the
 * same sequence, different seeds different ones.
 *
 * @example
 * import { uuidSource } from '@progress-ledger/bench'
 * const a = uuidSource(1)
 * const b = uuidSource(1)
 * a() === b() // true
 * /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuidSource(2)()) // true
 * uuidSource(1)() === uuidSource(2)() // false
 */
export function uuidSource(seed: number): IdSource {
  const rng = xoroshiro128plus(seed)
  const bytes = new Uint8Array(16)
  const view = new DataView(bytes.buffer)
  return () => {
    for (let i = 0; i < 16; i += 4) view.setInt32(i, rng.next())
    return v4({ random: bytes })
  }
}
