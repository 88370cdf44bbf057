/**
 * `progress-ledger import FILE`: loads an export into an empty ledger, reproducing positions,
 * recorded times and the hash chain exactly.
 *
 * @module commands/Import
 */
import {
  type AppendRequest,
  type EventInput,
  manualClock,
  type RecordedEvent,
  verifyChain,
} from '@progress-ledger/core'
import { type CommandSpec, positional } from '../Command'
import { parseExport } from '../Exchange'
import { ExitCode } from '../Failure'
import { progressBar } from '../Progress'
import { describeResult } from '../Results'

/** Consecutive events recorded at the same instant: one original batch. */
function batches(events: ReadonlyArray<RecordedEvent>): RecordedEvent[][] {
  const out: RecordedEvent[][] = []
  for (const e of events) {
    const last = out[out.length - 1]
    if (last !== undefined && (last[0] as RecordedEvent).recordedTime === e.recordedTime)
      last.push(e)
    else out.push([e])
  }
  return out
}

/** The append requests of one batch, one per run of consecutive events of a stream. */
function requests(batch: ReadonlyArray<RecordedEvent>): AppendRequest[] {
  const out: Array<{ streamId: string; events: EventInput[]; expectedVersion: number }> = []
  for (const e of batch) {
    const input = {
      id: e.id,
      type: e.type,
      data: e.data,
      validTime: e.validTime,
      actor: e.actor,
      correlationId: e.correlationId,
      causationId: e.causationId,
    } as EventInput
    const last = out[out.length - 1]
    if (last !== undefined && last.streamId === e.streamId) last.events.push(input)
    else out.push({ streamId: e.streamId, events: [input], expectedVersion: e.version - 1 })
  }
  return out
}

/** `import`. */
export const importCommand: CommandSpec = {
  name: 'import',
  summary: 'load an export (JSONL or CloudEvents) into an empty ledger, reproducing it exactly',
  help: 'Every event is decoded first (errors name the line and the field); the target ledger must be\nempty. Events are re-appended with their original recorded times, and the resulting hashes are\ncompared with the exported ones.',
  arguments: [{ name: 'FILE', description: 'an export: JSON lines or a CloudEvents JSON batch' }],
  options: {},
  access: 'write',
  run: async (ctx) => {
    const file = positional(ctx, 0)
    let text: string
    try {
      text = ctx.io.readFile(file)
    } catch (e) {
      ctx.io.stderr.write(`${file}: cannot read: ${(e as Error).message}\n`)
      return ExitCode.failed
    }
    const { events, errors } = parseExport(text)
    if (errors.length > 0) {
      for (const e of errors)
        ctx.io.stderr.write(`${file}:${e.line === null ? '' : `${e.line}:`} ${e.message}\n`)
      ctx.io.stderr.write(`${errors.length} problem(s); nothing imported\n`)
      return ExitCode.failed
    }
    const chain = verifyChain(events)
    if (chain._tag === 'Broken') {
      ctx.io.stderr.write(
        `${file}: hash chain broken at position ${chain.position} (event ${chain.eventId}): ${chain.reason}; nothing imported\n`,
      )
      return ExitCode.failed
    }
    const clock = manualClock('1970-01-01')
    const store = await ctx.store(clock)
    if ((await store.headPosition()) !== 0) {
      ctx.io.stderr.write('import needs an empty ledger (use --store to choose a new one)\n')
      return ExitCode.failed
    }
    const bar = progressBar(ctx.io.stderr, 'import', events.length)
    let done = 0
    try {
      for (const batch of batches(events)) {
        clock.set((batch[0] as RecordedEvent).recordedTime)
        const result = await store.appendBatch(requests(batch))
        if (result._tag !== 'Appended') return describeResult(ctx.io, result, file)
        for (let i = 0; i < batch.length; i++) {
          const original = batch[i] as RecordedEvent
          const written = result.events[i] as RecordedEvent
          if (written.hash !== original.hash || written.position !== original.position) {
            ctx.io.stderr.write(
              `${file}: event ${original.id} at position ${original.position} does not reproduce its hash: the export was edited or is not from a whole ledger\n`,
            )
            return ExitCode.failed
          }
        }
        done += batch.length
        bar.update(done)
      }
    } finally {
      bar.done()
    }
    ctx.io.stdout.write(`imported ${events.length} events; hash chain reproduced\n`)
    return ExitCode.ok
  },
}
