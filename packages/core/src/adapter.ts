/**
 * `@progress-ledger/core/adapter`: what an event-store adapter shares with the built-in stores —
 * the append algorithm (validate a batch, plan it against the stored ids and versions, seal new
 * events with positions, recorded time and chained hashes) and the decoding of stored rows — so
 * that every store has the same semantics. Applications use a store; they do not need this.
 *
 * @packageDocumentation
 */
export {
  admitInput,
  type AppendPlan,
  type Head,
  inBatchOrder,
  planAppend,
  sameContent,
  sealWrites,
  type StreamWrite,
  type ValidRequest,
  validateBatch,
  versionMatches,
} from './Batch'
export { decodeStored, decodeStoredFields, EventDecodeError } from './Envelope'
export { appendStreamWith, type StreamLookup, type StreamWriter } from './StreamAppend'
export { importLogWith, type ImportWriter } from './LogImport'
export { checkCount, checkReadAllOptions, readStreamFrom } from './ReadOptions'
