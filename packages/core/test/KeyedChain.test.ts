// A keyed chain: hashes are HMAC-SHA256 under a secret, so that a rewrite without the key, with
// the chain recomputed, is detected; and anchors detect truncation.
import { describe, expect, it } from 'vitest'
import { fixtures } from '@progress-ledger/testkit'
import {
  InMemoryEventStore,
  type RecordedEvent,
  chainHash,
  checkAnchor,
  formatAnchor,
  manualClock,
  parseAnchor,
  verifyChain,
} from '../src/index'

async function ledger(chainKey?: string): Promise<ReadonlyArray<RecordedEvent>> {
  const store = new InMemoryEventStore({
    clock: manualClock('2021-08-10'),
    ...(chainKey === undefined ? {} : { chainKey }),
  })
  const r = await store.appendBatch(
    fixtures.gdpPlan.map((e, i) => ({ streamId: `s${i}`, events: [e], expectedVersion: 'any' })),
  )
  expect(r._tag).toBe('Appended')
  return store.readAll()
}

/** Edits event `at`'s actor and recomputes the chain from there on, without any key. */
function rewritten(events: ReadonlyArray<RecordedEvent>, at: number): RecordedEvent[] {
  const out: RecordedEvent[] = []
  let prev = ''
  for (const e of events) {
    const edited = e.position === at ? { ...e, actor: 'forger' } : e
    const hash = e.position >= at ? chainHash(prev, edited) : e.hash
    out.push({ ...edited, prevHash: prev, hash } as RecordedEvent)
    prev = hash
  }
  return out
}

describe('keyed chain', () => {
  it('verifies with its key only', async () => {
    const events = await ledger('s3cret')
    expect(verifyChain(events, undefined, 's3cret')).toMatchObject({ _tag: 'Intact', count: 6 })
    expect(verifyChain(events)).toMatchObject({ _tag: 'Broken', position: 1 })
    expect(verifyChain(events, undefined, 'another')).toMatchObject({ _tag: 'Broken', position: 1 })
  })

  it('detects a rewrite with the chain recomputed, which an unkeyed chain cannot', async () => {
    const plain = await ledger()
    expect(verifyChain(rewritten(plain, 3))._tag).toBe('Intact')
    const keyed = await ledger('s3cret')
    expect(verifyChain(rewritten(keyed, 3), undefined, 's3cret')).toMatchObject({
      _tag: 'Broken',
      position: 3,
    })
  })
})

describe('anchors', () => {
  it('parse and print as POS:HASH, refusing anything else', () => {
    const a = { position: 6, hash: 'f'.repeat(64) }
    expect(parseAnchor(formatAnchor(a))).toEqual({ _tag: 'Anchor', anchor: a })
    expect(parseAnchor('6:abc')._tag).toBe('Invalid')
    expect(parseAnchor('0:' + 'f'.repeat(64))._tag).toBe('Invalid')
  })

  it('detect truncation and rewriting of the head', async () => {
    const clock = manualClock('2021-08-10')
    const store = new InMemoryEventStore({ clock })
    for (const e of fixtures.gdpPlan) await store.append('s', [e], 'any')
    const head = (await store.readAll()).at(-1) as RecordedEvent
    expect(await checkAnchor(store, { position: head.position, hash: head.hash })).toEqual({
      _tag: 'Extends',
    })
    expect(await checkAnchor(store, { position: 9, hash: head.hash })).toMatchObject({
      _tag: 'Diverged',
      reason: expect.stringContaining('truncated'),
    })
    expect(await checkAnchor(store, { position: 6, hash: 'e'.repeat(64) })).toMatchObject({
      _tag: 'Diverged',
      reason: expect.stringContaining('rewritten'),
    })
  })
})
