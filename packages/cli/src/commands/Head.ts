/**
 * `progress-ledger head`: the ledger's head as an anchor, `POS:HASH`, to keep somewhere the
 * ledger's writers cannot change, and to check later with `verify --expect-head`.
 *
 * @module commands/Head
 */
import { formatAnchor } from '@progress-ledger/core'
import type { CommandSpec } from '../Command'
import { ExitCode } from '../Failure'

/** `head`. */
export const head: CommandSpec = {
  name: 'head',
  summary: 'print the ledger head as POS:HASH, an anchor for verify --expect-head',
  help: [
    'Prints the position of the last event and its hash. Kept outside the ledger (in a signed',
    'message, a ticket, another system), it lets `progress-ledger verify --expect-head POS:HASH`',
    'prove later that the ledger still extends it: nothing up to POS was rewritten or cut off, even',
    'by someone able to recompute an unkeyed hash chain. Run `verify` first to check the chain.',
  ].join('\n'),
  arguments: [],
  options: {},
  access: 'read',
  run: async (ctx) => {
    const store = await ctx.store()
    const position = await store.headPosition()
    const [last] = position === 0 ? [] : await store.readAll({ after: position - 1, limit: 1 })
    ctx.io.stdout.write(`${formatAnchor({ position, hash: last?.hash ?? '' })}\n`)
    return ExitCode.ok
  },
}
