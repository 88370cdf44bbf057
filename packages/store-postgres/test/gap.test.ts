// A row deleted from the middle of a PostgreSQL ledger: reads never skip a position, so the
// ledger reads as a shorter one; the loader compares what it read with the head and refuses it.
import { loadLedger, manualClock } from '@progress-ledger/core'
import { fixtures } from '@progress-ledger/testkit'
import { afterAll, describe, expect, it } from 'vitest'
import { backend, backendNames, freshStore } from './backends'

for (const name of backendNames) {
  describe(`a ledger with a row removed from the middle, on ${name}`, () => {
    const b = backend(name)
    afterAll(() => b.close())

    it('does not load: the break names the first missing position; with allowBroken it loads with the break', async () => {
      const { store, schema, close } = await freshStore(b, manualClock('2022-01-08T00:00:00.000Z'))
      try {
        const r = await store.append('indicator-I01', fixtures.reports('g', 6), 'no-stream')
        expect(r._tag).toBe('Appended')
        await store.client.query(`DELETE FROM ${schema}.ledger_events WHERE position = 4`)
        const loaded = await loadLedger(store, { checkpointAfter: 0 })
        expect(loaded).toMatchObject({ _tag: 'ChainBroken', break: { position: 4, eventId: '' } })
        if (loaded._tag !== 'ChainBroken') throw new Error('expected a broken chain')
        expect(loaded.break.reason).toBe(
          "the ledger's head is at position 6, but its events stop at position 3 (events removed?)",
        )
        const anyway = await loadLedger(store, { checkpointAfter: 0, allowBroken: true })
        expect(anyway).toMatchObject({ _tag: 'Loaded', broken: { position: 4 } })
      } finally {
        await close()
      }
    })
  })
}
