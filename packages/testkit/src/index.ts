/**
 * `@progress-ledger/testkit`: given/when/then specifications for reducers and projections,
 * fast-check arbitraries derived from the event catalog (data, inputs, whole coherent
 * histories), deterministic sealing of inputs into recorded events, and ready-made laws that
 * run fast-check assertions and throw on failure — usable with any test runner.
 *
 * @packageDocumentation
 */
export * from './Recorded'
export * from './GivenWhenThen'
export * from './arbitraries/Scalars'
export * from './arbitraries/EventData'
export * from './arbitraries/EventInput'
export * from './arbitraries/History'
export * from './laws/LawOptions'
export * from './laws/CodecRoundTrip'
export * from './laws/ReplayLaws'
export * from './laws/Idempotence'
export * from './laws/AsOfLaws'
export * from './laws/OrderInsensitivity'
export * as fixtures from './Fixtures'
