#!/usr/bin/env node
// Runs the whole vitest suite once and ends with a plain `N passed, N failed` line taken from
// vitest's JSON report, so that a run that executed no test is visible.
import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, '.vitest-results.json')
rmSync(out, { force: true })
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs')
const result = spawnSync(
  process.execPath,
  [
    vitest,
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
)
let passed = 0
let failed = 0
try {
  const report = JSON.parse(readFileSync(out, 'utf8'))
  passed = report.numPassedTests
  failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0)
} catch (error) {
  console.error(`no vitest JSON report at ${out}: ${error.message}`)
  failed = Math.max(failed, 1)
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(result.status === 0 && failed === 0 && passed > 0 ? 0 : 1)
