/**
 * `progress-ledger export`: the whole ledger as JSON lines or as a CloudEvents JSON batch.
 *
 * @module commands/Export
 */
import {
  type ChainVerification,
  type EventStore,
  readPages,
  type RecordedEvent,
  verifyChain,
} from '@progress-ledger/core'
import { type CommandSpec, type RunContext, stringOption } from '../Command'
import { exportEndLine, toCloudEvent } from '../Exchange'
import { ExitCode, Refusal, UsageError } from '../Failure'
import type { FileWriter } from '../Io'
import { brokenChainWarning, checkedToHead, readWithProgress, whereBroken } from '../Ledger'

/** `export`. */
export const exportCommand: CommandSpec = {
  name: 'export',
  summary: 'write every event as JSON lines (default) or a CloudEvents JSON batch',
  help: 'Exports events in position order with their full envelope (valid and recorded time, actor,\nhashes), so that `import` into an empty ledger reproduces it exactly and `verify` passes. JSON\nlines end with one end record, {"end":{"events":N,"position":P,"hash":H}}, so that a copy cut\nshort is refused by `import`.',
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
    const out = stringOption(ctx, 'out')
    const encode: BatchEncoder = format === 'jsonl' ? jsonLines() : cloudEventsBatch()
    // Written page by page, never held whole (a 1M-event ledger is gigabytes of text), and
    // nothing written when the ledger does not verify: every event is checked on the way, as
    // `verify` checks it — an export of a ledger that does not verify would import nowhere, or
    // carry an edit on as if it were a fact. A file is written under a temporary name and put in
    // place once every event checked out; standard output, which cannot be taken back, gets the
    // events only after a first pass has checked them all.
    const file: FileWriter | undefined =
      out === undefined ? undefined : (ctx.io.createFile?.(out) ?? gathered(ctx, out))
    const write = file === undefined ? (t: string) => ctx.io.stdout.write(t) : file.write
    let checked: Checked
    try {
      checked = await checkPages(
        ctx,
        store,
        file === undefined ? undefined : (page) => write(encode(page)),
      )
      if (checked.chain._tag === 'Broken') {
        if (!ctx.loading.allowBroken)
          throw new Refusal(
            `hash chain broken at ${whereBroken(checked.chain)}; nothing exported`,
            'run `progress-ledger verify` to see what is wrong; --allow-broken exports the ledger as stored, with a warning',
          )
        ctx.io.stderr.write(`warning: ${brokenChainWarning(checked.chain)}\n`)
      }
      if (file === undefined) await writeChecked(store, checked, (page) => write(encode(page)))
      write(encode.end(checked))
      file?.commit()
    } catch (e) {
      file?.abort()
      throw e
    }
    if (out !== undefined) ctx.io.stderr.write(`exported ${checked.count} events to ${out}\n`)
    return ExitCode.ok
  },
}

/** What the first pass read: the chain's verdict, how many events, the last one's position and hash. */
interface Checked {
  readonly chain: ChainVerification
  readonly count: number
  readonly last: number
  readonly lastHash: string
}

/**
 * Reads the whole ledger and checks its chain as `verify` does, passing each page on to `each`
 * when given (with `--allow-broken`, the pages after a break too; without, the reading stops at
 * it). How many events were read, and whether they verified up to the store's head.
 */
async function checkPages(
  ctx: RunContext,
  store: EventStore,
  each: ((page: ReadonlyArray<RecordedEvent>) => void) | undefined,
): Promise<Checked> {
  let count = 0
  let last = 0
  let lastHash = ''
  let chain: ChainVerification = { _tag: 'Intact', count: 0, head: '' }
  for await (const page of readWithProgress(store, ctx.io, 'export')) {
    if (chain._tag === 'Intact')
      chain = verifyChain(page, { head: chain.head, position: count }, ctx.loading.chainKey)
    count += page.length
    last = page[page.length - 1]?.position ?? last
    lastHash = page[page.length - 1]?.hash ?? lastHash
    if (chain._tag === 'Broken' && !ctx.loading.allowBroken) return { chain, count, last, lastHash }
    each?.(page)
  }
  if (chain._tag === 'Intact') chain = checkedToHead(chain, count, await store.headPosition())
  return { chain, count, last, lastHash }
}

/**
 * The second pass of an export to standard output: the events the first pass checked,
 * page by page. Each event must still follow the one before it (its position and previous hash);
 * a ledger changed in between (events removed or reordered) stops the export with a refusal.
 */
async function writeChecked(
  store: EventStore,
  checked: Checked,
  each: (page: ReadonlyArray<RecordedEvent>) => void,
): Promise<void> {
  let position = 0
  let head = ''
  let written = 0
  const follows = checked.chain._tag === 'Intact'
  const changed = (what: string) =>
    new Refusal(
      `the ledger changed while it was exported (${what}); the export is incomplete`,
      'run the export again',
    )
  for await (const page of readPages(store, 0, 10_000)) {
    const upTo = page.filter((e) => e.position <= checked.last)
    written += upTo.length
    if (follows)
      for (const e of upTo) {
        if (e.position !== position + 1 || e.prevHash !== head)
          throw changed(`position ${e.position} no longer follows ${position}`)
        position = e.position
        head = e.hash
      }
    if (upTo.length > 0) each(upTo)
    if (upTo.length < page.length) break
  }
  if (written < checked.count) throw changed(`${checked.count} events checked, ${written} read`)
}

/** Pages of events as JSON lines, one event a line, then the end record (see `ExportEnd`). */
function jsonLines(): BatchEncoder {
  const encode = (page: ReadonlyArray<RecordedEvent>): string => {
    let text = ''
    for (const e of page) text += `${JSON.stringify(e)}\n`
    return text
  }
  return Object.assign(encode, {
    end: (checked: Checked) =>
      exportEndLine({ events: checked.count, position: checked.last, hash: checked.lastHash }),
  })
}

/** Writes pages of events as text; `end` closes what the pages opened. */
interface BatchEncoder {
  (page: ReadonlyArray<RecordedEvent>): string
  /** What closes the batch, given what the first pass checked (all of it written). */
  end: (checked: Checked) => string
}

/** Pages of events as one CloudEvents JSON batch, written as `JSON.stringify(all, null, 1)` writes it. */
function cloudEventsBatch(): BatchEncoder {
  let first = true
  const encode = (page: ReadonlyArray<RecordedEvent>): string => {
    let text = ''
    for (const e of page) {
      text += `${first ? '[\n' : ',\n'} ${JSON.stringify(toCloudEvent(e), null, 1).replace(/\n/g, '\n ')}`
      first = false
    }
    return text
  }
  return Object.assign(encode, { end: () => (first ? '[]\n' : '\n]\n') })
}

/** Without a streaming writer: the pieces gathered and written whole on commit. */
function gathered(ctx: RunContext, out: string): FileWriter {
  const parts: string[] = []
  return {
    write: (t) => void parts.push(t),
    commit: () => ctx.io.writeFile(out, parts.join('')),
    abort: () => void (parts.length = 0),
  }
}
