/**
 * Shell completion scripts for bash and zsh, generated from the subcommands' specs: command
 * names, each command's options, the allowed values of options and arguments that have a fixed
 * set (`--lang zh|en`, `list indicators|…`), and file names where a FILE is expected. zsh runs
 * the bash function through its `bashcompinit` layer.
 *
 * @module Completion
 */
import type { CommandSpec } from './Command'

/**
 * The shells a completion script is written for.
 *
 * @example
 * import { completionShells } from '@progress-ledger/cli'
 * completionShells // ['bash', 'zsh']
 */
export const completionShells = ['bash', 'zsh'] as const
/** A shell a completion script is written for. */
export type CompletionShell = (typeof completionShells)[number]

const GLOBAL_OPTIONS = ['--store', '--no-checkpoint', '--allow-broken', '--help']

const words = (ws: ReadonlyArray<string>): string => ws.join(' ')

function commandCase(spec: CommandSpec): string {
  const options = [...Object.keys(spec.options).map((n) => `--${n}`), ...GLOBAL_OPTIONS]
  const valueCases = Object.entries(spec.options)
    .filter(([, o]) => o.type === 'string')
    .map(([name, o]) => {
      const reply =
        o.choices !== undefined
          ? `COMPREPLY=($(compgen -W "${words(o.choices)}" -- "$cur"))`
          : o.value === 'FILE'
            ? `COMPREPLY=($(compgen -f -- "$cur"))`
            : 'COMPREPLY=()'
      return `        --${name}) ${reply}; return ;;`
    })
  const positional = spec.arguments.map((a, i) => {
    const reply =
      a.choices !== undefined
        ? `COMPREPLY=($(compgen -W "${words(a.choices)}" -- "$cur"))`
        : a.name === 'FILE'
          ? `COMPREPLY=($(compgen -f -- "$cur"))`
          : 'COMPREPLY=()'
    return `        ${i}) ${reply}; return ;;`
  })
  return [
    `    ${spec.name})`,
    '      case $prev in',
    '        --store) COMPREPLY=($(compgen -W "sqlite: postgres:// memory:" -- "$cur")); return ;;',
    ...valueCases,
    '      esac',
    '      if [[ $cur != -* ]]; then',
    '        case $npos in',
    ...positional,
    '        esac',
    '      fi',
    `      COMPREPLY=($(compgen -W "${words(options)}" -- "$cur"))`,
    '      ;;',
  ].join('\n')
}

function bashFunction(specs: ReadonlyArray<CommandSpec>): string {
  const valued = [
    '--store',
    ...new Set(
      specs.flatMap((s) =>
        Object.entries(s.options)
          .filter(([, o]) => o.type === 'string')
          .map(([n]) => `--${n}`),
      ),
    ),
  ]
  return [
    '_progress_ledger() {',
    '  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd= npos=0 i',
    '  for ((i = 1; i < COMP_CWORD; i++)); do',
    '    case ${COMP_WORDS[i]} in',
    `      ${valued.join('|')}) ((i++)) ;;`,
    '      -*) ;;',
    '      *) if [[ -z $cmd ]]; then cmd=${COMP_WORDS[i]}; else ((npos++)); fi ;;',
    '    esac',
    '  done',
    '  case $cmd in',
    "    '')",
    '      if [[ $prev == --store ]]; then COMPREPLY=($(compgen -W "sqlite: postgres:// memory:" -- "$cur")); return; fi',
    `      COMPREPLY=($(compgen -W "${words([...specs.map((s) => s.name), 'help', '--store', '--help', '--version'])}" -- "$cur"))`,
    '      ;;',
    ...specs.map(commandCase),
    '  esac',
    '}',
    'complete -o default -F _progress_ledger progress-ledger',
  ].join('\n')
}

/**
 * The completion script for a shell. Load it with `source <(progress-ledger completion bash)`, or
 * write it to the shell's completion folder.
 *
 * @example
 * import { commands, completionScript } from '@progress-ledger/cli'
 * completionScript('bash', commands).includes('complete -o default -F _progress_ledger progress-ledger') // true
 * completionScript('zsh', commands).startsWith('#compdef progress-ledger') // true
 */
export function completionScript(
  shell: CompletionShell,
  specs: ReadonlyArray<CommandSpec>,
): string {
  const body = bashFunction(specs)
  switch (shell) {
    case 'bash':
      return `# bash completion for progress-ledger\n${body}\n`
    case 'zsh':
      return `#compdef progress-ledger\n# zsh completion for progress-ledger (through bashcompinit)\nautoload -U +X bashcompinit && bashcompinit\n${body}\n`
  }
}
