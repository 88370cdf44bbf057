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
   * Edits the stored content of the event at `position` behind the store's back (for example its
   * `data.value`), keeping it decodable: the suite checks that `verifyChain` over `readAll()`
   * reports the tampering at that position. Required unless the suite runs with
   * `{ tamper: false }`; without it, the check fails and says so.
   */
  readonly tamper?: (position: number) => Promise<void>
  /**
   * Opens the same storage again as a second store object, as another process would (with the
   * same clock and chain key): what it reads must come from the storage, not from the first
   * object's memory. The suite closes it. Required of a durable store; a store that keeps nothing
   * beyond its own object runs the suite with `{ storage: 'memory' }`.
   */
  readonly reopen?: () => Promise<EventStore>
}

/** Opens a fresh, empty store stamped by the context's clock. */
export type OpenStore = (context: ContractContext) => Promise<OpenedStore>

/** Options of the contract suite. */
export interface ContractOptions {
  /** Run the concurrency checks (many appends and a catch-up reader in flight at once). Default true. */
  readonly concurrency?: boolean
  /** Runs of the model-based property test (default 200; each run opens a fresh store). */
  readonly propertyRuns?: number
  /**
   * `'durable'` (the default): the store keeps its ledger in storage that outlives the object, and
   * `open` gives `reopen`; the suite checks that everything written reads back the same through a
   * second object. `'memory'`: the ledger lives in the object alone (as the in-memory store's).
   */
  readonly storage?: 'durable' | 'memory'
  /**
   * `false` for a store whose rows cannot be edited behind its back from a test; the default
   * `true` requires `tamper`.
   */
  readonly tamper?: boolean
}
