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
