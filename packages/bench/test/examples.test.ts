// Runs every `@example` of the bench's sources (see testkit's doc-examples runner).
import { join } from 'node:path'
import { docExamples, runDocExample } from '@progress-ledger/testkit/doc-examples'
import { describe, expect, it } from 'vitest'
import * as bench from '../src/index'

const examples = docExamples(join(__dirname, '../src'))

describe('doc examples of @progress-ledger/bench', () => {
  it('finds examples in the sources', () => {
    expect(examples.length).toBeGreaterThanOrEqual(7)
  })
  for (const ex of examples)
    it(`${ex.file}:${ex.line}`, async () => {
      expect(await runDocExample(ex, { '@progress-ledger/bench': bench })).toBeGreaterThan(0)
    })
})
