/**
 * `@progress-ledger/store-sqlite`: the embedded SQLite event store (the default on one machine),
 * its schema migrations and a projection runner with durable checkpoints.
 *
 * @packageDocumentation
 */
export * from './Schema'
export * from './SqliteEventStore'
export * from './ProjectionRunner'
export * from './StoreBusyError'
