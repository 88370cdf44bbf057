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
  readonly env: Readonly<Record<string, string | undefined>>
  /** Stamps the recorded time of appended events. */
  readonly clock: Clock
  /** A fresh prefix for the ids of events this run creates (unique per run). */
  readonly idPrefix: () => string
  /** Reads a file as UTF-8 text (relative paths from `cwd`). */
  readonly readFile: (path: string) => string
  /** Writes a file (relative paths from `cwd`), creating its folder. */
  readonly writeFile: (path: string, content: string) => void
}

/** Exit codes: 0 success; 1 the ledger said no (rejected, invalid, conflict, broken chain); 2 usage error. */
export const ExitCode = { ok: 0, failed: 1, usage: 2 } as const
/** An exit code. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/** A usage error: bad flags or arguments. Printed with the command's help hint, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
