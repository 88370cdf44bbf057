/**
 * Parsing the command line with commander: the subcommands are built from their
 * {@link CommandSpec}s, help and `--version` are commander's, and every parse error comes back
 * as a value naming the command, the option and the expected form — `--as-of: expected a date
 * YYYY-MM-DD`, `unknown option '--asof' (Did you mean --as-of?)` — instead of commander's exit.
 *
 * @module Program
 */
import { Argument, Command, CommanderError, Option } from 'commander'
import type { CommandSpec } from './Command'
import type { LoadingFlags } from './Ledger'
import type { Io } from './Io'
import { colourEnabled } from './Colour'
import { DEFAULT_STORE } from './StoreUrl'
import { VERSION } from './Version'

/** What the command line asked for. */
export type ParsedCommandLine =
  | {
      readonly _tag: 'Selected'
      readonly spec: CommandSpec
      readonly values: Readonly<Record<string, string | boolean | undefined>>
      readonly positionals: ReadonlyArray<string>
      /** `--store`, if given (before or after the command). */
      readonly store: string | undefined
      /** How to load the ledger: `--no-checkpoint`, `--allow-broken`. */
      readonly loading: LoadingFlags
      /** `usage: progress-ledger report [options]`, printed after a malformed option value. */
      readonly usage: string
    }
  /** Help or the version was printed; exit with `code` (2 when help stands in for a missing command). */
  | { readonly _tag: 'Printed'; readonly code: 0 | 2 }
  | {
      readonly _tag: 'UsageFailure'
      /** The subcommand the error belongs to, if any. */
      readonly command: string | undefined
      readonly message: string
      /** `usage: progress-ledger report [options]`. */
      readonly usage: string
    }

const EXIT_CODES = `exit codes:
  0  success
  1  the ledger said no: refused or invalid input, conflict, broken chain, missing ledger or plan
  2  usage error: unknown command or option, missing or malformed option value, wrong arguments`

const STORE_EXPECTED = 'sqlite:PATH, postgres://… or memory:'

function optionFlags(name: string, o: CommandSpec['options'][string]): string {
  return o.type === 'boolean' ? `--${name}` : `--${name} <${o.value ?? 'VALUE'}>`
}

/** Builds the commander program for a set of subcommands, writing to `io`. */
function buildProgram(
  specs: ReadonlyArray<CommandSpec>,
  io: Io,
  select: (spec: CommandSpec, command: Command) => void,
  failedIn: (command: Command) => void,
): Command {
  const program = new Command('progress-ledger')
  program
    .description(
      'An event-sourced ledger of a multi-year plan: record facts, report status as of any date.',
    )
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print help')
    .helpCommand('help [COMMAND]', 'print help for a command')
    .option(
      '--store <URL>',
      `the ledger: sqlite:PATH, postgres://… or memory: (default $PROGRESS_LEDGER_STORE, else ${DEFAULT_STORE})`,
    )
    .option(
      '--no-checkpoint',
      'replay the whole ledger instead of restoring its newest checkpoint (and write none)',
    )
    .option(
      '--allow-broken',
      'read a ledger whose hash chain does not verify, with a warning in every output',
    )
    .configureHelp({ showGlobalOptions: true })
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Errors are printed by the caller, with the command's usage.
      outputError: () => undefined,
      getOutHelpWidth: () => io.stdout.columns ?? 100,
      getErrHelpWidth: () => io.stderr.columns ?? 100,
      getOutHasColors: () => colourEnabled(io.stdout, io.env),
      getErrHasColors: () => colourEnabled(io.stderr, io.env),
    })
    .showSuggestionAfterError(true)
    .exitOverride((e) => {
      failedIn(program)
      throw e
    })
    .addHelpText(
      'after',
      `\n${EXIT_CODES}\n\nRun 'progress-ledger COMMAND --help' for a command's options. Docs: docs/cli.md`,
    )
  for (const spec of specs) {
    const sub = program.command(spec.name).summary(spec.summary).description(spec.summary)
    for (const a of spec.arguments) {
      const arg = new Argument(a.optional === true ? `[${a.name}]` : `<${a.name}>`, a.description)
      if (a.choices !== undefined) arg.choices([...a.choices])
      sub.addArgument(arg)
    }
    for (const [name, o] of Object.entries(spec.options))
      sub.addOption(new Option(optionFlags(name, o), o.description))
    if (spec.help !== '') sub.addHelpText('after', `\n${spec.help}`)
    sub.allowExcessArguments(false)
    sub.exitOverride((e) => {
      failedIn(sub)
      throw e
    })
    sub.action(() => select(spec, sub))
  }
  return program
}

/** Commander's message without its `error: ` prefix, its suggestion on the same line. */
function tidy(message: string): string {
  return message.replace(/^error: /, '').replace(/\n\(Did you mean/, ' (did you mean')
}

function rewrite(e: CommanderError, command: Command, spec: CommandSpec | undefined): string {
  switch (e.code) {
    case 'commander.optionMissingArgument': {
      const long = /option '(?:-\w, )?(--[\w-]+)/.exec(e.message)?.[1]
      const name = long?.slice(2)
      const expected =
        name === 'store'
          ? STORE_EXPECTED
          : name === undefined
            ? undefined
            : (spec?.options[name]?.expected ?? spec?.options[name]?.value?.toLowerCase())
      return long !== undefined && expected !== undefined
        ? `${long}: expected ${expected}`
        : tidy(e.message)
    }
    case 'commander.excessArguments': {
      const extra = command.args.slice(command.registeredArguments.length)
      return `unexpected argument${extra.length === 1 ? '' : 's'} ${extra.map((a) => JSON.stringify(a)).join(' ')} (${command.name()} takes ${
        command.registeredArguments.length === 0
          ? 'no arguments'
          : command.registeredArguments.map((a) => a.name()).join(' ')
      })`
    }
    case 'commander.invalidArgument': {
      const m =
        /value '(.*)' is invalid for argument '([^']+)'\. Allowed choices are (.*)\.$/s.exec(
          e.message,
        )
      if (m === null) return tidy(e.message)
      const choices = (m[3] as string).split(', ')
      const last = choices.pop() as string
      return `${m[2]}: expected ${choices.length === 0 ? last : `${choices.join(', ')} or ${last}`}, got ${JSON.stringify(m[1])}`
    }
    default:
      return tidy(e.message)
  }
}

/**
 * Parses `argv` (without the node and script paths) against the subcommands. Prints help and the
 * version itself (to `io.stdout`); returns every other outcome as a value.
 */
export function parseCommandLine(
  argv: ReadonlyArray<string>,
  specs: ReadonlyArray<CommandSpec>,
  io: Io,
): ParsedCommandLine {
  let selected: { spec: CommandSpec; command: Command } | undefined
  let failing: Command | undefined
  const program = buildProgram(
    specs,
    io,
    (spec, command) => (selected = { spec, command }),
    (command) => (failing ??= command),
  )
  if (argv.length === 0) {
    io.stdout.write(program.helpInformation())
    return { _tag: 'Printed', code: 2 }
  }
  // `help NAME` for a name that is no command is that unknown command (with its did-you-mean),
  // not commander's help of the whole program on stderr; `help help` is `help`.
  const name = argv[0] === 'help' && argv.length === 2 ? argv[1] : undefined
  const asked =
    name === undefined || name.startsWith('-') || specs.some((s) => s.name === name)
      ? argv
      : name === 'help'
        ? ['help']
        : [name]
  try {
    program.parse([...asked], { from: 'user' })
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e
    if (
      e.code === 'commander.helpDisplayed' ||
      e.code === 'commander.version' ||
      (e.code === 'commander.help' && e.exitCode === 0)
    )
      return { _tag: 'Printed', code: 0 }
    const command = failing ?? program
    const spec = specs.find((s) => s.name === command.name())
    return {
      _tag: 'UsageFailure',
      command: command === program ? undefined : command.name(),
      message: rewrite(e, command, spec),
      usage: `usage: ${command === program ? 'progress-ledger' : `progress-ledger ${command.name()}`} ${command.usage()}`,
    }
  }
  if (selected === undefined) {
    // Unreachable: commander either runs an action or reports an error for a program with subcommands.
    throw new Error('progress-ledger: no command selected')
  }
  const { spec, command } = selected
  const opts = command.opts<Record<string, string | boolean | undefined>>()
  const values: Record<string, string | boolean | undefined> = {}
  for (const [name, o] of Object.entries(spec.options)) {
    const v = opts[new Option(optionFlags(name, o)).attributeName()]
    if (v !== undefined) values[name] = v
  }
  const globals = program.opts<{ store?: string; checkpoint?: boolean; allowBroken?: boolean }>()
  return {
    _tag: 'Selected',
    spec,
    values,
    positionals: command.processedArgs.filter((a): a is string => typeof a === 'string'),
    store: globals.store,
    loading: {
      checkpoint: globals.checkpoint !== false,
      allowBroken: globals.allowBroken === true,
    },
    usage: `usage: progress-ledger ${command.name()} ${command.usage()}`,
  }
}
