/**
 * `progress-ledger append FILE.jsonl`: new facts, one command per line, decided against the
 * ledger and appended all or nothing.
 *
 * @module commands/Append
 */
import { dateOf } from '@progress-ledger/core'
import { handleAll, sequentialIds } from '@progress-ledger/commands'
import { parseActor } from '../ActorOption'
import { type CommandSpec, flagOption, positional, stringOption } from '../Command'
import { ExitCode, UsageError } from '../Failure'
import { describeResult } from '../Results'
import { appendSpreadsheet, isSpreadsheet } from './AppendSheet'

/** A line of a JSONL file that is not JSON. */
interface BadLine {
  readonly line: number
  readonly message: string
}

/** Parses JSON lines; blank lines and lines starting with `#` or `//` are skipped. */
export function parseJsonLines(text: string): {
  readonly values: ReadonlyArray<{ readonly line: number; readonly value: unknown }>
  readonly bad: ReadonlyArray<BadLine>
} {
  const values: Array<{ line: number; value: unknown }> = []
  const bad: BadLine[] = []
  const lines = text.split(/\r?\n/)
  lines.forEach((raw, i) => {
    const trimmed = raw.trim()
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//')) return
    try {
      values.push({ line: i + 1, value: JSON.parse(trimmed) as unknown })
    } catch (e) {
      const shown = trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed
      bad.push({
        line: i + 1,
        message: `(line): expected a JSON object, got ${JSON.stringify(shown)} (${(e as Error).message})`,
      })
    }
  })
  return { values, bad }
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
    'Otherwise all events are appended in one atomic batch. --record-denied also records refusals on',
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
  },
  access: 'write',
  run: async (ctx) => {
    const file = positional(ctx, 0)
    if (isSpreadsheet(file)) return appendSpreadsheet(ctx, file)
    const actorText = stringOption(ctx, 'actor')
    if (actorText === undefined)
      throw new UsageError(
        '--actor is required: plan-admin:ID, reporter:ID@DEPARTMENT or auditor:ID',
      )
    const actor = parseActor(actorText)
    let text: string
    try {
      text = ctx.io.readFile(file)
    } catch (e) {
      ctx.io.stderr.write(`${file}: cannot read: ${(e as Error).message}\n`)
      return ExitCode.failed
    }
    const { values, bad } = parseJsonLines(text)
    if (bad.length > 0) {
      for (const b of bad) ctx.io.stderr.write(`${file}:${b.line}: ${b.message}\n`)
      ctx.io.stderr.write(`${bad.length} line(s) are not JSON; nothing appended\n`)
      return ExitCode.failed
    }
    const now = ctx.io.clock.now()
    const store = await ctx.store()
    const result = await handleAll(
      store,
      values.map((v) => v.value),
      { actor, today: dateOf(now), ids: sequentialIds(ctx.io.idPrefix()) },
      { recordDenied: flagOption(ctx, 'record-denied') },
    )
    if (result._tag === 'BatchRejected') {
      for (const r of result.rejections)
        ctx.io.stderr.write(`${file}:${values[r.index]?.line ?? '?'}: ${r.rejection.message}\n`)
      ctx.io.stderr.write(
        `${result.rejections.length} of ${values.length} line(s) refused; nothing appended\n`,
      )
      return ExitCode.failed
    }
    return describeResult(ctx.io, result, `${values.length} command(s)`)
  },
}
