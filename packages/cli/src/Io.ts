/**
 * The command-line tool's view of the world: output streams, whether they are terminals, the
 * working directory, environment and the clock. `bin.ts` wires the real ones; tests pass fakes.
 *
 * @module Io
 */
import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Clock } from '@progress-ledger/core'

/** A place text is written to. */
export interface Output {
  write(text: string): void
  /** Is this a terminal (progress bars and colour only then)? */
  readonly isTTY: boolean
  /** Terminal width in columns, when known. */
  readonly columns?: number
}

/** Everything a command may touch outside its arguments. */
export interface Io {
  readonly stdout: Output
  readonly stderr: Output
  readonly cwd: string
  /**
   * The environment: `PROGRESS_LEDGER_STORE`, `PROGRESS_LEDGER_KEY`, `NO_COLOR`, `FORCE_COLOR`,
   * `TERM` are read.
   */
  readonly env: Readonly<Record<string, string | undefined>>
  /** Stamps the recorded time of appended events. */
  readonly clock: Clock
  /** A fresh prefix for the ids of events this run creates (unique per run). */
  readonly idPrefix: () => string
  /** Reads a file as UTF-8 text (relative paths from `cwd`). */
  readonly readFile: (path: string) => string
  /**
   * Reads a UTF-8 text file line by line without holding it whole (relative paths from `cwd`);
   * line ends are removed. Without it, commands split `readFile`'s text. The file must not be
   * read before the lines are asked for (see {@link fileLines}): a command may connect to its
   * ledger in between.
   */
  readonly readLines?: (path: string) => AsyncIterable<string>
  /** Writes a file, text as UTF-8 or bytes as they are (relative paths from `cwd`), creating its folder. */
  readonly writeFile: (path: string, content: string | Uint8Array) => void
}

/**
 * The lines of a UTF-8 text file (line ends removed), the file opened when they are first asked
 * for. A `readline` interface made at once would start reading the file, and lines read before
 * anyone iterates are lost: a command that opens a PostgreSQL ledger between taking the lines and
 * reading them (network I/O, so the file stream flows meanwhile) would see none. Taking the lines
 * of a file that is not there is no error; iterating them is.
 *
 * @example
 * import { fileLines } from '@progress-ledger/cli'
 * const lines = fileLines('/nowhere/commands.jsonl')
 * typeof lines[Symbol.asyncIterator] // 'function'
 */
export function fileLines(path: string): AsyncIterable<string> {
  return {
    [Symbol.asyncIterator]: () =>
      createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })[
        Symbol.asyncIterator
      ](),
  }
}
