// Runs every `@example` of core's public modules. An example imports from '@progress-ledger/core'
// and states results as `expression // expected value`; each such line becomes a check that the
// expression deep-equals the value. A full-line `// …` comment is prose and is not run.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import * as core from '../src/index'

interface Example {
  readonly file: string
  readonly line: number
  readonly code: ReadonlyArray<string>
}

const srcDir = join(__dirname, '../src')

function examplesOf(file: string): Example[] {
  const lines = readFileSync(join(srcDir, file), 'utf8').split('\n')
  const out: Example[] = []
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*\* @example\s*$/.test(lines[i] as string)) continue
    const code: string[] = []
    let j = i + 1
    for (; j < lines.length; j++) {
      const l = lines[j] as string
      if (/^\s*\*\/\s*$/.test(l) || /^\s*\* @\w+/.test(l)) break
      code.push(l.replace(/^\s*\* ?/, ''))
    }
    out.push({ file, line: i + 1, code })
  }
  return out
}

/** The example as statements, its `expr // value` lines turned into checks. */
function toProgram(ex: Example): { source: string; checks: number } {
  let checks = 0
  const body = ex.code.map((l, k) => {
    const imp = /^import \{([^}]+)\} from '@progress-ledger\/core'$/.exec(l)
    if (imp !== null) return `const {${imp[1]}} = core`
    const m = /^(?!\s*\/\/)(.*\S)\s+\/\/ (.+)$/.exec(l)
    if (m === null) return l
    checks++
    const expr = (m[1] as string).replace(/^;/, '')
    return `__check(${expr}, ${m[2] as string}, ${ex.line + 1 + k})`
  })
  return { source: body.join('\n'), checks }
}

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
  ...args: string[]
) => (...a: unknown[]) => Promise<void>

const files = [
  ...readdirSync(srcDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts'),
  ...readdirSync(join(srcDir, 'events')).map((f) => `events/${f}`),
]
const examples = files.flatMap(examplesOf)

describe('doc examples of @progress-ledger/core', () => {
  it('finds examples with checks in the public modules', () => {
    expect(examples.length).toBeGreaterThanOrEqual(20)
    // Every example states at least one result.
    expect(
      examples.filter((e) => toProgram(e).checks === 0).map((e) => `${e.file}:${e.line}`),
    ).toEqual([])
  })

  for (const ex of examples) {
    it(`${ex.file}:${ex.line}`, async () => {
      const { source } = toProgram(ex)
      const js = ts.transpile(source, {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
      })
      const seen: Array<[number, unknown, unknown]> = []
      const check = (actual: unknown, expected: unknown, line: number): void => {
        seen.push([line, actual, expected])
      }
      await new AsyncFunction('core', '__check', js)(core, check)
      for (const [line, actual, expected] of seen)
        expect({ line, value: actual }).toEqual({ line, value: expected })
    })
  }
})
