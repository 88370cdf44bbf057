// Properties of the deciders, over generated commands.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  InMemoryEventStore,
  type LedgerState,
  ledgerProjection,
  manualClock,
  replay,
  validateInput,
} from '@progress-ledger/core'
import { decideInput } from '../src/Decide'
import { decideAll } from '../src/DecideAll'
import { handle } from '../src/Handle'
import { admin, baseState, ctx, setup, TODAY } from './fixtures'
import { anyActor, anyInput, command, unauthorised } from './arbitraries'

const facts = (s: LedgerState) => ({
  plans: s.plans,
  departments: s.departments,
  indicators: s.indicators,
  projects: s.projects,
  tasks: s.tasks,
})

describe('properties', () => {
  it('every accepted command yields events that pass core validateInput', () => {
    let accepted = 0
    fc.assert(
      fc.property(command, anyActor, (c, actor) => {
        const d = decideInput(baseState, c, ctx(actor))
        if (d._tag === 'Rejected') return
        accepted++
        expect(d.events.length).toBeGreaterThan(0)
        for (const e of d.events) expect(validateInput(e.event)).toMatchObject({ _tag: 'Valid' })
      }),
      { numRuns: 1000 },
    )
    // The generator is not vacuous. Over 12 runs 58–89 of the 1,000 commands were accepted (about
    // 69, ±8); a CI run saw 50, which failed the old bound of > 50. 25 is far below any seen.
    expect(accepted).toBeGreaterThan(25)
  })

  it('a report with ifChanged, sent again once recorded, records nothing; changed, it records', () => {
    // Reports the plan administrator may make of the fixture's indicators, by period kind.
    const report = fc
      .record({
        type: fc.constant('ReportValue'),
        ifChanged: fc.constant(true),
        status: fc.constantFrom('final', 'preliminary'),
        value: fc.integer({ min: 0, max: 90 }),
        at: fc.oneof(
          fc.record({
            indicatorId: fc.constantFrom('I01', 'I07', 'I09', 'I21'),
            period: fc.constantFrom('2021', '2022'),
          }),
          fc.record({
            indicatorId: fc.constant('M01'),
            period: fc.constantFrom('2021-03', '2022-11', '2023-01'),
          }),
        ),
        source: fc.option(
          fc.record({ document: fc.constant('t.csv'), quote: fc.constantFrom('a', 'b') }),
          { nil: undefined },
        ),
        illustrative: fc.option(fc.boolean(), { nil: undefined }),
      })
      .map(({ at, source, illustrative, ...r }) => ({
        ...r,
        ...at,
        ...(source === undefined ? {} : { source }),
        ...(illustrative === undefined ? {} : { illustrative }),
      }))
    fc.assert(
      fc.property(
        fc.array(report, { maxLength: 4 }),
        report,
        fc.integer({ min: 0, max: 90 }),
        (before, r, other) => {
          const earlier = decideAll(baseState, before, ctx(admin))
          const state = earlier._tag === 'BatchAccepted' ? earlier.state : baseState
          const first = decideAll(state, [r], ctx(admin))
          expect(first._tag).toBe('BatchAccepted')
          if (first._tag !== 'BatchAccepted') return
          const again = decideAll(first.state, [r], ctx(admin))
          expect(again._tag === 'BatchAccepted' && again.events).toEqual([])
          const changed = decideAll(first.state, [{ ...r, value: other }], ctx(admin))
          expect(changed._tag === 'BatchAccepted' && changed.events.length).toBe(
            other === r.value ? 0 : 1,
          )
        },
      ),
      { numRuns: 500 },
    )
  })

  it('a batch of commands yields events that pass validateInput, or rejections with valid indices', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 8 }), anyActor, (cs, actor) => {
        const d = decideAll(baseState, cs, ctx(actor))
        if (d._tag === 'BatchRejected') {
          for (const r of d.rejections) expect(r.index).toBeLessThan(cs.length)
          expect(d.rejections.length).toBeGreaterThan(0)
        } else {
          for (const e of d.events) expect(validateInput(e.event)._tag).toBe('Valid')
        }
      }),
      { numRuns: 300 },
    )
  })

  it('the fuzzer never makes a decider throw: any input is accepted or rejected', () => {
    fc.assert(
      fc.property(anyInput, anyActor, (u, actor) => {
        const d = decideInput(baseState, u, ctx(actor))
        expect(['Accepted', 'Rejected']).toContain(d._tag)
        // The path first: a plain one, or a key that is not a name quoted (`[":"]`).
        if (d._tag === 'Rejected')
          expect(d.message).toMatch(/^([^:[]*\[".*"\]|[^:]+): expected .+, got .+/s)
        else for (const e of d.events) expect(validateInput(e.event)._tag).toBe('Valid')
      }),
      { numRuns: 1000 },
    )
  })

  it('no sequence of commands from an unauthorised actor changes the projected state', async () => {
    const store = new InMemoryEventStore({ clock: manualClock('2023-06-30') })
    const setupResult = await handle(store, setup[0], ctx(admin))
    expect(setupResult._tag).toBe('Appended')
    for (const c of setup.slice(1))
      expect((await handle(store, c, ctx(admin)))._tag).toBe('Appended')
    const before = facts(replay(ledgerProjection, await store.readAll()))
    let adminAccepts = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 1, maxLength: 6 }),
        unauthorised,
        async (cs, actor) => {
          const head = await store.headPosition()
          for (const c of cs) {
            if (decideInput(baseState, c, ctx(admin, TODAY))._tag === 'Accepted') adminAccepts++
            const r = await handle(store, c, ctx(actor), { recordDenied: true })
            expect(r._tag).toBe('Rejected')
          }
          const after = replay(ledgerProjection, await store.readAll())
          expect(facts(after)).toEqual(before)
          // Only audit records were appended.
          for (const e of await store.readAll({ after: head })) expect(e.type).toBe('AccessDenied')
        },
      ),
      { numRuns: 100 },
    )
    expect(adminAccepts).toBeGreaterThan(20) // the same commands do change the state for an administrator
  })
})
