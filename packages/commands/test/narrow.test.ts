// Deciding a few commands against only the plans they need (handleStream's `narrow`): whatever the
// commands — about one plan, several, a plan not loaded, one not adopted, entities moved between
// plans, entities defined after the checkpoint in another plan — the outcome is the one deciding
// against the whole ledger gives: the same refusals, the same events appended.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type EventStore,
  InMemoryEventStore,
  loadLedger,
  manualClock,
  type RecordedEvent,
} from '@progress-ledger/core'
import { type Actor } from '../src/Actor'
import { type CommandContext, sequentialIds } from '../src/Context'
import {
  handleStream,
  type HandleStreamResult,
  NARROW_PLANS,
  type ScopedLoader,
} from '../src/HandleStream'
import { guardScope, OutOfScope } from '../src/internal/ScopeGuard'
import { command, anyActor } from './arbitraries'
import { admin, departments, indicators, plan, report, TODAY, targets, work } from './fixtures'

const PLANS = ['p0', 'p1', 'p2'] as const

/** Fields naming an entity of one plan (event ids, target ids and departments stay as they are). */
const ENTITY_IDS = new Set(['indicatorId', 'taskId', 'projectId', 'subjectId', 'parentId'])

/** A fixture or generated command about plan `sz` moved to `planId`, its entities to `owner`'s. */
function moved(c: Record<string, unknown>, planId: string, owner: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(c).map(([k, v]) => [
      k,
      k === 'planId' && v === 'sz'
        ? planId
        : ENTITY_IDS.has(k) && typeof v === 'string'
          ? `${owner}-${v}`
          : v,
    ]),
  )
}

/** Each plan as the fixture's `sz`, a project in it too; departments registered once. */
function setupCommands(plans: ReadonlyArray<string>): ReadonlyArray<unknown> {
  const perPlan = [
    plan.adopt,
    plan.economy,
    plan.services,
    ...Object.values(indicators),
    ...Object.values(targets),
    ...Object.values(work),
    {
      type: 'DefineProject',
      planId: 'sz',
      projectId: 'metro',
      kind: 'flagship',
      name: { zh: '工程' },
      departments: ['fgj'],
    },
  ] as ReadonlyArray<Record<string, unknown>>
  return [...departments, ...plans.flatMap((p) => perPlan.map((c) => moved(c, p, p)))]
}

/** After the checkpoint: values in p1, and an indicator N01 defined in p2 (outside any part). */
const TAIL: ReadonlyArray<unknown> = [
  report('p1-I01', '2022', 12.5),
  report('p1-I07', '2022', 8),
  {
    ...moved(indicators.hiTech as Record<string, unknown>, 'p2', 'p2'),
    indicatorId: 'p2-N01',
  },
]

const context = (actor: Actor, prefix: string): CommandContext => ({
  actor,
  today: TODAY,
  ids: sequentialIds(prefix),
  correlationId: 'narrow',
})

/** A checkpointed ledger of `plans` (with TAIL after the checkpoint for the default three). */
async function ledger(
  plans: ReadonlyArray<string> = PLANS,
): Promise<{ readonly store: EventStore; readonly from: number }> {
  const clock = manualClock('2023-06-30T08:00:00.000Z')
  const store = new InMemoryEventStore({ clock })
  const inputs = (cs: ReadonlyArray<unknown>) => cs.map((command) => ({ command }))
  const first = await handleStream(store, inputs(setupCommands(plans)), context(admin, 'setup'))
  if (first._tag !== 'StreamAppended') throw new Error(`setup: ${JSON.stringify(first)}`)
  const checkpointed = await loadLedger(store, { checkpointAfter: 1 })
  if (checkpointed._tag !== 'Loaded' || !checkpointed.checkpointWritten)
    throw new Error('setup: expected a checkpoint')
  clock.advance(60_000)
  if (plans === PLANS) {
    const tail = await handleStream(store, inputs(TAIL), context(admin, 'tail'))
    if (tail._tag !== 'StreamAppended') throw new Error(`tail: ${JSON.stringify(tail)}`)
  }
  clock.advance(60_000)
  return { store, from: await store.headPosition() }
}

/** A generated command, its plan and its entities each put in one of the plans (or none). */
const placed = fc
  .tuple(
    command,
    fc.constantFrom(...PLANS, 'p9'),
    fc.constantFrom(...PLANS, 'p9'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([c, planId, owner, inPlan, late]) => {
    const m = moved(c, planId, owner)
    if (late && typeof m['indicatorId'] === 'string') return { ...m, indicatorId: 'p2-N01' }
    if (m['type'] === 'DefineProject' && inPlan) return { ...m, planId }
    return m
  })

/** Commands that mostly decide cleanly, about any plan's entities (so that events are appended). */
const plausible = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...PLANS),
      fc.constantFrom('I01', 'I07', 'I09', 'N01'),
      fc.constantFrom('2022', '2023'),
      fc.integer({ min: 1, max: 90 }),
    )
    .map(([p, i, period, value]) => report(`${p}-${i}`, period, value)),
  fc
    .tuple(
      fc.constantFrom(...PLANS),
      fc.constantFrom(...PLANS),
      fc.constantFrom('I07', 'N01', 'X1'),
    )
    .map(([planId, owner, id]) => ({
      ...moved(indicators.hiTech as Record<string, unknown>, planId, owner),
      indicatorId: `${owner}-${id}`,
    })),
  fc.constantFrom(...PLANS, 'p9').map((planId) => ({ ...plan.adopt, planId })),
  fc
    .tuple(fc.constantFrom(...PLANS), fc.constantFrom('in-progress', 'completed'))
    .map(([p, status]) => ({ type: 'ReportTaskStatus', taskId: `${p}-T01`, status })),
)

/** What a result says, and what it wrote, without the ids drawn for new events. */
function outcome(r: HandleStreamResult, written: ReadonlyArray<RecordedEvent>) {
  return {
    tag: r._tag,
    rejections:
      r._tag === 'StreamRejected'
        ? r.rejections.map((x) => [x.index, x.rejection.rule, x.rejection.message])
        : [],
    written: written.map((e) => [e.streamId, e.version, e.type, e.validTime, e.data]),
  }
}

describe('handleStream, narrowed to the plans the commands need', () => {
  it('decides as the whole ledger does, whatever the commands are about', async () => {
    let scoped = 0
    let whole = 0
    let appendedScoped = 0
    let escalated = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(placed, plausible), { minLength: 1, maxLength: 4 }),
        anyActor,
        async (commands, actor) => {
          const inputs = commands.map((command) => ({ command }))
          const a = await ledger()
          const b = await ledger()
          const full = await handleStream(a.store, inputs, context(actor, 'n'))
          let last: boolean | undefined
          let loads = 0
          const load: ScopedLoader = async (plans) => {
            loads++
            const r = await loadLedger(b.store, {
              freeze: false,
              ...(plans === undefined ? {} : { plans }),
            })
            last = r._tag === 'Loaded' && r.planScope !== null
            return r
          }
          // Pages of one event: a round that needs more has written some before it is rolled back.
          const narrow = await handleStream(b.store, inputs, context(actor, 'n'), {
            narrow: load,
            pageSize: 1,
          })
          if (loads > 2) escalated++
          if (last === true) scoped++
          else whole++
          if (last === true && narrow._tag === 'StreamAppended' && narrow.written > 0)
            appendedScoped++
          expect(outcome(narrow, await b.store.readAll({ after: b.from }))).toEqual(
            outcome(full, await a.store.readAll({ after: a.from })),
          )
        },
      ),
      { numRuns: 200 },
    )
    // Every way was taken: decided within some plans (events appended, too) and within more plans
    // than the first round loaded. None of these commands needs the whole ledger: a plan that is
    // not adopted is answered from the checkpoint's index, which holds every plan (over 6 runs:
    // 200 scoped, 12–24 appended in a scope, 20–30 escalated, 0 whole; before the index held the
    // plans, 6–19 of 200 went to the whole ledger). Loading the whole ledger is the next test's.
    expect(scoped).toBeGreaterThan(100)
    expect(appendedScoped).toBeGreaterThan(3)
    expect(escalated).toBeGreaterThan(8)
    expect(whole).toBe(0)
  })

  it('loads the whole ledger once the commands touch more plans than NARROW_PLANS', async () => {
    const plans = Array.from({ length: NARROW_PLANS + 1 }, (_, i) => `q${i}`)
    const inputs = plans.map((p) => ({ command: report(`${p}-I01`, '2023', 3) }))
    const a = await ledger(plans)
    const b = await ledger(plans)
    const full = await handleStream(a.store, inputs, context(admin, 'n'))
    const asked: Array<ReadonlyArray<string> | undefined> = []
    const narrow = await handleStream(b.store, inputs, context(admin, 'n'), {
      narrow: (wanted) => {
        asked.push(wanted)
        return loadLedger(b.store, {
          freeze: false,
          ...(wanted === undefined ? {} : { plans: wanted }),
        })
      },
    })
    // The index alone, then one plan more each round up to NARROW_PLANS, then the whole ledger.
    expect(asked).toEqual([
      ...Array.from({ length: NARROW_PLANS + 1 }, (_, i) => plans.slice(0, i)),
      undefined,
    ])
    expect(full).toMatchObject({ _tag: 'StreamAppended', written: NARROW_PLANS + 1 })
    expect(outcome(narrow, await b.store.readAll({ after: b.from }))).toEqual(
      outcome(full, await a.store.readAll({ after: a.from })),
    )
  })

  it('lets the deciders see what the scope holds, and stops them at anything else', async () => {
    const { store } = await ledger()
    const loaded = await loadLedger(store, { plans: ['p0'], freeze: false })
    if (loaded._tag !== 'Loaded' || loaded.planScope === null) throw new Error('expected a scope')
    const seen = guardScope(loaded.state, loaded.planScope)
    const stop = (f: () => unknown) => {
      try {
        f()
      } catch (e) {
        if (e instanceof OutOfScope) return e.plan
        throw e
      }
      throw new Error('expected OutOfScope')
    }
    expect(seen.indicators.get('p0-I01')?.indicatorId).toBe('p0-I01')
    expect(seen.plans.get('p0')?.planId).toBe('p0')
    expect(seen.projects.get('p0-hangtai')?.projectId).toBe('p0-hangtai') // of no plan: shared
    expect(seen.departments.get('fgj')?.departmentId).toBe('fgj')
    expect(seen.indicators.get('nowhere')).toBeUndefined() // no plan defines it
    expect(seen.position).toBe(loaded.state.position)
    expect(stop(() => seen.indicators.get('p1-I01'))).toBe('p1')
    expect(stop(() => seen.indicators.get('p2-N01'))).toBe('p2') // defined after the checkpoint
    expect(stop(() => seen.tasks.get('p2-T01'))).toBe('p2')
    expect(stop(() => seen.projects.get('p1-metro'))).toBe('p1')
    // Every plan is in the index: held, listed and counted as the whole ledger does.
    expect(seen.plans.get('p1')?.planId).toBe('p1')
    expect(seen.plans.get('p9')).toBeUndefined() // not adopted
    expect([...seen.plans.keys()]).toEqual(['p0', 'p1', 'p2'])
    expect(stop(() => [...seen.indicators.keys()])).toBeNull()
    expect(stop(() => seen.tasks.size)).toBeNull()
    expect(stop(() => seen.unattached)).toBeNull()
    expect(guardScope(loaded.state, null)).toBe(loaded.state)
  })

  it('asks for the inputs as an array and loads the states itself', async () => {
    const { store } = await ledger()
    const one = [{ command: report('p0-I01', '2023', 3) }]
    const loaded = await loadLedger(store, { freeze: false })
    if (loaded._tag !== 'Loaded') throw new Error('expected the ledger')
    await expect(
      handleStream(store, one, context(admin, 'x'), { narrow: true, state: loaded.state }),
    ).rejects.toThrow('narrow: the states are loaded for the commands; expected no `state`')
    async function* streamed() {
      yield* one
    }
    await expect(
      handleStream(store, streamed(), context(admin, 'x'), { narrow: true }),
    ).rejects.toThrow('narrow: expected the inputs as an array')
    const r = await handleStream(store, one, context(admin, 'x'), { narrow: true })
    expect(r).toMatchObject({ _tag: 'StreamAppended', written: 1, state: null })
  })
})
