// Importing a bad export names FILE:LINE (or the batch element) and the field; an export cut short
// at a line boundary is refused by its missing end record.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chainHash, type RecordedEvent } from '@progress-ledger/core'
import { SqliteEventStore } from '@progress-ledger/store-sqlite'
import { describe, expect, it, vi } from 'vitest'
import { checkExportEnd, parseExport } from '../src/Exchange'
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

describe('an export cut short at a line boundary', () => {
  /** A ledger with the setup lines, exported as JSON lines (non-blank lines). */
  async function exported() {
    const w = world()
    const setup = w.write('s.jsonl', jsonl(setupLines))
    await w.cli('append', setup, '--actor', 'plan-admin:office', '--store', 'sqlite:a.sqlite')
    const text = (await w.cli('export', '--store', 'sqlite:a.sqlite')).stdout
    return { w, lines: text.split('\n').filter((l) => l !== '') }
  }

  it('the export ends with the end record: how many events, the last one’s position and hash', async () => {
    const { w, lines } = await exported()
    const last = JSON.parse(lines[lines.length - 2] as string) as RecordedEvent
    expect(JSON.parse(lines[lines.length - 1] as string)).toEqual({
      end: { events: lines.length - 1, position: last.position, hash: last.hash },
    })
    // The file export writes the same.
    expect((await w.cli('export', '--store', 'sqlite:a.sqlite', '--out', 'e.jsonl')).code).toBe(
      ExitCode.ok,
    )
    expect(readFileSync(join(w.dir, 'e.jsonl'), 'utf8')).toBe(`${lines.join('\n')}\n`)
  })

  it('is refused without its end record, names the file, creates no ledger; --allow-unterminated imports it', async () => {
    const { w, lines } = await exported()
    // The last two events and the end record lost, as in a copy interrupted between lines.
    const kept = lines.length - 3
    const cut = w.write('cut.jsonl', `${lines.slice(0, kept).join('\n')}\n`)
    const r = await w.cli('import', cut, '--store', 'sqlite:b.sqlite')
    expect(r.code).toBe(ExitCode.failed)
    expect(r.stderr).toContain(
      `cut.jsonl: expected the end record \`export\` writes after the last event ({"end":{"events":${kept},…}}), got none: the file was cut short`,
    )
    expect(r.stderr).toContain('hint: --allow-unterminated imports the file as it is')
    expect(existsSync(join(w.dir, 'b.sqlite'))).toBe(false)
    const allowed = await w.cli('import', cut, '--allow-unterminated', '--store', 'sqlite:c.sqlite')
    expect(allowed.code).toBe(ExitCode.ok)
    expect(allowed.stdout).toContain(`imported ${kept} events`)
    // The whole export imports without the flag.
    const whole = await w.cli(
      'import',
      w.write('whole.jsonl', lines.join('\n')),
      '--store',
      'sqlite:d.sqlite',
    )
    expect(whole.code).toBe(ExitCode.ok)
    expect(whole.stdout).toContain(`imported ${lines.length - 1} events`)
  })

  it('is refused when the end record does not match the events before it, or a record follows it', async () => {
    const { w, lines } = await exported()
    const end = lines[lines.length - 1] as string
    // The last event removed, the end record kept.
    const dropped = w.write('dropped.jsonl', [...lines.slice(0, -2), end].join('\n'))
    const r = await w.cli('import', dropped, '--store', 'sqlite:b.sqlite')
    expect(r.code).toBe(ExitCode.failed)
    expect(r.stderr).toContain(
      `dropped.jsonl:${lines.length - 1}: end.events: expected ${lines.length - 2} (the events before it), got ${lines.length - 1}`,
    )
    expect(r.stderr).toMatch(/end\.hash: expected "[0-9a-f]{64}" \(the last event's hash\), got "/)
    expect(existsSync(join(w.dir, 'b.sqlite'))).toBe(false)
    const after = w.write('after.jsonl', [...lines, lines[0]].join('\n'))
    const r2 = await w.cli('import', after, '--store', 'sqlite:c.sqlite')
    expect(r2.code).toBe(ExitCode.failed)
    expect(r2.stderr).toContain(
      `after.jsonl:${lines.length + 1}: expected nothing after the end record (line ${lines.length}), got another record`,
    )
  })

  it('names the line the store refuses in the second pass: a re-hashed chain with a wrong stream version', async () => {
    const { w, lines } = await exported()
    const events = lines.slice(0, -1).map((l) => JSON.parse(l) as RecordedEvent)
    // The third event's stream version moved on by 5 and every hash from there recomputed: the
    // chain holds, so the first pass passes it; the store, checking versions, refuses it.
    const k = 2
    let prev = (events[k - 1] as RecordedEvent).hash
    const edited = events.map((e, i) => {
      if (i < k) return e
      const changed = i === k ? { ...e, version: e.version + 5 } : e
      const rehashed = { ...changed, prevHash: prev, hash: chainHash(prev, changed) }
      prev = rehashed.hash
      return rehashed
    })
    const last = edited[edited.length - 1] as RecordedEvent
    const end = { end: { events: edited.length, position: last.position, hash: last.hash } }
    const text = [...edited, end].map((x) => JSON.stringify(x)).join('\n')
    const r = await w.cli('import', w.write('rehashed.jsonl', text), '--store', 'sqlite:b.sqlite')
    expect(r.code).toBe(ExitCode.failed)
    expect(r.stderr).toMatch(
      new RegExp(`^rehashed\\.jsonl:${k + 1}: .*version.*; nothing imported\n$`),
    )
  })

  it('parseExport checks the end record and says whether there was one', () => {
    const e = { position: 1, hash: 'h1' }
    const text = (end: object) => `${JSON.stringify({ end })}\n`
    expect(parseExport('').ended).toBe(false)
    const wrong = parseExport(text({ events: 1, position: 1, hash: 'h1', extra: true }))
    expect(wrong.ended).toBe(true)
    expect(wrong.errors).toEqual([
      { line: 1, message: 'end.events: expected 0 (the events before it), got 1' },
      { line: 1, message: "end.position: expected 0 (the last event's position), got 1" },
      { line: 1, message: 'end.hash: expected "" (the last event\'s hash), got "h1"' },
      { line: 1, message: 'end.extra: expected a field of an end record, got an unknown field' },
    ])
    expect(checkExportEnd({ end: { events: 1, ...e } }, { events: 1, ...e })).toEqual([])
  })
})

describe('a large import', () => {
  it('stores the checkpoint of the events as it wrote them, without reading the ledger back', async () => {
    const w = world('2026-03-01T09:00:00.000Z')
    const values = Array.from({ length: 10_000 }, (_, i) => ({
      type: 'ReportValue',
      indicatorId: 'I01',
      period: '2025',
      value: i,
      status: 'final',
    }))
    const file = w.write('many.jsonl', jsonl([...setupLines, ...values]))
    const from = ['--store', 'sqlite:a.sqlite']
    expect((await w.cli('append', file, '--actor', 'plan-admin:po', ...from)).code).toBe(
      ExitCode.ok,
    )
    expect((await w.cli('export', ...from, '--out', 'e.jsonl')).code).toBe(ExitCode.ok)
    const head = (await w.cli('head', ...from)).stdout
    const to = ['--store', 'sqlite:b.sqlite']
    const reads = vi.spyOn(SqliteEventStore.prototype, 'readAll')
    let imported
    try {
      imported = await w.cli('import', join(w.dir, 'e.jsonl'), ...to)
      // Nothing read back: the state was folded from the pages the store wrote.
      expect(reads).not.toHaveBeenCalled()
    } finally {
      reads.mockRestore()
    }
    const position = Number(head.split(':')[0])
    expect(position).toBeGreaterThan(10_000)
    expect(imported.code).toBe(ExitCode.ok)
    expect(imported.stderr).toContain(`checkpoint stored at position ${position}\n`)
    expect((await w.cli('head', ...to)).stdout).toBe(head)
    // The checkpoint is the state a fresh replay gives, and later commands start from it.
    const verified = await w.cli('verify', ...to)
    expect(verified.stdout).toContain(`checkpoint at position ${position} matches a fresh replay`)
    const args = ['report', '--as-of', '2025-12-31', '--format', 'json', ...to]
    const restored = await w.cli(...args)
    expect(restored.stderr).not.toContain('note: checkpoint')
    expect(restored.stdout).toBe((await w.cli(...args, '--no-checkpoint')).stdout)
  })
})
