/**
 * An event input together with the stream it belongs in, as deciders produce them.
 *
 * @module StreamedEvent
 */
import type {
  AppendRequest,
  DecodedInput,
  EventInput,
  ExpectedVersion,
} from '@progress-ledger/core'

/**
 * An event with the stream it belongs in (per core's `streams.*` naming). Deciders validate the
 * event once, as core's `admitInput` does: it is decoded and frozen, and a store's append takes
 * it without decoding it again.
 */
export interface StreamedEvent {
  readonly streamId: string
  readonly event: DecodedInput
}

/**
 * Groups events into append requests, keeping their order: each run of consecutive events of
 * one stream becomes one request. The first request of a stream expects `versionOf(streamId)`;
 * later ones expect that plus the events requested before them, so that the whole list can be
 * appended atomically with `appendBatch` under optimistic concurrency.
 *
 * @example
 * import { appendRequests } from '@progress-ledger/commands'
 * appendRequests([], () => 0) // []
 */
export function appendRequests(
  events: ReadonlyArray<StreamedEvent>,
  versionOf: (streamId: string) => number,
): AppendRequest[] {
  const out: Array<{ streamId: string; events: EventInput[]; expectedVersion: ExpectedVersion }> =
    []
  const next = new Map<string, number>()
  for (const { streamId, event } of events) {
    const last = out[out.length - 1]
    if (last !== undefined && last.streamId === streamId) last.events.push(event)
    else {
      const version = next.get(streamId) ?? versionOf(streamId)
      out.push({ streamId, events: [event], expectedVersion: version })
    }
    next.set(streamId, (next.get(streamId) ?? versionOf(streamId)) + 1)
  }
  return out
}

/**
 * An append request that takes the stream at whatever version it is: for events whose order is
 * guarded otherwise (a re-import checked event by event, a stream appended onto an expected head).
 *
 * @example
 * import { anyVersion } from '@progress-ledger/commands'
 * anyVersion({ streamId: 'plan-sz', events: [], expectedVersion: 3 }).expectedVersion // 'any'
 */
export function anyVersion<R extends { readonly expectedVersion: unknown }>(
  r: R,
): R & { readonly expectedVersion: 'any' } {
  return { ...r, expectedVersion: 'any' }
}
