/**
 * The bench measures the packages' built `dist`: before a run it checks that every package with
 * a build has one, and that none of its sources is newer than it (a stale `dist` would measure
 * code that is no longer in the tree).
 *
 * @module Built
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

function newestFile(dir: string): { readonly path: string; readonly mtimeMs: number } | undefined {
  let newest: { path: string; mtimeMs: number } | undefined
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    const st = statSync(full)
    const found = st.isDirectory() ? newestFile(full) : { path: full, mtimeMs: st.mtimeMs }
    if (found !== undefined && (newest === undefined || found.mtimeMs > newest.mtimeMs))
      newest = found
  }
  return newest
}

/**
 * What is wrong with the built packages under `packagesDir`, one line each (none: all built
 * and fresh). A package counts if its package.json has a `build` script.
 */
export function buildProblems(packagesDir: string): string[] {
  const problems: string[] = []
  for (const name of readdirSync(packagesDir).sort()) {
    const dir = join(packagesDir, name)
    const manifest = join(dir, 'package.json')
    if (!existsSync(manifest)) continue
    const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
      readonly name?: string
      readonly scripts?: Readonly<Record<string, string>>
    }
    if (pkg.scripts?.['build'] === undefined) continue
    const built = join(dir, 'dist', 'index.js')
    if (!existsSync(built)) {
      problems.push(`${pkg.name ?? name}: ${built} does not exist`)
      continue
    }
    const src = existsSync(join(dir, 'src')) ? newestFile(join(dir, 'src')) : undefined
    if (src !== undefined && src.mtimeMs > statSync(built).mtimeMs)
      problems.push(`${pkg.name ?? name}: ${src.path} is newer than ${built}`)
  }
  return problems
}
