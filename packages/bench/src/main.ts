/**
 * `pnpm bench [--json] [--quick] [--cli] [--source] [--ledgers DIR]`: runs every job in fresh
 * processes, prints progress on stderr, and writes docs/benchmarks.md (full mode, every job) or
 * prints the JSON object (`--json`, `--quick`, `--cli`); the full run also keeps it in
 * docs/benchmarks.json.
 *
 * - `--quick`: small sizes, one process per job (a smoke test).
 * - `--cli`: only the CLI's jobs (per-command latency and intake).
 * - `--source`: measure the packages' TypeScript sources instead of their built `dist`.
 * - `--ledgers DIR`: where generated SQLite ledgers are kept between runs.
 *
 * Without `--source`, the packages must be built (`pnpm build`) and their `dist` newer than
 * their sources.
 *
 * @module main
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { buildProblems } from './Built'
import { jobsFor } from './Jobs'
import { machineInfo } from './Machine'
import { renderMarkdown } from './Markdown'
import { runJob } from './Runner'
import { benchJson, summariseJob, type JobSummary } from './Summary'
import { repoRoot } from './workloads/Seeds'

const log = (line: string): void => void process.stderr.write(`${line}\n`)
const argv = process.argv.slice(2).filter((a) => a !== '--')
let flags: {
  readonly json?: boolean
  readonly quick?: boolean
  readonly cli?: boolean
  readonly source?: boolean
  readonly ledgers?: string
}
try {
  flags = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean' },
      quick: { type: 'boolean' },
      cli: { type: 'boolean' },
      source: { type: 'boolean' },
      ledgers: { type: 'string' },
    },
  }).values
} catch (e) {
  log(
    `${(e as Error).message}\nusage: pnpm bench [--json] [--quick] [--cli] [--source] [--ledgers DIR]`,
  )
  process.exit(2)
}
const mode = flags.quick === true ? 'quick' : 'full'
const source = flags.source === true
const command = `pnpm bench${argv.length > 0 ? ` ${argv.join(' ')}` : ''}`

if (!source) {
  const problems = buildProblems(`${repoRoot}packages`)
  if (problems.length > 0) {
    log(
      `the bench measures the built packages, and they are missing or stale:\n${problems.map((p) => `  ${p}`).join('\n')}\nrun \`pnpm build\` first (or pass --source to measure the sources)`,
    )
    process.exit(2)
  }
}

const start = performance.now()
const summaries: JobSummary[] = []
const jobs = jobsFor(mode, {
  pgUrl: process.env['PG_URL'],
  source,
  ...(flags.ledgers === undefined ? {} : { ledgers: flags.ledgers }),
  cliOnly: flags.cli === true,
})
for (const job of jobs) {
  log(`${job.name}: ${job.title}, ${job.runs} fresh process${job.runs === 1 ? '' : 'es'}`)
  summaries.push(summariseJob(job, runJob(job, source, log)))
}
const seconds = (performance.now() - start) / 1000
const json = benchJson(mode, command, source ? 'source' : 'dist', machineInfo(), summaries)
if (flags.json === true || mode === 'quick' || flags.cli === true || source) {
  if (flags.json !== true)
    log('docs/benchmarks.md is written by the full run on the built packages only; figures follow')
  process.stdout.write(`${JSON.stringify(json, null, 2)}\n`)
} else {
  const path = `${repoRoot}docs/benchmarks.md`
  writeFileSync(path, renderMarkdown(json, new Date().toISOString(), seconds))
  // The figures behind the page, to read or to compare with a later run.
  writeFileSync(`${repoRoot}docs/benchmarks.json`, `${JSON.stringify(json, null, 2)}\n`)
  log(`wrote ${path} in ${seconds.toFixed(0)} s`)
}
