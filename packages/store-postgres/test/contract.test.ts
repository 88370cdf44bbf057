// The shared store contract, unchanged, against PGlite and (when PG_URL is set) a real server.
import { runStoreContract } from '@progress-ledger/store-contract'
import { afterAll, beforeAll } from 'vitest'
import { PostgresEventStore } from '../src/PostgresEventStore'
import { backend, backendNames, freshStore } from './backends'

for (const name of backendNames) {
  const b = backend(name)
  beforeAll(() => {
    console.log(
      `store-postgres contract: running against ${name}${name === 'postgres' ? ` (${process.env.PG_URL})` : ' (in-process)'}`,
    )
  })
  afterAll(() => b.close())
  runStoreContract(
    `PostgresEventStore on ${name}`,
    async ({ clock, chainKey }) => {
      const { store, schema, close } = await freshStore(
        b,
        clock,
        chainKey === undefined ? {} : { chainKey },
      )
      return {
        store,
        close,
        // Another pool over the same schema, as another process connects (PGlite: the instance).
        reopen: async () =>
          PostgresEventStore.open({
            client: await b.separate(),
            clock,
            schema,
            ...(chainKey === undefined ? {} : { chainKey }),
          }),
        tamper: async (position) => {
          await store.client.query(
            `UPDATE ${schema}.ledger_events SET actor = actor || '-edited' WHERE position = $1`,
            [position],
          )
        },
      }
    },
    { propertyRuns: 100 },
  )
}
