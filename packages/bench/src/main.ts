/**
 * `pnpm bench [--json] [--quick] [--cli] [--source] [--ledgers DIR] [--render]`: runs every job
 * in fresh processes, prints progress on stderr, and writes docs/benchmarks.md (full mode, every
 * job) or prints the JSON object (`--json`, `--quick`, `--cli`); the full run also keeps it in
 * docs/benchmarks.json.
 *
 * - `--render`: measures nothing; writes docs/benchmarks.md again from docs/benchmarks.json (the
 *   same run's figures) after a change to the page's text or to the goals' explanations.
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
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { buildProblems } from './Built'
import { jobsFor } from './Jobs'
import { machineInfo } from './Machine'
import { renderMarkdown } from './Markdown'
import { runJob } from './Runner'
import { benchJson, summariseJob, type BenchJson, type BenchRun, type JobSummary } from './Summary'
import { repoRoot } from './workloads/Seeds'

const log = (line: string): void => void process.stderr.write(`${line}\n`)
const argv = process.argv.slice(2).filter((a) => a !== '--')
let flags: {
  readonly json?: boolean
  readonly quick?: boolean
  readonly cli?: boolean
  readonly source?: boolean
  readonly ledgers?: string
  readonly render?: boolean
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
      render: { type: 'boolean' },
    },
  }).values
} catch (e) {
  log(
    `${(e as Error).message}\nusage: pnpm bench [--json] [--quick] [--cli] [--source] [--ledgers DIR] [--render]`,
  )
  process.exit(2)
}
if (flags.render === true) {
  const json = JSON.parse(readFileSync(`${repoRoot}docs/benchmarks.json`, 'utf8')) as BenchJson
  const run = json['run'] as BenchRun | undefined
  if (run === undefined) {
    log(
      'docs/benchmarks.json has no `run` (finishedAt, seconds): it predates --render; run the bench',
    )
    process.exit(2)
  }
  writeFileSync(`${repoRoot}docs/benchmarks.md`, renderMarkdown(json, run.finishedAt, run.seconds))
  log(`rendered docs/benchmarks.md from docs/benchmarks.json (run of ${run.finishedAt})`)
  process.exit(0)
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
  const run = { finishedAt: new Date().toISOString(), seconds }
  writeFileSync(path, renderMarkdown(json, run.finishedAt, run.seconds))
  // The figures behind the page, to read, to compare with a later run or to render again.
  writeFileSync(`${repoRoot}docs/benchmarks.json`, `${JSON.stringify({ ...json, run }, null, 2)}\n`)
  log(`wrote ${path} in ${seconds.toFixed(0)} s`)
}
