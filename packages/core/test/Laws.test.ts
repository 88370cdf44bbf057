// Core's laws, run through the testkit with 1000 runs each. fast-check prints the seed and path
// of a failure; pass them back as { seed, path } to replay it.
import { describe, expect, it } from 'vitest'
import { InMemoryEventStore, manualClock, type Projection } from '@progress-ledger/core'
import {
  codecRoundTripLaw,
  duplicateDeliveryLaw,
  orderInsensitivityLaw,
  publishedFrozenLaw,
  replaySplitInvarianceLaw,
  snapshotEquivalenceLaw,
} from '@progress-ledger/testkit'

const runs = { numRuns: 1000 }

describe('core laws: codecs, arrival order, duplicate delivery (1000 runs each)', () => {
  it('codec round-trip: decode ∘ encode = id for every event type, and decodeStored reads back what was sealed', () =>
    codecRoundTripLaw(runs))
  it('order-insensitivity: values for distinct periods converge whatever their arrival order', () =>
    orderInsensitivityLaw(runs))
  it('idempotence: delivering every batch twice to the in-memory store changes nothing', async () => {
    await duplicateDeliveryLaw(
      () => new InMemoryEventStore({ clock: manualClock('2021-08-10') }),
      runs,
    )
  })
})

describe('the laws catch broken projections and stores', () => {
  // State that JSON cannot carry: a snapshot of it loses the set.
  const lossy: Projection<{ ids: Set<string> }> = {
    name: 'lossy',
    initial: () => ({ ids: new Set() }),
    evolve: (s, e) => void s.ids.add(e.id),
  }
  it('snapshot equivalence fails for state that does not survive JSON', () => {
    expect(() => snapshotEquivalenceLaw({ projection: lossy, numRuns: 50 })).toThrow(
      /Property failed/,
    )
  })
  it('split-invariance fails for a projection whose result depends on how events are batched', () => {
    let calls = 0
    const batchy: Projection<{ n: number }> = {
      name: 'batchy',
      initial: () => {
        calls = 0
        return { n: 0 }
      },
      evolve: (s) => {
        s.n = ++calls
      },
    }
    expect(() => replaySplitInvarianceLaw({ projection: batchy, numRuns: 50 })).not.toThrow()
    const unstable: Projection<{ n: number }> = {
      name: 'unstable',
      initial: () => ({ n: 0 }),
      evolve: (s) => {
        s.n = ++calls
      },
    }
    expect(() => replaySplitInvarianceLaw({ projection: unstable, numRuns: 50 })).toThrow(
      /Property failed/,
    )
  })
  it('the frozen law fails for a projection whose apply publishes a thawed copy', () => {
    const thawing: Projection<{ n: number }> = {
      name: 'thawing',
      initial: () => ({ n: 0 }),
      evolve: (s) => {
        s.n++
      },
      begin: (state, owned) => {
        let n = state.n
        return {
          step: () => {
            n++
          },
          finish: () => (owned ? Object.assign(state, { n }) : { n }),
        }
      },
    }
    let failure: unknown
    try {
      publishedFrozenLaw({ projection: thawing, numRuns: 50 })
    } catch (e) {
      failure = e
    }
    expect(String((failure as Error | undefined)?.cause)).toMatch(/apply\(rest\) is not frozen/)
  })
  it('duplicate delivery fails for a store that writes a retry again', async () => {
    const forgetful = () => {
      const store = new InMemoryEventStore({ clock: manualClock('2021-08-10') })
      let n = 0
      return Object.assign(store, {
        appendBatch: (requests: Parameters<InMemoryEventStore['appendBatch']>[0]) =>
          store.appendNow(
            requests.map((r) => ({
              ...r,
              expectedVersion: 'any' as const,
              events: r.events.map((e) => ({ ...e, id: `${e.id}#${n++}` })),
            })),
          ),
      })
    }
    await expect(duplicateDeliveryLaw(async () => forgetful(), { numRuns: 20 })).rejects.toThrow(
      /Property failed/,
    )
  })
})
