/**
 * Memory of a streamed append: `events` value reports with UUID ids, generated lazily (as a file
 * reader would hand them over) and appended to a fresh SQLite file by ONE `appendStream` (one
 * all-or-nothing transaction, pages of 1,000 events). Heap and RSS are sampled after every page;
 * bounded memory shows as peaks that do not grow with the number of events.
 *
 * @module measure/StreamMemory
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  type AppendRequest,
  type IsoDate,
  type PeriodKey,
  manualClock,
} from '@progress-ledger/core'
import { openSqliteStore } from '@progress-ledger/store-sqlite'
import { anchorIndicator, dayAfter } from '../workloads/Anchor'
import { uuidFor } from '../workloads/Uuid'
import { collect } from './Timing'

const MB = 1024 * 1024

/** Requests of 100 value reports each, over 1,000 indicator streams, made on demand. */
async function* lazyRequests(events: number): AsyncGenerator<AppendRequest> {
  for (let b = 0; b * 100 < events; b++) {
    const indicatorId = anchorIndicator(b % 1000)
    yield {
      streamId: `indicator-${indicatorId}`,
      expectedVersion: 'any',
      events: Array.from({ length: 100 }, (_, j) => {
        const day = dayAfter((b * 100 + j) % 3650)
        return {
          id: uuidFor('stream', b * 100 + j),
          type: 'ValueReported' as const,
          validTime: day as IsoDate,
          actor: 'tjj',
          data: { indicatorId, period: day as PeriodKey, value: j / 10, status: 'final' as const },
        }
      }),
    }
  }
}

/** Streams `events` events into a fresh SQLite file; returns rate and peak heap / RSS in MB. */
export async function streamMemory(events: number): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-stream-'))
  try {
    const store = await openSqliteStore({
      path: join(dir, 'ledger.db'),
      clock: manualClock('2022-01-01'),
    })
    collect()
    const base = process.memoryUsage()
    let heap = base.heapUsed
    let rss = base.rss
    const start = performance.now()
    const r = await store.appendStream(lazyRequests(events), {
      pageSize: 1000,
      onProgress: () => {
        const m = process.memoryUsage()
        heap = Math.max(heap, m.heapUsed)
        rss = Math.max(rss, m.rss)
      },
    })
    const ms = performance.now() - start
    await store.close()
    if (r._tag !== 'StreamAppended' || r.written !== events)
      throw new Error(`expected ${events} events written, got ${JSON.stringify(r).slice(0, 200)}`)
    return {
      events,
      seconds: ms / 1000,
      events_per_sec: (events * 1000) / ms,
      heap_before_mb: base.heapUsed / MB,
      peak_heap_mb: heap / MB,
      rss_before_mb: base.rss / MB,
      peak_rss_mb: rss / MB,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
