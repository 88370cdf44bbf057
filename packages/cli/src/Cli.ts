/**
 * The `progress-ledger` command line: global options, subcommand dispatch, help and exit codes.
 *
 * @module Cli
 */
import { parseArgs } from 'node:util'
import type { Clock, EventStore } from '@progress-ledger/core'
import type { CommandSpec, RunContext } from './Command'
import { append } from './commands/Append'
import { diff } from './commands/Diff'
import { exportCommand } from './commands/Export'
import { history } from './commands/History'
import { importCommand } from './commands/Import'
import { importPlan } from './commands/ImportPlan'
import { init } from './commands/Init'
import { report } from './commands/Report'
import { status } from './commands/Status'
import { target } from './commands/Target'
import { verify } from './commands/Verify'
import { ExitCode, type Io, UsageError } from './Io'
import { DEFAULT_STORE, openStore, parseStoreUrl } from './StoreUrl'

/** Every subcommand, in help order. */
export const commands: ReadonlyArray<CommandSpec> = [
  init,
  importPlan,
  append,
  report,
  status,
  history,
  diff,
  verify,
  exportCommand,
  importCommand,
  target,
]

const GLOBAL_HELP = `  --store sqlite:PATH|postgres://…|memory:   the ledger (default ${DEFAULT_STORE}, or $PROGRESS_LEDGER_STORE)
  -h, --help                                 this help`

/** The top-level help text. */
export function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length))
  return [
    'progress-ledger — an event-sourced ledger of a multi-year plan: record facts, report status as of any date.',
    '',
    'usage: progress-ledger <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'global options:',
    GLOBAL_HELP,
    '',
    'exit codes: 0 success; 1 refused, invalid, conflicting or broken; 2 usage error.',
    "Run 'progress-ledger <command> --help' for a command's options. Docs: docs/cli.md",
    '',
  ].join('\n')
}

function commandHelp(c: CommandSpec): string {
  return `usage: ${c.usage}\n\n${c.summary}\n\n${c.help}\n\nglobal options:\n${GLOBAL_HELP}\n`
}

/**
 * Runs the command line and returns the exit code. Never throws for user errors.
 *
 * @example
 * import { run } from '@progress-ledger/cli'
 * // const code = await run(['target', 'parse', '95以上'], io)
 */
export async function run(argv: ReadonlyArray<string>, io: Io): Promise<number> {
  // `--store` may also come before the command: `progress-ledger --store sqlite:x.sqlite report`.
  const leading: string[] = []
  let i = 0
  while (i < argv.length && (argv[i] === '--store' || (argv[i] as string).startsWith('--store='))) {
    leading.push(
      ...(argv[i] === '--store' ? [argv[i] as string, argv[i + 1] ?? ''] : [argv[i] as string]),
    )
    i += argv[i] === '--store' ? 2 : 1
  }
  const [name, ...afterName] = argv.slice(i)
  const rest = [...afterName, ...leading]
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(mainHelp())
    return name === undefined ? ExitCode.usage : ExitCode.ok
  }
  const spec = commands.find((c) => c.name === name)
  if (spec === undefined) {
    io.stderr.write(`progress-ledger: unknown command ${JSON.stringify(name)}\n\n${mainHelp()}`)
    return ExitCode.usage
  }
  let store: EventStore | undefined
  try {
    const parsed = parseArgs({
      args: [...rest],
      options: {
        ...spec.options,
        store: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    })
    if (parsed.values['help'] === true) {
      io.stdout.write(commandHelp(spec))
      return ExitCode.ok
    }
    const storeValue =
      typeof parsed.values['store'] === 'string'
        ? parsed.values['store']
        : (io.env['PROGRESS_LEDGER_STORE'] ?? DEFAULT_STORE)
    const location = parseStoreUrl(storeValue, io.cwd)
    const ctx: RunContext = {
      io,
      values: parsed.values as RunContext['values'],
      positionals: parsed.positionals,
      location,
      store: async (clock?: Clock) => {
        store ??= await openStore(location, clock ?? io.clock)
        return store
      },
    }
    return await spec.run(ctx)
  } catch (e) {
    if (
      e instanceof UsageError ||
      (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') === true
    ) {
      io.stderr.write(
        `progress-ledger ${spec.name}: ${(e as Error).message}\nusage: ${spec.usage}\n`,
      )
      return ExitCode.usage
    }
    io.stderr.write(`progress-ledger ${spec.name}: ${(e as Error).message}\n`)
    return ExitCode.failed
  } finally {
    await store?.close()
  }
}
