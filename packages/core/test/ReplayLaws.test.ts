// Core's replay and as-of laws, run through the testkit with 1000 runs each (a separate file so
// that vitest runs them in parallel with the other laws).
import { describe, it } from 'vitest'
import {
  asOfMonotonicityLaw,
  asOfPositionLaw,
  checkpointEquivalenceLaw,
  publishedFrozenLaw,
  replaySplitInvarianceLaw,
  snapshotEquivalenceLaw,
} from '@progress-ledger/testkit'

const runs = { numRuns: 1000 }

describe('core laws: replay and as-of (1000 runs each)', () => {
  it('replay split-invariance: replay then apply equals one replay', () =>
    replaySplitInvarianceLaw(runs))
  it('published state is frozen all the way down, after replay and after apply', () =>
    publishedFrozenLaw(runs))
  it('snapshot equivalence: snapshot + tail equals a full replay', () =>
    snapshotEquivalenceLaw(runs))
  it('checkpoint equivalence: a checkpoint image restored + tail equals a full replay', () =>
    checkpointEquivalenceLaw(runs))
  it('as-of monotonicity: what was known at R1 is a sub-history of what was known at R2 >= R1', () =>
    asOfMonotonicityLaw(runs))
  it('as-of position: asOf(state, { position: p }) equals the replay of the first p events', () =>
    asOfPositionLaw(runs))
})
