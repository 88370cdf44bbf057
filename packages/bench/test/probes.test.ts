// The probes the docs quote run and print a finite figure for every name they promise. No figure
// is compared with a time or a size: those are measured, not asserted.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { allocationProbe, appendPathProbe, chunkCopyProbe, PROBES } from '../src/measure/Probes'
import { intakePages } from '../src/measure/IntakePages'
import { streamMemory } from '../src/measure/StreamMemory'

function expectFinite(
  figures: Readonly<Record<string, number>>,
  names: ReadonlyArray<string>,
): void {
  expect(Object.keys(figures).sort()).toEqual([...names].sort())
  for (const name of names) expect(Number.isFinite(figures[name])).toBe(true)
}

describe('probes', () => {
  it('are the ones the docs name', () => {
    expect(Object.keys(PROBES).sort()).toEqual([
      'alloc',
      'append-path',
      'chunk-copy',
      'freeze',
      'intake-pages',
      'stream-memory-100k',
      'stream-memory-1m',
    ])
  })

  it('stream-memory streams every event in one append and gives every figure it names', async () => {
    expectFinite(await streamMemory(3_000), [
      'events',
      'seconds',
      'events_per_sec',
      'heap_before_mb',
      'peak_heap_mb',
      'rss_before_mb',
      'peak_rss_mb',
    ])
  })

  it('alloc gives bytes per apply three times', () => {
    expectFinite(allocationProbe(2_000), [
      'bytes_per_apply_1',
      'bytes_per_apply_2',
      'bytes_per_apply_3',
    ])
  })

  it('chunk-copy and append-path give every figure they name', () => {
    expectFinite(chunkCopyProbe(), [
      'frozen_spread_bytes',
      'frozen_spread_ns',
      'unfrozen_exact_bytes',
      'unfrozen_exact_ns',
      'freeze_object_ns',
    ])
    expectFinite(appendPathProbe(), [
      'text_bytes',
      'sha256_per_event_ns',
      'sha256_per_batch_of_100_ns_per_event',
      'content_text_ns',
      'sorted_copy_then_stringify_ns',
    ])
  })

  it('intake-pages appends every line with each page size and gives each one its figures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-pages-'))
    try {
      const figures = await intakePages(dir, 300, [100, 1000], 1, true)
      const names = ['lines', 'runs']
      for (const size of [100, 1000]) {
        names.push(`page_${size}_s`, `page_${size}_s_min`, `page_${size}_s_max`)
        // The peak resident set is measured only where GNU time is installed.
        if (`page_${size}_peak_rss_mb` in figures)
          names.push(
            `page_${size}_peak_rss_mb`,
            `page_${size}_peak_rss_mb_min`,
            `page_${size}_peak_rss_mb_max`,
          )
      }
      expectFinite(figures, names)
      expect(figures['lines']).toBe(300)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
