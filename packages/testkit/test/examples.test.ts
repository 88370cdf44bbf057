// Runs every `@example` of the testkit's sources with its own doc-examples runner: each
// `expression // expected` line is a check.
import { join } from 'node:path'
import * as core from '@progress-ledger/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as docs from '../src/DocExamples'
import * as testkit from '../src/index'

const examples = docs.docExamples(join(import.meta.dirname, '../src'))
const modules = {
  '@progress-ledger/core': core,
  '@progress-ledger/testkit': testkit,
  '@progress-ledger/testkit/doc-examples': docs,
  'fast-check': fc,
}

describe('doc examples of @progress-ledger/testkit', () => {
  it('finds examples in the sources', () => {
    expect(examples.length).toBeGreaterThanOrEqual(33)
  })
  for (const ex of examples)
    it(`${ex.file}:${ex.line}`, async () => {
      expect(await docs.runDocExample(ex, modules)).toBeGreaterThan(0)
    })
})

describe('the doc-examples runner', () => {
  const example = (...code: string[]): docs.DocExample => ({ file: 'X.ts', line: 10, code })

  it('checks each `expression // expected` line, and names the line that differs', async () => {
    expect(await docs.runDocExample(example('const n = 2', 'n + 1 // 3', 'n * 2 // 4'), {})).toBe(2)
    await expect(docs.runDocExample(example('const n = 2', 'n + 1 // 4'), {})).rejects.toThrow(
      'X.ts:12: expected 4, got 3',
    )
  })

  it('refuses a line that does not parse instead of checking nothing', async () => {
    // A statement is no expression: written as one, its check would vanish.
    const thrown = example(
      "const f = () => { throw new Error('no') }",
      'try { f() } catch (e) { (e as Error).message } // "yes"',
    )
    await expect(docs.runDocExample(thrown, {})).rejects.toThrow(
      'X.ts:12: the example does not parse',
    )
  })
})
