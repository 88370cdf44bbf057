/**
 * `@progress-ledger/store-contract`: the contract suite every progress-ledger event store runs.
 *
 * @packageDocumentation
 */
export * from './Contract'
export * from './StoreContract'
