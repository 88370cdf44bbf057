// Importing a bad export names FILE:LINE (or the batch element) and the field.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ExitCode } from '../src/Failure'
import { jsonl, setupLines, world } from './harness'

describe('import of a bad export', () => {
  it('names the line and the field of each problem, never "undefined" or "NaN"', async () => {
    const w = world()
    await w.cli(
      'append',
      w.write('s.jsonl', jsonl(setupLines)),
      '--actor',
      'plan-admin:office',
      '--store',
      'sqlite:a.sqlite',
    )
    const exported = (await w.cli('export', '--store', 'sqlite:a.sqlite')).stdout.split('\n')
    const second = JSON.parse(exported[1] as string) as Record<string, unknown>
    const broken = [
      exported[0],
      JSON.stringify({ ...second, validTime: '2021-13-01' }),
      '{"foo":1}',
      'not json',
      JSON.stringify({ ...second, data: { ...(second['data'] as object), order: 'first' } }),
    ].join('\n')
    const r = await w.cli('import', w.write('bad.jsonl', broken), '--store', 'sqlite:b.sqlite')
    expect(r.code).toBe(ExitCode.failed)
    expect(r.stderr).not.toMatch(/undefined|NaN/)
    expect(r.stderr).toContain(
      'bad.jsonl:2: validTime: expected a date YYYY-MM-DD, got "2021-13-01"',
    )
    expect(r.stderr).toContain('bad.jsonl:3: id: expected a non-empty string, got nothing')
    expect(r.stderr).toContain('bad.jsonl:3: streamId: expected a non-empty string, got nothing')
    expect(r.stderr).toMatch(/bad\.jsonl:4: expected a JSON event, got "not json"/)
    expect(r.stderr).toMatch(/bad\.jsonl:5: data\.order: expected .*got "first"/)
    expect(r.stderr).toMatch(/problem\(s\); nothing imported\n$/)
    expect(existsSync(join(w.dir, 'b.sqlite'))).toBe(false)
  })

  it('names the element and the CloudEvents attribute in a batch', async () => {
    const w = world()
    const r = await w.cli(
      'import',
      w.write(
        'bad.json',
        JSON.stringify([{ specversion: '1.0', id: 'e1', type: 'org.progress-ledger.PlanAdopted' }]),
      ),
      '--store',
      'memory:',
    )
    expect(r.code).toBe(ExitCode.failed)
    expect(r.stderr).toContain('bad.json: [0].subject: expected a non-empty string, got nothing')
    expect(r.stderr).toContain('bad.json: [0].validtime: expected a date YYYY-MM-DD, got nothing')
    expect(r.stderr).not.toMatch(/undefined|NaN/)
  })

  it('a file that cannot be read is refused with exit 1', async () => {
    const w = world()
    const r = await w.cli('import', 'missing.jsonl', '--store', 'memory:')
    expect(r.code).toBe(ExitCode.failed)
    expect(r.stderr).toContain('missing.jsonl: cannot read:')
  })
})
