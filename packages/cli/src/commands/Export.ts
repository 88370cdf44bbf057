/**
 * `progress-ledger export`: the whole ledger as JSON lines or as a CloudEvents JSON batch.
 *
 * @module commands/Export
 */
import { type ChainVerification, type RecordedEvent, verifyChain } from '@progress-ledger/core'
import { type CommandSpec, stringOption } from '../Command'
import { toCloudEvent } from '../Exchange'
import { ExitCode, Refusal, UsageError } from '../Failure'
import { brokenChainWarning, checkedToHead, readWithProgress, whereBroken } from '../Ledger'

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
    // Every event written is checked on the way, as `verify` checks it: an export of a ledger
    // that does not verify would import nowhere, or carry an edit on as if it were a fact.
    let chain: ChainVerification = { _tag: 'Intact', count: 0, head: '' }
    for await (const page of readWithProgress(store, ctx.io, 'export')) {
      if (chain._tag === 'Intact')
        chain = verifyChain(
          page,
          { head: chain.head, position: events.length },
          ctx.loading.chainKey,
        )
      for (const e of page) events.push(e)
    }
    chain = checkedToHead(chain, events.length, await store.headPosition())
    if (chain._tag === 'Broken') {
      if (!ctx.loading.allowBroken)
        throw new Refusal(
          `hash chain broken at ${whereBroken(chain)}; nothing exported`,
          'run `progress-ledger verify` to see what is wrong; --allow-broken exports the ledger as stored, with a warning',
        )
      ctx.io.stderr.write(`warning: ${brokenChainWarning(chain)}\n`)
    }
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
