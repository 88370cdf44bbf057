import { InMemoryEventStore } from '@progress-ledger/core'
import { runStoreContract } from '../src/StoreContract'

runStoreContract(
  'InMemoryEventStore',
  async ({ clock }) => {
    const store = new InMemoryEventStore({ clock })
    return { store, close: () => store.close() }
  },
  { propertyRuns: 1000 },
)
