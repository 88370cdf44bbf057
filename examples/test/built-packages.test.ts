// Loads every built, published package through plain Node — `import` and `require`, without the
// source condition — the way users get them from npm. Run after `pnpm build`.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const published = readdirSync(join(root, 'packages'))
  .map((dir) => ({
    dir,
    manifest: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) as {
      name: string
      private?: boolean
    },
  }))
  .filter((p) => p.manifest.private !== true)

function load(mode: 'import' | 'require', dir: string, name: string): string[] {
  const script =
    mode === 'import'
      ? `import(${JSON.stringify(name)}).then((m) => console.log(JSON.stringify(Object.keys(m))))`
      : `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(name)}))))`
  // Run inside the package (Node resolves a package's own name through its exports map),
  // outside vitest's resolver and without the source condition.
  const out = execFileSync(process.execPath, ['-e', script], {
    cwd: join(root, 'packages', dir),
    encoding: 'utf8',
  })
  return JSON.parse(out) as string[]
}

describe('built packages', () => {
  it('are all built', () => {
    const missing = published.filter(
      (p) => !existsSync(join(root, 'packages', p.dir, 'dist', 'index.js')),
    )
    expect(missing.map((p) => p.manifest.name)).toEqual([])
  })
  for (const { dir, manifest } of published) {
    it(`${manifest.name} loads through import and require with the same exports`, () => {
      const esm = load('import', dir, manifest.name).filter(
        (k) => k !== 'default' && k !== 'module.exports',
      )
      const cjs = load('require', dir, manifest.name)
      expect(esm.length).toBeGreaterThan(0)
      expect(esm.sort()).toEqual(cjs.sort())
    })
  }
})
