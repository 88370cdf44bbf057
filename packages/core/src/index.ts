/**
 * `@progress-ledger/core`: the event catalog, envelope, reducers, bitemporal replay and the
 * event-store port of progress-ledger. The persistent containers are at
 * `@progress-ledger/core/collections`, the shared append algorithm for store adapters at
 * `@progress-ledger/core/adapter`.
 *
 * @packageDocumentation
 */
export * from './Exhaustive'
export * from './Scalars'
export * from './Period'
export * from './DateSpec'
export * from './TargetExpression'
export * from './Decode'
export * from './JsonText'
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
export * from './Anchor'
export * from './Clock'
export * from './Stream'
export type { ChunkList } from './ChunkList'
export type { EntityMap } from './EntityMap'
export * from './State'
export * from './Reducer'
export * from './Replay'
export * from './Snapshot'
export * from './Checkpoint'
export * from './CheckpointParts'
export * from './PlanScope'
export * from './Subject'
export * from './AsOf'
export * from './Queries'
export * from './EventStore'
export * from './InMemoryEventStore'
export * from './CatchUp'
export * from './LoadLedger'
