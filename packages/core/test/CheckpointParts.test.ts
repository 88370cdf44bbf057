// A ledger's checkpoint stored in parts, one per plan: restored whole it is the state it was taken
// of; restored for some plans, with the events after it, it answers about those plans as the
// whole ledger does; a part that does not belong makes it unusable, never half-restored.
import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  eventInputArb,
  historyArb,
  recorded,
  streamFor,
  type TimedInput,
} from '@progress-ledger/testkit'
import {
  type EventInput,
  InMemoryEventStore,
  type LedgerEvent,
  type LedgerState,
  checkpointPartName,
  checkpointParts,
  compareStoredCheckpoint,
  eventSubject,
  ledgerProjection,
  loadLedger,
  loadLedgerCheckpoint,
  manualClock,
  replay,
  restoreCheckpoint,
  saveLedgerCheckpoint,
  takeCheckpoint,
} from '../src/index'

/** Fields that name an entity or an event of one plan's history (departments stay shared). */
const OWN_IDS = new Set([
  'planId',
  'indicatorId',
  'taskId',
  'projectId',
  'subjectId',
  'parentId',
  'corrects',
  'retracts',
])

function renamed(u: unknown, prefix: string): unknown {
  if (Array.isArray(u)) return u.map((v) => renamed(v, prefix))
  if (typeof u !== 'object' || u === null) return u
  return Object.fromEntries(
    Object.entries(u).map(([k, v]) => [
      k,
      OWN_IDS.has(k) && typeof v === 'string' ? `${prefix}${v}` : renamed(v, prefix),
    ]),
  )
}

/** One generated history per plan, ids prefixed by the plan, merged by recorded time. */
const plansArb = fc
  .array(historyArb({ maxIndicators: 2, maxOperations: 15, maxProjects: 1, maxTasks: 1 }), {
    minLength: 2,
    maxLength: 3,
  })
  .map((histories) =>
    histories
      .flatMap((h, p) =>
        h.map((step, i) => ({
          order: [step.at, i, p] as const,
          step: {
            at: step.at,
            input: {
              ...step.input,
              id: `p${p}-${step.input.id}`,
              data: renamed(step.input.data, `p${p}-`),
            } as EventInput,
          } satisfies TimedInput,
        })),
      )
      .sort((a, b) =>
        a.order[0] < b.order[0]
          ? -1
          : a.order[0] > b.order[0]
            ? 1
            : a.order[2] - b.order[2] || a.order[1] - b.order[1],
      )
      .map((x) => x.step),
  )

async function storeOf(history: ReadonlyArray<TimedInput>): Promise<InMemoryEventStore> {
  const clock = manualClock('2021-08-10')
  const store = new InMemoryEventStore({ clock })
  for (const { input, at } of history) {
    clock.set(at)
    const r = await store.append(streamFor(input), [input], 'any')
    if (r._tag !== 'Appended') throw new Error(`${input.id}: ${r._tag}`)
  }
  return store
}

const json = (u: unknown): unknown => JSON.parse(JSON.stringify(u))
const image = (s: LedgerState): Buffer => Buffer.from(takeCheckpoint(s).image)

/** Should the scoped state hold this full-state entity? (Every plan it names is in scope.) */
const planned = {
  indicators: (s: LedgerState, id: string, scope: ReadonlySet<string>) =>
    s.indicators.get(id)?.definitions.every((d) => scope.has(d.definition.planId)) === true,
  tasks: (s: LedgerState, id: string, scope: ReadonlySet<string>) =>
    scope.has(s.tasks.get(id)?.definition.planId ?? ''),
  projects: (s: LedgerState, id: string, scope: ReadonlySet<string>) => {
    const plan = s.projects.get(id)?.definition.planId
    return plan === undefined || scope.has(plan)
  },
}

/** Must the scoped state leave it out? (It is defined only in adopted plans out of scope.) */
const elsewhere = {
  indicators: (s: LedgerState, id: string, scope: ReadonlySet<string>) =>
    s.indicators
      .get(id)
      ?.definitions.every(
        (d) => !scope.has(d.definition.planId) && s.plans.has(d.definition.planId),
      ) === true,
  tasks: (s: LedgerState, id: string, scope: ReadonlySet<string>) => {
    const plan = s.tasks.get(id)?.definition.planId ?? ''
    return !scope.has(plan) && s.plans.has(plan)
  },
  projects: (s: LedgerState, id: string, scope: ReadonlySet<string>) => {
    const plan = s.projects.get(id)?.definition.planId ?? ''
    return !scope.has(plan) && s.plans.has(plan)
  },
}

describe('checkpoints stored in parts', () => {
  it('name the parts after their plans and store the index last', () => {
    const state = replay(
      ledgerProjection,
      recorded(fc.sample(plansArb, { numRuns: 1, seed: 7 })[0] ?? []),
    )
    const names = checkpointParts(state).map((c) => c.name)
    expect(names.at(-1)).toBe('ledger')
    expect(names.slice(0, -1).sort()).toEqual(
      [...state.plans.keys()].map(checkpointPartName).sort(),
    )
  })

  it('restore, whole, the state they were taken of', async () => {
    await fc.assert(
      fc.asyncProperty(plansArb, fc.nat(), async (history, cut) => {
        const events = recorded(history)
        const state = replay(ledgerProjection, events.slice(0, cut % (events.length + 1)))
        const store = new InMemoryEventStore({ clock: manualClock('2022-01-01') })
        await saveLedgerCheckpoint(store, state)
        const r = await loadLedgerCheckpoint(store)
        if (r._tag !== 'Restored') throw new Error(`${r._tag}`)
        expect(r.scope).toBeNull()
        expect(image(r.state).equals(image(state))).toBe(true)
      }),
      { numRuns: 60 },
    )
  })

  it('restored for some plans, with the tail, answer about them as a full replay does', async () => {
    let scopedRuns = 0
    await fc.assert(
      fc.asyncProperty(plansArb, fc.nat(), fc.nat(), async (history, cut, pick) => {
        const store = await storeOf(history)
        const events = await store.readAll()
        const k = cut % (events.length + 1)
        await saveLedgerCheckpoint(store, replay(ledgerProjection, events.slice(0, k)))
        const full = replay(ledgerProjection, events)
        const plans = [...full.plans.keys()]
        // Any of the plans (those adopted after the cut have no part), and now and then one the
        // ledger never adopted: neither adds a part, and the load stays scoped.
        const scope = [
          ...plans.filter((_, i) => ((pick >> i) & 1) === 1),
          ...(((pick >> 20) & 1) === 1 ? ['never-adopted'] : []),
        ]
        const r = await loadLedger(store, { plans: scope, checkpointAfter: 0 })
        if (r._tag !== 'Loaded') throw new Error(r._tag)
        if (r.scope === null) {
          expect(image(r.state).equals(image(full))).toBe(true)
          return
        }
        scopedRuns++
        const s = r.state
        const inScope = new Set(r.scope)
        expect([...inScope].sort()).toEqual([...scope].sort())
        expect([s.position, s.head]).toEqual([full.position, full.head])
        // Every plan is in the index: the scoped state holds them all, as the whole one does.
        expect(json(s.plans)).toEqual(json(full.plans))
        expect(json(s.departments)).toEqual(json(full.departments))
        expect(json(s.denied)).toEqual(json(full.denied))
        for (const kind of ['plans', 'indicators', 'tasks', 'projects'] as const)
          s[kind].each((v: unknown, id: string) =>
            expect(json(v), `${kind} ${id}`).toEqual(json(full[kind].get(id))),
          )
        for (const kind of ['indicators', 'tasks', 'projects'] as const)
          for (const id of full[kind].keys())
            if (planned[kind](full, id, inScope))
              expect(s[kind].has(id), `${kind} ${id}`).toBe(true)
            else if (elsewhere[kind](full, id, inScope))
              expect(s[kind].has(id), `${kind} ${id} of another plan`).toBe(false)
      }),
      { numRuns: 80 },
    )
    // The property must have exercised the scoped path, not only the fallback.
    expect(scopedRuns).toBeGreaterThan(20)
  })

  it('load the whole ledger when an event after the checkpoint moves an entity into a scoped plan', async () => {
    const [history] = fc.sample(plansArb, { numRuns: 1, seed: 11 })
    const store = await storeOf(history ?? [])
    const before = replay(ledgerProjection, await store.readAll())
    await saveLedgerCheckpoint(store, before)
    const [p0, p1] = [...before.plans.keys()].sort()
    const moved = [...before.indicators.values()].find(
      (i) => i.definitions.at(-1)?.definition.planId === p1,
    )
    if (p0 === undefined || moved === undefined) throw new Error('the sample has no second plan')
    const definition = { ...(moved.definitions.at(-1)?.definition ?? {}), planId: p0 }
    const r0 = await store.append(
      `indicator-${moved.indicatorId}`,
      [
        {
          id: 'move-1',
          type: 'IndicatorDefined',
          validTime: '2023-01-01',
          actor: 'office',
          data: definition,
        } as EventInput,
      ],
      'any',
    )
    expect(r0._tag).toBe('Appended')
    const r = await loadLedger(store, { plans: [p0], checkpointAfter: 0 })
    if (r._tag !== 'Loaded') throw new Error(r._tag)
    expect(r.scope).toBeNull()
    expect(r.state.indicators.get(moved.indicatorId)?.definitions.at(-1)?.definition.planId).toBe(
      p0,
    )
  })

  it('are unusable when a part does not belong, and the ledger is replayed in full', async () => {
    const [history] = fc.sample(plansArb, { numRuns: 1, seed: 5 })
    const store = await storeOf(history ?? [])
    const events = await store.readAll()
    const full = replay(ledgerProjection, events)
    const parts = checkpointParts(full)
    await store.saveCheckpoints(parts)
    const first = parts[0]
    if (first === undefined || first.name === 'ledger') throw new Error('no part')
    // Another image under the part's name at the same position (a torn or foreign write).
    await store.saveCheckpoint({ ...first, image: takeCheckpoint(full).image })
    const r = await loadLedgerCheckpoint(store)
    expect(r).toMatchObject({ _tag: 'Unusable' })
    expect(r._tag === 'Unusable' && r.reason).toContain(JSON.stringify(first.name))
    const loaded = await loadLedger(store, { checkpointAfter: 0 })
    if (loaded._tag !== 'Loaded') throw new Error(loaded._tag)
    expect(loaded.checkpoint).toBeNull()
    expect(loaded.checkpointIgnored).toContain(first.name)
    expect(image(loaded.state).equals(image(full))).toBe(true)
  })

  it('compare, byte for byte, with the state they were taken of and no other', async () => {
    await fc.assert(
      fc.asyncProperty(plansArb, fc.nat(), async (history, cut) => {
        const events = recorded(history)
        const at = cut % (events.length + 1)
        const state = replay(ledgerProjection, events.slice(0, at))
        const store = new InMemoryEventStore({ clock: manualClock('2022-01-01') })
        expect(await compareStoredCheckpoint(store, state)).toMatchObject({
          _tag: 'NotIdentical',
          part: checkpointParts(state)[0]?.name,
        })
        await saveLedgerCheckpoint(store, state)
        expect(await compareStoredCheckpoint(store, state)).toEqual({ _tag: 'Identical' })
        // A replay of the same events and the state restored from the checkpoint encode alike.
        const again = replay(ledgerProjection, events.slice(0, at), { freeze: false })
        expect(await compareStoredCheckpoint(store, again)).toEqual({ _tag: 'Identical' })
        const r = await loadLedgerCheckpoint(store)
        if (r._tag !== 'Restored') throw new Error(r._tag)
        expect(await compareStoredCheckpoint(store, r.state)).toEqual({ _tag: 'Identical' })
        if (at < events.length) {
          const later = replay(ledgerProjection, events.slice(0, at + 1))
          expect(await compareStoredCheckpoint(store, later)).toMatchObject({
            _tag: 'NotIdentical',
          })
        }
      }),
      { numRuns: 60 },
    )
    // One part's bytes changed at the same position, head and format: that part is named.
    const [history] = fc.sample(plansArb, { numRuns: 1, seed: 5 })
    const full = replay(ledgerProjection, recorded(history ?? []))
    const store = new InMemoryEventStore({ clock: manualClock('2022-01-01') })
    const parts = checkpointParts(full)
    await store.saveCheckpoints(parts)
    const first = parts[0]
    if (first === undefined || first.name === 'ledger') throw new Error('no part')
    const flipped = Uint8Array.from(first.image)
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1
    await store.saveCheckpoint({ ...first, image: flipped })
    expect(await compareStoredCheckpoint(store, full)).toEqual({
      _tag: 'NotIdentical',
      part: first.name,
      reason: `${JSON.stringify(first.name)} is stored with other bytes`,
    })
  })

  it('restore a self-contained checkpoint too', async () => {
    const [history] = fc.sample(plansArb, { numRuns: 1, seed: 3 })
    const full = replay(ledgerProjection, recorded(history ?? []))
    const store = new InMemoryEventStore({ clock: manualClock('2022-01-01') })
    await store.saveCheckpoint(takeCheckpoint(full))
    const r = await loadLedgerCheckpoint(store, { plans: [...full.plans.keys()].slice(0, 1) })
    if (r._tag !== 'Restored') throw new Error(r._tag)
    expect(r.scope).toBeNull()
    expect(image(r.state).equals(image(full))).toBe(true)
  })
})

describe('eventSubject', () => {
  it("names the entity the catalog's stream convention names (none for the audit stream)", () => {
    const singular = {
      plans: 'plan',
      departments: 'department',
      indicators: 'indicator',
      projects: 'project',
      tasks: 'task',
    }
    fc.assert(
      fc.property(eventInputArb(), (input) => {
        const subject = eventSubject(input as unknown as LedgerEvent)
        const stream = streamFor(input)
        if (subject === null) expect(stream.startsWith('audit-')).toBe(true)
        else expect(`${singular[subject.kind]}-${subject.id}`).toBe(stream)
      }),
      { numRuns: 500 },
    )
  })
})

describe('a checkpoint whose stored position or head is not its image', () => {
  it('is unusable, and the reason names what differs', async () => {
    const [history] = fc.sample(plansArb, { numRuns: 1, seed: 7 })
    const store = await storeOf(history ?? [])
    const state = replay(ledgerProjection, await store.readAll())
    const cp = takeCheckpoint(state)
    expect(cp.head).toHaveLength(64)
    expect(restoreCheckpoint(cp)._tag).toBe('Restored')
    const headless = restoreCheckpoint({ ...cp, head: `00${cp.head.slice(2)}` })
    expect(headless).toEqual({
      _tag: 'Unusable',
      reason: `checkpoint at position ${cp.position}: its image was built up to hash ${JSON.stringify(`${cp.head.slice(0, 12)}…`)}, the checkpoint names ${JSON.stringify(`00${cp.head.slice(2, 12)}…`)}`,
    })
    const moved = restoreCheckpoint({ ...cp, position: cp.position + 1 })
    expect(moved).toEqual({
      _tag: 'Unusable',
      reason: `checkpoint at position ${cp.position + 1}: its image holds position ${cp.position}`,
    })
  })
})
