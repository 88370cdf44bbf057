// Runs every `@example` of store-postgres's sources (see testkit's doc-examples runner). The
// examples run on PGlite, so they need no server.
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import * as core from '@progress-ledger/core'
import { docExamples, runDocExample } from '@progress-ledger/testkit/doc-examples'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import * as postgres from '../src/index'

const examples = docExamples(join(__dirname, '../src'))

describe('doc examples of @progress-ledger/store-postgres', () => {
  it('finds examples in the sources', () => {
    expect(examples.length).toBeGreaterThanOrEqual(12)
  })
  for (const ex of examples)
    it(`${ex.file}:${ex.line}`, async () => {
      expect(
        await runDocExample(ex, {
          '@progress-ledger/core': core,
          '@progress-ledger/store-postgres': postgres,
          '@electric-sql/pglite': { PGlite },
          pg,
        }),
      ).toBeGreaterThan(0)
    })
})
