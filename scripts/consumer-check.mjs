#!/usr/bin/env node
// The consumer-install check: what a user of the published packages gets.
//
//  1. packs every public package with `pnpm pack` (which rewrites `workspace:*` to versions),
//     and lints each tarball with publint (strict) and @arethetypeswrong/cli;
//  2. installs the tarballs with npm into a fresh project in a temp folder outside the workspace;
//  3. loads every package through an ESM import and a CommonJS require;
//  4. runs every package README's example (and the docs pages' marked snippets) against the
//     installed packages, checking the stated results with the installed testkit's runner;
//  5. type-checks a consumer (every package, the README examples, a CommonJS file) with tsc,
//     strict and `skipLibCheck: false`, under node16 and under bundler resolution;
//  6. runs the installed `progress-ledger` binary.
//
// Usage: node scripts/consumer-check.mjs [--skip-build] [--keep]
// Needs the workspace installed; builds the packages first unless --skip-build.
import { spawn, spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = new Set(process.argv.slice(2))
const started = Date.now()
const elapsed = () => `${Math.round((Date.now() - started) / 1000)}s`
const log = (s) => console.log(`consumer-check: ${s} (${elapsed()})`)
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'))

const env = { ...process.env }
// better-sqlite3 compiles from source where no prebuilt binary can be downloaded: use the
// headers that ship with Node instead of fetching them.
if (env.npm_config_nodedir === undefined && existsSync('/usr/include/node/node.h')) {
  env.npm_config_nodedir = '/usr'
  // Offline, no prebuilt binary can be downloaded: compile at once instead of trying first.
  env.npm_config_build_from_source ??= 'better-sqlite3'
}

function run(command, argv, cwd, options = {}) {
  const r = spawnSync(command, argv, { cwd, env, encoding: 'utf8', ...options })
  if (r.status !== 0) {
    process.stdout.write(r.stdout ?? '')
    process.stderr.write(r.stderr ?? '')
    throw new Error(`${command} ${argv.join(' ')} (in ${cwd}) exited with ${r.status ?? r.signal}`)
  }
  return r.stdout ?? ''
}

/** As `run`, without blocking: resolves with standard output, rejects naming the command. */
function runAsync(command, argv, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd, env })
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve(out)
      else {
        process.stdout.write(out)
        process.stderr.write(err)
        reject(new Error(`${command} ${argv.join(' ')} (in ${cwd}) exited with ${code}`))
      }
    })
  })
}

const rootPkg = readJson(join(root, 'package.json'))
const pnpm = (argv, cwd) => run('npx', ['--yes', rootPkg.packageManager, ...argv], cwd)
const bin = (name) => join(root, 'node_modules', '.bin', name)

/** Published packages: folder, name, version, and an export that must be there. */
const known = {
  core: 'replay',
  testkit: 'given',
  plan: 'parseTarget',
  reporting: 'evaluatePlan',
  commands: 'decide',
  'store-sqlite': 'openSqliteStore',
  'store-postgres': 'openPostgresStore',
  spreadsheet: 'readFigures',
  cli: 'run',
}
const packages = readdirSync(join(root, 'packages'))
  .map((dir) => ({ dir, pkg: readJson(join(root, 'packages', dir, 'package.json')) }))
  .filter(({ pkg }) => pkg.private !== true)
  .map(({ dir, pkg }) => {
    if (!(dir in known))
      throw new Error(
        `packages/${dir}: a new public package; name an export to check in scripts/consumer-check.mjs`,
      )
    return { dir, name: pkg.name, version: pkg.version, expect: known[dir] }
  })

/** Docs pages with a runnable example (marked like the READMEs'). */
const DOC_SNIPPETS = ['docs/commands.md']

/** The README example that imports PGlite (see step 5). */
const PGLITE_README = 'readme-store-postgres.ts'

const work = mkdtempSync(join(tmpdir(), 'pl-consumer-'))
const packs = join(work, 'packs')
const app = join(work, 'app')
mkdirSync(packs)
mkdirSync(app)

try {
  if (!args.has('--skip-build')) {
    pnpm(['run', 'build'], root)
    log('built')
  }

  // 1. Pack and lint, every package at once.
  const tarballs = {}
  await Promise.all(
    packages.map(async (p) => {
      const dest = join(packs, p.dir)
      mkdirSync(dest)
      await runAsync(
        'npx',
        ['--yes', rootPkg.packageManager, 'pack', '--pack-destination', dest],
        join(root, 'packages', p.dir),
      )
      const made = readdirSync(dest)
      if (made.length !== 1)
        throw new Error(`${p.name}: expected one tarball, got ${made.join(', ')}`)
      const tarball = join(dest, made[0])
      tarballs[p.name] = tarball
      const manifest = JSON.parse(
        await runAsync('tar', ['-xzOf', tarball, 'package/package.json'], root),
      )
      const leftover = Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies })
        .filter(([, v]) => String(v).startsWith('workspace:'))
        .map(([k]) => k)
      if (leftover.length > 0)
        throw new Error(`${p.name}: workspace: ranges left in ${leftover.join(', ')}`)
      const files = (await runAsync('tar', ['-tzf', tarball], root)).split('\n')
      for (const f of ['package/README.md', 'package/LICENSE', 'package/dist/index.d.ts'])
        if (!files.includes(f)) throw new Error(`${p.name}: the tarball has no ${f.slice(8)}`)
      await runAsync(bin('publint'), ['run', tarball, '--strict'], root)
      await runAsync(bin('attw'), [tarball, '--format', 'ascii'], root)
    }),
  )
  log(`packed ${packages.length} packages; publint (strict) and attw report no problems`)

  // 2. A fresh project outside the workspace, installed with npm.
  // The exact version the workspace pins, wherever a manifest declares it.
  const manifests = [
    rootPkg,
    ...readdirSync(join(root, 'packages')).map((d) =>
      readJson(join(root, 'packages', d, 'package.json')),
    ),
  ]
  const pin = (name) => {
    const found = manifests
      .map((m) => m.devDependencies?.[name] ?? m.dependencies?.[name])
      .find((v) => v !== undefined && !v.startsWith('workspace:'))
    if (found === undefined) throw new Error(`no workspace manifest pins ${name}`)
    return found
  }
  const internal = Object.fromEntries(packages.map((p) => [p.name, `file:${tarballs[p.name]}`]))
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify(
      {
        name: 'progress-ledger-consumer',
        private: true,
        type: 'module',
        dependencies: {
          ...internal,
          'fp-ts': pin('fp-ts'),
          'io-ts': pin('io-ts'),
          immer: pin('immer'),
          '@electric-sql/pglite': pin('@electric-sql/pglite'),
          typescript: pin('typescript'),
          '@types/node': pin('@types/node'),
        },
        // The tarballs depend on each other by exact version: take those from the tarballs too.
        overrides: Object.fromEntries(packages.map((p) => [p.name, `$${p.name}`])),
      },
      null,
      2,
    )}\n`,
  )
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], app)
  log('installed the tarballs with npm')

  // 3. ESM import and CommonJS require.
  const checks = packages.map((p) => [p.name, p.expect])
  writeFileSync(
    join(app, 'esm-check.mjs'),
    `const checks = ${JSON.stringify(checks)}\nfor (const [name, expected] of checks) {\n  const m = await import(name)\n  if (typeof m[expected] !== 'function') throw new Error(\`import \${name}: no \${expected}\`)\n}\nconst doc = await import('@progress-ledger/testkit/doc-examples')\nif (typeof doc.runDocExample !== 'function') throw new Error('import @progress-ledger/testkit/doc-examples: no runDocExample')\nconsole.log(\`ESM import: \${checks.length} packages\`)\n`,
  )
  writeFileSync(
    join(app, 'cjs-check.cjs'),
    `const checks = ${JSON.stringify(checks)}\nfor (const [name, expected] of checks) {\n  const m = require(name)\n  if (typeof m[expected] !== 'function') throw new Error(\`require \${name}: no \${expected}\`)\n}\nif (typeof require('@progress-ledger/testkit/doc-examples').runDocExample !== 'function') throw new Error('require doc-examples')\nconsole.log(\`CJS require: \${checks.length} packages\`)\n`,
  )
  run(process.execPath, ['esm-check.mjs'], app)
  run(process.execPath, ['cjs-check.cjs'], app)
  log('every package loads through import and require')

  // 4. README examples, with their stated results checked.
  const examples = []
  const sources = [
    ...packages.map((p) => [`packages/${p.dir}/README.md`, `readme-${p.dir}.ts`]),
    ...DOC_SNIPPETS.map((f) => [f, `${f.replace(/\W+/g, '-')}.ts`]),
  ]
  for (const [file, target] of sources) {
    const lines = readFileSync(join(root, file), 'utf8').split('\n')
    const marker = lines.findIndex((l) => l.startsWith('<!-- runnable example'))
    let open = marker + 1
    while (lines[open] === '') open++
    if (marker < 0 || lines[open] !== '```ts') throw new Error(`${file}: no runnable example`)
    const code = lines.slice(open + 1, lines.indexOf('```', open + 1))
    examples.push({ file, line: open + 1, code })
    writeFileSync(join(app, target), `${code.join('\n')}\nexport {}\n`)
  }
  const moduleNames = [...packages.map((p) => p.name), '@electric-sql/pglite']
  writeFileSync(
    join(app, 'readme-check.mjs'),
    `import { runDocExample } from '@progress-ledger/testkit/doc-examples'\nconst modules = {}\nfor (const name of ${JSON.stringify(moduleNames)}) modules[name] = await import(name)\nlet checks = 0\nfor (const ex of ${JSON.stringify(examples)}) checks += await runDocExample(ex, modules)\nconsole.log(\`README examples: ${examples.length} run, \${checks} stated results hold\`)\n`,
  )
  process.stdout.write(run(process.execPath, ['readme-check.mjs'], app))
  log('README examples run against the installed packages')

  // 5. A strict consumer's type check, skipLibCheck false, node16 and bundler resolution.
  writeFileSync(
    join(app, 'consumer.ts'),
    [
      ...packages.map((p, i) => `import * as p${i} from '${p.name}'`),
      "import type { DocExample } from '@progress-ledger/testkit/doc-examples'",
      "import type { LedgerState, RecordedEvent } from '@progress-ledger/core'",
      "import type { PlanReport } from '@progress-ledger/reporting'",
      "import type { SqliteEventStore } from '@progress-ledger/store-sqlite'",
      "import type { PostgresEventStore } from '@progress-ledger/store-postgres'",
      "import type { Io } from '@progress-ledger/cli'",
      `export const loaded: ReadonlyArray<object> = [${packages.map((_, i) => `p${i}`).join(', ')}]`,
      'export type Used = [LedgerState, RecordedEvent, PlanReport, SqliteEventStore, PostgresEventStore, Io, DocExample]',
      '',
    ].join('\n'),
  )
  writeFileSync(
    join(app, 'consumer-cjs.cts'),
    [
      ...packages.map((p, i) => `import c${i} = require('${p.name}')`),
      `export const loaded: ReadonlyArray<object> = [${packages.map((_, i) => `c${i}`).join(', ')}]`,
      '',
    ].join('\n'),
  )
  const base = {
    target: 'ES2022',
    lib: ['ES2023'],
    types: ['node'],
    strict: true,
    skipLibCheck: false,
    noEmit: true,
  }
  writeFileSync(
    join(app, 'tsconfig.node16.json'),
    JSON.stringify({
      compilerOptions: { ...base, module: 'node16', moduleResolution: 'node16' },
      include: ['*.ts', '*.cts'],
      exclude: [PGLITE_README],
    }),
  )
  writeFileSync(
    join(app, 'tsconfig.bundler.json'),
    JSON.stringify({
      compilerOptions: { ...base, module: 'esnext', moduleResolution: 'bundler' },
      include: ['*.ts'],
      exclude: [PGLITE_README],
    }),
  )
  // PGlite's own declarations need the DOM and Emscripten typings, which a Node project does
  // not have: the README that uses PGlite is checked apart, skipping library files (our
  // declarations are checked without skipping through consumer.ts above).
  writeFileSync(
    join(app, 'tsconfig.pglite.json'),
    JSON.stringify({
      compilerOptions: {
        ...base,
        skipLibCheck: true,
        module: 'node16',
        moduleResolution: 'node16',
      },
      files: [PGLITE_README],
    }),
  )
  const tsc = join(app, 'node_modules', 'typescript', 'bin', 'tsc')
  await Promise.all(
    ['tsconfig.node16.json', 'tsconfig.bundler.json', 'tsconfig.pglite.json'].map((config) =>
      runAsync(process.execPath, [tsc, '-p', config], app),
    ),
  )
  log('tsc (strict, skipLibCheck false): node16 and bundler resolution compile')

  // 6. The installed binary.
  const cliVersion = packages.find((p) => p.dir === 'cli').version
  const pl = join(app, 'node_modules', '.bin', 'progress-ledger')
  const version = run(pl, ['--version'], app).trim()
  if (version !== cliVersion)
    throw new Error(`progress-ledger --version: expected ${cliVersion}, got ${version}`)
  const parsed = JSON.parse(run(pl, ['target', 'parse', '95以上', '--json'], app))
  if (parsed.en !== '95 or more')
    throw new Error(`progress-ledger target parse: got ${JSON.stringify(parsed)}`)
  const report = spawnSync(pl, ['report'], { cwd: app, env, encoding: 'utf8' })
  if (
    report.status !== 1 ||
    !report.stderr.includes('no ledger at') ||
    existsSync(join(app, 'progress-ledger.sqlite'))
  )
    throw new Error(
      `progress-ledger report without a ledger: expected exit 1 and no file, got ${report.status}: ${report.stderr}`,
    )
  log(`the progress-ledger binary runs (version ${version})`)
  console.log(`consumer-check: ok, ${packages.length} packages, ${elapsed()}`)
} catch (e) {
  console.error(`consumer-check: FAILED after ${elapsed()}: ${e.message}`)
  if (!args.has('--keep')) console.error(`(run with --keep to keep ${work})`)
  process.exitCode = 1
} finally {
  if (!args.has('--keep')) rmSync(work, { recursive: true, force: true })
  else console.log(`consumer-check: kept ${work}`)
}
