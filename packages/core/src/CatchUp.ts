/**
 * Catch-up reading over any store: pages of events in position order from a checkpoint, for
 * subscriptions and projection runners. Stores guarantee that `readAll` never returns a
 * position while a lower one may still appear, so following `after` never skips an event.
 *
 * @module CatchUp
 */
import type { RecordedEvent } from './Envelope'
import type { EventStore } from './EventStore'

/**
 * Reads pages of the ledger after a position until the head at the time of each read.
 *
 * @example
 * import { InMemoryEventStore, fixedClock, readPages } from '@progress-ledger/core'
 * const store = new InMemoryEventStore({ clock: fixedClock('2022-01-01') })
 * let pages = 0
 * for await (const page of readPages(store, 0, 1000)) pages += page.length > 0 ? 1 : 0
 * pages // 0
 */
export async function* readPages(
  store: EventStore,
  after = 0,
  pageSize = 10_000,
): AsyncGenerator<ReadonlyArray<RecordedEvent>> {
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new Error(`pageSize must be a whole number >= 1, got ${String(pageSize)}`)
  let position = after
  for (;;) {
    const page = await store.readAll({ after: position, limit: pageSize })
    if (page.length === 0) return
    yield page
    position = (page[page.length - 1] as RecordedEvent).position
  }
}

/** Handles a page of events; the checkpoint advances only after it resolves. */
export type PageHandler = (events: ReadonlyArray<RecordedEvent>) => Promise<void> | void

/** A running catch-up subscription. */
export interface Subscription {
  /** The position of the last event handled. */
  readonly checkpoint: () => number
  /** Reads and handles everything up to the current head; resolves with the new checkpoint. */
  readonly catchUp: () => Promise<number>
  /** Stops polling (if started with `pollMs`). */
  readonly stop: () => Promise<void>
}

/**
 * Subscribes to the ledger from a checkpoint. Call `catchUp()` to drain, or pass `pollMs` to
 * keep polling. Events are handled exactly once and in position order.
 */
export function subscribe(
  store: EventStore,
  options: {
    readonly after?: number
    readonly pageSize?: number
    readonly pollMs?: number
    readonly handle: PageHandler
  },
): Subscription {
  let checkpoint = options.after ?? 0
  let running: Promise<number> = Promise.resolve(checkpoint)
  let timer: ReturnType<typeof setTimeout> | undefined
  let stopped = false
  const drain = async (): Promise<number> => {
    for await (const page of readPages(store, checkpoint, options.pageSize)) {
      await options.handle(page)
      checkpoint = (page[page.length - 1] as RecordedEvent).position
    }
    return checkpoint
  }
  const catchUp = (): Promise<number> => {
    running = running.then(drain)
    return running
  }
  const tick = (): void => {
    if (stopped) return
    void catchUp().finally(() => {
      if (!stopped && options.pollMs !== undefined) timer = setTimeout(tick, options.pollMs)
    })
  }
  if (options.pollMs !== undefined) tick()
  return {
    checkpoint: () => checkpoint,
    catchUp,
    stop: async () => {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      await running.catch(() => undefined)
    },
  }
}
