// The command line's manners: version, help, suggestions, errors that name the option and the
// expected form, unexpected arguments refused, and the exit codes (0 ok, 1 the ledger said no,
// 2 usage).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ExitCode } from '../src/Failure'
import { jsonl, setupLines, world } from './harness'

const packageVersion = (
  JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }
).version

describe('progress-ledger manners', () => {
  it('prints its version with --version and -V', async () => {
    const w = world()
    for (const flag of ['--version', '-V']) {
      const r = await w.cli(flag)
      expect(r).toEqual({ code: 0, stdout: `${packageVersion}\n`, stderr: '', committed: false })
    }
  })

  it('help: the command list with exit codes, a command through `help COMMAND` and `--help`', async () => {
    const w = world()
    const main = await w.cli('--help')
    expect(main.code).toBe(ExitCode.ok)
    for (const name of ['init', 'import-plan', 'append', 'report', 'status', 'list', 'history'])
      expect(main.stdout).toMatch(new RegExp(`^  ${name} `, 'm'))
    expect(main.stdout).toContain('2  usage error')
    const viaHelp = await w.cli('help', 'status')
    const viaFlag = await w.cli('status', '--help')
    expect(viaHelp.code).toBe(0)
    expect(viaHelp.stdout).toBe(viaFlag.stdout)
    expect(viaFlag.stdout).toContain('Usage: progress-ledger status [options] <INDICATOR>')
    expect(viaFlag.stdout).toContain('--as-of <DATE>')
  })

  it('suggests the command meant by a typo, exit 2', async () => {
    const w = world()
    const r = await w.cli('reprot')
    expect(r.code).toBe(ExitCode.usage)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain("progress-ledger: unknown command 'reprot' (did you mean report?)")
  })

  it('help of no command is that unknown command, with its did-you-mean; `help help` is `help`', async () => {
    const w = world()
    const typo = await w.cli('help', 'histroy')
    expect(typo.code).toBe(ExitCode.usage)
    expect(typo.stdout).toBe('')
    expect(typo.stderr).toBe(
      "progress-ledger: unknown command 'histroy' (did you mean history?)\nusage: progress-ledger [options] [command]\nRun 'progress-ledger --help' for more.\n",
    )
    const help = await w.cli('help')
    const helpHelp = await w.cli('help', 'help')
    expect(helpHelp.code).toBe(ExitCode.ok)
    expect(helpHelp.stderr).toBe('')
    expect(helpHelp.stdout).toBe(help.stdout)
    expect(help.stdout).toContain('Usage: progress-ledger [options] [command]')
  })

  it('suggests the option meant by a typo, exit 2', async () => {
    const w = world()
    const r = await w.cli('report', '--asof', '2022-12-31', '--store', 'memory:')
    expect(r.code).toBe(ExitCode.usage)
    expect(r.stderr).toContain(
      "progress-ledger report: unknown option '--asof' (did you mean --as-of?)",
    )
    expect(r.stderr).toContain('usage: progress-ledger report [options]')
  })

  it('an option without its value names the option and the expected form, exit 2', async () => {
    const w = world()
    const asOf = await w.cli('report', '--store', 'memory:', '--as-of')
    expect(asOf.code).toBe(ExitCode.usage)
    expect(asOf.stderr).toContain('progress-ledger report: --as-of: expected a date YYYY-MM-DD\n')
    const lang = await w.cli('status', 'I01', '--lang')
    expect(lang.stderr).toContain('--lang: expected zh or en')
    const store = await w.cli('verify', '--store')
    expect(store.code).toBe(ExitCode.usage)
    expect(store.stderr).toContain('--store: expected sqlite:PATH, postgres://… or memory:')
    const actor = await w.cli('append', 'x.jsonl', '--actor')
    expect(actor.stderr).toContain(
      '--actor: expected plan-admin:ID, reporter:ID@DEPARTMENT or auditor:ID',
    )
  })

  it('a refusal starts with the command, and a missing file says what its code means', async () => {
    const w = world()
    const target = await w.cli('target', 'parse', 'xyz')
    expect(target.code).toBe(ExitCode.failed)
    expect(target.stderr).toBe(
      'progress-ledger target: cannot parse target "xyz": unexpected "x" at position 0\n',
    )
    const store = ['--store', 'sqlite:l.sqlite']
    await w.cli(
      'append',
      w.write('setup.jsonl', jsonl(setupLines)),
      '--actor',
      'plan-admin:po',
      ...store,
    )
    expect((await w.cli('export', '--out', 'e.jsonl', ...store)).code).toBe(ExitCode.ok)
    const into = await w.cli('import', 'e.jsonl', ...store)
    expect(into.code).toBe(ExitCode.failed)
    expect(into.stderr).toBe(
      'progress-ledger import: import needs an empty ledger; nothing imported\nhint: use --store to choose a new one\n',
    )
    const memory = await w.cli('report', '--store', 'memory:')
    expect(memory.code).toBe(ExitCode.failed)
    expect(memory.stderr).toContain(
      'hint: a memory: ledger lasts one command, so it never holds a plan another command recorded',
    )
    const csv = await w.cli('append', 'nowhere.csv', '--actor', 'plan-admin:po', ...store)
    expect(csv.code).toBe(ExitCode.failed)
    expect(csv.stderr).toContain(
      'nowhere.csv: expected a readable file, got ENOENT (no such file or directory)',
    )
  })

  it('a malformed value names the option, the expected form and the value, exit 2', async () => {
    const w = world()
    const r = await w.cli('report', '--store', 'memory:', '--as-of', '31.12.2022')
    expect(r.code).toBe(ExitCode.usage)
    expect(r.stderr).toContain('--as-of: expected a date YYYY-MM-DD, got "31.12.2022"')
    // Followed, as every usage error, by the command's usage line and where to read more.
    expect(r.stderr).toBe(
      `progress-ledger report: --as-of: expected a date YYYY-MM-DD, got "31.12.2022"\nusage: progress-ledger report [options]\nRun 'progress-ledger report --help' for more.\n`,
    )
    const lang = await w.cli('report', '--store', 'memory:', '--lang', 'fr')
    expect(lang.stderr).toContain('--lang: expected zh or en, got "fr"')
    const from = await w.cli('diff', '--store', 'memory:', '--from', '2022', '--to', '2023-01-01')
    expect(from.code).toBe(ExitCode.usage)
    expect(from.stderr).toContain('--from: expected a date YYYY-MM-DD, got "2022"')
    const reversed = await w.cli(
      'diff',
      '--store',
      'memory:',
      '--from',
      '2025-12-31',
      '--to',
      '2022-12-31',
    )
    expect(reversed.code).toBe(ExitCode.usage)
    expect(reversed.stderr).toContain(
      '--from: expected a date on or before --to 2022-12-31, got "2025-12-31"',
    )
  })

  it('refuses unexpected or missing arguments with exit 2, touching no ledger', async () => {
    const w = world()
    const extra = await w.cli('verify', 'extra-arg')
    expect(extra.code).toBe(ExitCode.usage)
    expect(extra.stderr).toContain(
      'progress-ledger verify: unexpected argument "extra-arg" (verify takes no arguments)',
    )
    const two = await w.cli('status', 'I01', 'I02')
    expect(two.code).toBe(ExitCode.usage)
    expect(two.stderr).toContain('unexpected argument "I02" (status takes INDICATOR)')
    const missing = await w.cli('status')
    expect(missing.code).toBe(ExitCode.usage)
    expect(missing.stderr).toContain("missing required argument 'INDICATOR'")
    const kind = await w.cli('list', 'reforms')
    expect(kind.code).toBe(ExitCode.usage)
    expect(kind.stderr).toContain(
      'progress-ledger list: WHAT: expected indicators, departments, projects, tasks or plans, got "reforms"',
    )
    expect(readdirSync(w.dir)).toEqual([])
  })

  it('without a command prints the help on stdout and exits 2', async () => {
    const w = world()
    const r = await w.cli()
    expect(r.code).toBe(ExitCode.usage)
    expect(r.stdout).toContain('Usage: progress-ledger [options] [command]')
  })

  it('takes --store before or after the command, and $PROGRESS_LEDGER_STORE otherwise', async () => {
    const before = world()
    expect((await before.cli('--store', 'sqlite:a.sqlite', 'init')).code).toBe(0)
    expect((await before.cli('init', '--store', 'sqlite:b.sqlite')).code).toBe(0)
    expect(readdirSync(before.dir).sort()).toEqual(['a.sqlite', 'b.sqlite'])
    const fromEnv = world(undefined, { env: { PROGRESS_LEDGER_STORE: 'sqlite:env.sqlite' } })
    const r = await fromEnv.cli('init')
    expect(r.stdout).toContain(`ledger ready at sqlite:${join(fromEnv.dir, 'env.sqlite')}`)
  })
})
