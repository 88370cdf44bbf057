/**
 * Runs a job in fresh child processes, one after the other (never in parallel: they would
 * compete for the same cores), and collects what each measured.
 *
 * @module Runner
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Job } from './Jobs'
import type { SuiteResult } from './measure/Timing'

const workerPath = fileURLToPath(new URL('./worker.ts', import.meta.url))

/**
 * The node flags of a child: gc exposed (for bytes per event) and a heap limit. The bench's own
 * modules run through tsx, which leaves JavaScript files as they are: the packages measured are
 * loaded from their built `dist`, the code users import, unless `source` asks for their
 * TypeScript sources (the `@progress-ledger/source` condition, for development).
 */
export function childArgs(job: Job, source: boolean): string[] {
  return [
    `--max-old-space-size=${job.heapMb}`,
    '--expose-gc',
    ...(source ? ['--conditions=@progress-ledger/source'] : []),
    '--import',
    'tsx',
    workerPath,
    JSON.stringify(job.task),
  ]
}

/** Runs one fresh process of a job. A crashed child gives no figures and a note. */
export function runOnce(job: Job, source: boolean): SuiteResult {
  const r = spawnSync(process.execPath, childArgs(job, source), {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: process.env,
  })
  const last = r.stdout.trim().split('\n').pop() ?? ''
  if (r.status === 0 && last.startsWith('{')) return JSON.parse(last) as SuiteResult
  return {
    figures: {},
    notes: [
      `${job.name}: child exited with ${r.status ?? r.signal}: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' / ').slice(0, 400)}`,
    ],
  }
}

/** Did a run measure nothing at all? */
export function measuredNothing(r: SuiteResult): boolean {
  return Object.values(r.figures).every((v) => v === null || !Number.isFinite(v))
}

/**
 * Runs all processes of a job, reporting progress on stderr. A job marked `stopAfterFailure`
 * stops after a run that measured nothing (its note says why).
 */
export function runJob(job: Job, source: boolean, log: (line: string) => void): SuiteResult[] {
  const results: SuiteResult[] = []
  for (let i = 0; i < job.runs; i++) {
    const start = performance.now()
    const r = runOnce(job, source)
    results.push(r)
    log(
      `${job.name}: run ${i + 1}/${job.runs} in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    )
    if (job.stopAfterFailure === true && measuredNothing(r)) {
      log(`${job.name}: stopped after a run that measured nothing: ${r.notes.join('; ')}`)
      break
    }
  }
  return results
}
