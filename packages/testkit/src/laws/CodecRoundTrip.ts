/**
 * The codec round-trip law: for every event type of the catalog, decoding what was encoded
 * gives the same data back, also through JSON (as stores keep it); and a sealed event read back
 * from JSON by `decodeStored` is the event that was written.
 *
 * @module laws/CodecRoundTrip
 */
import * as fc from 'fast-check'
import type * as t from 'io-ts'
import {
  canonicalJson,
  catalog,
  decodeStored,
  eventTypes,
  formatErrors,
} from '@progress-ledger/core'
import { eventDataArbitraries } from '../arbitraries/EventData'
import { eventInputArb } from '../arbitraries/EventInput'
import { instantArb } from '../arbitraries/Scalars'
import { assertEqual } from '../internal/Equality'
import { recorded } from '../Recorded'
import { type LawOptions, lawParameters } from './LawOptions'

function decodeOrThrow(codec: t.Mixed, u: unknown, what: string): unknown {
  const r = codec.decode(u)
  if (r._tag === 'Left')
    throw new Error(
      formatErrors(r.left, what)
        .map((i) => i.message)
        .join('; '),
    )
  return r.right
}

/**
 * Checks decode ∘ encode = id for every event type's data (directly and through JSON), and
 * `decodeStored` on the JSON of sealed events. Runs `numRuns` per event type; throws on failure.
 *
 * @example
 * import { codecRoundTripLaw } from '@progress-ledger/testkit'
 * // Returns nothing when the law holds; throws with the seed and a counterexample when not.
 * codecRoundTripLaw({ numRuns: 10 }) // undefined
 */
export function codecRoundTripLaw(options: LawOptions = {}): void {
  for (const type of eventTypes) {
    const codec = catalog[type].codec as t.Mixed
    const arb = eventDataArbitraries[type] as fc.Arbitrary<unknown>
    fc.assert(
      fc.property(arb, (data) => {
        assertEqual(decodeOrThrow(codec, codec.encode(data), `${type}.data`), data, `${type}.data`)
        const viaJson = decodeOrThrow(
          codec,
          JSON.parse(JSON.stringify(codec.encode(data))),
          `${type}.data`,
        )
        // JSON has no negative zero: compare canonical texts, which print -0 as 0 too.
        assertEqual(canonicalJson(viaJson), canonicalJson(data), `${type}.data (through JSON)`)
      }),
      lawParameters(options),
    )
  }
  fc.assert(
    fc.property(
      fc.array(fc.tuple(eventInputArb(), instantArb()), { minLength: 1, maxLength: 3 }),
      (pairs) => {
        const inputs = pairs.map(([input, at], i) => ({
          input: { ...input, id: `${i}-${input.id}` },
          at,
        }))
        for (const event of recorded(inputs)) {
          const back = decodeStored(JSON.parse(JSON.stringify(event)))
          assertEqual(canonicalJson(back), canonicalJson(event), `events[${event.position - 1}]`)
        }
      },
    ),
    lawParameters(options),
  )
}
