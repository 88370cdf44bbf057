import { join } from 'node:path'
import { runStoreContract } from '@progress-ledger/store-contract'
import { openSqliteStore } from '../src/SqliteEventStore'
import { tempDir, withRaw } from './tmp'

runStoreContract(
  'SqliteEventStore',
  async ({ clock, chainKey }) => {
    const tmp = tempDir()
    const path = join(tmp.dir, 'ledger.db')
    const options = {
      path,
      clock,
      synchronous: 'normal',
      ...(chainKey === undefined ? {} : { chainKey }),
    } as const
    const store = await openSqliteStore(options)
    return {
      store,
      close: async () => {
        await store.close()
        tmp.remove()
      },
      // A second connection to the same file, as another process opens it.
      reopen: () => openSqliteStore(options),
      tamper: async (position) => {
        withRaw(path, (db) =>
          db
            .prepare("UPDATE events SET data = json_set(data, '$.value', 999) WHERE position = ?")
            .run(position),
        )
      },
    }
  },
  { propertyRuns: 300 },
)
