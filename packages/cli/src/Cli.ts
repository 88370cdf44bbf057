/**
 * The `progress-ledger` command line: the subcommands, and `run`, which parses the arguments,
 * opens the ledger, runs the command and turns every expected failure into a message and an exit
 * code (0 success, 1 the ledger said no, 2 usage error).
 *
 * @module Cli
 */
import type { Clock, EventStore } from '@progress-ledger/core'
import type { CommandSpec, RunContext } from './Command'
import { append } from './commands/Append'
import { checkpoint } from './commands/Checkpoint'
import { completionCommand } from './commands/Completion'
import { diff } from './commands/Diff'
import { exportCommand } from './commands/Export'
import { head } from './commands/Head'
import { history } from './commands/History'
import { importCommand } from './commands/Import'
import { importPlan } from './commands/ImportPlan'
import { init } from './commands/Init'
import { list } from './commands/List'
import { report } from './commands/Report'
import { status } from './commands/Status'
import { target } from './commands/Target'
import { template } from './commands/Template'
import { verify } from './commands/Verify'
import { ExitCode, Refusal, UsageError } from './Failure'
import type { Io } from './Io'
import { type NewLedger, leftovers, newLedger } from './NewLedger'
import { discardCreated } from './StoreUrl'
import { type LedgerRead, readLedger } from './Ledger'
import { parseCommandLine } from './Program'
import { DEFAULT_STORE, openStore, parseStoreUrl } from './StoreUrl'

/**
 * Every subcommand, in help order.
 *
 * @example
 * import { commands } from '@progress-ledger/cli'
 * commands.filter((c) => c.access === 'read').map((c) => c.name) // ['report', 'status', 'list', 'history', 'diff', 'verify', 'head', 'checkpoint', 'export', 'template']
 */
export const commands: ReadonlyArray<CommandSpec> = [
  init,
  importPlan,
  append,
  report,
  status,
  list,
  history,
  diff,
  verify,
  head,
  checkpoint,
  exportCommand,
  importCommand,
  target,
  template,
  completionCommand(() => commands),
]

/**
 * Runs the command line and returns the exit code. Never throws for user errors.
 *
 * @example
 * import { run } from '@progress-ledger/cli'
 * import { fixedClock } from '@progress-ledger/core'
 * let out = ''
 * const io = { stdout: { write: (s) => { out += s }, isTTY: false }, stderr: { write: () => {}, isTTY: false },
 *   cwd: '.', env: {}, clock: fixedClock('2022-03-01'), idPrefix: () => 'run', readFile: () => '', writeFile: () => {} }
 * await run(['target', 'parse', '95以上'], io) // 0
 * out.split('\n')[2] // 'en:      95 or more'
 * await run(['reprot'], io) // 2
 */
export async function run(argv: ReadonlyArray<string>, io: Io): Promise<number> {
  const parsed = parseCommandLine(argv, commands, io)
  switch (parsed._tag) {
    case 'Printed':
      return parsed.code
    case 'UsageFailure':
      io.stderr.write(
        `progress-ledger${parsed.command === undefined ? '' : ` ${parsed.command}`}: ${parsed.message}\n${parsed.usage}\nRun 'progress-ledger ${parsed.command === undefined ? '' : `${parsed.command} `}--help' for more.\n`,
      )
      return ExitCode.usage
    case 'Selected':
      break
  }
  const { spec } = parsed
  io.started?.(spec.access === 'write')
  const prefix = `progress-ledger ${spec.name}`
  let store: EventStore | undefined
  // A writing command (but init) on a SQLite file not there yet writes it under a temporary
  // name, put in place once its write commits (see NewLedger).
  let fresh: NewLedger | undefined
  let committed = false
  const runIo: Io = {
    ...io,
    committed: () => {
      committed = true
      io.committed?.(
        fresh === undefined ? undefined : { at: fresh.location.path, final: fresh.final },
      )
    },
  }
  let code: number
  try {
    const location = parseStoreUrl(
      parsed.store ?? io.env['PROGRESS_LEDGER_STORE'] ?? DEFAULT_STORE,
      io.cwd,
    )
    const key = io.env['PROGRESS_LEDGER_KEY']
    const loading = {
      ...parsed.loading,
      chainKey: key === undefined || key === '' ? undefined : key,
    }
    const open = async (clock?: Clock) => {
      if (store === undefined && spec.access === 'write' && spec.name !== 'init') {
        fresh = newLedger(location, io.idPrefix())
        if (fresh !== undefined) {
          io.creating?.(fresh.location.path)
          const left = leftovers(fresh)
          if (left.length > 0)
            io.stderr.write(
              `note: beside ${fresh.final} are the temporary files of an earlier command that was stopped before its new ledger was in place: ${left.join(', ')}; remove them once no other progress-ledger command is writing there\n`,
            )
        }
      }
      try {
        store ??= await openStore(
          fresh?.location ?? location,
          clock ?? io.clock,
          spec.access === 'read' ? 'existing' : 'create',
          loading.chainKey,
        )
      } catch (e) {
        // A new ledger is written under a temporary name: the error says the name the user gave.
        const made = fresh
        if (made !== undefined && e instanceof Error && e.message.includes(made.location.path))
          throw new Error(e.message.split(made.location.path).join(made.final), { cause: e })
        throw e
      }
      return store
    }
    let ledger: Promise<LedgerRead> | undefined
    const scoped = new Map<string, Promise<LedgerRead>>()
    const load = async (plans?: ReadonlyArray<string>): Promise<LedgerRead> => {
      const read = await readLedger(await open(), io, loading, plans)
      if (spec.access === 'write' && read.warnings.length > 0)
        throw new Refusal(
          'nothing is written to a ledger whose hash chain does not verify',
          'run `progress-ledger verify` to see what is wrong',
        )
      return read
    }
    const ctx: RunContext = {
      io: runIo,
      values: parsed.values,
      positionals: parsed.positionals,
      location,
      store: open,
      loading,
      // An owned state is loaded afresh: the caller may change it.
      ledger: (options) => {
        if (options?.owned === true) return load(options.plans)
        const plans = options?.plans
        if (plans === undefined || ledger !== undefined) return (ledger ??= load())
        const key = JSON.stringify(plans)
        const found =
          scoped.get(key) ??
          load(plans).then((read) => {
            // Loaded whole after all (no checkpoint to take parts from): it serves as the ledger.
            if (read.planScope === null) ledger ??= Promise.resolve(read)
            return read
          })
        scoped.set(key, found)
        return found
      },
    }
    code = await spec.run(ctx)
  } catch (e) {
    if (e instanceof UsageError) {
      // As every usage error: the message, the command's usage line, where to read more.
      io.stderr.write(
        `${prefix}: ${e.message}\n${parsed.usage}\nRun '${prefix} --help' for more.\n`,
      )
      code = ExitCode.usage
    } else if (e instanceof Refusal) {
      io.stderr.write(`${prefix}: ${e.message}\n${e.hint === undefined ? '' : `hint: ${e.hint}\n`}`)
      code = ExitCode.failed
    } else {
      io.stderr.write(`${prefix}: ${(e as Error).message}\n`)
      code = ExitCode.failed
    }
  } finally {
    // As a new SQLite ledger appears only once written (NewLedger), a PostgreSQL ledger the open
    // created for a write that then wrote nothing is removed again.
    if (store !== undefined && !committed && spec.name !== 'init') {
      const problem = await discardCreated(store)
      if (problem !== undefined) io.stderr.write(`${prefix}: ${problem}\n`)
    }
    await store?.close()
  }
  const problem = fresh?.settle(committed)
  if (problem !== undefined) {
    io.stderr.write(`${prefix}: ${problem}\n`)
    return ExitCode.failed
  }
  return code
}
