// Runs every `@example` of store-sqlite's sources (see testkit's doc-examples runner).
import { join } from 'node:path'
import * as core from '@progress-ledger/core'
import { docExamples, runDocExample } from '@progress-ledger/testkit/doc-examples'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import * as sqlite from '../src/index'

const examples = docExamples(join(__dirname, '../src'))

describe('doc examples of @progress-ledger/store-sqlite', () => {
  it('finds examples in the sources', () => {
    expect(examples.length).toBeGreaterThanOrEqual(7)
  })
  for (const ex of examples)
    it(`${ex.file}:${ex.line}`, async () => {
      expect(
        await runDocExample(ex, {
          '@progress-ledger/core': core,
          '@progress-ledger/store-sqlite': sqlite,
          'better-sqlite3': Database,
        }),
      ).toBeGreaterThan(0)
    })
})
