// Test helpers: append grouped events to the reference in-memory store and replay them.
import {
  fixedClock,
  InMemoryEventStore,
  ledgerProjection,
  replay,
  type LedgerState,
} from '@progress-ledger/core'
import type { StreamEvents } from '../src/PlanEvents'
import { toAppendRequests } from '../src/PlanEvents'

export async function replayGroups(
  ...batches: ReadonlyArray<ReadonlyArray<StreamEvents>>
): Promise<LedgerState> {
  const store = new InMemoryEventStore({ clock: fixedClock('2022-06-30T12:00:00.000Z') })
  for (const groups of batches) {
    const r = await store.appendBatch(toAppendRequests(groups))
    if (r._tag !== 'Appended') throw new Error(`append failed: ${JSON.stringify(r).slice(0, 500)}`)
  }
  return replay(ledgerProjection, await store.readAll())
}
