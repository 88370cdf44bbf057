#!/usr/bin/env node
// Entry point of the README's two quick-start commands (`npm run demo`, `npm test`).
// It needs only Node 20 and npm: pnpm is fetched through npx at the pinned version, the
// workspace is installed from the lockfile, then the requested job runs.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const job = process.argv[2]
const pnpmVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager
const env = { ...process.env }
// better-sqlite3 compiles from source where no prebuilt binary can be downloaded; point
// node-gyp at the headers that ship with Node instead of fetching them (pnpm ignores .npmrc's nodedir).
if (env.npm_config_nodedir === undefined && existsSync('/usr/include/node/node.h')) {
  env.npm_config_nodedir = '/usr'
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
const pnpm = (...args) => run('npx', ['--yes', pnpmVersion, ...args])

switch (job) {
  case 'demo':
    pnpm('install', '--frozen-lockfile')
    pnpm('run', 'main-job')
    break
  case 'test':
    pnpm('install', '--frozen-lockfile')
    pnpm('run', 'build')
    run(process.execPath, [join(root, 'scripts/test.mjs')])
    break
  default:
    console.error(`usage: node scripts/bootstrap.mjs demo|test (got ${String(job)})`)
    process.exit(2)
}
