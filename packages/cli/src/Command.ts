/**
 * The shape of a subcommand: its name, help text, options, and what it does.
 *
 * @module Command
 */
import type { Clock, EventStore } from '@progress-ledger/core'
import type { Io } from './Io'
import type { StoreLocation } from './StoreUrl'

/** An option of a subcommand, as `node:util` `parseArgs` takes it. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean'
  readonly short?: string
  readonly multiple?: boolean
}

/** What a subcommand receives. */
export interface RunContext {
  readonly io: Io
  readonly values: Readonly<Record<string, string | boolean | ReadonlyArray<string> | undefined>>
  readonly positionals: ReadonlyArray<string>
  readonly location: StoreLocation
  /** Opens the store (once; with the run's clock unless another is given); closed by the runner afterwards. */
  readonly store: (clock?: Clock) => Promise<EventStore>
}

/** A subcommand of `progress-ledger`. */
export interface CommandSpec {
  readonly name: string
  readonly summary: string
  /** Full help text after the usage line. */
  readonly help: string
  readonly usage: string
  readonly options: Readonly<Record<string, OptionSpec>>
  /** Returns the exit code. */
  readonly run: (ctx: RunContext) => Promise<number>
}

/** A string option's value, or `undefined`. */
export function stringOption(ctx: RunContext, name: string): string | undefined {
  const v = ctx.values[name]
  return typeof v === 'string' ? v : undefined
}
