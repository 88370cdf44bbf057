/**
 * `pnpm bench [--json] [--quick]`: runs every job in fresh processes, prints progress on stderr,
 * and writes docs/benchmarks.md (full mode) or prints the JSON object (`--json`).
 *
 * @module main
 */
import { writeFileSync } from 'node:fs'
import { jobsFor } from './Jobs'
import { machineInfo } from './Machine'
import { renderMarkdown } from './Markdown'
import { runJob } from './Runner'
import { benchJson, summariseJob, type JobSummary } from './Summary'
import { repoRoot } from './workloads/Seeds'

const args = process.argv.slice(2)
const asJson = args.includes('--json')
const quick = args.includes('--quick')
const mode = quick ? 'quick' : 'full'
const command = `pnpm bench${args.length > 0 ? ` ${args.join(' ')}` : ''}`
const log = (line: string): void => void process.stderr.write(`${line}\n`)

const start = performance.now()
const summaries: JobSummary[] = []
for (const job of jobsFor(mode, process.env['PG_URL'])) {
  log(`${job.name}: ${job.title}, ${job.runs} fresh process${job.runs === 1 ? '' : 'es'}`)
  summaries.push(summariseJob(job, runJob(job, log)))
}
const seconds = (performance.now() - start) / 1000
const json = benchJson(mode, command, machineInfo(), summaries)
if (asJson) {
  process.stdout.write(`${JSON.stringify(json, null, 2)}\n`)
} else if (quick) {
  log('quick mode: docs/benchmarks.md is left as it is; figures follow')
  process.stdout.write(`${JSON.stringify(json, null, 2)}\n`)
} else {
  const path = `${repoRoot}docs/benchmarks.md`
  writeFileSync(path, renderMarkdown(json, new Date().toISOString(), seconds))
  log(`wrote ${path} in ${seconds.toFixed(0)} s`)
}
