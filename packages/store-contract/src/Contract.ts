/**
 * The shape of a store under test: how the contract suite opens one, and what it may ask of it.
 *
 * @module Contract
 */
import type { ChainKey, EventStore, ManualClock } from '@progress-ledger/core'

/** What the suite hands to `open`: the clock the store must stamp recorded time with. */
export interface ContractContext {
  /** A manual clock the suite sets and advances; the store must read recorded time from it. */
  readonly clock: ManualClock
  /** When given, the store must seal its hash chain with this key (every way it writes). */
  readonly chainKey?: ChainKey
}

/** A freshly opened, empty store, and how to release it. */
export interface OpenedStore {
  readonly store: EventStore
  /** Closes the store and removes whatever `open` created (files, schemas). */
  readonly close: () => Promise<void>
  /**
   * Optional: edits the stored content of the event at `position` behind the store's back (for
   * example its `data.value`), keeping it decodable. When given, the suite checks that
   * `verifyChain` over `readAll()` reports the tampering at that position.
   */
  readonly tamper?: (position: number) => Promise<void>
}

/** Opens a fresh, empty store stamped by the context's clock. */
export type OpenStore = (context: ContractContext) => Promise<OpenedStore>

/** Options of the contract suite. */
export interface ContractOptions {
  /** Run the concurrency checks (many appends and a catch-up reader in flight at once). Default true. */
  readonly concurrency?: boolean
  /** Runs of the model-based property test (default 200; each run opens a fresh store). */
  readonly propertyRuns?: number
}
