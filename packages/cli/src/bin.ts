#!/usr/bin/env node
// The `progress-ledger` executable: wires the real world (streams, files, the system clock,
// random id prefixes) into the command line and exits with its code.
import { randomUUID } from 'node:crypto'
import { createReadStream, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { clockFrom } from '@progress-ledger/core'
import { run } from './Cli'

// Output piped into `head` and the like may close early: stop quietly, as Unix tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw e
  })
}

const cwd = process.cwd()
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
  readFile: (path) => readFileSync(resolve(cwd, path), 'utf8'),
  readLines: (path) => {
    const full = resolve(cwd, path)
    // Fail now, not after the ledger has been loaded, when the file is not there.
    if (!statSync(full).isFile()) throw new Error(`${path} is not a file`)
    return createInterface({ input: createReadStream(full, 'utf8'), crlfDelay: Infinity })
  },
  writeFile: (path, content) => {
    const full = resolve(cwd, path)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, content)
  },
}).then((code) => {
  process.exitCode = code
})
