/**
 * `@progress-ledger/core/collections`: the persistent containers the ledger state is built from,
 * for code that builds or edits states outside the reducer (custom projections, baselines,
 * converters). Reading a state needs none of this: `state.indicators.get(id)` and
 * `indicator.values.get(i)` are typed through the root export.
 *
 * @packageDocumentation
 */
export { ChunkList, OwnedNodes, type ListOwner } from './ChunkList'
export { EntityMap, EntityMapEditor } from './EntityMap'
