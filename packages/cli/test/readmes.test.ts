// Every published package's README has one runnable example (the ```ts block after the
// "runnable example" marker), and so do the docs pages in DOC_SNIPPETS; each runs here against
// the workspace sources, with its stated results (`expression // expected`) checked by testkit's
// doc-example runner. The consumer-install check (scripts/consumer-check.mjs) runs and
// type-checks the same blocks against the packed tarballs.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as pglite from '@electric-sql/pglite'
import * as commands from '@progress-ledger/commands'
import * as core from '@progress-ledger/core'
import * as plan from '@progress-ledger/plan'
import * as reporting from '@progress-ledger/reporting'
import * as spreadsheet from '@progress-ledger/spreadsheet'
import * as sqlite from '@progress-ledger/store-sqlite'
import * as postgres from '@progress-ledger/store-postgres'
import * as testkit from '@progress-ledger/testkit'
import { type DocExample, runDocExample } from '@progress-ledger/testkit/doc-examples'
import { describe, expect, it } from 'vitest'
import * as cli from '../src/index'

const packagesDir = join(__dirname, '..', '..')
const MARKER = '<!-- runnable example'
/** Docs pages whose marked snippet runs too. */
const DOC_SNIPPETS = ['docs/commands.md']

/** The published packages: every package folder whose package.json is not private. */
const published = readdirSync(packagesDir).filter((d) => {
  const pkg = JSON.parse(readFileSync(join(packagesDir, d, 'package.json'), 'utf8')) as {
    private?: boolean
  }
  return pkg.private !== true
})

/** The ```ts block after the marker in a Markdown file (relative to the repository), as a doc example. */
function markedExample(file: string): DocExample {
  const lines = readFileSync(join(packagesDir, '..', file), 'utf8').split('\n')
  const marker = lines.findIndex((l) => l.startsWith(MARKER))
  if (marker < 0) throw new Error(`${file}: no "${MARKER}" marker`)
  let open = marker + 1
  while (lines[open] === '') open++
  if (lines[open] !== '```ts')
    throw new Error(`${file}:${open + 1}: expected a \`\`\`ts block after the marker`)
  const close = lines.indexOf('```', open + 1)
  return { file, line: open + 1, code: lines.slice(open + 1, close) }
}

const modules = {
  '@electric-sql/pglite': pglite,
  '@progress-ledger/cli': cli,
  '@progress-ledger/commands': commands,
  '@progress-ledger/core': core,
  '@progress-ledger/plan': plan,
  '@progress-ledger/reporting': reporting,
  '@progress-ledger/spreadsheet': spreadsheet,
  '@progress-ledger/store-sqlite': sqlite,
  '@progress-ledger/store-postgres': postgres,
  '@progress-ledger/testkit': testkit,
}

describe('package READMEs', () => {
  it('every published package has a README, a LICENSE and the files that ship them', () => {
    expect(published.sort()).toEqual([
      'cli',
      'commands',
      'core',
      'plan',
      'reporting',
      'spreadsheet',
      'store-postgres',
      'store-sqlite',
      'testkit',
    ])
    const license = readFileSync(join(packagesDir, '..', 'LICENSE'), 'utf8')
    expect(license).toMatch(/^MIT License\n/)
    for (const dir of published) {
      expect(readFileSync(join(packagesDir, dir, 'LICENSE'), 'utf8')).toBe(license)
      const pkg = JSON.parse(readFileSync(join(packagesDir, dir, 'package.json'), 'utf8')) as {
        license: string
        files: string[]
        engines: { node: string }
        repository: { directory: string }
        publishConfig: { access: string }
      }
      expect(pkg.license).toBe('MIT')
      expect(pkg.files).toEqual(expect.arrayContaining(['dist', 'README.md', 'LICENSE']))
      expect(pkg.engines.node).toBe('>=20.11')
      expect(pkg.repository.directory).toBe(`packages/${dir}`)
      expect(pkg.publishConfig.access).toBe('public')
    }
  })

  for (const file of [...published.map((dir) => `packages/${dir}/README.md`), ...DOC_SNIPPETS])
    it(`${file}: the example runs and its stated results hold`, async () => {
      expect(await runDocExample(markedExample(file), modules)).toBeGreaterThan(0)
    })
})
