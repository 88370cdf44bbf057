/**
 * The world a fuzz input meets: a real store (in memory, or a SQLite file) holding a slice of the
 * Shengzhou plan — imported through the deciders — plus a project with a milestone and an approved
 * figure, and the projected state kept up to date as inputs are accepted.
 *
 * @module World
 */
import { readFileSync, rmSync } from 'node:fs'
import {
  apply,
  emptyLedger,
  type EventStore,
  fixedClock,
  InMemoryEventStore,
  type IsoDate,
  isoDate,
  ledgerProjection,
  type LedgerState,
  type RecordedEvent,
} from '@progress-ledger/core'
import {
  type CommandContext,
  handleAll,
  importPlan,
  planAdmin,
  reporter,
  sequentialIds,
} from '@progress-ledger/commands'
import { loadPlanDocument, type Plan } from '@progress-ledger/plan'
import { openSqliteStore } from '@progress-ledger/store-sqlite'

/** The day every input is decided on. */
export const TODAY: IsoDate = isoDate('2023-06-30')

/** The indicators of the seed plan the base world keeps: amounts, shares, ratios, a quota. */
const INDICATORS = ['I01', 'I03', 'I07', 'I16', 'I19', 'I21']

const seedPath = new URL('../../../seeds/shengzhou/plan.json', import.meta.url)

let seedPlan: Plan | undefined

/** The Shengzhou plan of the seed (read once). */
export function shengzhouPlan(): Plan {
  if (seedPlan !== undefined) return seedPlan
  const loaded = loadPlanDocument(JSON.parse(readFileSync(seedPath, 'utf8')) as unknown)
  if (loaded._tag !== 'Valid')
    throw new Error(`the seed plan is invalid: ${loaded.issues.map((i) => i.message).join('; ')}`)
  seedPlan = loaded.document.plan
  return seedPlan
}

/**
 * The base plan: the seed plan's categories and departments, six indicators, two tasks and a
 * flagship project.
 *
 * @example
 * import { basePlan } from '@progress-ledger/fuzz'
 * basePlan().indicators.map((i) => i.id) // ['I01', 'I03', 'I07', 'I16', 'I19', 'I21']
 */
export function basePlan(): Plan {
  const p = shengzhouPlan()
  return {
    ...p,
    indicators: p.indicators.filter((i) => INDICATORS.includes(i.id)),
    tasks: p.tasks.slice(0, 2),
    projects: p.projects.slice(0, 1),
  }
}

/** Commands after the plan: a growth indicator, a railway project with a milestone, an approved figure. */
const extras: ReadonlyArray<{ readonly actor: 'admin' | 'fgj'; readonly command: unknown }> = [
  {
    actor: 'admin',
    command: {
      type: 'DefineIndicator',
      planId: 'shengzhou-common-prosperity-2021-2025',
      indicatorId: 'G01',
      name: { zh: '地区生产总值增长', en: 'GDP growth' },
      unit: '%',
      categoryId: 'economy',
      attribute: 'observation',
      selfSelected: true,
      departments: ['fgj'],
      direction: 'higher',
      periodicity: 'year',
    },
  },
  {
    actor: 'admin',
    command: {
      type: 'DefineProject',
      projectId: 'hangtai',
      kind: 'construction',
      name: { zh: '杭台高速铁路（嵊州段）' },
      departments: ['jtysj'],
      validTime: '2016-12-01',
    },
  },
  {
    actor: 'admin',
    command: {
      type: 'PlanMilestone',
      projectId: 'hangtai',
      milestoneId: 'open',
      title: { zh: '全线通车' },
      kind: 'opening',
      planned: { date: '2021-12', precision: 'month' },
      validTime: '2019-06-01',
    },
  },
  {
    actor: 'fgj',
    command: {
      type: 'ReportValue',
      id: 'v-I01-2021',
      indicatorId: 'I01',
      period: '2021',
      value: 10.6,
      status: 'final',
      submitted: true,
    },
  },
  {
    actor: 'admin',
    command: {
      type: 'ApproveValue',
      id: 'a-I01-2021',
      indicatorId: 'I01',
      period: '2021',
      approves: 'v-I01-2021',
    },
  },
]

/** Where a world keeps its events. */
export type StoreKind = 'memory' | 'sqlite'

/** A store with its projected state. */
export interface World {
  readonly kind: StoreKind
  readonly store: EventStore
  /** The state of every event in the store. */
  state: LedgerState
  /** Applies events the store reports as newly appended. */
  advance(events: ReadonlyArray<RecordedEvent>): void
  close(): Promise<void>
}

/** A context to decide in. */
export function contextFor(actor: CommandContext['actor'], prefix: string): CommandContext {
  return { actor, today: TODAY, ids: sequentialIds(prefix) }
}

/**
 * Opens a fresh world: a new in-memory store, or the SQLite file at `sqlitePath` emptied first.
 *
 * @example
 * import { openWorld } from '@progress-ledger/fuzz'
 * const world = await openWorld('memory')
 * world.state.indicators.get('I01')?.values.length // 1
 * await world.close()
 */
export async function openWorld(kind: StoreKind, sqlitePath?: string): Promise<World> {
  const clock = fixedClock(`${TODAY}T09:00:00.000Z`)
  let store: EventStore
  if (kind === 'sqlite') {
    if (sqlitePath === undefined) throw new Error('openWorld: a SQLite world needs a file path')
    for (const suffix of ['', '-wal', '-shm']) rmSync(sqlitePath + suffix, { force: true })
    store = await openSqliteStore({ path: sqlitePath, clock, synchronous: 'normal' })
  } else store = new InMemoryEventStore({ clock })
  const world: World = {
    kind,
    store,
    state: emptyLedger(),
    advance(events) {
      const fresh = events.filter((e) => e.position > world.state.position)
      if (fresh.length > 0) world.state = apply(ledgerProjection, world.state, fresh)
    },
    close: () => store.close(),
  }
  const admin = planAdmin('plan-office')
  const imported = await importPlan(store, basePlan(), contextFor(admin, 'base'))
  if (imported._tag !== 'Appended') throw new Error(`base plan: ${JSON.stringify(imported)}`)
  world.advance(imported.events)
  for (const [i, { actor, command }] of extras.entries()) {
    const who = actor === 'admin' ? admin : reporter('fgj-clerk', 'fgj')
    const r = await handleAll(store, [command], contextFor(who, `extra-${i}`), {
      state: world.state,
    })
    if (r._tag !== 'Appended') throw new Error(`base world: ${JSON.stringify(r)}`)
    world.advance(r.events)
  }
  return world
}
