// The Shengzhou plan (seeds/shengzhou/plan.json) in a ledger, for the spreadsheet tests: the
// plan as the plan package turns it into events, plus a few ILLUSTRATIVE figures (not official
// statistics) reported through the deciders.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import {
  type EventStore,
  InMemoryEventStore,
  isoDate,
  type LedgerState,
  ledgerProjection,
  manualClock,
  replay,
} from '@progress-ledger/core'
import { handleAll, planAdmin, sequentialIds } from '@progress-ledger/commands'
import {
  loadPlanDocument,
  planToEvents,
  type PlanDocument,
  toAppendRequests,
} from '@progress-ledger/plan'

export const PLAN_ID = 'shengzhou-common-prosperity-2021-2025'
const root = resolve(__dirname, '../../..')

export function seedPlan(): PlanDocument {
  const r = loadPlanDocument(
    JSON.parse(readFileSync(resolve(root, 'seeds/shengzhou/plan.json'), 'utf8')),
  )
  if (r._tag === 'Invalid') throw new Error(r.issues.map((i) => i.message).join('\n'))
  return r.document
}

/** Adopts the seed plan in `store` and reports I01 for 2021 (final) and 2022 (preliminary). */
export async function adoptSeed(store: EventStore): Promise<void> {
  const doc = seedPlan()
  const r = await store.appendBatch(
    toAppendRequests(planToEvents(doc.plan, { recordedBy: 'plan-office' })),
  )
  if (r._tag !== 'Appended') throw new Error(`seed append: ${JSON.stringify(r).slice(0, 300)}`)
  const ctx = {
    actor: planAdmin('plan-office'),
    today: isoDate('2023-03-01'),
    ids: sequentialIds('seed'),
  }
  const v = await handleAll(
    store,
    [
      {
        type: 'ReportValue',
        indicatorId: 'I01',
        period: '2021',
        value: 10.6,
        status: 'final',
        illustrative: true,
      },
      {
        type: 'ReportValue',
        indicatorId: 'I01',
        period: '2022',
        value: 11.8,
        status: 'preliminary',
        illustrative: true,
      },
    ],
    ctx,
  )
  if (v._tag !== 'Appended') throw new Error(`seed values: ${JSON.stringify(v).slice(0, 300)}`)
}

/** A fresh in-memory store holding the seed plan, its clock at 2024-03-01 09:00 UTC. */
export async function seedStore(): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore({ clock: manualClock('2024-03-01T09:00:00.000Z') })
  await adoptSeed(store)
  return store
}

export async function stateOf(store: EventStore): Promise<LedgerState> {
  return replay(ledgerProjection, await store.readAll())
}

let cached: LedgerState | undefined
/** The seed ledger's state (built once per test file). */
export async function seedState(): Promise<LedgerState> {
  cached ??= await stateOf(await seedStore())
  return cached
}
