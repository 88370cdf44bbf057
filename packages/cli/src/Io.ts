/**
 * The command-line tool's view of the world: output streams, whether they are terminals, the
 * working directory, environment and the clock. `bin.ts` wires the real ones; tests pass fakes.
 *
 * @module Io
 */
import { createReadStream, readFileSync } from 'node:fs'
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
 * A text file holds bytes that are not UTF-8 at a line: read leniently they would become U+FFFD
 * and be recorded as such, so the file is refused instead, naming the line.
 *
 * @example
 * import { NotUtf8Error } from '@progress-ledger/cli'
 * new NotUtf8Error(2, '"outlier":"bad \uFFFD bytes"').message.startsWith('line 2: expected UTF-8 text') // true
 */
export class NotUtf8Error extends Error {
  override readonly name = 'NotUtf8Error'
  constructor(
    /** The line (from 1) holding the first bytes that are not UTF-8. */
    readonly line: number,
    /** The line as a lenient decoder reads it, U+FFFD in place of those bytes. */
    readonly lenient: string,
  ) {
    const shown = lenient.length > 60 ? `${lenient.slice(0, 57)}...` : lenient
    super(
      `line ${line}: expected UTF-8 text, got bytes that are not UTF-8 (shown as U+FFFD: ${JSON.stringify(shown)}); save the file as UTF-8`,
    )
  }
}

const strict = new TextDecoder('utf-8', { fatal: true })
const lenient = new TextDecoder('utf-8')
const LF = 0x0a
const CR = 0x0d

/** One line's bytes as text (a byte-order mark at its start dropped), or NotUtf8Error. */
function lineText(bytes: Uint8Array, line: number): string {
  try {
    return strict.decode(bytes)
  } catch {
    throw new NotUtf8Error(line, lenient.decode(bytes))
  }
}

/** The lines of `bytes` split at LF, CR LF or a lone CR (as `readline` splits them). */
function* splitLines(bytes: Uint8Array, first: number): Generator<string> {
  let line = first
  let start = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (b !== LF && b !== CR) continue
    yield lineText(bytes.subarray(start, i), line++)
    if (b === CR && bytes[i + 1] === LF) i++
    start = i + 1
  }
  if (start < bytes.length) yield lineText(bytes.subarray(start), line)
}

/**
 * A file's text, checked to be UTF-8 (a byte-order mark dropped): {@link NotUtf8Error} names
 * the first line that is not.
 */
export function readText(path: string): string {
  const bytes = readFileSync(path)
  try {
    return strict.decode(bytes)
  } catch {
    // The line holding the bytes throws, naming itself (no UTF-8 sequence spans a line end).
    for (const _ of splitLines(bytes, 1));
    throw new NotUtf8Error(1, lenient.decode(bytes.subarray(0, 60)))
  }
}

/**
 * The lines of a UTF-8 text file (line ends removed: LF, CR LF or a lone CR), the file opened
 * when they are first asked for; bytes that are not UTF-8 end the iteration with
 * {@link NotUtf8Error} at their line. A file stream made at once would start flowing, and lines
 * read before anyone iterates are lost: a command that opens a PostgreSQL ledger between taking
 * the lines and reading them (network I/O) would see none. Taking the lines of a file that is not
 * there is no error; iterating them is.
 *
 * @example
 * import { fileLines } from '@progress-ledger/cli'
 * const lines = fileLines('/nowhere/commands.jsonl')
 * typeof lines[Symbol.asyncIterator] // 'function'
 */
export function fileLines(path: string): AsyncIterable<string> {
  return {
    async *[Symbol.asyncIterator]() {
      let carry: Uint8Array = new Uint8Array(0)
      let line = 1
      for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
        const bytes = carry.length === 0 ? chunk : Buffer.concat([carry, chunk])
        // The last line of a chunk may go on in the next; a CR at its end may be half a CR LF.
        let end = bytes.length
        while (end > 0 && bytes[end - 1] !== LF) end--
        if (end === 0) {
          carry = bytes
          continue
        }
        for (const l of splitLines(bytes.subarray(0, end), line)) {
          line++
          yield l
        }
        carry = bytes.subarray(end)
      }
      if (carry.length > 0) yield* splitLines(carry, line)
    },
  }
}
