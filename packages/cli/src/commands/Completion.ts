/**
 * `progress-ledger completion bash|zsh`: prints a shell completion script.
 *
 * @module commands/Completion
 */
import { type CommandSpec, positional } from '../Command'
import { completionScript, completionShells } from '../Completion'
import { ExitCode, UsageError } from '../Failure'

/** `completion`, completing the subcommands `specs()` returns (the command line's own list). */
export function completionCommand(specs: () => ReadonlyArray<CommandSpec>): CommandSpec {
  return {
    name: 'completion',
    summary: 'print a shell completion script (bash or zsh)',
    help: [
      'bash: source <(progress-ledger completion bash)',
      '      or save it as ~/.local/share/bash-completion/completions/progress-ledger',
      'zsh:  source <(progress-ledger completion zsh)',
      '      or save it as _progress-ledger in a folder on your $fpath',
    ].join('\n'),
    arguments: [{ name: 'SHELL', description: 'bash or zsh', choices: completionShells }],
    options: {},
    access: 'none',
    run: (ctx) => {
      const arg = positional(ctx, 0)
      const shell = completionShells.find((s) => s === arg)
      if (shell === undefined)
        throw new UsageError(`SHELL: expected bash or zsh, got ${JSON.stringify(arg)}`)
      ctx.io.stdout.write(completionScript(shell, specs()))
      return Promise.resolve(ExitCode.ok)
    },
  }
}
