// The harness's own parts: medians, timed processes (failures and time-outs are reported, never
// figures; a timed-out command's whole process group is gone), the built-packages check, and the
// Markdown of a run (goals met and missed, unprofiled bounds, commands that failed).
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildProblems } from '../src/Built'
import { UNPROFILED } from '../src/Goals'
import { renderMarkdown } from '../src/Markdown'
import { timeProcess } from '../src/measure/Process'
import { median } from '../src/measure/Timing'
import { measuredNothing } from '../src/Runner'
import { benchJson, stat, summariseJob } from '../src/Summary'

const dir = mkdtempSync(join(tmpdir(), 'bench-harness-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const node = process.execPath

describe('medians', () => {
  it('are the middle value of an odd count and the mean of the middle two of an even one', () => {
    expect(median([9, 1, 5, 3, 7])).toBe(5)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(stat([10, 30, 20])).toEqual({ median: 20, min: 10, max: 30, runs: 3 })
    expect(stat([null, undefined])).toBeNull()
  })

  it('a run measured nothing when every figure is missing', () => {
    expect(measuredNothing({ figures: { a: null }, notes: ['x'] })).toBe(true)
    expect(measuredNothing({ figures: { a: null, b: 1 }, notes: [] })).toBe(false)
  })
})

describe('timed processes', () => {
  it('time a command that exits 0, with its output and peak RSS', async () => {
    const r = await timeProcess(node, ['-e', 'process.stdout.write("hello")'], {
      timeoutMs: 30_000,
    })
    expect(r._tag).toBe('Exited')
    if (r._tag !== 'Exited') return
    expect(r.stdout).toBe('hello')
    expect(r.ms).toBeGreaterThan(0)
    expect(r.peakRssMb).toBeGreaterThan(1)
  })

  it('report a command that fails with its exit code and the end of its stderr', async () => {
    const r = await timeProcess(node, ['-e', 'console.error("no such plan"); process.exit(3)'], {
      timeoutMs: 30_000,
    })
    expect(r).toEqual({ _tag: 'Failed', reason: expect.stringContaining('exited with') })
    if (r._tag === 'Failed') expect(r.reason).toContain('no such plan')
  })

  it('kill the whole process group of a command that runs out of time', async () => {
    const pidFile = join(dir, 'pid')
    const r = await timeProcess(
      node,
      [
        '-e',
        `require("fs").writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000)`,
      ],
      { timeoutMs: 1_500 },
    )
    expect(r).toEqual({ _tag: 'Failed', reason: 'did not finish within 2 s' })
    const pid = Number(readFileSync(pidFile, 'utf8'))
    await new Promise((resolve) => setTimeout(resolve, 200))
    // Dead: gone, or a zombie left to the machine's init to reap (its state field is Z).
    const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : ''
    expect(stat === '' || /^\d+ \(.*\) Z /.test(stat), stat).toBe(true)
  })
})

describe('the built-packages check', () => {
  it('names a package without dist and one whose sources are newer', () => {
    const pkgs = join(dir, 'packages')
    const make = (name: string, withDist: boolean, srcNewer: boolean): void => {
      mkdirSync(join(pkgs, name, 'src'), { recursive: true })
      writeFileSync(
        join(pkgs, name, 'package.json'),
        JSON.stringify({ name: `@x/${name}`, scripts: { build: 'tsup' } }),
      )
      writeFileSync(join(pkgs, name, 'src', 'index.ts'), 'export {}\n')
      if (!withDist) return
      mkdirSync(join(pkgs, name, 'dist'))
      writeFileSync(join(pkgs, name, 'dist', 'index.js'), 'export {}\n')
      const older = new Date('2026-01-01T00:00:00Z')
      const newer = new Date('2026-01-02T00:00:00Z')
      utimesSync(join(pkgs, name, 'dist', 'index.js'), older, srcNewer ? older : newer)
      utimesSync(join(pkgs, name, 'src', 'index.ts'), older, srcNewer ? newer : older)
    }
    make('fresh', true, false)
    make('missing', false, false)
    make('stale', true, true)
    mkdirSync(join(pkgs, 'unbuilt'))
    writeFileSync(join(pkgs, 'unbuilt', 'package.json'), JSON.stringify({ name: '@x/unbuilt' }))
    const problems = buildProblems(pkgs)
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/^@x\/missing: .*dist\/index\.js does not exist$/)
    expect(problems[1]).toMatch(/^@x\/stale: .*src\/index\.ts is newer than .*dist\/index\.js$/)
  })
})

describe('the Markdown of a run', () => {
  const json = benchJson(
    'full',
    'pnpm bench',
    'dist',
    { cpu: 'test', cores: 2, node: 'v20', os: 'test' },
    [
      summariseJob({ name: 'anchor', title: 'workload (a)' }, [
        {
          figures: { fold_vs_floor_ratio: 2, asof_cold_ms: 400, asof_ms: 12, report_ms: 250 },
          notes: [],
        },
        {
          figures: { fold_vs_floor_ratio: 4, asof_cold_ms: 300, asof_ms: 14, report_ms: 260 },
          notes: [],
        },
        {
          figures: { fold_vs_floor_ratio: 2.5, asof_cold_ms: 500, asof_ms: 13, report_ms: 270 },
          notes: [],
        },
      ]),
      summariseJob({ name: 'cli', title: 'CLI' }, [
        {
          figures: {
            cli_report_cold_ms_10k: 900,
            cli_report_cold_ms_1m: null,
            cli_verify_cold_ms_10k: 800,
          },
          notes: ['cli report on 1m events: did not finish within 600 s'],
        },
      ]),
    ],
  )
  const md = renderMarkdown(json, '2026-01-01T00:00:00.000Z', 12)

  it('judges each goal on the median of its runs, and explains or flags the missed ones', () => {
    expect(json['fold_vs_floor_ratio']).toBe(2.5)
    expect(md).toContain(
      '| full fold vs the floor (plain Maps and arrays) | `fold_vs_floor_ratio` | ≤ 3 × | 2.50 × | 2.00 | 4.00 | 3 | yes |',
    )
    expect(md).toMatch(
      /\| `asof_cold_ms` \| ≤ 50 ms \| 400\.0 ms \| 300\.0 \| 500\.0 \| 3 \| no \|/,
    )
    expect(md).toContain(
      "- **as-of, first query of a fresh process on workload (a)'s 1M-event state just restored from its checkpoint (owned, as a command holds it; timed at once)** (`asof_cold_ms`) — median 400.0 ms against ≤ 50 ms: the restored state is owned, not frozen",
    )
    expect(md).toContain(
      `- **evaluate + render the full plan as HTML** (\`report_ms\`) — median 260.0 ms against ≤ 200 ms: ${UNPROFILED}`,
    )
    expect(md).toContain(
      '| SQLite append, batches of 100 | `sqlite_append_events_per_sec` | ≥ 150,000 events/s | not measured |',
    )
  })

  it('shows the per-command latency, with a dash and a note for a command that failed', () => {
    expect(md).toContain(
      '| command | 10k events: ms | 1m events: ms | 10k: peak RSS MB | 1m: peak RSS MB |',
    )
    expect(md).toContain(
      '| `report --as-of 2025-12-31 --format md --plan sz-c0000` | 900.0 (900.0–900.0) | — | — | — |',
    )
    expect(md).toContain('- cli report on 1m events: did not finish within 600 s')
    expect(md).toContain("the packages' built `dist`")
  })

  it('builds a bound from the same run when it can', () => {
    const missed = benchJson(
      'full',
      'pnpm bench',
      'dist',
      { cpu: 't', cores: 2, node: 'v20', os: 't' },
      [
        summariseJob({ name: 'anchor', title: 'workload (a)' }, [
          {
            figures: {
              fold_vs_floor_ratio: 4,
              floor_ms: 100,
              copying_floor_ms: 150,
              fold_vs_copying_floor_ratio: 2.67,
              fold_nofreeze_vs_floor_ratio: 3.5,
            },
            notes: [],
          },
        ]),
      ],
    )
    expect(renderMarkdown(missed, 'now', 1)).toContain(
      "took 1.50 × the floor's time (the cost of those objects), and core 2.67 × the copying floor's",
    )
  })
})
