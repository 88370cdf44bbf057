/**
 * Loading the projected ledger from a store for a command: replay with a progress bar on a
 * terminal, then the bitemporal cut the user asked for.
 *
 * @module Ledger
 */
import {
  type Cut,
  isInstant,
  isIsoDate,
  type EventStore,
  type LedgerState,
  ledgerProjection,
  readPages,
  replayPages,
  type RecordedEvent,
} from '@progress-ledger/core'
import { UsageError } from './Failure'
import type { Io } from './Io'
import { progressBar } from './Progress'

/** Reads the whole ledger in pages, reporting progress on a terminal. */
export async function* readWithProgress(
  store: EventStore,
  io: Io,
  label: string,
): AsyncGenerator<ReadonlyArray<RecordedEvent>> {
  const total = await store.headPosition()
  const bar = progressBar(io.stderr, label, total)
  let done = 0
  try {
    for await (const page of readPages(store, 0, 5000)) {
      done += page.length
      bar.update(done)
      yield page
    }
  } finally {
    bar.done()
  }
}

/** Replays the store into the ledger state (fresh, owned, frozen once). */
export function loadLedger(store: EventStore, io: Io): Promise<LedgerState> {
  return replayPages(ledgerProjection, readWithProgress(store, io, 'replay'))
}

/** The ledger as of `--as-of` (valid time) and `--known-at` (recorded time, end of that day). */
export function cutOf(asOfDate: string | undefined, knownAt: string | undefined): Cut {
  if (asOfDate !== undefined && !isIsoDate(asOfDate))
    throw new UsageError(`--as-of: expected a date YYYY-MM-DD, got ${JSON.stringify(asOfDate)}`)
  if (knownAt !== undefined && !isIsoDate(knownAt) && !isInstant(knownAt)) {
    throw new UsageError(
      `--known-at: expected a date YYYY-MM-DD or an instant YYYY-MM-DDTHH:mm:ss.sssZ, got ${JSON.stringify(knownAt)}`,
    )
  }
  return {
    ...(asOfDate === undefined ? {} : { validTime: asOfDate }),
    ...(knownAt === undefined
      ? {}
      : { recordedTime: knownAt.length === 10 ? `${knownAt}T23:59:59.999Z` : knownAt }),
  }
}
