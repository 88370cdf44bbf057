/**
 * The command-line tool's view of the world: output streams, whether they are terminals, the
 * working directory, environment and the clock. `bin.ts` wires the real ones; tests pass fakes.
 *
 * @module Io
 */
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
   * line ends are removed. Without it, commands split `readFile`'s text.
   */
  readonly readLines?: (path: string) => AsyncIterable<string>
  /** Writes a file (relative paths from `cwd`), creating its folder. */
  readonly writeFile: (path: string, content: string) => void
}
