/**
 * `progress-ledger history INDICATOR`: every event that touched an indicator, corrections and
 * target revisions included, with both times and the actor.
 *
 * @module commands/History
 */
import { type RecordedEvent, streams } from '@progress-ledger/core'
import type { CommandSpec } from '../Command'
import { ExitCode, UsageError } from '../Io'

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
  usage: 'progress-ledger history INDICATOR [--json]',
  help: 'Lists the indicator stream in order: position, recorded time, valid time, actor and what happened.',
  options: { json: { type: 'boolean' } },
  run: async (ctx) => {
    const [id, ...rest] = ctx.positionals
    if (id === undefined || rest.length > 0)
      throw new UsageError('expected exactly one INDICATOR id')
    const store = await ctx.store()
    const events = await store.readStream(streams.indicator(id))
    if (events.length === 0) {
      ctx.io.stderr.write(`indicator ${JSON.stringify(id)}: no such indicator in the ledger\n`)
      return ExitCode.failed
    }
    if (ctx.values['json'] === true) {
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
