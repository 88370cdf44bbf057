// Runs every `@example` of the CLI's sources (see testkit's doc-examples runner).
import { join } from 'node:path'
import * as core from '@progress-ledger/core'
import { docExamples, runDocExample } from '@progress-ledger/testkit/doc-examples'
import { describe, expect, it } from 'vitest'
import * as cli from '../src/index'

const examples = docExamples(join(__dirname, '../src'))

describe('doc examples of @progress-ledger/cli', () => {
  it('finds examples in the sources', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15)
  })
  for (const ex of examples)
    it(`${ex.file}:${ex.line}`, async () => {
      expect(
        await runDocExample(ex, { '@progress-ledger/cli': cli, '@progress-ledger/core': core }),
      ).toBeGreaterThan(0)
    })
})
