// Runs every `@example` of the CLI's sources (see testkit's doc-examples runner).
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as core from '@progress-ledger/core'
import { docExamples, runDocExample } from '@progress-ledger/testkit/doc-examples'
import { describe, expect, it } from 'vitest'
import * as cli from '../src/index'

const examples = docExamples(path.join(__dirname, '../src'))

describe('doc examples of @progress-ledger/cli', () => {
  it('finds examples in the sources', () => {
    expect(examples.length).toBeGreaterThanOrEqual(15)
  })
  for (const ex of examples)
    it(`${ex.file}:${ex.line}`, async () => {
      expect(
        await runDocExample(ex, {
          '@progress-ledger/cli': cli,
          '@progress-ledger/core': core,
          // For the examples that write files (e.g. partialFile).
          'node:fs': fs,
          'node:os': os,
          'node:path': path,
        }),
      ).toBeGreaterThan(0)
    })
})
