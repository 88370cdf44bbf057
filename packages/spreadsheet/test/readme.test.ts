// Runs the README's example, so that it cannot rot: the ```ts block after the readme-example
// marker, with testkit's doc-example runner (`expression // expected` lines are checks).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as commands from '@progress-ledger/commands'
import * as core from '@progress-ledger/core'
import * as testkit from '@progress-ledger/testkit'
import { runDocExample } from '@progress-ledger/testkit/doc-examples'
import { expect, it } from 'vitest'
import * as spreadsheet from '../src/index'

it('runs the README example', async () => {
  const lines = readFileSync(join(__dirname, '../README.md'), 'utf8').split('\n')
  const marker = lines.findIndex((l) => l.startsWith('<!-- readme-example'))
  const start = lines.indexOf('```ts', marker)
  const end = lines.indexOf('```', start + 1)
  expect([marker, start, end].every((i) => i >= 0)).toBe(true)
  const example = { file: 'README.md', line: start + 1, code: lines.slice(start + 1, end) }
  const checks = await runDocExample(example, {
    '@progress-ledger/core': core,
    '@progress-ledger/commands': commands,
    '@progress-ledger/testkit': testkit,
    '@progress-ledger/spreadsheet': spreadsheet,
  })
  expect(checks).toBe(3)
})
