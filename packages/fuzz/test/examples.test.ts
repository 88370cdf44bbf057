// Runs every `@example` of the fuzz harness's sources (see testkit's doc-examples runner).
import { join } from 'node:path'
import fc from 'fast-check'
import { docExamples, runDocExample } from '@progress-ledger/testkit/doc-examples'
import { describe, expect, it } from 'vitest'
import * as commands from '@progress-ledger/commands'
import * as core from '@progress-ledger/core'
import * as fuzz from '../src/index'

const examples = docExamples(join(import.meta.dirname, '../src'))

describe('doc examples of @progress-ledger/fuzz', () => {
  it('finds examples in the sources', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8)
  })
  for (const ex of examples)
    it(`${ex.file}:${ex.line}`, async () => {
      expect(
        await runDocExample(ex, {
          'fast-check': fc,
          '@progress-ledger/core': core,
          '@progress-ledger/commands': commands,
          '@progress-ledger/fuzz': fuzz,
        }),
      ).toBeGreaterThan(0)
    })
})
