// The file lines the real executable reads: opened when asked for, so that a command may connect
// to its ledger (network I/O) between taking the lines and reading them without losing any.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileLines, NotUtf8Error, notUtf8Text, readText } from '../src/Io'

const later = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms))

async function collect(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = []
  for await (const l of lines) out.push(l)
  return out
}

describe('fileLines', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pl-io-'))
  const path = join(dir, 'lines.jsonl')
  const lines = Array.from({ length: 2_000 }, (_, i) => `{"n":${i}}`)
  writeFileSync(path, `${lines.join('\r\n')}\n`)

  it('reads every line, however long after it was asked for the iteration starts', async () => {
    const taken = fileLines(path)
    await later()
    // (Raced against a timer: lines lost leave the iteration waiting for ever.)
    expect(await Promise.race([collect(taken), later(3_000).then(() => 'still waiting')])).toEqual(
      lines,
    )
    // Iterated again, the file is read again.
    expect((await collect(taken)).length).toBe(2_000)
  })
})

describe('fileLines and readText: UTF-8, checked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pl-io-'))
  // Lines long and many enough to cross the stream's 64 KiB chunks, with characters of two,
  // three and four bytes (a chunk may end inside one) and every kind of line end.
  const lines = Array.from(
    { length: 30_000 },
    (_, i) => `{"n":${i},"name":"嵊州 é 𝔘 ${'x'.repeat(i % 7)}"}`,
  )
  const ends = ['\n', '\r\n', '\r']

  it('splits at LF, CR LF and a lone CR, across chunk boundaries, as readline did', async () => {
    const path = join(dir, 'mixed.jsonl')
    writeFileSync(path, lines.map((l, i) => l + ends[i % 3]).join(''))
    expect(await collect(fileLines(path))).toEqual(lines)
    // No end after the last line, and a blank line kept as one.
    writeFileSync(path, 'a\n\nb')
    expect(await collect(fileLines(path))).toEqual(['a', '', 'b'])
  })

  it('given onNotUtf8, reads every line, each one that is not UTF-8 reported with its number and read leniently', async () => {
    const path = join(dir, 'lenient.jsonl')
    const bytes = Buffer.concat([
      Buffer.from(lines.slice(0, 20_000).join('\n') + '\n'),
      Buffer.from([0x61, 0x80, 0x62, 0x0a]),
      Buffer.from(lines.slice(20_000, 25_000).join('\r\n') + '\r\n'),
      Buffer.from([0xe9, 0x0d]),
      Buffer.from(lines.slice(25_000).join('\n')),
    ])
    writeFileSync(path, bytes)
    const bad: Array<[number, string]> = []
    const read = await collect(fileLines(path, (line, text) => bad.push([line, text])))
    expect(bad).toEqual([
      [20_001, 'a\uFFFDb'],
      [25_002, '\uFFFD'],
    ])
    expect(read).toEqual([
      ...lines.slice(0, 20_000),
      'a\uFFFDb',
      ...lines.slice(20_000, 25_000),
      '\uFFFD',
      ...lines.slice(25_000),
    ])
  })

  it('shows a line that is not UTF-8 around its first U+FFFD', () => {
    const long = `{"note":"${'x'.repeat(100)}caf\uFFFD and more text after it, well past sixty characters"}`
    const text = notUtf8Text(long)
    expect(text).toMatch(
      /^expected UTF-8 text, got bytes that are not UTF-8 \(shown as U\+FFFD: "\.\.\.x+caf\uFFFD and more/,
    )
    expect(text).toMatch(/\.\.\."\); save the file as UTF-8$/)
    expect(notUtf8Text('ab\uFFFD')).toBe(
      'expected UTF-8 text, got bytes that are not UTF-8 (shown as U+FFFD: "ab\uFFFD"); save the file as UTF-8',
    )
  })

  it('refuses bytes that are not UTF-8 at their line, however deep in the file', async () => {
    const path = join(dir, 'bad.jsonl')
    const text = Buffer.from(lines.join('\n') + '\n')
    // Line 20,001 gets a lone continuation byte.
    const at = Buffer.from(lines.slice(0, 20_000).join('\n') + '\n').length + 3
    const bytes = Buffer.concat([text.subarray(0, at), Buffer.from([0x80]), text.subarray(at)])
    writeFileSync(path, bytes)
    const read: string[] = []
    const failure = await (async () => {
      for await (const l of fileLines(path)) read.push(l)
    })().then(
      () => null,
      (e: unknown) => e,
    )
    expect(failure).toBeInstanceOf(NotUtf8Error)
    expect((failure as NotUtf8Error).line).toBe(20_001)
    expect((failure as NotUtf8Error).message).toMatch(
      /^line 20001: expected UTF-8 text, got bytes that are not UTF-8 \(shown as U\+FFFD: "\{\\"n\uFFFD/,
    )
    // The lines before it are read (those of the same 64 KiB stretch may be held back).
    expect(read.length).toBeGreaterThan(19_000)
    expect(read).toEqual(lines.slice(0, read.length))
    expect(() => readText(path)).toThrow(/^line 20001: expected UTF-8 text/)
    // Valid UTF-8 reads whole, a byte-order mark dropped.
    writeFileSync(
      path,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":"嵊州"}\n')]),
    )
    expect(readText(path)).toBe('{"a":"嵊州"}\n')
    expect(await collect(fileLines(path))).toEqual(['{"a":"嵊州"}'])
  })
})
