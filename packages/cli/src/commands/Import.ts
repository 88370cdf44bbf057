/**
 * `progress-ledger import FILE`: loads an export into an empty ledger, reproducing positions,
 * recorded times and the hash chain exactly, all or nothing. A JSON-lines export is streamed
 * twice — once to check every record (so that every problem is reported and no ledger is created
 * for a bad file), once into the store's `importLog`, which checks again as it writes inside one
 * transaction — so memory does not grow with the file. A CloudEvents batch (one JSON array) is
 * read whole. The events the store writes are folded into the ledger state page by page, and a
 * large import's checkpoint is stored of that state rather than of a second read of the ledger.
 *
 * @module commands/Import
 */
import {
  beginFold,
  type ChainVerification,
  DEFAULT_CHECKPOINT_AFTER,
  emptyLedger,
  ledgerProjection,
  manualClock,
  parseJsonText,
  type RecordedEvent,
  saveLedgerCheckpoint,
  verifyChain,
} from '@progress-ledger/core'
import { type CommandSpec, flagOption, positional } from '../Command'
import {
  afterExportEnd,
  checkExportEnd,
  decodeExportRecord,
  fromCloudEvent,
  isCloudEvent,
  isExportEnd,
} from '../Exchange'
import { ExitCode, Refusal } from '../Failure'
import { progressCounter } from '../Progress'

/** Problems reported before giving up on a file. */
const MAX_PROBLEMS = 100

/**
 * Where a record is: a line number (from 1) of JSON lines, or an element of a batch as `-1 - index`.
 * A number, not the text, so that the second pass can keep one per record of a million-line file.
 */
type At = number

/** The text naming a record's place: `:12: ` a line, `: [3].` an element of a batch. */
function whereOf(at: At): string {
  return at > 0 ? `:${at}: ` : `: [${-1 - at}].`
}

/** One record of the file: where it is and its value. */
class Located {
  constructor(
    readonly at: At,
    readonly value: unknown,
  ) {}
  get where(): string {
    return whereOf(this.at)
  }
  /** An element of a CloudEvents batch (not a line)? */
  get inBatch(): boolean {
    return this.at < 0
  }
}

/** A line that is not JSON. */
class Unreadable {
  constructor(
    readonly where: string,
    readonly message: string,
  ) {}
}

/** The records of an export file, streamed (JSON lines) or from the whole text (a batch). */
async function* records(
  lines: AsyncIterable<string> | Iterable<string>,
  whole: () => string,
): AsyncGenerator<Located | Unreadable> {
  let n = 0
  for await (const raw of lines) {
    n++
    const text = raw.trim()
    if (text === '') continue
    if (n === 1 && text.startsWith('[')) {
      const parsed = parseJsonText(whole())
      if (parsed._tag === 'JsonTextError') {
        yield new Unreadable(
          `:${parsed.line}: `,
          `expected a CloudEvents JSON batch, got invalid JSON (column ${parsed.column}: ${parsed.message})`,
        )
        return
      }
      if (!Array.isArray(parsed.value)) {
        yield new Unreadable(': ', 'expected a CloudEvents JSON batch (an array)')
        return
      }
      let i = 0
      for (const v of parsed.value) yield new Located(-1 - i++, v)
      return
    }
    const parsed = parseJsonText(text)
    if (parsed._tag === 'JsonTextError')
      yield new Unreadable(
        `:${n}: `,
        `expected a JSON event, got ${JSON.stringify(text.slice(0, 40))} (column ${parsed.column}: ${parsed.message})`,
      )
    else yield new Located(n, parsed.value)
  }
}

/** `import`. */
export const importCommand: CommandSpec = {
  name: 'import',
  summary: 'load an export (JSONL or CloudEvents) into an empty ledger, reproducing it exactly',
  help: [
    'Every record is checked first — it decodes, positions run 1, 2, 3 …, each hash matches its',
    'content and links to the one before (with $PROGRESS_LEDGER_KEY when the ledger is keyed) —',
    'and every problem is reported as FILE:LINE: path: message; then the events are written in one',
    'transaction with their original positions, recorded times and hashes, all or nothing. The',
    'target ledger must be empty. A large file is streamed, not held in memory. A JSON-lines file',
    'must end with the end record `export` writes ({"end":{"events":N,…}}): without it, the file',
    'may have been cut short at a line boundary, which would import as a shorter ledger.',
  ].join('\n'),
  arguments: [{ name: 'FILE', description: 'an export: JSON lines or a CloudEvents JSON batch' }],
  options: {
    'allow-unterminated': {
      type: 'boolean',
      description:
        'import a JSON-lines file without the end record (one written by another tool); a copy cut short then imports as a shorter ledger',
    },
  },
  access: 'write',
  run: async (ctx) => {
    const file = positional(ctx, 0)
    const read = () => {
      try {
        return records(ctx.io.readLines?.(file) ?? ctx.io.readFile(file).split(/\r?\n/), () =>
          ctx.io.readFile(file),
        )
      } catch (e) {
        throw new Refusal(`${file}: cannot read: ${(e as Error).message}`)
      }
    }
    // Pass 1: every record decodes and the chain holds, before a ledger is opened or created.
    const problems: string[] = []
    let chain: ChainVerification = { _tag: 'Intact', count: 0, head: '' }
    let count = 0
    // Records read (decoded or not), the last event, and where the end record was.
    let seen = 0
    let last: RecordedEvent | undefined
    let batch = false
    let ended: At | undefined
    for await (const r of read()) {
      if (r instanceof Located && r.inBatch) batch = true
      if (ended !== undefined) {
        problems.push(`${file}${r.where}${afterExportEnd(ended)}`)
      } else if (r instanceof Unreadable) {
        seen++
        problems.push(`${file}${r.where}${r.message}`)
      } else if (!batch && isExportEnd(r.value)) {
        ended = r.at
        for (const m of checkExportEnd(r.value, {
          events: seen,
          position: last?.position ?? 0,
          hash: last?.hash ?? '',
        }))
          problems.push(`${file}${r.where}${m}`)
      } else {
        seen++
        const decoded = decodeExportRecord(r.value)
        if (!('position' in decoded)) {
          for (const m of decoded) problems.push(`${file}${r.where}${m}`)
        } else {
          last = decoded as RecordedEvent
          if (problems.length === 0 && chain._tag === 'Intact') {
            chain = verifyChain([last], { head: chain.head, position: count }, ctx.loading.chainKey)
            count++
            if (chain._tag === 'Broken')
              problems.push(
                `${file}${r.where}hash chain broken at position ${chain.position} (event ${chain.eventId}): ${chain.reason}`,
              )
          }
        }
      }
      if (problems.length >= MAX_PROBLEMS) break
    }
    if (problems.length > 0) {
      for (const p of problems) ctx.io.stderr.write(`${p}\n`)
      ctx.io.stderr.write(
        `${problems.length}${problems.length >= MAX_PROBLEMS ? ' or more' : ''} problem(s); nothing imported\n`,
      )
      return ExitCode.failed
    }
    // An export holds at least one event: an empty file is a failed or truncated export.
    if (count === 0) {
      ctx.io.stderr.write(
        `${file}: expected an export (JSON lines or a CloudEvents batch of recorded events), got no records; nothing imported\n`,
      )
      return ExitCode.failed
    }
    // Cut short at a line boundary, JSON lines read as a whole, shorter ledger whose chain holds:
    // only the end record tells the two apart.
    if (!batch && ended === undefined && !flagOption(ctx, 'allow-unterminated'))
      throw new Refusal(
        `${file}: expected the end record \`export\` writes after the last event ({"end":{"events":${seen},…}}), got none: the file was cut short (an incomplete copy or download?) or not written by \`progress-ledger export\`; nothing imported`,
        '--allow-unterminated imports the file as it is',
      )
    // Pass 2: the store checks everything again as it writes, in one transaction.
    const store = await ctx.store(manualClock('1970-01-01'))
    // Where each record written is, to name the one the store refuses.
    const places: At[] = []
    async function* values(): AsyncGenerator<unknown> {
      for await (const r of read()) {
        if (r instanceof Unreadable) throw new Refusal(`${file}${r.where}${r.message}`)
        if (isExportEnd(r.value)) continue
        places.push(r.at)
        yield isCloudEvent(r.value) ? fromCloudEvent(r.value) : r.value
      }
    }
    const counter = progressCounter(ctx.io.stderr, 'import')
    // The events are folded into the ledger state as the store writes them: the checkpoint stored
    // after a large import is taken of it, not of a second read and replay of the whole ledger.
    const fold = ctx.loading.checkpoint ? beginFold(ledgerProjection, emptyLedger(), true) : null
    let result
    try {
      result = await store.importLog(values(), {
        onProgress: (p) => counter.update(p.events),
        ...(fold === null
          ? {}
          : {
              onWritten: (events: ReadonlyArray<RecordedEvent>) => {
                for (const e of events) fold.step(e)
              },
            }),
      })
    } finally {
      counter.done()
    }
    if (result._tag === 'ImportRejected') {
      const at = result.index >= 0 ? places[result.index] : undefined
      const where = at === undefined ? ': ' : whereOf(at)
      if (result.problem === 'not-empty')
        throw new Refusal(
          'import needs an empty ledger; nothing imported',
          'use --store to choose a new one',
        )
      ctx.io.stderr.write(`${file}${where}${result.message}; nothing imported\n`)
      return ExitCode.failed
    }
    ctx.io.committed?.()
    ctx.io.stdout.write(
      `imported ${result.count} events; hash chain reproduced, head ${result.head}:${result.headHash}\n`,
    )
    if (fold !== null && result.count >= DEFAULT_CHECKPOINT_AFTER) {
      await saveLedgerCheckpoint(store, fold.finish())
      ctx.io.stderr.write(`checkpoint stored at position ${result.head}\n`)
    }
    return ExitCode.ok
  },
}
