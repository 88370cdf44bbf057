/**
 * The shape of a subcommand: its name, arguments, options, help text, whether it only reads the
 * ledger, and what it does. The command line (see `Cli`) turns these into a commander program.
 *
 * @module Command
 */
import type { Clock, EventStore } from '@progress-ledger/core'
import type { Io } from './Io'
import type { LedgerRead, LoadSettings } from './Ledger'
import type { StoreLocation } from './StoreUrl'

/** An option of a subcommand. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean'
  /** The value's placeholder in help, e.g. `DATE` (string options). */
  readonly value?: string
  /** One line of help. */
  readonly description: string
  /**
   * What a value must look like, for the error when it is missing: `a date YYYY-MM-DD` gives
   * `--as-of: expected a date YYYY-MM-DD`.
   */
  readonly expected?: string
  /** The values allowed, for shell completion (the command checks them itself). */
  readonly choices?: ReadonlyArray<string>
}

/** A positional argument of a subcommand. */
export interface ArgumentSpec {
  /** Upper case, as shown in help: `INDICATOR`. */
  readonly name: string
  readonly description: string
  readonly optional?: boolean
  /** The values allowed (checked by the parser). */
  readonly choices?: ReadonlyArray<string>
}

/** What a subcommand receives. */
export interface RunContext {
  readonly io: Io
  /** Option values by option name (`as-of`), as given on the command line. */
  readonly values: Readonly<Record<string, string | boolean | undefined>>
  /** The positional arguments given, in order. */
  readonly positionals: ReadonlyArray<string>
  readonly location: StoreLocation
  /**
   * Opens the store (once; with the run's clock unless another is given); closed by the runner
   * afterwards. A command that only reads refuses to create a ledger that does not exist.
   */
  readonly store: (clock?: Clock) => Promise<EventStore>
  /** How the ledger is loaded: checkpoints, a broken chain, the chain key. */
  readonly loading: LoadSettings
  /**
   * Loads the ledger at its head (once): the newest checkpoint and the tail, the chain verified;
   * a broken chain is a `Refusal` unless `--allow-broken`. With `owned`, a fresh unfrozen state
   * the command may change in place (loaded anew on each such call). With `plans`, a command
   * that reads only those plans may get a state that holds only them (and what belongs to no
   * single plan; see core's `PlanScope`): much less to load from a large ledger's checkpoint.
   * Both together: a fresh state for those plans (a command that decides against it must ask
   * the read's `planScope` before it trusts a "not there", as `handleStream`'s `narrow` does).
   */
  readonly ledger: (options?: LedgerRequest) => Promise<LedgerRead>
}

/** What a command asks of the ledger it loads. */
export interface LedgerRequest {
  /** A fresh state the command owns and may change. */
  readonly owned?: boolean
  /** The plans the command reads, when it reads only them. */
  readonly plans?: ReadonlyArray<string>
}

/** A subcommand of `progress-ledger`. */
export interface CommandSpec {
  readonly name: string
  /** One line for the command list. */
  readonly summary: string
  /** Further help, printed after the options. */
  readonly help: string
  readonly arguments: ReadonlyArray<ArgumentSpec>
  readonly options: Readonly<Record<string, OptionSpec>>
  /** `read` commands never create a ledger; `write` commands create one where none is. */
  readonly access: 'read' | 'write' | 'none'
  /** Returns the exit code. */
  readonly run: (ctx: RunContext) => Promise<number>
}

/**
 * A string option's value, or `undefined`.
 *
 * @example
 * import { stringOption } from '@progress-ledger/cli'
 * stringOption({ values: { lang: 'en', json: true } }, 'lang') // 'en'
 * stringOption({ values: { lang: 'en', json: true } }, 'json') // undefined
 */
export function stringOption(ctx: Pick<RunContext, 'values'>, name: string): string | undefined {
  const v = ctx.values[name]
  return typeof v === 'string' ? v : undefined
}

/**
 * Was a boolean option given?
 *
 * @example
 * import { flagOption } from '@progress-ledger/cli'
 * flagOption({ values: { json: true } }, 'json') // true
 * flagOption({ values: {} }, 'json') // false
 */
export function flagOption(ctx: Pick<RunContext, 'values'>, name: string): boolean {
  return ctx.values[name] === true
}

/**
 * The positional argument at `index` (the parser has checked that required ones are there).
 *
 * @example
 * import { positional } from '@progress-ledger/cli'
 * positional({ positionals: ['I01'] }, 0) // 'I01'
 */
export function positional(ctx: Pick<RunContext, 'positionals'>, index: number): string {
  const v = ctx.positionals[index]
  if (v === undefined)
    throw new Error(`argument ${index + 1} is missing: the parser should have refused`)
  return v
}
