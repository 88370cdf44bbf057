// Runs every `@example` of core's sources (see testkit's doc-examples runner).
import { join } from 'node:path'
import { docExamples, runDocExample } from '@progress-ledger/testkit/doc-examples'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import * as adapter from '../src/adapter'
import * as collections from '../src/collections'
import * as core from '../src/index'

const examples = docExamples(join(__dirname, '../src'))

describe('doc examples of @progress-ledger/core', () => {
  it('finds examples in the sources', () => {
    expect(examples.length).toBeGreaterThanOrEqual(20)
  })
  for (const ex of examples)
    it(`${ex.file}:${ex.line}`, async () => {
      expect(
        await runDocExample(ex, {
          '@progress-ledger/core': core,
          '@progress-ledger/core/collections': collections,
          '@progress-ledger/core/adapter': adapter,
          'io-ts': t,
        }),
      ).toBeGreaterThan(0)
    })
})
