// The Shengzhou ledger in memory, for the numbered examples.
import { InMemoryEventStore, type LedgerState, manualClock } from '@progress-ledger/core'
import { replayShengzhou } from './replay'
import { loadIllustrative } from './seeds'

/** Replays the seed's history (with the illustrative figures unless told otherwise) into an in-memory store. */
export async function shengzhouLedger(
  options: { readonly illustrative?: boolean } = {},
): Promise<{ readonly store: InMemoryEventStore; readonly state: LedgerState }> {
  const clock = manualClock('2016-01-01')
  const store = new InMemoryEventStore({ clock })
  const { state } = await replayShengzhou(
    store,
    clock,
    options.illustrative === false ? undefined : loadIllustrative(),
  )
  return { store, state }
}

/** Runs an example's `main` when the file is executed directly, printing what it returns. */
export async function runIfMain(url: string, main: () => Promise<string>): Promise<void> {
  const { fileURLToPath } = await import('node:url')
  if (process.argv[1] !== undefined && fileURLToPath(url) === process.argv[1])
    process.stdout.write(await main())
}
