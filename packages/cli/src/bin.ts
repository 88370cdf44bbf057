#!/usr/bin/env node
// The `progress-ledger` executable: wires the real world (streams, files, the system clock,
// random id prefixes) into the command line and exits with its code.
import { randomUUID } from 'node:crypto'
import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { clockFrom } from '@progress-ledger/core'
import { run } from './Cli'
import { fileLines, partialFile, readText } from './Io'

// Output piped into `head` and the like may close early: stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw e
  })
}

const cwd = process.cwd()
let finished = false
// The command's write has committed: an interruption now loses nothing of it.
let committed = false
void run(process.argv.slice(2), {
  stdout: {
    write: (s) => void process.stdout.write(s),
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns,
  },
  stderr: {
    write: (s) => void process.stderr.write(s),
    isTTY: process.stderr.isTTY === true,
    columns: process.stderr.columns,
  },
  cwd,
  env: process.env,
  clock: clockFrom(() => new Date()),
  idPrefix: () => `cli-${randomUUID()}`,
  readFile: (path) => readText(resolve(cwd, path)),
  readLines: (path) => {
    const full = resolve(cwd, path)
    // Fail now, not after the ledger has been loaded, when the file is not there.
    if (!statSync(full).isFile()) throw new Error(`${path} is not a file`)
    return fileLines(full)
  },
  writeFile: (path, content) => {
    const full = resolve(cwd, path)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, content)
  },
  createFile: (path) => partialFile(resolve(cwd, path)),
  committed: () => {
    committed = true
  },
}).then((code) => {
  finished = true
  process.exitCode = code
})

// Interrupted (Ctrl-C, or told to stop): say so, and what became of a write. Whatever had not
// committed is discarded with the process — SQLite ignores an uncommitted transaction, and
// PostgreSQL rolls back a connection that closes — so a write is whole or absent, never half.
let interrupted = false
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    interrupted = true
    if (committed) {
      // Exit 0: the write the command was run for is in the ledger; a script that ran it again
      // on a failure would record it twice.
      process.stderr.write(
        `\nprogress-ledger: interrupted (${signal}) after the write had committed: it is in the ledger (storing a checkpoint after it may not have finished; the next command that needs one stores it)\n`,
      )
      process.exit(0)
    }
    process.stderr.write(
      `\nprogress-ledger: interrupted (${signal}); a write that had not committed is discarded whole — \`progress-ledger head\` shows where the ledger stands\n`,
    )
    process.exit(signal === 'SIGINT' ? 130 : 143)
  })

// A command waiting on something that can no longer happen would otherwise end the process
// silently with exit code 0, as if it had succeeded.
process.on('exit', () => {
  if (finished || interrupted) return
  process.stderr.write('progress-ledger: internal error: the command stopped before it finished\n')
  process.exitCode = 70
})
