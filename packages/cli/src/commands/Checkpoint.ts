/**
 * `progress-ledger checkpoint`: stores a checkpoint of the ledger state at the head now, so that
 * later commands restore it and replay only what comes after.
 *
 * @module commands/Checkpoint
 */
import { saveLedgerCheckpoint } from '@progress-ledger/core'
import type { CommandSpec } from '../Command'
import { ExitCode, Refusal } from '../Failure'

/** `checkpoint`. */
export const checkpoint: CommandSpec = {
  name: 'checkpoint',
  summary: 'store a checkpoint of the ledger state at the head (later commands start from it)',
  help: [
    'Commands restore the newest checkpoint and replay only the events after it; one is written',
    'automatically when a command replayed 10,000 events or more, and after large appends. This',
    'writes one now (with --no-checkpoint: from a full replay rather than the previous checkpoint).',
    'A ledger whose hash chain does not verify gets no checkpoint.',
  ].join('\n'),
  arguments: [],
  options: {},
  access: 'read',
  run: async (ctx) => {
    const { state, warnings, checkpointWritten } = await ctx.ledger()
    if (warnings.length > 0)
      throw new Refusal(
        'no checkpoint of a ledger whose hash chain does not verify',
        'run `progress-ledger verify` to see what is wrong',
      )
    if (state.position === 0) {
      ctx.io.stdout.write('the ledger is empty: nothing to checkpoint\n')
      return ExitCode.ok
    }
    // A load that replayed many events has just stored this very checkpoint: not twice.
    if (!checkpointWritten) await saveLedgerCheckpoint(await ctx.store(), state)
    ctx.io.stdout.write(`checkpoint stored at position ${state.position}\n`)
    return ExitCode.ok
  },
}
