/**
 * `progress-ledger target parse EXPR`: the target grammar, for people checking a plan sheet.
 *
 * @module commands/Target
 */
import { formatTarget, parseTarget } from '@progress-ledger/plan'
import type { CommandSpec } from '../Command'
import { stringOption } from '../Command'
import { ExitCode, UsageError } from '../Io'

/** `target parse`. */
export const target: CommandSpec = {
  name: 'target',
  summary: 'parse a target expression as printed (≥90, 95以上, 稳步提升, …) and show its meaning',
  usage: 'progress-ledger target parse "EXPR" [--baseline N] [--interim N] [--json]',
  help: 'Prints the canonical Chinese and English forms and the structure. A plain number gets its\ndirection from --baseline or --interim (marked inferred). Exit code 1 on a parse error, which\nquotes the expression and the position.',
  options: { json: { type: 'boolean' }, baseline: { type: 'string' }, interim: { type: 'string' } },
  run: (ctx) => {
    const [verb, expression, ...rest] = ctx.positionals
    if (verb !== 'parse' || expression === undefined || rest.length > 0)
      throw new UsageError('expected: target parse "EXPR"')
    const number = (name: string): number | undefined => {
      const raw = stringOption(ctx, name)
      if (raw === undefined) return undefined
      const n = Number(raw)
      if (raw.trim() === '' || !Number.isFinite(n))
        throw new UsageError(`--${name}: expected a number, got ${JSON.stringify(raw)}`)
      return n
    }
    const baseline = number('baseline')
    const interim = number('interim')
    const parsed = parseTarget(expression, {
      ...(baseline === undefined ? {} : { baseline }),
      ...(interim === undefined ? {} : { interim }),
    })
    if (parsed._tag === 'TargetParseError') {
      ctx.io.stderr.write(`${parsed.message}\n`)
      return Promise.resolve(ExitCode.failed)
    }
    const expr = parsed.value
    if (ctx.values['json'] === true) {
      ctx.io.stdout.write(
        `${JSON.stringify({ printed: expression, expression: expr, zh: formatTarget(expr, 'zh'), en: formatTarget(expr, 'en') }, null, 2)}\n`,
      )
    } else {
      ctx.io.stdout.write(
        `printed: ${expression}\nzh:      ${formatTarget(expr, 'zh')}\nen:      ${formatTarget(expr, 'en')}\nparsed:  ${JSON.stringify(expr)}\n`,
      )
    }
    return Promise.resolve(ExitCode.ok)
  },
}
