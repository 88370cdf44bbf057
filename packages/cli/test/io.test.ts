// The file lines the real executable reads: opened when asked for, so that a command may connect
// to its ledger (network I/O) between taking the lines and reading them without losing any.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileLines } from '../src/Io'

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
