// The README's library example is a real file: it must match the README verbatim and run.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

describe('README example', () => {
  it('is the file examples/src/00-readme.ts, verbatim', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    const block = /<!-- readme-example: examples\/src\/00-readme.ts -->\n```ts\n([\s\S]*?)```/.exec(
      readme,
    )?.[1]
    expect(block).toBe(readFileSync(join(root, 'examples/src/00-readme.ts'), 'utf8'))
  })

  it('runs and prints the 2021 value', () => {
    const out = execFileSync(
      process.execPath,
      ['--conditions=@progress-ledger/source', '--import', 'tsx', 'src/00-readme.ts'],
      {
        cwd: join(root, 'examples'),
        encoding: 'utf8',
      },
    )
    expect(out).toContain("period: '2021'")
    expect(out).toContain('value: 10.6')
  })
})
