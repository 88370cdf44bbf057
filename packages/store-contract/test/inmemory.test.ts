import { InMemoryEventStore } from '@progress-ledger/core'
import { runStoreContract } from '../src/StoreContract'

runStoreContract(
  'InMemoryEventStore',
  async ({ clock, chainKey }) => {
    const store = new InMemoryEventStore({ clock, ...(chainKey === undefined ? {} : { chainKey }) })
    return { store, close: () => store.close() }
  },
  { propertyRuns: 1000 },
)
