import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { validateInput } from '@progress-ledger/core'
import { ledgerView } from '../src/Plan'
import { planFromState } from '../src/PlanFromState'
import { planToEvents } from '../src/PlanEvents'
import { planArbitrary } from './arbitraries'
import { replayGroups } from './ledger'

describe('planToEvents', () => {
  it('produces valid events with deterministic ids, grouped per stream', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const groups = planToEvents(plan, { recordedBy: 'plan-office' })
        expect(planToEvents(plan, { recordedBy: 'plan-office' })).toEqual(groups)
        expect(groups[0]?.streamId).toBe(`plan-${plan.id}`)
        const ids = groups.flatMap((g) => g.events.map((e) => e.id))
        expect(new Set(ids).size).toBe(ids.length)
        expect(ids.every((id) => id.startsWith(`${plan.id}/`))).toBe(true)
        for (const g of groups)
          for (const e of g.events) expect(validateInput(e)._tag).toBe('Valid')
        expect(new Set(groups.map((g) => g.streamId)).size).toBe(groups.length)
      }),
      { numRuns: 1000 },
    )
  })

  it('honours idPrefix and recordedBy', () => {
    const plan = fc.sample(planArbitrary, { numRuns: 1, seed: 7 })[0]!
    const groups = planToEvents(plan, { recordedBy: 'importer', idPrefix: 'x:' })
    for (const g of groups)
      for (const e of g.events) {
        expect(e.id.startsWith('x:')).toBe(true)
        expect(e.actor).toBe('importer')
      }
  })
})

describe('round trip: plan → events → replay → planFromState', () => {
  it('gives the plan back (as the ledger keeps it) for generated plans', async () => {
    await fc.assert(
      fc.asyncProperty(planArbitrary, async (plan) => {
        const state = await replayGroups(planToEvents(plan, { recordedBy: 'plan-office' }))
        expect(state.unattached).toEqual([])
        expect(planFromState(state, plan.id)).toEqual(ledgerView(plan))
      }),
      { numRuns: 1000 },
    )
  })

  it('is undefined for a plan that was never adopted', async () => {
    const state = await replayGroups([])
    expect(planFromState(state, 'nope')).toBeUndefined()
  })
})
