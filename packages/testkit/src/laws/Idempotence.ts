/**
 * The duplicate-delivery law for event stores: appending the same batch again (a retry after a
 * lost acknowledgement, a redelivered message) changes nothing and answers with the events
 * first recorded.
 *
 * @module laws/Idempotence
 */
import * as fc from 'fast-check'
import { type AppendRequest, type EventStore, verifyChain } from '@progress-ledger/core'
import { historyArb } from '../arbitraries/History'
import { assertEqual } from '../internal/Equality'
import { streamFor, type TimedInput } from '../Recorded'
import { type LawOptions, lawParameters } from './LawOptions'

/** Options of {@link duplicateDeliveryLaw}. */
export interface DuplicateDeliveryOptions extends LawOptions {
  /** Default: {@link historyArb}. */
  readonly histories?: fc.Arbitrary<ReadonlyArray<TimedInput>>
}

/** Groups consecutive inputs of the same stream into one request with its exact expected version. */
function toRequests(history: ReadonlyArray<TimedInput>): AppendRequest[] {
  const versions = new Map<string, number>()
  const out: AppendRequest[] = []
  let current:
    { streamId: string; events: TimedInput['input'][]; expectedVersion: number } | undefined
  for (const { input } of history) {
    const streamId = streamFor(input)
    if (current !== undefined && current.streamId === streamId) {
      current.events.push(input)
    } else {
      current = { streamId, events: [input], expectedVersion: versions.get(streamId) ?? 0 }
      out.push(current)
    }
    versions.set(streamId, (versions.get(streamId) ?? 0) + 1)
  }
  return out
}

function fail(what: string, got: unknown): never {
  throw new Error(`${what}: expected Appended, got ${JSON.stringify(got)}`)
}

/**
 * Appends a history batch by batch (one request per run of a stream, with exact expected
 * versions), delivering each batch twice; then delivers the whole history again. Every second
 * delivery must answer `Appended` with `written: 0` and the first delivery's events, and the log
 * must be unchanged. `makeStore` gives a fresh, empty store per run; it is closed afterwards.
 *
 * @example
 * import { InMemoryEventStore, fixedClock } from '@progress-ledger/core'
 * import { duplicateDeliveryLaw } from '@progress-ledger/testkit'
 * // Returns nothing when the law holds; throws with the seed and a counterexample when not.
 * await duplicateDeliveryLaw(() => new InMemoryEventStore({ clock: fixedClock('2022-01-01') }), { numRuns: 5 }) // undefined
 */
export async function duplicateDeliveryLaw(
  makeStore: () => EventStore | Promise<EventStore>,
  options: DuplicateDeliveryOptions = {},
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(options.histories ?? historyArb({ maxOperations: 20 }), async (history) => {
      const store = await makeStore()
      try {
        const requests = toRequests(history)
        for (const [i, request] of requests.entries()) {
          const first = await store.appendBatch([request])
          if (first._tag !== 'Appended') fail(`batch ${i}`, first)
          const again = await store.appendBatch([request])
          if (again._tag !== 'Appended') fail(`batch ${i} delivered twice`, again)
          assertEqual(again.written, 0, `batch ${i} delivered twice: written`)
          assertEqual(again.events, first.events, `batch ${i} delivered twice: events`)
          assertEqual(again.head, first.head, `batch ${i} delivered twice: head`)
        }
        const before = await store.readAll()
        for (const [i, request] of requests.entries()) {
          const r = await store.appendBatch([request])
          if (r._tag !== 'Appended' || r.written !== 0) fail(`batch ${i} redelivered at the end`, r)
        }
        assertEqual(await store.readAll(), before, 'log after redelivery')
        assertEqual(await store.headPosition(), history.length, 'head position')
        const chain = verifyChain(before)
        if (chain._tag !== 'Intact')
          throw new Error(`log: expected an intact hash chain, got ${JSON.stringify(chain)}`)
      } finally {
        await store.close()
      }
    }),
    lawParameters(options),
  )
}
