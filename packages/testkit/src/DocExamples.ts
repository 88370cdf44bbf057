/**
 * Runnable documentation: finds every `@example` block in a package's sources and runs it, so an
 * example cannot rot. An example is TypeScript; `import` lines are resolved from a map of modules
 * the caller supplies (normally the package's own index and its dependencies), and every line of
 * the form `expression // expected` becomes a check that the expression deep-equals the expected
 * value (an expected value may be any JavaScript expression). A full-line `// …` comment is prose;
 * a full-line comment that is code (`// const r = …`, `// await …`) is refused, since it would
 * look like an example without being one.
 *
 * Test-runner agnostic: {@link docExamples} lists the examples, {@link runDocExample} runs one and
 * throws on the first failed check.
 *
 * @module DocExamples
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { isDeepStrictEqual } from 'node:util'
import { join, relative } from 'node:path'
import ts from 'typescript'

/** One `@example` block. */
export interface DocExample {
  /** The file, relative to the source folder. */
  readonly file: string
  /** The 1-based line of the `@example` tag. */
  readonly line: number
  /** The example's lines, without the comment decoration. */
  readonly code: ReadonlyArray<string>
}

function sourceFiles(dir: string, root: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full, root))
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(relative(root, full))
  }
  return out
}

/**
 * Every `@example` block of the `.ts` files under `srcDir` (recursively, in path order).
 *
 * @example
 * import { docExamples } from '@progress-ledger/testkit/doc-examples'
 * docExamples('.', { files: [] }) // []
 */
export function docExamples(
  srcDir: string,
  options: { readonly files?: ReadonlyArray<string> } = {},
): DocExample[] {
  const files = options.files ?? sourceFiles(srcDir, srcDir)
  const out: DocExample[] = []
  for (const file of files) {
    const lines = readFileSync(join(srcDir, file), 'utf8').split('\n')
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*\* @example\s*$/.test(lines[i] as string)) continue
      const code: string[] = []
      for (let j = i + 1; j < lines.length; j++) {
        const l = lines[j] as string
        if (/^\s*\*\/\s*$/.test(l) || /^\s*\* @\w+/.test(l)) break
        code.push(l.replace(/^\s*\* ?/, ''))
      }
      out.push({ file, line: i + 1, code })
    }
  }
  return out
}

const COMMENTED_CODE =
  /^\s*\/\/\s*(?:const |let |await |import |return |\(?await |[\w.]+\(.*\)\s*;?\s*$)/

function importBinding(clause: string, module: string): string {
  const target = `__modules[${JSON.stringify(module)}]`
  const parts: string[] = []
  const named = /\{([^}]*)\}/.exec(clause)
  const rest = clause
    .replace(/\{[^}]*\}/, '')
    .replace(/,\s*$/, '')
    .replace(/^\s*,/, '')
    .trim()
  if (rest.startsWith('* as ')) parts.push(`const ${rest.slice(5).trim()} = ${target}`)
  else if (rest !== '')
    parts.push(`const ${rest.replace(/,$/, '')} = ${target}.default ?? ${target}`)
  if (named !== null) {
    const names = (named[1] as string)
      .split(',')
      .map((n) => n.trim().replace(/^type\s+/, ''))
      .filter((n) => n !== '')
      .map((n) => n.replace(/\s+as\s+/, ': '))
    if (names.length > 0) parts.push(`const { ${names.join(', ')} } = ${target}`)
  }
  return parts.join('; ')
}

/** The example as a program: imports from `__modules`, `expr // value` lines as checks. */
export function exampleProgram(ex: DocExample): {
  readonly source: string
  readonly checks: number
} {
  let checks = 0
  const body = ex.code.map((l, k) => {
    if (COMMENTED_CODE.test(l))
      throw new Error(
        `${ex.file}:${ex.line + 1 + k}: commented-out code in an example; make it run or make it prose`,
      )
    const imp = /^import\s+(?:type\s+)?(.+?)\s+from\s+'([^']+)'\s*;?$/.exec(l)
    if (imp !== null) {
      if (/^import\s+type\s/.test(l)) return ''
      return importBinding(imp[1] as string, imp[2] as string)
    }
    const m = /^(?!\s*\/\/)(.*\S)\s+\/\/ (.+)$/.exec(l)
    if (m === null) return l
    checks++
    const expr = (m[1] as string).replace(/^;/, '')
    return `__check(${expr}, ${m[2] as string}, ${ex.line + 1 + k})`
  })
  return { source: body.join('\n'), checks }
}

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
  ...args: string[]
) => (...a: unknown[]) => Promise<void>

function show(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v)
  } catch {
    return String(v)
  }
}

/**
 * Runs one example with its imports taken from `modules` (module specifier → module object).
 * Throws naming the file and line of the first check whose value differs, or of an import that
 * is not in `modules`. Returns the number of checks made (an example with none is an error).
 */
export async function runDocExample(
  ex: DocExample,
  modules: Readonly<Record<string, unknown>>,
): Promise<number> {
  const { source, checks } = exampleProgram(ex)
  if (checks === 0)
    throw new Error(`${ex.file}:${ex.line}: the example states no result (\`expr // value\`)`)
  for (const l of ex.code) {
    const imp = /^import\s+(?!type\s).*from\s+'([^']+)'/.exec(l)
    if (imp !== null && !((imp[1] as string) in modules))
      throw new Error(`${ex.file}:${ex.line}: the example imports ${imp[1]}, which is not supplied`)
  }
  // A line that does not parse (a statement written as `stmt // value`, say) would otherwise be
  // emitted as best it can and check nothing.
  const { outputText: js, diagnostics = [] } = ts.transpileModule(source, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
    reportDiagnostics: true,
  })
  const syntax = diagnostics[0]
  if (syntax !== undefined) {
    const at =
      syntax.file !== undefined && syntax.start !== undefined
        ? syntax.file.getLineAndCharacterOfPosition(syntax.start).line
        : 0
    throw new Error(
      `${ex.file}:${ex.line + 1 + at}: the example does not parse: ${ts.flattenDiagnosticMessageText(syntax.messageText, ' ')}`,
    )
  }
  const failures: string[] = []
  const check = (actual: unknown, expected: unknown, line: number): void => {
    if (!isDeepStrictEqual(actual, expected))
      failures.push(`${ex.file}:${line}: expected ${show(expected)}, got ${show(actual)}`)
  }
  await new AsyncFunction('__modules', '__check', js)(modules, check)
  if (failures.length > 0) throw new Error(failures.join('\n'))
  return checks
}
