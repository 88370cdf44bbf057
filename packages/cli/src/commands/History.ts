/**
 * `progress-ledger history INDICATOR`: every event that touched an indicator, corrections and
 * target revisions included, with both times and the actor.
 *
 * @module commands/History
 */
import { type RecordedEvent, streams } from '@progress-ledger/core'
import { type CommandSpec, flagOption, positional, stringOption } from '../Command'
import { ExitCode, Refusal } from '../Failure'
import { ambiguousRef, indicatorsOf, resolveRef } from '../IndicatorRef'
import { jsonOption } from '../ReportOptions'

/** One line describing an event's content. */
export function describeEvent(e: RecordedEvent): string {
  switch (e.type) {
    case 'IndicatorDefined':
      return `defined: ${e.data.name.zh} (${e.data.unit || 'no unit'}), ${e.data.attribute}, responsible ${e.data.departments.join(', ')}`
    case 'BaselineSet':
      return `baseline ${e.data.period}: ${e.data.value}${e.data.illustrative === true ? ' [illustrative]' : ''}`
    case 'TargetSet':
      return `target ${e.data.targetId} (${e.data.role}, due ${e.data.dueYear}): ${e.data.printed ?? JSON.stringify(e.data.expression)}`
    case 'TargetRevised':
      return `target ${e.data.targetId} revised: ${e.data.printed ?? JSON.stringify(e.data.expression)} — ${e.data.reason}`
    case 'QuotaAssigned':
      return `quota for ${e.data.targetId} assigned by ${e.data.assignedBy}: ${e.data.printed ?? JSON.stringify(e.data.expression)}`
    case 'ValueReported':
      return `value ${e.data.period}: ${e.data.value} (${e.data.status}${e.data.illustrative === true ? ', illustrative' : ''}${e.data.submitted === true ? ', submitted' : ''})`
    case 'ValueCorrected':
      return `value ${e.data.period} corrected to ${e.data.value} (replaces ${e.data.corrects}) — ${e.data.reason}`
    case 'ValueRetracted':
      return `value ${e.data.period} retracted (${e.data.retracts}) — ${e.data.reason}`
    case 'ValueApproved':
      return `value ${e.data.period} approved (${e.data.approves})`
    case 'ValueReturned':
      return `value ${e.data.period} returned (${e.data.returns}) — ${e.data.reason}`
    case 'ResponsibilityReassigned':
      return `responsibility passed to ${e.data.departments.join(', ')} — ${e.data.reason}`
    default:
      return e.type
  }
}

/** `history`. */
export const history: CommandSpec = {
  name: 'history',
  summary: 'every event that touched an indicator, corrections and target revisions included',
  help: [
    'Lists the indicator stream in order: position, recorded time, valid time, actor and what happened.',
    'INDICATOR is an id (I06, i06) or the number printed in the plan (6, 14.1); on a ledger of several plans, --plan ID says whose number it is (an id needs none).',
  ].join('\n'),
  arguments: [{ name: 'INDICATOR', description: 'an indicator id or its number in the plan' }],
  options: {
    plan: {
      type: 'string',
      value: 'ID',
      description:
        'the plan INDICATOR is numbered in, when the ledger holds several (only it is loaded)',
      expected: 'a plan id',
    },
    json: jsonOption,
  },
  access: 'read',
  run: async (ctx) => {
    const ref = positional(ctx, 0)
    const plan = stringOption(ctx, 'plan')
    // The chain is checked as every command checks it (the events after the newest checkpoint;
    // of the checkpoint, the plan of --plan alone, or just the index): a ledger that does not
    // verify is refused, or read with a warning.
    const loaded = await ctx.ledger({ plans: plan === undefined ? [] : [plan] })
    for (const w of loaded.warnings) ctx.io.stderr.write(`warning: ${w}\n`)
    if (plan !== undefined && !loaded.state.plans.has(plan))
      throw new Refusal(
        `--plan: expected a plan of the ledger, got ${JSON.stringify(plan)}`,
        'the plans are listed by `progress-ledger list plans`',
      )
    const store = await ctx.store()
    let events = await store.readStream(streams.indicator(ref))
    if (events.length > 0 && plan !== undefined) {
      // An id names one indicator whatever the plan: a plan that is not its own is a mistake.
      const defined = events.filter((e) => e.type === 'IndicatorDefined').pop()
      const own = defined?.type === 'IndicatorDefined' ? defined.data.planId : undefined
      if (own !== undefined && own !== plan)
        throw new Refusal(
          `indicator ${JSON.stringify(ref)}: defined in plan ${own}, not in plan ${plan}`,
          `drop --plan, or give --plan ${own}`,
        )
    }
    if (events.length === 0) {
      // Not an id as typed: resolve a number or another spelling against the plan named, or the
      // whole ledger.
      const { state } = plan === undefined ? await ctx.ledger() : loaded
      const candidates = indicatorsOf(state, plan)
      const found = resolveRef(ref, candidates)
      if (found._tag === 'Ambiguous') throw ambiguousRef(ref, found.ids, candidates)
      if (found._tag === 'NotFound')
        throw new Refusal(
          plan === undefined
            ? `indicator ${JSON.stringify(ref)}: no such indicator in the ledger`
            : `indicator ${JSON.stringify(ref)}: no indicator of plan ${plan} has that id or number`,
          `the ids and numbers are listed by \`progress-ledger list indicators${plan === undefined ? '' : ` --plan ${plan}`}\``,
        )
      events = await store.readStream(streams.indicator(found.id))
    }
    if (flagOption(ctx, 'json')) {
      for (const e of events) ctx.io.stdout.write(`${JSON.stringify(e)}\n`)
      return ExitCode.ok
    }
    ctx.io.stdout.write(`#pos   recorded                  valid       actor           event\n`)
    for (const e of events) {
      ctx.io.stdout.write(
        `${String(e.position).padEnd(6)} ${e.recordedTime}  ${e.validTime}  ${e.actor.padEnd(15)} ${describeEvent(e)}  [${e.id}]\n`,
      )
    }
    return ExitCode.ok
  },
}
