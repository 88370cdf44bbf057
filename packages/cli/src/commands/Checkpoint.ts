/**
 * `progress-ledger checkpoint`: stores a checkpoint of the ledger state at the head now, so that
 * later commands restore it and replay only what comes after.
 *
 * @module commands/Checkpoint
 */
import { saveLedgerCheckpoint } from '@progress-ledger/core'
import type { CommandSpec } from '../Command'
import { ExitCode, Refusal } from '../Failure'

/** How many times `checkpoint` reads the ledger when other writers move its head meanwhile. */
const CHECKPOINT_ATTEMPTS = 3

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
    let read = await ctx.ledger()
    const store = await ctx.store()
    // Another writer may commit while the ledger is read (the save then waits for its lock): the
    // checkpoint is taken again from the new head, a bounded number of times.
    for (let attempt = 1; ; attempt++) {
      if (read.warnings.length > 0)
        throw new Refusal(
          'no checkpoint of a ledger whose hash chain does not verify',
          'run `progress-ledger verify` to see what is wrong',
        )
      const { state } = read
      if (state.position === 0) {
        ctx.io.stdout.write('the ledger is empty: nothing to checkpoint\n')
        return ExitCode.ok
      }
      // A load that replayed many events has just stored this very checkpoint: not twice.
      if (!read.checkpointWritten) await saveLedgerCheckpoint(store, state)
      const head = await store.headPosition()
      if (head <= state.position || attempt === CHECKPOINT_ATTEMPTS) {
        ctx.io.stdout.write(
          `checkpoint stored at position ${state.position}${
            head > state.position
              ? ` (other writers have taken the ledger on to position ${head} meanwhile; later commands replay from the checkpoint)`
              : ''
          }\n`,
        )
        break
      }
      read = await ctx.ledger({ owned: true })
    }
    return ExitCode.ok
  },
}
