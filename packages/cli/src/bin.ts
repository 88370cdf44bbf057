#!/usr/bin/env node
// The `progress-ledger` executable: wires the real world (streams, files, the system clock,
// random id prefixes) into the command line and exits with its code.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { clockFrom } from '@progress-ledger/core'
import { run } from './Cli'
import { interruptedLine } from './Interruption'
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
// A new SQLite ledger written under a temporary name, not yet put in place.
let pending: { readonly at: string; readonly final: string } | undefined
// The temporary name of a new SQLite ledger being written, before its write commits.
let creating: string | undefined
// Whether the command may write (until it is known, it is taken to).
let writes = true
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
  readLines: (path, onNotUtf8) => {
    const full = resolve(cwd, path)
    // Fail now, not after the ledger has been loaded, when the file is not there.
    if (!statSync(full).isFile()) throw new Error(`${path} is not a file`)
    return fileLines(full, onNotUtf8)
  },
  writeFile: (path, content) => {
    const full = resolve(cwd, path)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, content)
  },
  createFile: (path) => partialFile(resolve(cwd, path)),
  committed: (newLedger) => {
    committed = true
    pending = newLedger
  },
  creating: (at) => {
    creating = at
  },
  started: (mayWrite) => {
    writes = mayWrite
  },
}).then((code) => {
  finished = true
  process.exitCode = code
})

// Interrupted (Ctrl-C, or told to stop): say so, and what became of a write. Whatever had not
// committed is discarded with the process — SQLite ignores an uncommitted transaction, and
// PostgreSQL rolls back a connection that closes — so a write is whole or absent, never half.
let interrupted = false
let finishing = false
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (committed && !finishing) {
      // The write the command was run for is in the ledger: what follows (a checkpoint, putting a
      // new ledger file in place) is let finish, and the command ends with its own exit code — a
      // script that ran it again on a failure would record the write twice.
      finishing = true
      process.stderr.write(
        `\nprogress-ledger: interrupted (${signal}) after the write had committed: it is in the ledger; finishing what follows it (interrupt again to stop at once)\n`,
      )
      return
    }
    interrupted = true
    if (committed) {
      const where =
        pending === undefined
          ? ''
          : existsSync(pending.final)
            ? `; ${pending.at} may be a second name of the new ledger at ${pending.final}: once that opens, remove it`
            : `; the new ledger is still at ${pending.at}: move it, with its -wal file if there is one, to ${pending.final}`
      process.stderr.write(
        `\nprogress-ledger: stopped (${signal}) after the write had committed: it is in the ledger (a checkpoint after it may be missing: the next command that needs one stores it${where})\n`,
      )
      process.exit(0)
    }
    // A new ledger that never got its write is no ledger: its temporary files go.
    if (creating !== undefined)
      for (const f of [creating, `${creating}-wal`, `${creating}-shm`]) rmSync(f, { force: true })
    process.stderr.write(`\n${interruptedLine(signal, writes, creating)}\n`)
    process.exit(signal === 'SIGINT' ? 130 : 143)
  })

// A command waiting on something that can no longer happen would otherwise end the process
// silently with exit code 0, as if it had succeeded.
process.on('exit', () => {
  if (finished || interrupted) return
  process.stderr.write('progress-ledger: internal error: the command stopped before it finished\n')
  process.exitCode = 70
})
