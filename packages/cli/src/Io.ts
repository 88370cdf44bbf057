/**
 * The command-line tool's view of the world: output streams, whether they are terminals, the
 * working directory, environment and the clock. `bin.ts` wires the real ones; tests pass fakes.
 *
 * @module Io
 */
import {
  closeSync,
  createReadStream,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { dirname } from 'node:path'
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
  /**
   * The lines of a UTF-8 text file; a line that is not UTF-8 ends them with `NotUtf8Error`, or,
   * given `onNotUtf8`, is reported to it and read leniently.
   */
  readonly readLines?: (path: string, onNotUtf8?: NotUtf8Line) => AsyncIterable<string>
  /** Writes a file, text as UTF-8 or bytes as they are (relative paths from `cwd`), creating its folder. */
  readonly writeFile: (path: string, content: string | Uint8Array) => void
  /**
   * Opens a file to write in pieces (relative paths from `cwd`), so that a large output (an
   * export) is never held whole; see {@link FileWriter}. Without it, commands gather the pieces
   * and `writeFile` them.
   */
  readonly createFile?: (path: string) => FileWriter
  /**
   * Told when the command's write has committed something (it is in the ledger, whatever follows:
   * a checkpoint, a message), so that an interruption after it is not reported as a lost write.
   * `newLedger` is set when the write went into a new SQLite ledger still under its temporary
   * name (see NewLedger): the temporary file and where it goes once the command ends.
   */
  readonly committed?: (newLedger?: { readonly at: string; readonly final: string }) => void
  /**
   * Told when the command starts writing a new SQLite ledger under the temporary name `at` (see
   * NewLedger), so that an interruption before its write commits can remove it.
   */
  readonly creating?: (at: string) => void
  /**
   * Told once the command is known, whether it may write: an interruption of a command that only
   * reads is reported as such.
   */
  readonly started?: (writes: boolean) => void
}

/** A file written in pieces: in place, whole, only once committed; nothing at all if aborted. */
export interface FileWriter {
  /** Appends text (UTF-8). */
  write(text: string): void
  /** Puts the file in place (replacing one of that name). */
  commit(): void
  /** Discards what was written: no file is left, and one of that name is untouched. */
  abort(): void
}

/**
 * A {@link FileWriter} for the file at `path` (absolute), written beside it under a temporary
 * name and renamed into place on commit, so that a reader never sees half of it and an
 * abandoned write leaves the old file as it was. Creates the file's folder.
 *
 * @example
 * import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
 * import { tmpdir } from 'node:os'
 * import { join } from 'node:path'
 * import { partialFile } from '@progress-ledger/cli'
 * const dir = mkdtempSync(join(tmpdir(), 'pf-'))
 * const w = partialFile(join(dir, 'out.jsonl'))
 * w.write('{"a":1}\n')
 * existsSync(join(dir, 'out.jsonl')) // false
 * w.commit()
 * readFileSync(join(dir, 'out.jsonl'), 'utf8') // '{"a":1}\n'
 */
export function partialFile(path: string): FileWriter {
  mkdirSync(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.partial`
  const fd = openSync(temporary, 'w')
  let open = true
  const close = (): void => {
    if (open) closeSync(fd)
    open = false
  }
  return {
    write: (text) => {
      writeSync(fd, text)
    },
    commit: () => {
      close()
      renameSync(temporary, path)
    },
    abort: () => {
      close()
      rmSync(temporary, { force: true })
    },
  }
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
    super(`line ${line}: ${notUtf8Text(lenient)}`)
  }
}

/**
 * What is wrong with a line that is not UTF-8, the line as a lenient decoder reads it shown
 * around its first U+FFFD (where the bytes are), at most 60 characters of it.
 *
 * @example
 * import { notUtf8Text } from '@progress-ledger/cli'
 * notUtf8Text('caf\uFFFD') // 'expected UTF-8 text, got bytes that are not UTF-8 (shown as U+FFFD: "caf\uFFFD"); save the file as UTF-8'
 */
export function notUtf8Text(lenient: string): string {
  const at = lenient.indexOf('\uFFFD')
  const from = at > 40 ? at - 40 : 0
  const piece = lenient.slice(from, from + 57)
  const shown = `${from > 0 ? '...' : ''}${piece}${from + 57 < lenient.length ? '...' : ''}`
  return `expected UTF-8 text, got bytes that are not UTF-8 (shown as U+FFFD: ${JSON.stringify(shown)}); save the file as UTF-8`
}

/** Called for each line that is not UTF-8, with its number and its lenient reading. */
export type NotUtf8Line = (line: number, lenient: string) => void

const strict = new TextDecoder('utf-8', { fatal: true })
const lenient = new TextDecoder('utf-8')
const LF = 0x0a
const CR = 0x0d

/**
 * One line's bytes as text; bytes that are not UTF-8 are {@link NotUtf8Error} naming the line,
 * or, given `onNotUtf8`, reported to it and read leniently.
 */
function lineText(bytes: Uint8Array, line: number, onNotUtf8?: NotUtf8Line): string {
  try {
    return strict.decode(bytes)
  } catch {
    const text = lenient.decode(bytes)
    if (onNotUtf8 === undefined) throw new NotUtf8Error(line, text)
    onNotUtf8(line, text)
    return text
  }
}

/** The line ends `readline` splits at: LF, CR LF, or a lone CR. */
const LINE_END = /\r\n|\r|\n/

/**
 * The lines of `bytes` (ending with a line end, or at the end of the file), the first numbered
 * `first`. Decoded at once, as a file's text is; only text that is not UTF-8 is decoded line by
 * line, to find the line that holds the bytes (no UTF-8 sequence spans a line end).
 */
function splitLines(bytes: Uint8Array, first: number, onNotUtf8?: NotUtf8Line): string[] {
  let text: string
  try {
    text = strict.decode(bytes)
  } catch {
    const out: string[] = []
    let line = first
    let start = 0
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]
      if (b !== LF && b !== CR) continue
      out.push(lineText(bytes.subarray(start, i), line++, onNotUtf8))
      if (b === CR && bytes[i + 1] === LF) i++
      start = i + 1
    }
    if (start < bytes.length) out.push(lineText(bytes.subarray(start), line, onNotUtf8))
    if (onNotUtf8 !== undefined) return out
    throw new NotUtf8Error(first, lenient.decode(bytes.subarray(0, 60)))
  }
  const lines = text.split(LINE_END)
  // Text ending with a line end has no line after it.
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
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
    // Throws naming the line that holds the bytes.
    splitLines(bytes, 1)
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
export function fileLines(path: string, onNotUtf8?: NotUtf8Line): AsyncIterable<string> {
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
        const lines = splitLines(bytes.subarray(0, end), line, onNotUtf8)
        line += lines.length
        yield* lines
        carry = bytes.subarray(end)
      }
      if (carry.length > 0) yield* splitLines(carry, line, onNotUtf8)
    },
  }
}
