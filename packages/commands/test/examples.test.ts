// Runs every `@example` of the command side's sources (see testkit's doc-examples runner).
import { join } from 'node:path'
import { docExamples, runDocExample } from '@progress-ledger/testkit/doc-examples'
import { describe, expect, it } from 'vitest'
import * as core from '@progress-ledger/core'
import * as commands from '../src/index'

const examples = docExamples(join(import.meta.dirname, '../src'))

describe('doc examples of @progress-ledger/commands', () => {
  it('finds examples in the sources', () => {
    expect(examples.length).toBeGreaterThanOrEqual(20)
  })
  for (const ex of examples)
    it(`${ex.file}:${ex.line}`, async () => {
      expect(
        await runDocExample(ex, {
          '@progress-ledger/core': core,
          '@progress-ledger/commands': commands,
        }),
      ).toBeGreaterThan(0)
    })
})
