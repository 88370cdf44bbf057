/**
 * The contract suite every event store runs: the semantics of the core `EventStore` port,
 * exactly as the reference `InMemoryEventStore` behaves them.
 *
 * @module StoreContract
 */
import { describe } from 'vitest'
import type { ContractOptions, OpenStore } from './Contract'
import { appendSpecs } from './internal/appendSpecs'
import { catchUpSpecs } from './internal/catchUpSpecs'
import { checkpointSpecs } from './internal/checkpointSpecs'
import { durabilitySpecs } from './internal/durabilitySpecs'
import { idempotencySpecs } from './internal/idempotencySpecs'
import { importSpecs } from './internal/importSpecs'
import { keyedSpecs } from './internal/keyedSpecs'
import { integritySpecs } from './internal/integritySpecs'
import { modelSpecs } from './internal/modelSpecs'
import { readSpecs } from './internal/readSpecs'
import { streamSpecs } from './internal/streamSpecs'

/**
 * Defines vitest `describe`/`it` blocks checking a store against the port's contract: appends,
 * versions and gap-free positions, expected versions and typed conflicts, atomic batches,
 * idempotent retries, validation, reads, recorded time, the hash chain, data round trips,
 * snapshots, checkpoints and loading through them, catch-up reading, streamed appends and imports
 * (all or nothing, page by page, never seen in part), a model-based property test against the
 * reference store and, for a durable store, everything read back through a second object opened
 * over the same storage. `open` gets a manual clock the store must stamp recorded time with, and
 * returns a fresh, empty store with `close`, `tamper` (an edit behind the store's back) and
 * `reopen`; a store whose ledger lives in its object alone runs with `{ storage: 'memory' }`.
 *
 * @example
 * import { InMemoryEventStore, manualClock } from '@progress-ledger/core'
 * import { type OpenStore, runStoreContract } from '@progress-ledger/store-contract'
 * const open: OpenStore = async ({ clock, chainKey }) => {
 *   const store = new InMemoryEventStore(chainKey === undefined ? { clock } : { clock, chainKey })
 *   return { store, close: () => store.close() }
 * }
 * runStoreContract('InMemoryEventStore', open, { propertyRuns: 20, storage: 'memory', tamper: false })
 * // Each test of the suite opens its own store, fresh and empty:
 * const opened = await open({ clock: manualClock('2021-01-01') })
 * await opened.store.headPosition() // 0
 * await opened.close()
 */
export function runStoreContract(
  name: string,
  open: OpenStore,
  options: ContractOptions = {},
): void {
  const runs = options.propertyRuns ?? 200
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(
      `options.propertyRuns: expected a whole number >= 1, got ${String(options.propertyRuns)}`,
    )
  if (
    options.storage !== undefined &&
    options.storage !== 'durable' &&
    options.storage !== 'memory'
  )
    throw new Error(`options.storage: expected durable or memory, got ${String(options.storage)}`)
  describe(`store contract: ${name}`, () => {
    appendSpecs(open)
    idempotencySpecs(open)
    readSpecs(open)
    integritySpecs(open, options)
    checkpointSpecs(open)
    catchUpSpecs(open, options.concurrency ?? true)
    streamSpecs(open)
    importSpecs(open)
    keyedSpecs(open)
    modelSpecs(open, runs)
    if (options.storage !== 'memory') durabilitySpecs(open)
  })
}
