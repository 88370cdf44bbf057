// The root export is what a user needs; the persistent containers and the store-adapter
// internals are reachable only through their documented subpaths.
import { describe, expect, it } from 'vitest'
import * as adapter from '../src/adapter'
import * as collections from '../src/collections'
import * as core from '../src/index'

describe('public surface of @progress-ledger/core', () => {
  it('keeps the performance machinery and the append internals out of the root export', () => {
    for (const name of [
      'ChunkList',
      'EntityMap',
      'EntityMapEditor',
      'OwnedNodes',
      'planAppend',
      'sealWrites',
      'validateBatch',
      'inBatchOrder',
      'sameContent',
      'versionMatches',
    ])
      expect(Object.keys(core), name).not.toContain(name)
  })

  it('offers them at /collections and /adapter', () => {
    expect(Object.keys(collections).sort()).toEqual([
      'ChunkList',
      'EntityMap',
      'EntityMapEditor',
      'OwnedNodes',
    ])
    expect(Object.keys(adapter).sort()).toEqual([
      'EventDecodeError',
      'admitInput',
      'appendStreamWith',
      'checkCount',
      'checkReadAllOptions',
      'decodeStored',
      'decodeStoredFields',
      'importLogWith',
      'inBatchOrder',
      'planAppend',
      'readStreamFrom',
      'sameContent',
      'sealWrites',
      'validateBatch',
      'versionMatches',
    ])
  })

  it('still offers what users read and write a ledger with', () => {
    for (const name of [
      'InMemoryEventStore',
      'replay',
      'apply',
      'asOf',
      'emptyLedger',
      'ledgerProjection',
      'verifyChain',
      'validateInput',
      'catalog',
      'absurd',
    ])
      expect(Object.keys(core), name).toContain(name)
  })
})
