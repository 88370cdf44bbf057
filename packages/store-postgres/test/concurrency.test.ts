// Concurrency: eight writers (each with its own store and, on a server, its own pool) race on a
// shared stream and on their own streams against a catch-up reader. On PGlite the race is
// logical (one in-process connection interleaves the writers' transactions); with PG_URL set it
// is also run with real parallel connections, and connection loss mid-append is tested by
// terminating the writer's backend. The file prints which backends ran.
import {
  type AppendResult,
  type RecordedEvent,
  manualClock,
  subscribe,
} from '@progress-ledger/core'
import { afterAll, describe, expect, it } from 'vitest'
import type { PostgresEventStore } from '../src/PostgresEventStore'
import { backend, backendNames, freshStore, type Backend } from './backends'
import { fixtures } from '@progress-ledger/testkit'
import {
  registerConnectionLoss,
  registerLockTimeout,
  registerStatementLoss,
} from './connectionLoss'

const { reports } = fixtures

const WRITERS = 8
const ROUNDS = 20

interface Outcome {
  readonly acked: RecordedEvent[]
  conflicts: number
  readonly other: AppendResult[]
}

async function writer(store: PostgresEventStore, w: number, outcome: Outcome): Promise<void> {
  let own = 0
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 2 === 0) {
      // Own stream, exact expected version: never conflicts.
      const r = await store.append(`writer-${w}`, reports(`w${w}-own-${i}`, 1 + (i % 3)), own)
      if (r._tag !== 'Appended')
        throw new Error(`writer ${w}: own stream append failed: ${JSON.stringify(r)}`)
      own += r.written
      outcome.acked.push(...r.events)
    } else {
      // Shared stream, read-then-write with the version just read: a lost update would show as
      // two acknowledged batches claiming the same versions.
      const seen = await store.streamVersion('shared')
      const r = await store.appendBatch([
        { streamId: 'shared', events: reports(`w${w}-shared-${i}`, 2), expectedVersion: seen },
        {
          streamId: `writer-${w}-log`,
          events: reports(`w${w}-log-${i}`, 1),
          expectedVersion: 'any',
        },
      ])
      if (r._tag === 'Appended') outcome.acked.push(...r.events)
      else if (r._tag === 'VersionConflict') {
        expect(r).toMatchObject({ streamId: 'shared', expected: seen })
        expect(r.actual).toBeGreaterThan(seen)
        outcome.conflicts++
      } else outcome.other.push(r)
    }
  }
}

function registerRace(b: Backend, separate: boolean): void {
  it(`${WRITERS} writers${separate ? ' with separate pools' : ''} on the same and on different streams against a catch-up reader: every event seen once, in order; no lost update; conflicts typed`, async () => {
    const clock = manualClock('2022-01-08T00:00:00.000Z')
    const main = await freshStore(b, clock)
    const others = await Promise.all(
      Array.from({ length: WRITERS }, () =>
        freshStore(b, clock, { separate, schema: main.schema }),
      ),
    )
    const seen: RecordedEvent[] = []
    const violations: string[] = []
    const sub = subscribe(main.store, {
      pageSize: 7,
      handle: (page) => {
        for (const e of page) {
          const expected = (seen[seen.length - 1]?.position ?? 0) + 1
          if (e.position !== expected)
            violations.push(`expected position ${expected}, got ${e.position}`)
          seen.push(e)
        }
      },
    })
    const outcome: Outcome = { acked: [], conflicts: 0, other: [] }
    let done = false
    const reader = (async () => {
      while (!done) {
        await sub.catchUp()
        // Let writers in between polls (PGlite runs every statement on one connection).
        await new Promise((resolve) => setTimeout(resolve, 2))
      }
    })()
    try {
      await Promise.all(others.map((o, w) => writer(o.store, w, outcome)))
    } finally {
      done = true
      await reader
    }
    await sub.catchUp()
    await sub.stop()

    expect(violations).toEqual([])
    expect(outcome.other).toEqual([])
    const head = await main.store.headPosition()
    expect(seen.map((e) => e.position)).toEqual(Array.from({ length: head }, (_, i) => i + 1))
    // Every acknowledged event is in the log exactly as acknowledged, and nothing else is.
    const byId = new Map(seen.map((e) => [e.id, e]))
    expect(byId.size).toBe(seen.length)
    expect(outcome.acked.length).toBe(seen.length)
    for (const e of outcome.acked) expect(byId.get(e.id)).toEqual(e)
    // The shared stream has gap-free versions and exactly the events of acknowledged batches.
    const shared = await main.store.readStream('shared')
    expect(shared.map((e) => e.version)).toEqual(
      Array.from({ length: shared.length }, (_, i) => i + 1),
    )
    expect(shared.length).toBe(outcome.acked.filter((e) => e.streamId === 'shared').length)
    expect(shared.length + outcome.conflicts * 2).toBe(WRITERS * (ROUNDS / 2) * 2)
    let ownEvents = 0
    for (let i = 0; i < ROUNDS; i += 2) ownEvents += 1 + (i % 3)
    for (let w = 0; w < WRITERS; w++)
      expect(await main.store.streamVersion(`writer-${w}`)).toBe(ownEvents)
    expect(await main.store.verify()).toMatchObject({ _tag: 'Intact', count: head })
    console.log(
      `race on ${b.name}${separate ? ' (separate pools)' : ''}: ${head} events, ${outcome.conflicts} typed conflicts`,
    )
    await Promise.all(others.map((o) => o.store.close()))
    await main.close()
  })
}

for (const name of backendNames) {
  const b = backend(name)
  afterAll(() => b.close())
  describe(`concurrency on ${name}`, () => {
    registerRace(b, false)
    if (name === 'postgres') {
      registerRace(b, true)
      registerConnectionLoss(b)
      registerStatementLoss(b)
      registerLockTimeout(b)
    }
  })
}
console.log(
  `store-postgres concurrency: backends ${backendNames.join(', ')}${backendNames.includes('postgres') ? '' : ' (set PG_URL to also race real parallel connections and test connection loss)'}`,
)
