// The bash completion script, run in a real bash; the zsh script loads the same function.
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { world } from './harness'

async function script(shell: string): Promise<string> {
  const r = await world().cli('completion', shell)
  expect(r.code).toBe(0)
  return r.stdout
}

/** The words bash would offer after typing `line` (the last word is the one completed). */
function complete(bashScript: string, line: string): string[] {
  const words = line.split(' ')
  const program = [
    bashScript,
    `COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})`,
    `COMP_CWORD=${words.length - 1}`,
    '_progress_ledger',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n')
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', program], { encoding: 'utf8' })
  expect(r.stderr).toBe('')
  return r.stdout.split('\n').filter((l) => l !== '')
}

describe('shell completion', () => {
  it('bash completes commands, options, option values and arguments', async () => {
    const bash = await script('bash')
    expect(complete(bash, 'progress-ledger rep')).toEqual(['report'])
    expect(complete(bash, 'progress-ledger --store sqlite:x.sqlite sta')).toEqual(['status'])
    expect(complete(bash, 'progress-ledger report --as')).toEqual(['--as-of'])
    expect(complete(bash, 'progress-ledger report --format h')).toEqual(['html'])
    expect(complete(bash, 'progress-ledger export --format ')).toEqual(['jsonl', 'cloudevents'])
    expect(complete(bash, 'progress-ledger status I01 --lang ')).toEqual(['zh', 'en'])
    expect(complete(bash, 'progress-ledger list ')).toEqual([
      'indicators',
      'departments',
      'projects',
      'tasks',
      'plans',
    ])
    expect(complete(bash, 'progress-ledger list --as-of 2022-12-31 pro')).toEqual(['projects'])
    expect(complete(bash, 'progress-ledger completion ')).toEqual(['bash', 'zsh'])
    expect(complete(bash, 'progress-ledger verify --')).toEqual([
      '--expect-head',
      '--store',
      '--no-checkpoint',
      '--allow-broken',
      '--help',
    ])
  })

  it('zsh gets the same function through bashcompinit', async () => {
    const bash = await script('bash')
    const zsh = await script('zsh')
    expect(zsh.split('\n').slice(0, 3)).toEqual([
      '#compdef progress-ledger',
      '# zsh completion for progress-ledger (through bashcompinit)',
      'autoload -U +X bashcompinit && bashcompinit',
    ])
    expect(zsh.endsWith(bash.split('\n').slice(1).join('\n'))).toBe(true)
  })

  it('refuses another shell with exit 2', async () => {
    const r = await world().cli('completion', 'fish')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('SHELL: expected bash or zsh, got "fish"')
  })
})
