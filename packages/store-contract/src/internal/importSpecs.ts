// Contract: importing an export into an empty ledger is all or nothing, checks every record as
// it streams, and names the position, the event and what is wrong.
import {
  type EventStore,
  type ImportProblem,
  type RecordedEvent,
  InMemoryEventStore,
  chainHash,
  manualClock,
  verifyChain,
} from '@progress-ledger/core'
import { describe, expect, it } from 'vitest'
import type { OpenStore } from '../Contract'
import { fixtures } from '@progress-ledger/testkit'
import { START, appended, withStore } from './harness'

const { gdpDefinedAsImported: gdpDefined, planAdopted, reports, valueReported } = fixtures

/** An export of 30 events over three streams, recorded at increasing instants. */
async function exported(): Promise<RecordedEvent[]> {
  const clock = manualClock(START)
  const source = new InMemoryEventStore({ clock })
  appended(await source.append('plan-sz', [planAdopted], 'no-stream'))
  appended(await source.append('indicator-I01', [gdpDefined], 'no-stream'))
  for (let i = 0; i < 7; i++) {
    clock.advance(60_000)
    appended(await source.append('indicator-I01', reports(`v${i}`, 2), 'any'))
    appended(await source.append(`indicator-I0${2 + (i % 2)}`, reports(`w${i}`, 2, 'I02'), 'any'))
  }
  return [...(await source.readAll())]
}

/** Re-hashes the chain from position `from` on, as a forger who edited a record would. */
function rehash(events: ReadonlyArray<RecordedEvent>, from: number): RecordedEvent[] {
  const out: RecordedEvent[] = []
  let prev = ''
  for (const e of events) {
    if (e.position < from) {
      out.push(e)
      prev = e.hash
      continue
    }
    const copy = { ...e, prevHash: prev, hash: '' }
    copy.hash = chainHash(prev, copy)
    out.push(copy as RecordedEvent)
    prev = copy.hash
  }
  return out
}

async function* slowly(items: ReadonlyArray<unknown>): AsyncGenerator<unknown> {
  for (const item of items) {
    await new Promise<void>((resolve) => setImmediate(resolve))
    yield item
  }
}

async function expectEmpty(store: EventStore): Promise<void> {
  expect(await store.headPosition()).toBe(0)
  expect(await store.readAll()).toEqual([])
  expect(await store.streamVersion('indicator-I01')).toBe(0)
}

const edit = (
  events: ReadonlyArray<RecordedEvent>,
  position: number,
  change: (e: RecordedEvent) => RecordedEvent,
): RecordedEvent[] => events.map((e) => (e.position === position ? change(e) : e))

export function importSpecs(open: OpenStore): void {
  describe('importLog', () => {
    it('loads an export into an empty ledger: same events, same hashes, and appends continue the chain', () =>
      withStore(open, async ({ store, clock }) => {
        const log = await exported()
        const pages: number[] = []
        const written: RecordedEvent[][] = []
        const r = await store.importLog(slowly(log), {
          pageSize: 4,
          onWritten: (events) => void written.push([...events]),
          onProgress: (p) => void pages.push(p.head),
        })
        expect(r).toEqual({
          _tag: 'Imported',
          count: 30,
          head: 30,
          headHash: log[29]?.hash,
        })
        expect(pages).toEqual([4, 8, 12, 16, 20, 24, 28, 30])
        // Each page as written, in order: the events a caller folds instead of reading them back.
        expect(written.map((page) => page.length)).toEqual([4, 4, 4, 4, 4, 4, 4, 2])
        expect(written.flat()).toEqual(log)
        expect(await store.readAll()).toEqual(log)
        expect(await store.streamVersion('indicator-I01')).toBe(15)
        expect(await store.readStream('indicator-I02')).toEqual(
          log.filter((e) => e.streamId === 'indicator-I02'),
        )
        clock.set('2022-02-01T00:00:00.000Z')
        const next = appended(
          await store.append('indicator-I01', [valueReported('after', '2025', 1)], 15),
        )
        expect(next.events[0]).toMatchObject({ position: 31, version: 16, prevHash: log[29]?.hash })
        expect(verifyChain(await store.readAll())).toMatchObject({ _tag: 'Intact', count: 31 })
      }))

    it('refuses a ledger that is not empty, changing nothing', () =>
      withStore(open, async ({ store }) => {
        appended(await store.append('s', reports('a', 1), 'any'))
        const before = await store.readAll()
        expect(await store.importLog(await exported())).toEqual({
          _tag: 'ImportRejected',
          problem: 'not-empty',
          index: -1,
          position: 0,
          eventId: '',
          reason: 'it is not empty (head at position 1): an import needs an empty ledger',
          message:
            'the ledger: it is not empty (head at position 1): an import needs an empty ledger',
        })
        expect(await store.readAll()).toEqual(before)
      }))

    const cases: ReadonlyArray<
      readonly [string, (log: RecordedEvent[]) => unknown[], ImportProblem, number, string]
    > = [
      [
        'a wrong version, re-hashed',
        (log) =>
          rehash(
            edit(log, 23, (e) => ({ ...e, version: e.version + 2 })),
            23,
          ),
        'version',
        23,
        'position 23 (event v5-1): version 14 of stream indicator-I01 follows version 11',
      ],
      [
        'a recorded time moved backwards, re-hashed',
        (log) =>
          rehash(
            edit(log, 24, (e) => ({ ...e, recordedTime: START as typeof e.recordedTime })),
            24,
          ),
        'recorded-time',
        24,
        `position 24 (event v5-2): recorded time ${START} is earlier than 2022-01-08T00:06:00.000Z at position 23`,
      ],
      [
        'a changed stream id, re-hashed',
        (log) =>
          rehash(
            edit(log, 21, (e) => ({ ...e, streamId: 'indicator-I09' })),
            21,
          ),
        'version',
        21,
        'position 21 (event w4-1): version 5 of stream indicator-I09 is its first event: expected version 1',
      ],
      [
        'a duplicate id, re-hashed',
        (log) =>
          rehash(
            edit(log, 26, (e) => ({ ...e, id: 'v0-1' })),
            26,
          ),
        'duplicate-id',
        26,
        'position 26 (event v0-1): id "v0-1" is already used at position 3',
      ],
      [
        'an edited value, not re-hashed',
        (log) => edit(log, 22, (e) => ({ ...e, data: { ...e.data, value: 999 } }) as RecordedEvent),
        'hash',
        22,
        'position 22 (event w4-2): its content does not match its hash (changed after it was sealed)',
      ],
      [
        'a deleted middle record',
        (log) => log.filter((e) => e.position !== 17),
        'position',
        18,
        'position 18 (event w3-2): expected position 17',
      ],
      [
        'a broken link',
        (log) => edit(log, 25, (e) => ({ ...e, prevHash: 'f'.repeat(64) })),
        'chain',
        25,
        'position 25 (event w5-1): its previous hash does not match the hash of position 24',
      ],
      [
        'a record that does not decode',
        (log) => edit(log, 27, (e) => ({ ...e, validTime: 'soon' }) as unknown as RecordedEvent),
        'undecodable',
        27,
        'position 27 (event v6-1): validTime: expected a date YYYY-MM-DD, got "soon"',
      ],
      [
        'a field added to an event’s data, whose hash still matches what decoding keeps',
        (log) =>
          edit(
            log,
            28,
            (e) => ({ ...e, data: { ...e.data, injected: 'x' } }) as unknown as RecordedEvent,
          ),
        'undecodable',
        28,
        'position 28 (event v6-2): data.injected: expected a field of a recorded event, got an unknown field ("x")',
      ],
      [
        'a field added to an event’s envelope',
        (log) => edit(log, 28, (e) => ({ ...e, note: 'added' }) as unknown as RecordedEvent),
        'undecodable',
        28,
        'position 28 (event v6-2): note: expected a field of a recorded event, got an unknown field ("added")',
      ],
    ]

    it.each(cases)(
      'refuses an export with %s, naming it, and writes nothing',
      (_label, corrupt, problem, position, message) =>
        withStore(open, async ({ store }) => {
          const input = corrupt(await exported())
          const r = await store.importLog(slowly(input), { pageSize: 4 })
          expect(r).toMatchObject({ _tag: 'ImportRejected', problem, position, message })
          await expectEmpty(store)
          // Nothing was left behind: the intact export now goes in whole.
          expect(await store.importLog(await exported(), { pageSize: 4 })).toMatchObject({
            _tag: 'Imported',
            count: 30,
          })
        }),
    )

    it('rolls back when the input itself fails mid-way', () =>
      withStore(open, async ({ store }) => {
        const log = await exported()
        async function* failing(): AsyncGenerator<unknown> {
          yield* slowly(log.slice(0, 20))
          throw new Error('export file truncated')
        }
        await expect(store.importLog(failing(), { pageSize: 4 })).rejects.toThrow(
          'export file truncated',
        )
        await expectEmpty(store)
      }))

    it('serialises a concurrent writer: its batch lands after the whole import', () =>
      withStore(open, async ({ store }) => {
        const log = await exported()
        let started: () => void = () => undefined
        const firstPage = new Promise<void>((resolve) => {
          started = resolve
        })
        const importing = store.importLog(slowly(log), { pageSize: 4, onProgress: () => started() })
        await firstPage
        const batch = store.append('late', [valueReported('late', '2021', 1)], 'no-stream')
        expect(await importing).toMatchObject({ _tag: 'Imported', count: 30 })
        const r = await batch
        expect(r._tag === 'Appended' && r.events[0]?.position).toBe(31)
        expect(verifyChain(await store.readAll())).toMatchObject({ _tag: 'Intact', count: 31 })
      }))

    it('shows readers the ledger as before the import or the whole of it, never a part', () =>
      withStore(open, async ({ store }) => {
        const log = await exported()
        // Reads started after every page is written, not awaited there: each answers with nothing
        // or everything (a store may queue them behind the import).
        const heads: Array<Promise<number>> = []
        const reads: Array<Promise<ReadonlyArray<RecordedEvent>>> = []
        const versions: Array<Promise<number>> = []
        const r = await store.importLog(slowly(log), {
          pageSize: 4,
          onProgress: () => {
            heads.push(store.headPosition())
            reads.push(store.readAll())
            versions.push(store.streamVersion('indicator-I01'))
          },
        })
        expect(r).toMatchObject({ _tag: 'Imported', count: 30 })
        expect(heads).toHaveLength(8)
        for (const head of await Promise.all(heads)) expect([0, 30]).toContain(head)
        for (const read of await Promise.all(reads)) expect([0, 30]).toContain(read.length)
        for (const version of await Promise.all(versions)) expect([0, 15]).toContain(version)
      }))
  })
}
