// Runs every `@example` of the package's sources (testkit's doc-examples runner).
import { join } from 'node:path'
import * as commands from '@progress-ledger/commands'
import * as core from '@progress-ledger/core'
import * as reporting from '@progress-ledger/reporting'
import * as testkit from '@progress-ledger/testkit'
import { docExamples, runDocExample } from '@progress-ledger/testkit/doc-examples'
import { describe, expect, it } from 'vitest'
import * as spreadsheet from '../src/index'

const examples = docExamples(join(__dirname, '../src'))
const modules = {
  '@progress-ledger/spreadsheet': spreadsheet,
  '@progress-ledger/core': core,
  '@progress-ledger/commands': commands,
  '@progress-ledger/reporting': reporting,
  '@progress-ledger/testkit': testkit,
}

describe('doc examples of @progress-ledger/spreadsheet', () => {
  it('finds an example for every public function', () => {
    const functions = Object.entries(spreadsheet)
      .filter(([, v]) => typeof v === 'function')
      .map(([k]) => k)
    const code = examples.map((e) => e.code.join('\n')).join('\n')
    expect(functions.filter((f) => !new RegExp(`\\b${f}\\(`).test(code))).toEqual([])
  })
  for (const ex of examples)
    it(`${ex.file}:${ex.line}`, async () => {
      expect(await runDocExample(ex, modules)).toBeGreaterThan(0)
    })
})
