// Every rule has a given/when/then specification, and docs/commands.md lists every command and rule.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { commandTypes } from '../src/Command'
import { rules } from '../src/Rejection'

const here = import.meta.dirname
const specs = readdirSync(here)
  .filter((f) => f.startsWith('rules.') && f.endsWith('.test.ts'))
  .map((f) => readFileSync(join(here, f), 'utf8'))
  .join('\n')
const docs = readFileSync(join(here, '../../../docs/commands.md'), 'utf8')

describe('coverage', () => {
  it.each(rules)('rule %s has a specification that rejects by it', (rule) => {
    expect(specs).toMatch(new RegExp(`\\.rejected\\(\\s*'${rule}'`))
  })
  it.each(rules)('rule %s is in docs/commands.md', (rule) => {
    expect(docs).toContain(`\`${rule}\``)
  })
  it.each(commandTypes)('command %s is in docs/commands.md', (type) => {
    expect(docs).toContain(`\`${type}\``)
  })
})
