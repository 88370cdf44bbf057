// Spawning writer processes. The TypeScript worker is bundled once per test file with vite
// (better-sqlite3 left external) into the package's node_modules/.cache, so that each process
// starts in a fraction of a second instead of transpiling the sources again through tsx.
import { type ChildProcess, spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const source = fileURLToPath(new URL('./writer.ts', import.meta.url))
const root = fileURLToPath(new URL('../..', import.meta.url))
let bundled: Promise<string> | undefined
const outDir = `${root}node_modules/.cache/writer-${process.pid}`

/** Removes the bundle. */
export function disposeWriter(): void {
  rmSync(outDir, { recursive: true, force: true })
  bundled = undefined
}

/** Bundles the writer (once) and returns the path of the runnable module. */
export function prepareWriter(): Promise<string> {
  bundled ??= (async () => {
    await build({
      configFile: false,
      logLevel: 'silent',
      root,
      ssr: {
        noExternal: true,
        external: ['better-sqlite3'],
        resolve: {
          conditions: ['@progress-ledger/source', 'node', 'import'],
          externalConditions: [],
        },
      },
      build: {
        ssr: source,
        outDir,
        emptyOutDir: true,
        minify: false,
        target: 'node20',
        rollupOptions: { output: { format: 'es', entryFileNames: 'writer.mjs' } },
      },
    })
    return `${outDir}/writer.mjs`
  })()
  return bundled
}

/** A running writer process. */
export interface Writer {
  readonly child: ChildProcess
  readonly output: () => string
  readonly exit: Promise<number | null>
}

/** Starts a writer process with its arguments; stdout is collected as text. */
export async function startWriter(args: object): Promise<Writer> {
  const child = spawn(process.execPath, [await prepareWriter(), JSON.stringify(args)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout?.on('data', (chunk: Buffer) => void (out += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => void (err += chunk.toString()))
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code, signal) => {
      if (code !== 0 && signal === null)
        process.stderr.write(`writer ${JSON.stringify(args)} failed (${code}): ${err}\n`)
      resolve(code)
    }),
  )
  return { child, output: () => out, exit }
}

/** Resolves once the writer has printed `line`. */
export function waitFor(w: Writer, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (w.output().includes(line)) resolve()
    }
    w.child.stdout?.on('data', check)
    w.child.on('exit', () =>
      w.output().includes(line)
        ? resolve()
        : reject(new Error(`writer exited before printing ${line}`)),
    )
    check()
  })
}
