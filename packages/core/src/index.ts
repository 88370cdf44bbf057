/**
 * `@progress-ledger/core`: the event catalog, envelope, reducers, bitemporal replay and the
 * event-store port of progress-ledger.
 *
 * @packageDocumentation
 */
export * from './Scalars'
export * from './Period'
export * from './DateSpec'
export * from './TargetExpression'
export * from './Decode'
export * from './events/Plan'
export * from './events/Indicator'
export * from './events/Target'
export * from './events/Value'
export * from './events/Project'
export * from './events/Task'
export * from './events/Responsibility'
export * from './Catalog'
export * from './Envelope'
export * from './Hash'
export * from './Clock'
export * from './Stream'
export * from './EntityMap'
export * from './State'
export * from './Reducer'
export * from './Replay'
export * from './Snapshot'
export * from './AsOf'
export * from './Queries'
export * from './EventStore'
export * from './Batch'
export * from './InMemoryEventStore'
export * from './CatchUp'
