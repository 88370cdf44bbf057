// Contract: reading by stream, by position and by recorded time.
import type { Instant } from '@progress-ledger/core'
import { describe, expect, it } from 'vitest'
import type { OpenStore } from '../Contract'
import { fixtures } from '@progress-ledger/testkit'
import { appended, withStore } from './harness'

const { reports } = fixtures

const at = (s: string): Instant => s as Instant

export function readSpecs(open: OpenStore): void {
  describe('reads', () => {
    it('reads a stream from a version with a limit', () =>
      withStore(open, async ({ store }) => {
        appended(
          await store.appendBatch([
            { streamId: 's', events: reports('a', 5), expectedVersion: 'no-stream' },
            { streamId: 't', events: reports('b', 2, 'I02'), expectedVersion: 'no-stream' },
          ]),
        )
        const versions = async (o: { fromVersion?: number; limit?: number }): Promise<number[]> =>
          (await store.readStream('s', o)).map((e) => e.version)
        expect(await versions({})).toEqual([1, 2, 3, 4, 5])
        expect(await versions({ fromVersion: 3 })).toEqual([3, 4, 5])
        expect(await versions({ fromVersion: 2, limit: 2 })).toEqual([2, 3])
        expect(await versions({ limit: 0 })).toEqual([])
        expect(await versions({ fromVersion: 9 })).toEqual([])
        expect(await store.readStream('missing')).toEqual([])
        expect((await store.readStream('t')).map((e) => e.id)).toEqual(['b-1', 'b-2'])
      }))

    it('reads all after a position with a limit', () =>
      withStore(open, async ({ store }) => {
        appended(await store.append('s', reports('a', 6), 'any'))
        const positions = async (o: { after?: number; limit?: number }): Promise<number[]> =>
          (await store.readAll(o)).map((e) => e.position)
        expect(await positions({})).toEqual([1, 2, 3, 4, 5, 6])
        expect(await positions({ after: 4 })).toEqual([5, 6])
        expect(await positions({ after: 1, limit: 2 })).toEqual([2, 3])
        expect(await positions({ after: 6 })).toEqual([])
        expect(await positions({ after: 60 })).toEqual([])
        expect(await positions({ limit: 0 })).toEqual([])
      }))

    it('throws a clear Error for a malformed read option', () =>
      withStore(open, async ({ store }) => {
        // The messages are core's (`checkReadAllOptions`, `readStreamFrom` in core/adapter).
        const refuses = async (
          call: string,
          read: () => Promise<unknown>,
          message: string,
        ): Promise<void> => {
          let got: unknown
          try {
            got = await read()
          } catch (e) {
            expect((e as Error).message, call).toContain(message)
            return
          }
          throw new Error(
            `${call}: expected an Error "${message}", but it resolved to ${JSON.stringify(got)}`,
          )
        }
        await refuses(
          'readAll({ limit: -1 })',
          () => store.readAll({ limit: -1 }),
          'limit must be a whole number >= 0, got -1',
        )
        await refuses(
          'readAll({ after: 1.5 })',
          () => store.readAll({ after: 1.5 }),
          'after must be a whole number >= 0, got 1.5',
        )
        await refuses(
          "readStream('s', { fromVersion: 0 })",
          () => store.readStream('s', { fromVersion: 0 }),
          'fromVersion must be a whole number >= 1, got 0',
        )
        await refuses(
          "readStream('s', { limit: -2 })",
          () => store.readStream('s', { limit: -2 }),
          'limit must be a whole number >= 0, got -2',
        )
      }))

    it('finds positions by recorded time, which never decreases along positions', () =>
      withStore(open, async ({ store, clock }) => {
        clock.set('2022-01-01T00:00:00.000Z')
        appended(await store.append('s', reports('a', 2), 'any'))
        clock.set('2022-02-01T00:00:00.000Z')
        appended(await store.append('s', reports('b', 1), 'any'))
        clock.set('2021-06-01T00:00:00.000Z') // a clock going backwards must not reorder the ledger
        const late = appended(await store.append('s', reports('c', 1), 'any'))
        expect(late.events[0]?.recordedTime).toBe('2022-02-01T00:00:00.000Z')
        clock.set('2022-03-01T00:00:00.000Z')
        appended(await store.append('s', reports('d', 1), 'any'))
        const all = await store.readAll()
        for (let i = 1; i < all.length; i++)
          expect((all[i]?.recordedTime ?? '') >= (all[i - 1]?.recordedTime ?? '')).toBe(true)
        expect(await store.positionAt(at('2021-12-31T23:59:59.999Z'))).toBe(0)
        expect(await store.positionAt(at('2022-01-01T00:00:00.000Z'))).toBe(2)
        expect(await store.positionAt(at('2022-01-15T00:00:00.000Z'))).toBe(2)
        expect(await store.positionAt(at('2022-02-01T00:00:00.000Z'))).toBe(4)
        expect(await store.positionAt(at('2030-01-01T00:00:00.000Z'))).toBe(5)
        const upTo = async (o: {
          after?: number
          limit?: number
          recordedUpTo: Instant
        }): Promise<number[]> => (await store.readAll(o)).map((e) => e.position)
        expect(await upTo({ recordedUpTo: at('2022-01-15T00:00:00.000Z') })).toEqual([1, 2])
        expect(await upTo({ after: 1, recordedUpTo: at('2022-02-01T00:00:00.000Z') })).toEqual([
          2, 3, 4,
        ])
        expect(
          await upTo({ after: 1, limit: 2, recordedUpTo: at('2022-02-01T00:00:00.000Z') }),
        ).toEqual([2, 3])
        expect(await upTo({ recordedUpTo: at('2020-01-01T00:00:00.000Z') })).toEqual([])
      }))
  })
}
