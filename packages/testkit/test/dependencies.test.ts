// Every package under packages/ declares exactly what it imports. For each package:
//  - `dependencies` and `peerDependencies` together list exactly the packages its src imports
//    (type-only imports and `import('x')` types count), an `@types/x` counting as used when x is;
//  - every package its tests, scripts and build config import is declared: in its own manifest,
//    or in the root's devDependencies (the workspace's shared test tooling: vitest, fast-check,
//    the testkit — which core cannot list itself, since the testkit depends on core);
//  - every devDependency is imported by those files, mirrors a peer dependency (installed for
//    development), or is the `@types/x` of a package the package imports.
// The scan reads imports with the TypeScript parser, so comments and strings never count.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..', '..')
const packagesDir = join(root, 'packages')

interface Manifest {
  readonly name: string
  readonly dependencies?: Readonly<Record<string, string>>
  readonly peerDependencies?: Readonly<Record<string, string>>
  readonly devDependencies?: Readonly<Record<string, string>>
}

const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest

function codeFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name === 'dist') continue
    const full = join(dir, name)
    if (statSync(full).isDirectory()) out.push(...codeFiles(full))
    else if (/\.(?:[cm]?ts|[cm]?js)$/.test(name) && !name.endsWith('.d.ts')) out.push(full)
  }
  return out
}

/** The module specifiers a file imports, re-exports, requires or names in an `import()` type. */
function moduleSpecifiers(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true)
  const out: string[] = []
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      out.push(node.moduleSpecifier.text)
    else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    )
      out.push(node.argument.literal.text)
    else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      out.push(node.arguments[0].text)
    else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    )
      out.push(node.moduleReference.expression.text)
    ts.forEachChild(node, visit)
  }
  visit(source)
  return out
}

/** The package a specifier names, or undefined for relative paths and Node's built-ins. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:'))
    return undefined
  const parts = specifier.split('/')
  if (builtinModules.includes(parts[0] as string)) return undefined
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/** Imported package → the first file (relative to the repository) that imports it. */
function importsOf(files: ReadonlyArray<string>, self: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const file of files)
    for (const spec of moduleSpecifiers(file, readFileSync(file, 'utf8'))) {
      const name = packageOf(spec)
      if (name !== undefined && name !== self && !out.has(name)) out.set(name, relative(root, file))
    }
  return out
}

const typesOf = (name: string): string =>
  `@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`

/** Every way the manifest of the package in `dir` differs from what its files import. */
function dependencyProblems(dir: string, rootDevDependencies: ReadonlySet<string>): string[] {
  const manifest = readManifest(dir)
  const files = codeFiles(dir)
  const inSrc = (f: string): boolean => relative(dir, f).split(/[\\/]/)[0] === 'src'
  const src = importsOf(files.filter(inSrc), manifest.name)
  const rest = importsOf(
    files.filter((f) => !inSrc(f)),
    manifest.name,
  )
  const deps = Object.keys(manifest.dependencies ?? {})
  const peers = Object.keys(manifest.peerDependencies ?? {})
  const devs = Object.keys(manifest.devDependencies ?? {})
  const runtime = new Set([...deps, ...peers])
  const everything = new Set([...runtime, ...devs])
  const usedAnywhere = new Set([...src.keys(), ...rest.keys()])
  const problems: string[] = []
  const typesFor = (d: string): string | undefined =>
    [...usedAnywhere].find((u) => typesOf(u) === d)

  for (const d of [...new Set([...deps, ...peers])].sort())
    if (!src.has(d) && !(d.startsWith('@types/') && [...src.keys()].some((u) => typesOf(u) === d)))
      problems.push(
        `${manifest.name}: ${d} is in ${deps.includes(d) ? 'dependencies' : 'peerDependencies'} but nothing in src imports it`,
      )
  for (const [name, file] of [...src].sort())
    if (!runtime.has(name))
      problems.push(
        `${manifest.name}: ${file} imports ${name}, which is not in dependencies or peerDependencies`,
      )
  for (const [name, file] of [...rest].sort())
    if (!everything.has(name) && !rootDevDependencies.has(name))
      problems.push(
        `${manifest.name}: ${file} imports ${name}, which neither the package nor the workspace root declares`,
      )
  for (const d of devs.sort())
    if (!rest.has(d) && !peers.includes(d) && typesFor(d) === undefined)
      problems.push(
        `${manifest.name}: ${d} is in devDependencies but no test, script or config imports it`,
      )
  return problems
}

const rootDev = new Set(Object.keys(readManifest(root).devDependencies ?? {}))
const packages = readdirSync(packagesDir)
  .filter((d) => existsSync(join(packagesDir, d, 'package.json')))
  .sort()

describe('declared dependencies', () => {
  it('finds the workspace packages', () => {
    expect(packages.length).toBeGreaterThanOrEqual(12)
  })
  it('names the package and the dependency of every mismatch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'deps-'))
    try {
      mkdirSync(join(dir, 'src'))
      mkdirSync(join(dir, 'test'))
      writeFileSync(
        join(dir, 'package.json'),
        JSON.stringify({
          name: '@x/pkg',
          dependencies: { used: '1.0.0', unused: '1.0.0', '@types/used': '1.0.0' },
          devDependencies: { 'dev-unused': '1.0.0' },
        }),
      )
      writeFileSync(
        join(dir, 'src', 'index.ts'),
        "// import 'commented-out'\nimport { a } from 'used/sub'\nexport type T = import('undeclared').T\nimport './local'\nimport 'node:fs'\n",
      )
      writeFileSync(join(dir, 'test', 'a.test.ts'), "import 'vitest'\nimport 'stray'\n")
      expect(dependencyProblems(dir, new Set(['vitest']))).toEqual([
        '@x/pkg: unused is in dependencies but nothing in src imports it',
        `@x/pkg: ${relative(root, join(dir, 'src', 'index.ts'))} imports undeclared, which is not in dependencies or peerDependencies`,
        `@x/pkg: ${relative(root, join(dir, 'test', 'a.test.ts'))} imports stray, which neither the package nor the workspace root declares`,
        '@x/pkg: dev-unused is in devDependencies but no test, script or config imports it',
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
  for (const dir of packages)
    it(`${dir} declares exactly what it imports`, () => {
      expect(dependencyProblems(join(packagesDir, dir), rootDev)).toEqual([])
    })
})
