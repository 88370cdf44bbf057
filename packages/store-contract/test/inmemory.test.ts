import { InMemoryEventStore, type RecordedEvent } from '@progress-ledger/core'
import { runStoreContract } from '../src/StoreContract'

runStoreContract(
  'InMemoryEventStore',
  async ({ clock, chainKey }) => {
    const store = new InMemoryEventStore({ clock, ...(chainKey === undefined ? {} : { chainKey }) })
    return {
      store,
      close: () => store.close(),
      // Behind the store's back: the event in its log replaced by an edited copy.
      tamper: async (position) => {
        const log = (store as unknown as { readonly log: RecordedEvent[] }).log
        const e = log[position - 1] as RecordedEvent
        log[position - 1] = { ...e, data: { ...e.data, value: 999 } } as RecordedEvent
      },
    }
  },
  // Its ledger lives in the object alone: there is no storage to open again.
  { propertyRuns: 1000, storage: 'memory' },
)
