/**
 * `progress-ledger target parse EXPR`: the target grammar, for people checking a plan sheet.
 *
 * @module commands/Target
 */
import { formatTarget, parseTarget } from '@progress-ledger/plan'
import { type CommandSpec, flagOption, positional, stringOption } from '../Command'
import { ExitCode, Refusal, UsageError } from '../Failure'
import { jsonOption } from '../ReportOptions'

/** `target parse`. */
export const target: CommandSpec = {
  name: 'target',
  summary: 'parse a target expression as printed (≥90, 95以上, 稳步提升, …) and show its meaning',
  help: 'Prints the canonical Chinese and English forms and the structure. A plain number gets its\ndirection from --baseline or --interim (marked inferred). Exit code 1 on a parse error, which\nquotes the expression and the position.',
  arguments: [
    { name: 'ACTION', description: 'parse', choices: ['parse'] },
    { name: 'EXPR', description: 'a target as printed, e.g. "95以上"' },
  ],
  options: {
    baseline: {
      type: 'string',
      value: 'N',
      description: 'the baseline, to infer the direction of a plain number',
      expected: 'a number',
    },
    interim: {
      type: 'string',
      value: 'N',
      description: 'the interim target, to infer the direction of a plain number',
      expected: 'a number',
    },
    json: jsonOption,
  },
  access: 'none',
  run: (ctx) => {
    const expression = positional(ctx, 1)
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
    if (parsed._tag === 'TargetParseError') throw new Refusal(parsed.message)
    const expr = parsed.value
    if (flagOption(ctx, 'json')) {
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
