/**
 * `progress-ledger append FILE.jsonl`: new facts, one command per line, decided against the
 * ledger and appended all or nothing.
 *
 * @module commands/Append
 */
import {
  dateOf,
  DEFAULT_CHECKPOINT_AFTER,
  loadLedger,
  parseJsonText,
  saveLedgerCheckpoint,
} from '@progress-ledger/core'
import { type CommandInput, handleStream, sequentialIds } from '@progress-ledger/commands'
import { parseActor, unknownDepartmentHint } from '../ActorOption'
import { type CommandSpec, flagOption, positional, type RunContext, stringOption } from '../Command'
import { ExitCode, Refusal, UsageError } from '../Failure'
import { NotUtf8Error, notUtf8Text } from '../Io'
import { progressCounter } from '../Progress'
import { REDECIDE, movedOn } from '../Redecide'
import { describeResult } from '../Results'
import { describeLocation, noLedgerFile } from '../StoreUrl'
import { appendSpreadsheet, isSpreadsheet } from './AppendSheet'

/** A non-blank line of a JSON-lines file that is not a comment, with its 1-based number. */
export interface JsonLine {
  readonly line: number
  readonly text: string
}

/**
 * The lines of a JSON-lines file that hold values: blank lines and lines starting with `#` or
 * `//` are skipped.
 *
 * @example
 * import { jsonLines } from '@progress-ledger/cli'
 * const lines = []
 * for await (const l of jsonLines(['{"a":1}', '', '# note', ' {"b":2} '])) lines.push(l)
 * lines // [{ line: 1, text: '{"a":1}' }, { line: 4, text: '{"b":2}' }]
 */
export async function* jsonLines(
  lines: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<JsonLine> {
  let n = 0
  for await (const raw of lines) {
    n++
    const text = raw.trim()
    if (text === '' || text.startsWith('#') || text.startsWith('//')) continue
    yield { line: n, text }
  }
}

/** A JSON line as a command input: the parsed value, or what is wrong with the text. */
function commandInput(l: JsonLine): CommandInput {
  const parsed = parseJsonText(l.text)
  if (parsed._tag === 'ParsedJson') return { command: parsed.value }
  const shown = l.text.length > 60 ? `${l.text.slice(0, 57)}...` : l.text
  return {
    unreadable: `(line): expected a JSON object, got ${JSON.stringify(shown)} (column ${parsed.column}: ${parsed.message})`,
  }
}

/** Events appended at once beyond which a checkpoint is written right after the append. */
const CHECKPOINT_AFTER = DEFAULT_CHECKPOINT_AFTER

/**
 * Files of at most this many commands are decided against the plans they touch only (see
 * `handleStream`'s `narrow`): on a province's ledger, one value needs its own plan's part of the
 * checkpoint, not every county's. Longer files are streamed against the whole ledger.
 */
const NARROW_LINES = 1_000

/**
 * The first `limit` items of a source, and when there are more, the source again from its first
 * item (`rest`).
 */
async function readAhead<T>(
  source: AsyncIterator<T>,
  limit: number,
): Promise<{ readonly head: T[]; readonly rest: AsyncIterable<T> | undefined }> {
  const head: T[] = []
  for (;;) {
    const next = await source.next()
    if (next.done === true) return { head, rest: undefined }
    head.push(next.value)
    if (head.length > limit) break
  }
  async function* rest(): AsyncGenerator<T> {
    yield* head
    for (let next = await source.next(); next.done !== true; next = await source.next())
      yield next.value
  }
  return { head, rest: rest() }
}

/** `append`. */
export const append: CommandSpec = {
  name: 'append',
  summary: 'decide and append new facts from a JSONL file of commands (all or nothing)',
  help: [
    'Each line is one command (see docs/commands.md), e.g.',
    '  {"type":"ReportValue","indicatorId":"I01","period":"2022","value":11.3,"status":"preliminary"}',
    'Every line is validated and decided first, against the ledger as it stands plus the lines before',
    'it; each bad or refused line is reported as FILE:LINE: path: message and nothing is appended.',
    'Otherwise all events are appended in one atomic batch. The file is read line by line and',
    'written as it is decided, inside one transaction, so the file is never held in memory (the',
    'ledger state held to decide grows only by what the file adds);',
    'a file of up to 1,000 commands is decided against the plans it touches only (loaded from the',
    "checkpoint's parts: far less to load from a large ledger; the outcome is the whole ledger's);",
    'after 10,000 events or more a checkpoint is stored. --record-denied also records refusals on',
    'authorisation as AccessDenied audit events. Exit code 1 when anything is refused.',
  ].join('\n'),
  arguments: [{ name: 'FILE', description: 'a JSON-lines file of commands' }],
  options: {
    actor: {
      type: 'string',
      value: 'WHO',
      description: 'who issues the commands: plan-admin:ID, reporter:ID@DEPARTMENT or auditor:ID',
      expected: 'plan-admin:ID, reporter:ID@DEPARTMENT or auditor:ID',
    },
    'record-denied': {
      type: 'boolean',
      description: 'record refusals on authorisation as AccessDenied audit events',
    },
    plan: {
      type: 'string',
      value: 'ID',
      description:
        'the plan a spreadsheet (.xlsx, .csv) is for: read against that plan alone (needed when the ledger holds several)',
    },
    sheet: {
      type: 'string',
      value: 'NAME',
      description:
        'read this sheet of a workbook alone (a hidden one too); default: every visible sheet with a table',
    },
    encoding: {
      type: 'string',
      value: 'utf-8|gb18030',
      description:
        'the text encoding of a .csv file: utf-8 (default) or gb18030 (GBK, as Excel\'s plain "CSV" is saved on Chinese Windows)',
      expected: 'utf-8 or gb18030',
      choices: ['utf-8', 'gb18030'],
    },
  },
  access: 'write',
  run: async (ctx) => {
    const file = positional(ctx, 0)
    if (stringOption(ctx, 'encoding') !== undefined && !/\.csv$/i.test(file))
      throw new UsageError(`--encoding: applies to a .csv file, got ${JSON.stringify(file)}`)
    if (isSpreadsheet(file)) return appendSpreadsheet(ctx, file)
    for (const option of ['plan', 'sheet'])
      if (stringOption(ctx, option) !== undefined)
        throw new UsageError(
          `--${option}: applies to a spreadsheet (.xlsx, .csv), got ${JSON.stringify(file)}`,
        )
    const actorText = stringOption(ctx, 'actor')
    if (actorText === undefined)
      throw new UsageError(
        '--actor is required: plan-admin:ID, reporter:ID@DEPARTMENT or auditor:ID',
      )
    const actor = parseActor(actorText)
    // A line that is not UTF-8 is refused at its line, and the rest of the file still decided.
    const notUtf8 = new Map<number, string>()
    let lines: AsyncIterable<string> | Iterable<string>
    try {
      lines =
        ctx.io.readLines?.(file, (line, text) => notUtf8.set(line, text)) ??
        ctx.io.readFile(file).split(/\r?\n/)
    } catch (e) {
      throw new Refusal(`${file}: cannot read: ${(e as Error).message}`)
    }
    const store = await ctx.store()
    const numbers: number[] = []
    // A failure of the file itself (not of the ledger) is the file's: named by it.
    async function* readable(): AsyncGenerator<string> {
      try {
        for await (const l of lines) yield l
      } catch (e) {
        if (e instanceof NotUtf8Error)
          throw new Refusal(
            `${file}:${e.line}: ${e.message.replace(/^line \d+: /, '')}; nothing appended`,
          )
        throw new Refusal(`${file}: cannot read: ${(e as Error).message}`)
      }
    }
    async function* inputs(): AsyncGenerator<CommandInput> {
      for await (const l of jsonLines(readable())) {
        numbers.push(l.line)
        const lenient = notUtf8.get(l.line)
        yield lenient === undefined
          ? commandInput(l)
          : { unreadable: `(line): ${notUtf8Text(lenient)}` }
      }
    }
    const counter = progressCounter(ctx.io.stderr, 'append')
    const common = {
      maxRejections: 1000,
      recordDenied: flagOption(ctx, 'record-denied'),
      onProgress: (p: { readonly events: number }) => counter.update(p.events),
    }
    let result
    // The whole file, when it was short enough to be read ahead and held: it can be decided again.
    let held: ReadonlyArray<CommandInput> | undefined
    try {
      const source = inputs()
      const ahead = await readAhead(source, NARROW_LINES)
      held = ahead.rest === undefined ? ahead.head : undefined
      // An empty file is far more often a failed export or upload than a day with nothing new.
      if (held?.length === 0)
        throw new Refusal(
          `${file}: expected at least one command (a JSON object per line), got none (the file is empty, or blank); nothing appended`,
        )
      const decide = async () =>
        handleStream(
          store,
          ahead.rest ?? ahead.head,
          { actor, today: dateOf(ctx.io.clock.now()), ids: sequentialIds(ctx.io.idPrefix()) },
          held !== undefined
            ? {
                ...common,
                narrow: async (plans) => {
                  const read = await ctx.ledger({
                    owned: true,
                    ...(plans === undefined ? {} : { plans }),
                  })
                  return { _tag: 'Loaded', state: read.state, planScope: read.planScope }
                },
              }
            : {
                ...common,
                // Owned by the decisions alone, so that it is garbage as soon as they are done.
                state: (await ctx.ledger({ owned: true })).state,
                ownsState: true,
                // Settled (a walk over the whole state) only when it is checkpointed.
                settleFrom: CHECKPOINT_AFTER,
              },
        )
      result = await decide()
      // A short file is held whole: decided while another writer appended, it is decided again
      // against the ledger as it now is (each attempt loads it afresh), as a clerk would rerun it.
      for (let i = 0; held !== undefined && i < REDECIDE && movedOn(result); i++)
        result = await decide()
    } finally {
      counter.done()
    }
    switch (result._tag) {
      case 'StreamRejected': {
        for (const r of result.rejections)
          ctx.io.stderr.write(`${file}:${numbers[r.index] ?? '?'}: ${r.rejection.message}\n`)
        if (result.refused > result.rejections.length)
          ctx.io.stderr.write(
            `… and ${result.refused - result.rejections.length} more refused line(s)\n`,
          )
        // With --record-denied the audit events are written, and only they: say so, with the head.
        ctx.io.stderr.write(
          `${result.refused} of ${result.inputs} line(s) refused; ${
            result.recorded.length === 0
              ? 'nothing appended'
              : `nothing of the file appended, only ${result.recorded.length} AccessDenied audit event(s) for the refusals on authorisation (head at position ${await store.headPosition()})`
          }\n`,
        )
        const department = unknownDepartmentHint(
          actor,
          (await ctx.ledger({ plans: [] })).state.departments,
        )
        if (department !== undefined) ctx.io.stderr.write(department)
        // Every line refused against a ledger with nothing in it: most likely the wrong one.
        if (result.refused === result.inputs && (await store.headPosition()) === 0) {
          const where = describeLocation(ctx.location)
          ctx.io.stderr.write(
            `hint: ${noLedgerFile(ctx.location) ? `there is no ledger at ${where}` : `the ledger at ${where} holds no events`} (is --store right? a new ledger starts with \`progress-ledger import-plan PLAN.json\`)\n`,
          )
        }
        return ExitCode.failed
      }
      case 'StreamAppended':
        if (result.written > 0) ctx.io.committed?.()
        {
          // The first notes, then a count: a file that reports many figures twice is not
          // echoed back line by line.
          const notes = reportedTwice(held ?? [], numbers)
          for (const note of notes.slice(0, TWICE_SHOWN)) ctx.io.stderr.write(`${file}:${note}\n`)
          if (notes.length > TWICE_SHOWN)
            ctx.io.stderr.write(
              `${file}: … and ${notes.length - TWICE_SHOWN} more figure(s) reported again in this file (the later line in force)\n`,
            )
        }
        ctx.io.stdout.write(
          result.written === 0
            ? `${
                numbers.length === 0
                  ? 'no commands'
                  : result.requests === 0
                    ? // Decided to nothing: what each says holds already (a figure in force).
                      `${numbers.length} command(s): each already holds in the ledger`
                    : `${numbers.length} command(s): already recorded`
              }, nothing new (head at position ${result.head})\n`
            : `${numbers.length} command(s): appended ${result.written} event(s), head at position ${result.head}\n`,
        )
        if (result.written >= CHECKPOINT_AFTER && ctx.loading.checkpoint) {
          // The decided state, settled with the store's stamps, is the ledger as stored: it is
          // checkpointed as it is. Otherwise the ledger is loaded again (from the previous
          // checkpoint) to take one.
          if (result.state !== null) await saveLedgerCheckpoint(store, result.state)
          else {
            const after = await loadLedger(store, {
              checkpointAfter: 1,
              ...(ctx.loading.chainKey === undefined ? {} : { chainKey: ctx.loading.chainKey }),
            })
            if (after._tag !== 'Loaded' || !after.checkpointWritten) return ExitCode.ok
          }
          ctx.io.stderr.write(`checkpoint stored at position ${result.head}\n`)
        }
        return ExitCode.ok
      case 'VersionConflict':
        if (movedOn(result)) {
          ctx.io.stderr.write(
            `conflict: the ledger moved from position ${String(result.expected)} to ${result.actual} while the file was decided${held !== undefined ? `, ${REDECIDE + 1} times` : ''}; someone else wrote first — run again\n`,
          )
          return ExitCode.failed
        }
        return describeResult(ctx.io, result, file)
      case 'IdConflict': {
        // The id came from a line of the file (ids the tool draws are new): find it to name it.
        const line = await lineWithId(ctx, file, result.eventId)
        ctx.io.stderr.write(
          `${file}${line === undefined ? '' : `:${line}`}: id: ${result.reason}; nothing appended\n` +
            'hint: a figure already recorded is changed with CorrectValue (corrects: its id); a new fact needs a new id, or none\n',
        )
        return ExitCode.failed
      }
      default:
        return describeResult(ctx.io, result, file)
    }
  },
}

/** How many notes on figures reported twice in one file are shown before a count. */
const TWICE_SHOWN = 10

/**
 * Notes on `ReportValue` lines of a held file that report a figure for an indicator and period
 * that an earlier line of the file reported differently: both are recorded, the later in force —
 * said, as a figures table refuses a second row for one indicator. `LINE: note: …` each.
 */
export function reportedTwice(
  inputs: ReadonlyArray<CommandInput>,
  lines: ReadonlyArray<number>,
): string[] {
  const first = new Map<string, { readonly index: number; readonly value: unknown }>()
  const notes: string[] = []
  inputs.forEach((input, index) => {
    const c = 'command' in input ? (input.command as Record<string, unknown> | null) : null
    if (c === null || typeof c !== 'object' || c['type'] !== 'ReportValue') return
    const key = JSON.stringify([c['indicatorId'], c['period']])
    const seen = first.get(key)
    if (seen === undefined) first.set(key, { index, value: c['value'] })
    else if (seen.value !== c['value'])
      notes.push(
        `${lines[index] ?? '?'}: note: ${String(c['indicatorId'])} ${String(c['period'])} is reported again in this file (line ${lines[seen.index] ?? '?'}: ${String(seen.value)}); both are recorded, ${String(c['value'])} in force`,
      )
  })
  return notes
}

/** The number of the line of `file` whose command carries `id`, if one does. */
async function lineWithId(ctx: RunContext, file: string, id: string): Promise<number | undefined> {
  const needle = JSON.stringify(id)
  let n = 0
  try {
    for await (const text of ctx.io.readLines?.(file) ?? ctx.io.readFile(file).split(/\r?\n/)) {
      n++
      if (!text.includes(needle)) continue
      const parsed = parseJsonText(text)
      if (parsed._tag !== 'JsonTextError' && (parsed.value as { id?: unknown } | null)?.id === id)
        return n
    }
  } catch {
    // The file was read once already; if it cannot be read again the message names no line.
  }
  return undefined
}
