/**
 * The string table of a checkpoint image (see internal/ShapeCodec), as stored: the ASCII strings
 * — ids, times, periods, nearly all of them — as one run of bytes with a length each, read back
 * as one string that each is cut from (V8 keeps a cut of 13 characters or more as a slice of the
 * run, not a copy); the few others (names and texts in Chinese) as a JSON array in table order.
 *
 * @module internal/StringTable
 */

/** The length recorded for a string that is not in the ASCII run but in the JSON array. */
export const NOT_IN_RUN = 0xffffffff

/** Any character outside ASCII (one byte each, in latin1 as in UTF-8). */
const NOT_ASCII = /[\u0080-\uffff]/

/** The three stored parts of a string table. */
export interface StoredStrings {
  /** Per string, its length in the run, or {@link NOT_IN_RUN}. */
  readonly lengths: Uint32Array
  /** The ASCII strings, one after another. */
  readonly ascii: Buffer
  /** The other strings, as a JSON array (UTF-8). */
  readonly others: Buffer
}

/** The stored parts of the string table `strings`. */
export function splitStrings(strings: ReadonlyArray<string>): StoredStrings {
  const lengths = new Uint32Array(strings.length)
  const ascii: string[] = []
  const others: string[] = []
  for (let i = 0; i < strings.length; i++) {
    const s = strings[i] as string
    if (NOT_ASCII.test(s)) {
      lengths[i] = NOT_IN_RUN
      others.push(s)
    } else {
      lengths[i] = s.length
      ascii.push(s)
    }
  }
  return {
    lengths,
    ascii: Buffer.from(ascii.join(''), 'latin1'),
    others: Buffer.from(JSON.stringify(others), 'utf8'),
  }
}

/**
 * The string table from its stored parts (`others` parsed already): the ASCII run read as one
 * string (latin1: a copy of the bytes, no decoding) and cut, the others taken in order. Throws a
 * clear Error when the parts do not add up (a corrupt image).
 */
export function joinStrings(lengths: Uint32Array, ascii: Uint8Array, others: unknown): string[] {
  if (!Array.isArray(others)) throw new Error('checkpoint: corrupt image (unreadable strings)')
  const text = Buffer.from(ascii.buffer, ascii.byteOffset, ascii.byteLength).toString('latin1')
  const out = new Array<string>(lengths.length)
  let at = 0
  let o = 0
  for (let i = 0; i < lengths.length; i++) {
    const n = lengths[i] as number
    if (n === NOT_IN_RUN) out[i] = others[o++] as string
    else {
      out[i] = text.slice(at, at + n)
      at += n
    }
  }
  if (at !== text.length || o !== others.length)
    throw new Error('checkpoint: corrupt image (the string table does not add up)')
  return out
}
