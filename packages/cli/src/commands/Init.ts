/**
 * `progress-ledger init`: creates the ledger (or migrates an existing one) and reports its state.
 *
 * @module commands/Init
 */
import type { CommandSpec } from '../Command'
import { ExitCode } from '../Failure'
import { describeLocation } from '../StoreUrl'

/** `init`. */
export const init: CommandSpec = {
  name: 'init',
  summary: 'create the ledger (a SQLite file by default) or migrate it to this version',
  help: 'Creates the store and applies schema migrations. Safe to run again: an existing ledger is\nmigrated, never emptied. A ledger written by a newer version is refused.',
  arguments: [],
  options: {},
  access: 'write',
  run: async (ctx) => {
    const store = await ctx.store()
    const head = await store.headPosition()
    ctx.io.stdout.write(`ledger ready at ${describeLocation(ctx.location)} (${head} events)\n`)
    return ExitCode.ok
  },
}
