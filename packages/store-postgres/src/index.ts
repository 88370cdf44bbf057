/**
 * `@progress-ledger/store-postgres`: the PostgreSQL event store for shared, multi-user ledgers,
 * behind core's `EventStore` port, running on a server through `pg` or in-process on PGlite.
 *
 * @packageDocumentation
 */
export * from './SqlClient'
export * from './Schema'
export * from './PostgresEventStore'
export * from './AppendInterruptedError'
export * from './LedgerLockedError'
export * from './ProjectionRunner'
export * from './OpenUrl'
