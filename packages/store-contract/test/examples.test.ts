// Runs the `@example`s of the store contract's sources with testkit's doc-examples runner. An
// example here defines a contract suite with vitest's `describe`, so it runs while vitest
// collects this file: the suite it defines then runs as this file's tests, and the checks it
// states (`expression // expected`) are made at once.
import { join } from 'node:path'
import * as core from '@progress-ledger/core'
import { docExamples, runDocExample } from '@progress-ledger/testkit/doc-examples'
import { describe, expect, it } from 'vitest'
import * as contract from '../src/index'

const examples = docExamples(join(import.meta.dirname, '../src'))
const modules = { '@progress-ledger/core': core, '@progress-ledger/store-contract': contract }
const checks: number[] = []
for (const ex of examples) checks.push(await runDocExample(ex, modules))

describe('doc examples of @progress-ledger/store-contract', () => {
  it('finds examples in the sources, and each states a result that holds', () => {
    expect(examples.length).toBeGreaterThanOrEqual(1)
    expect(checks).toHaveLength(examples.length)
    expect(checks.every((n) => n > 0)).toBe(true)
  })
})
