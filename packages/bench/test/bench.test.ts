import { describe, expect, it } from 'vitest'
import {
  InMemoryEventStore,
  ledgerProjection,
  manualClock,
  replay,
  type AppendRequest,
  type RecordedEvent,
} from '@progress-ledger/core'
import { anchorRequests } from '../src/workloads/Anchor'
import { countyBatches, countyEventCount } from '../src/workloads/Counties'
import { railwayEventCount, railwayRequests } from '../src/workloads/Railway'
import { floorFold } from '../src/baselines/Floor'
import { spreadFold } from '../src/baselines/Spread'
import { runTask, jobsFor } from '../src/Jobs'
import { benchJson, HEADLINE, stat, summariseJob } from '../src/Summary'
import { renderMarkdown } from '../src/Markdown'

function recorded(
  batches: ReadonlyArray<ReadonlyArray<AppendRequest>>,
): ReadonlyArray<RecordedEvent> {
  const clock = manualClock('2021-01-01')
  const store = new InMemoryEventStore({ clock })
  batches.forEach((b, i) => {
    clock.advance(1000)
    const r = store.appendNow(b)
    if (r._tag !== 'Appended') throw new Error(`batches[${i}]: ${JSON.stringify(r).slice(0, 300)}`)
  })
  return store.readAllNow()
}

describe('baselines compute exactly what core computes', () => {
  const workloads: Record<string, () => ReadonlyArray<RecordedEvent>> = {
    anchor: () =>
      recorded(anchorRequests({ events: 3_000, streams: 10, blockSize: 100 }).map((r) => [r])),
    counties: () => recorded(countyBatches(1)),
    railway: () => recorded(railwayRequests(2).map((r) => [r])),
  }
  for (const [name, events] of Object.entries(workloads)) {
    it(`${name}: floor and spread deep-equal core's replay`, () => {
      const es = events()
      const core = replay(ledgerProjection, es)
      expect(core.unattached).toEqual([])
      expect(floorFold(es)).toEqual(core)
      expect(spreadFold(es)).toEqual(core)
    })
  }

  it('workload sizes are as documented', () => {
    expect(recorded(countyBatches(1))).toHaveLength(countyEventCount())
    expect(recorded(railwayRequests(1).map((r) => [r]))).toHaveLength(railwayEventCount())
    const anchor = anchorRequests({ events: 2_000, streams: 10, blockSize: 100 }).flatMap(
      (r) => r.events,
    )
    expect(anchor.filter((e) => e.type === 'TargetSet')).toHaveLength(20)
    expect(anchor.filter((e) => e.type === 'IndicatorDefined')).toHaveLength(10)
  })
})

describe('quick mode', () => {
  it('runs every quick task in process and produces the JSON shape', async () => {
    const jobs = jobsFor('quick', undefined).map((job) => {
      const task =
        job.task.suite === 'anchor'
          ? { ...job.task, events: 2_000, spreadEvents: 500, incrementalEvents: 10 }
          : job.task.suite === 'counties'
            ? { ...job.task, counties: 1 }
            : job.task.suite === 'railway'
              ? { ...job.task, projects: 2 }
              : { ...job.task, events: 200 }
      return { ...job, task }
    })
    const summaries = []
    for (const job of jobs) summaries.push(summariseJob(job, [await runTask(job.task)]))
    const json = benchJson(
      'quick',
      'pnpm bench --quick',
      { cpu: 'test', cores: 1, node: process.version, os: 'test' },
      summaries,
    )
    for (const [key] of HEADLINE) expect(json).toHaveProperty(key)
    for (const key of [
      'append_events_per_sec',
      'fold_vs_floor_ratio',
      'fold_vs_spread_ratio',
      'bytes_per_event',
      'asof_ms',
      'incremental_us',
    ]) {
      expect(typeof json[key] === 'number' || json[key] === null, key).toBe(true)
    }
    expect(typeof json['append_events_per_sec']).toBe('number')
    expect(typeof json['fold_vs_floor_ratio']).toBe('number')
    expect(json['pg_append_events_per_sec']).toBeNull()
    expect(json.jobs['anchor']?.figures['events']?.median).toBe(2_000)
    const md = renderMarkdown(json, '2026-01-01T00:00:00.000Z', 1)
    expect(md).toContain('| measurement | goal | median | min | max | runs | met |')
    expect(md).toContain('pnpm bench --quick')
  })

  it('summarises runs as median, min and max', () => {
    expect(stat([3, 1, null, 2])).toEqual({ median: 2, min: 1, max: 3, runs: 3 })
    expect(stat([null])).toBeNull()
  })
})
