/**
 * `progress-ledger export`: the whole ledger as JSON lines or as a CloudEvents JSON batch.
 *
 * @module commands/Export
 */
import type { RecordedEvent } from '@progress-ledger/core'
import { type CommandSpec, stringOption } from '../Command'
import { toCloudEvent } from '../Exchange'
import { ExitCode, UsageError } from '../Failure'
import { readWithProgress } from '../Ledger'

/** `export`. */
export const exportCommand: CommandSpec = {
  name: 'export',
  summary: 'write every event as JSON lines (default) or a CloudEvents JSON batch',
  help: 'Exports events in position order with their full envelope (valid and recorded time, actor,\nhashes), so that `import` into an empty ledger reproduces it exactly and `verify` passes.',
  arguments: [],
  options: {
    format: {
      type: 'string',
      value: 'jsonl|cloudevents',
      description: 'JSON lines (default) or a CloudEvents 1.0 JSON batch',
      expected: 'jsonl or cloudevents',
      choices: ['jsonl', 'cloudevents'],
    },
    out: {
      type: 'string',
      value: 'FILE',
      description: 'write to a file instead of standard output',
      expected: 'a file name',
    },
  },
  access: 'read',
  run: async (ctx) => {
    const format = stringOption(ctx, 'format') ?? 'jsonl'
    if (format !== 'jsonl' && format !== 'cloudevents')
      throw new UsageError(`--format: expected jsonl or cloudevents, got ${JSON.stringify(format)}`)
    const store = await ctx.store()
    const events: RecordedEvent[] = []
    for await (const page of readWithProgress(store, ctx.io, 'export'))
      for (const e of page) events.push(e)
    const text =
      format === 'jsonl'
        ? events.map((e) => `${JSON.stringify(e)}\n`).join('')
        : `${JSON.stringify(events.map(toCloudEvent), null, 1)}\n`
    const out = stringOption(ctx, 'out')
    if (out === undefined) ctx.io.stdout.write(text)
    else {
      ctx.io.writeFile(out, text)
      ctx.io.stderr.write(`exported ${events.length} events to ${out}\n`)
    }
    return ExitCode.ok
  },
}
