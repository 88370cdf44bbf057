// Every quick job runs in process (smaller still) and gives the JSON and Markdown shapes; the CLI
// jobs really run the CLI (from its sources, as the tests run on sources) on generated ledgers.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { jobsFor, type Task } from '../src/Jobs'
import { renderMarkdown } from '../src/Markdown'
import { runOnce } from '../src/Runner'
import { benchJson, HEADLINE, summariseJob } from '../src/Summary'
import { runTask } from '../src/Tasks'
import { pgCliLedger, runCliPostgresSuite } from '../src/measure/CliPostgres'

const ledgers = mkdtempSync(join(tmpdir(), 'bench-quick-'))
const MACHINE = { cpu: 'test', cores: 1, node: process.version, os: 'test' }
afterAll(() => rmSync(ledgers, { recursive: true, force: true }))

function smaller(task: Task): Task {
  switch (task.suite) {
    case 'anchor':
      return { ...task, events: 2_000, spreadEvents: 500, incrementalEvents: 10 }
    case 'counties':
      return { ...task, counties: 1 }
    case 'railway':
      return { ...task, projects: 2 }
    case 'sqlite':
    case 'postgres':
      return { ...task, events: 200 }
    case 'cli':
    case 'cli-pg':
      return { ...task, sizes: [1_500] }
    case 'cli-intake':
      return { ...task, lines: 500 }
  }
}

describe('quick mode', () => {
  it('has an odd number of runs per job in the full run, and the CLI jobs', () => {
    const full = jobsFor('full', { pgUrl: 'postgres://x' })
    expect(full.every((j) => j.runs % 2 === 1)).toBe(true)
    expect(full.map((j) => j.name)).toEqual(
      expect.arrayContaining(['anchor', 'postgres', 'cli', 'cli-intake']),
    )
    expect(jobsFor('full', { cliOnly: true }).map((j) => j.name)).toEqual(['cli', 'cli-intake'])
    expect(jobsFor('full', { cliOnly: true, pgUrl: 'postgres://x' }).map((j) => j.name)).toEqual([
      'cli',
      'cli-pg',
      'cli-intake',
    ])
  })

  it('times the reading commands on a PostgreSQL ledger the CLI loaded (PG_URL), or says why not', async () => {
    const url = process.env['PG_URL']
    const task = { sizes: [1_500], dir: ledgers, source: true, timeoutS: 120 }
    const r = await runCliPostgresSuite(task, url)
    if (url === undefined || url === '') {
      expect(r.notes).toEqual(['cli-pg: PG_URL is not set'])
      expect(r.figures['cli_pg_report_cold_ms_1.5k']).toBeNull()
      return
    }
    expect(r.notes).toEqual([])
    for (const name of ['report', 'status', 'list_plans', 'verify'])
      expect(r.figures[`cli_pg_${name}_cold_ms_1.5k`], name).toBeGreaterThan(0)
    // Loaded once: a second run finds the ledger in its schema and reuses it.
    const again = await runCliPostgresSuite(task, url)
    expect(again.notes).toEqual([])
    const job = { name: 'cli-pg', title: 'CLI on PostgreSQL' }
    const json = benchJson('quick', 'pnpm bench --quick', 'source', MACHINE, [
      summariseJob(job, [r, again]),
    ])
    const md = renderMarkdown(json, '2026-01-01T00:00:00.000Z', 1)
    expect(md).toContain('### The same commands on PostgreSQL')
    expect(md).toMatch(/\| `list plans` \| [\d,.]+ \(/)
    expect(md).not.toContain('`checkpoint` — the first command')
    const pool = new pg.Pool({ connectionString: url })
    try {
      const { schema } = pgCliLedger(url, 1_500)
      const head = await pool.query(`SELECT position FROM ${schema}.ledger_head`)
      expect(Number(head.rows[0]?.position)).toBe(1_500)
      await pool.query(`DROP SCHEMA ${schema} CASCADE`)
    } finally {
      await pool.end()
    }
  })

  it('runs a job in a fresh process, with gc exposed for the heap figures', () => {
    const r = runOnce(
      {
        name: 'anchor',
        title: 'small anchor',
        task: {
          suite: 'anchor',
          // Enough events that a few KB of heap noise is a few bytes per event: at 2,000, with
          // ids as flat strings, the per-event figures moved by ±150 B from run to run.
          events: 20_000,
          spreadEvents: 0,
          incrementalEvents: 10,
          snapshot: false,
        },
        runs: 1,
        heapMb: 1024,
      },
      true,
    )
    expect(r.notes).toEqual([])
    const { bytes_per_event: all, store_overhead_bytes_per_event: overhead } = r.figures
    const inputs = r.figures['input_bytes_per_event']
    // An event with its envelope and data takes well over 100 bytes, whether counted as inputs or
    // as everything the store holds; the store holds the inputs themselves (their data and id
    // strings), so what it adds over them is less than the whole.
    expect(all).toBeGreaterThan(100)
    expect(inputs).toBeGreaterThan(100)
    expect(Number.isFinite(overhead)).toBe(true)
    expect(Math.abs(overhead ?? Infinity)).toBeLessThan(all ?? 0)
  })

  it('runs every quick task in process and produces the JSON and Markdown', async () => {
    const jobs = jobsFor('quick', { source: true, ledgers }).map((job) => ({
      ...job,
      task: smaller(job.task),
    }))
    const summaries = []
    for (const job of jobs) summaries.push(summariseJob(job, [await runTask(job.task)]))
    const json = benchJson(
      'quick',
      'pnpm bench --quick',
      'source',
      { cpu: 'test', cores: 1, node: process.version, os: 'test' },
      summaries,
    )
    for (const key of HEADLINE) expect(json).toHaveProperty(key)
    for (const key of [
      'append_events_per_sec',
      'fold_vs_floor_ratio',
      'fold_vs_persistent_floor_ratio',
      'fold_vs_spread_ratio',
      'asof_cold_ms',
      'asof_published_first_ms',
      'asof_ms',
      'incremental_us',
      'incremental_cold_us',
      'memory_read_replay_events_per_sec',
      'report_ms',
    ])
      expect(typeof json[key], key).toBe('number')
    expect(json['pg_append_events_per_sec']).toBeNull()
    expect(json['cli_report_cold_ms_1m']).toBeNull()
    expect(json.jobs['anchor']?.figures['events']?.median).toBe(2_000)
    // The CLI ran: every command on the 1.5k ledger, and the intake of 500 lines.
    expect(json.notes.filter((n) => n.startsWith('cli') || n.startsWith('checkpoint'))).toEqual([])
    const cli = json.jobs['cli']?.figures
    for (const name of ['checkpoint', 'report', 'status', 'verify', 'append_one'])
      expect(cli?.[`cli_${name}_cold_ms_1.5k`]?.median, name).toBeGreaterThan(0)
    // The checkpoint the CLI stored, restored in a fresh process: one plan's part and the whole.
    for (const key of [
      'checkpoint_restore_plan_ms_1.5k',
      'checkpoint_restore_all_ms_1.5k',
      'asof_cold_cli_ms_1.5k',
    ])
      expect(cli?.[key]?.median, key).toBeGreaterThan(0)
    expect(json.jobs['cli-intake']?.figures['cli_append_500_lines_s']?.median).toBeGreaterThan(0)

    const md = renderMarkdown(json, '2026-01-01T00:00:00.000Z', 1)
    expect(md).toContain('| measurement | key | goal | median | min | max | runs | met |')
    expect(md).toContain('## Per-command latency (CLI, SQLite, fresh process each)')
    expect(md).toMatch(/\| `verify` \| [\d,.]+ \(/)
    expect(md).toContain('Intake: `append` of 500 valid')
    expect(md).toContain('the TypeScript sources (`--source`)')
    expect(md).not.toContain('Peers')
  })
})
