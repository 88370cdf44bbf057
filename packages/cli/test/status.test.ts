// `status`: one "Events:" line, the forecast, and the status in colour on a terminal only.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatNumber, label, type StatusCode } from '@progress-ledger/reporting'
import { jsonl, setupLines, type WorldOptions, world } from './harness'

const ESC = '\u001b['

async function ledgerWithValues(options: WorldOptions = {}) {
  const w = world('2022-03-01T09:00:00.000Z', options)
  const setup = await w.cli(
    'append',
    w.write('setup.jsonl', jsonl(setupLines)),
    '--actor',
    'plan-admin:office',
  )
  expect(setup.code).toBe(0)
  const value = {
    type: 'ReportValue',
    indicatorId: 'I01',
    period: '2021',
    value: 10.1,
    status: 'preliminary',
  }
  const r = await w.cli(
    'append',
    w.write('v.jsonl', jsonl([value])),
    '--actor',
    'reporter:clerk@fgj',
  )
  expect(r.code).toBe(0)
  return w
}

describe('status', () => {
  it('prints one list of events and the forecast to the deadline', async () => {
    const w = await ledgerWithValues()
    const text = await w.cli('status', 'I01', '--as-of', '2021-12-31', '--lang', 'en')
    expect(text.code).toBe(0)
    expect(text.stdout.match(/^events:/gim)).toHaveLength(1)
    const json = await w.cli('status', 'I01', '--as-of', '2021-12-31', '--json')
    const { forecast, eventIds } = JSON.parse(json.stdout) as {
      forecast: { projected: number; rate: number; metOn: string | null; dueYear: number } | null
      eventIds: string[]
    }
    expect(text.stdout).toContain(`Events: ${eventIds.join(', ')}\n`)
    expect(forecast).not.toBeNull()
    if (forecast === null) return
    // Compound growth from the 2020 baseline 9.2 to 10.1 in 2021.
    expect(forecast.rate).toBeCloseTo(10.1 / 9.2 - 1, 10)
    expect(forecast.metOn).not.toBeNull()
    expect(text.stdout).toContain(
      `Forecast: ${formatNumber(forecast.projected, 2)} 万元 by the end of ${forecast.dueYear} at ${formatNumber(forecast.rate * 100, 2)} % a year (compound growth); `,
    )
    expect(text.stdout).toContain(`, reached on ${forecast.metOn}\n`)
    const zh = await w.cli('status', 'I01', '--as-of', '2021-12-31')
    expect(zh.stdout).toMatch(/^预测：按年均增长 [\d.]+%（复合），\d{4}年末为 [\d.]+ 万元；/m)
  })

  it('prints the forecast quoted in docs/cli.md for the scenario described there', async () => {
    const w = world()
    const withoutInterim = setupLines.filter((l) => l.type !== 'SetTarget' || l.dueYear === 2025)
    const value = {
      type: 'ReportValue',
      indicatorId: 'I01',
      period: '2021',
      value: 10.1,
      status: 'final',
    }
    await w.cli(
      'append',
      w.write('s.jsonl', jsonl([...withoutInterim, value])),
      '--actor',
      'plan-admin:office',
    )
    const r = await w.cli('status', 'I01', '--as-of', '2021-12-31', '--lang', 'en')
    const docs = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'cli.md'), 'utf8')
    const quoted = /^Forecast: .*$/m.exec(docs)?.[0]
    expect(quoted).toBeDefined()
    expect(r.stdout).toContain(`${quoted}\n`)
  })

  it('says when there is no forecast', async () => {
    const w = world()
    await w.cli('append', w.write('s.jsonl', jsonl(setupLines)), '--actor', 'plan-admin:office')
    const r = await w.cli('status', 'I01', '--as-of', '2021-12-31', '--lang', 'en')
    expect(r.stdout).toContain(
      'Forecast: none (needs a baseline and a later value against a numeric target)\n',
    )
  })

  it('colours the status on a terminal, not in a pipe; NO_COLOR and FORCE_COLOR decide first', async () => {
    const cases: ReadonlyArray<[WorldOptions, boolean]> = [
      [{ tty: true }, true],
      [{ tty: false }, false],
      [{ tty: true, env: { NO_COLOR: '1' } }, false],
      [{ tty: true, env: { NO_COLOR: '' } }, true],
      [{ tty: false, env: { FORCE_COLOR: '1' } }, true],
      [{ tty: true, env: { FORCE_COLOR: '0' } }, false],
      [{ tty: true, env: { TERM: 'dumb' } }, false],
      [{ tty: false, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }, false],
    ]
    for (const [options, coloured] of cases) {
      const w = await ledgerWithValues(options)
      const r = await w.cli('status', 'I01', '--as-of', '2021-12-31', '--json')
      const { status, light } = JSON.parse(r.stdout) as { status: string; light: string }
      const text = (await w.cli('status', 'I01', '--as-of', '2021-12-31')).stdout
      const firstLine = text.split('\n')[0] as string
      expect({ options, coloured: firstLine.includes(ESC) }).toEqual({ options, coloured })
      if (coloured) {
        const code = { green: '32', yellow: '33', red: '31', grey: '2' }[light]
        const word = label('status', status as StatusCode, 'zh')
        expect(firstLine).toContain(`${ESC}${code}m${word}${ESC}`)
      } else expect(text).not.toContain(ESC)
    }
  })

  it('verify colours intact in green on a terminal only', async () => {
    const tty = await ledgerWithValues({ tty: true })
    expect((await tty.cli('verify')).stdout).toContain(`hash chain ${ESC}32mintact${ESC}39m:`)
    const piped = await ledgerWithValues()
    expect((await piped.cli('verify')).stdout).toContain('hash chain intact:')
  })
})
