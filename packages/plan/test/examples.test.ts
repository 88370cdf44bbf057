// Runs every `@example` of the plan package's sources with testkit's runner: each
// `expression // expected` line is a check.
import { join } from 'node:path'
import * as core from '@progress-ledger/core'
import * as testkit from '@progress-ledger/testkit'
import { docExamples, runDocExample } from '@progress-ledger/testkit/doc-examples'
import { describe, expect, it } from 'vitest'
import * as plan from '../src/index'

const examples = docExamples(join(__dirname, '../src'))
const modules = {
  '@progress-ledger/plan': plan,
  '@progress-ledger/core': core,
  '@progress-ledger/testkit': testkit,
}

describe('doc examples of @progress-ledger/plan', () => {
  it('finds examples in the sources', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15)
  })
  for (const ex of examples)
    it(`${ex.file}:${ex.line}`, async () => {
      expect(await runDocExample(ex, modules)).toBeGreaterThan(0)
    })
})
