/**
 * The decider: a command, decided against the current ledger state in a context, becomes the
 * events to append or a typed rejection. Pure apart from drawing ids from the context's id
 * source. A refusal on authorisation carries an `AccessDenied` audit event the caller may append.
 *
 * @module Decide
 */
import {
  absurd,
  type EventData,
  IsoDate,
  type LedgerState,
  MAX_TEXT_LENGTH,
  streams,
  type SubjectKind,
} from '@progress-ledger/core'
import { decodeActor } from './Actor'
import { authoriseRole } from './Authorisation'
import { type Command, decodeCommand } from './Command'
import type { CommandContext } from './Context'
import type { Decision } from './Decision'
import { rejected, type Rejected } from './Rejection'
import {
  adoptPlan,
  defineCategory,
  defineIndicator,
  defineProject,
  defineTask,
  registerDepartment,
  setBaseline,
} from './internal/deciders/definitions'
import {
  meetMilestone,
  moveMilestoneForecast,
  planMilestone,
  reassignResponsibility,
  reportTaskStatus,
} from './internal/deciders/progress'
import { assignQuota, reviseTarget, setTarget } from './internal/deciders/targets'
import {
  approveValue,
  correctValue,
  reportValue,
  retractValue,
  returnValue,
} from './internal/deciders/values'
import { compact } from './internal/Optional'
import { type Scope, streamed } from './internal/Scope'

function dispatch(s: Scope, c: Command): Decision {
  switch (c.type) {
    case 'AdoptPlan':
      return adoptPlan(s, c)
    case 'DefineCategory':
      return defineCategory(s, c)
    case 'RegisterDepartment':
      return registerDepartment(s, c)
    case 'DefineIndicator':
      return defineIndicator(s, c)
    case 'SetBaseline':
      return setBaseline(s, c)
    case 'SetTarget':
      return setTarget(s, c)
    case 'ReviseTarget':
      return reviseTarget(s, c)
    case 'AssignQuota':
      return assignQuota(s, c)
    case 'ReportValue':
      return reportValue(s, c)
    case 'CorrectValue':
      return correctValue(s, c)
    case 'RetractValue':
      return retractValue(s, c)
    case 'ApproveValue':
      return approveValue(s, c)
    case 'ReturnValue':
      return returnValue(s, c)
    case 'DefineProject':
      return defineProject(s, c)
    case 'PlanMilestone':
      return planMilestone(s, c)
    case 'MoveMilestoneForecast':
      return moveMilestoneForecast(s, c)
    case 'MeetMilestone':
      return meetMilestone(s, c)
    case 'DefineTask':
      return defineTask(s, c)
    case 'ReportTaskStatus':
      return reportTaskStatus(s, c)
    case 'ReassignResponsibility':
      return reassignResponsibility(s, c)
    default:
      return absurd(c)
  }
}

/** The subject a command is about, for audit records. */
export function subjectOf(
  c: Command,
): { readonly subject: SubjectKind; readonly subjectId: string } | undefined {
  if (c.type === 'ReassignResponsibility') return { subject: c.subject, subjectId: c.subjectId }
  if ('indicatorId' in c) return { subject: 'indicator', subjectId: c.indicatorId }
  if ('taskId' in c) return { subject: 'task', subjectId: c.taskId }
  if ('projectId' in c) return { subject: 'project', subjectId: c.projectId }
  return undefined
}

function withAudit(s: Scope, c: Command, r: Rejected): Rejected {
  const { actor } = s.ctx
  const reason =
    r.message.length > MAX_TEXT_LENGTH ? `${r.message.slice(0, MAX_TEXT_LENGTH - 3)}...` : r.message
  const data: EventData<'AccessDenied'> = compact({
    command: c.type,
    reason,
    ...subjectOf(c),
    role: actor.role,
    department: actor.role === 'reporter' ? actor.department : undefined,
  })
  return {
    ...r,
    audit: streamed(s, undefined, streams.audit(actor.id), 'AccessDenied', data, s.ctx.today),
  }
}

/** The context itself is input: its actor must decode and `today` be a date of the ledger. */
function checkContext(context: CommandContext): Rejected | undefined {
  const actor = decodeActor(context.actor, 'actor')
  if (actor._tag === 'Rejected') return actor
  if (!IsoDate.is(context.today))
    return rejected('malformed', 'today', 'a date YYYY-MM-DD in the years 1900–2200', context.today)
  return undefined
}

/**
 * Decides a command against the current state.
 *
 * @example
 * import { emptyLedger, isoDate, period } from '@progress-ledger/core'
 * import { decide, reporter, sequentialIds } from '@progress-ledger/commands'
 * const ctx = { actor: reporter('clerk', 'fgj'), today: isoDate('2022-03-01'), ids: sequentialIds('t') }
 * decide(emptyLedger(), { type: 'ReportValue', indicatorId: 'I01', period: period('2021'), value: 11.2, status: 'final' }, ctx) // { _tag: 'Rejected', rule: 'indicator-missing', message: 'indicatorId: expected a defined indicator, got "I01"' }
 */
export function decide(state: LedgerState, command: Command, context: CommandContext): Decision {
  const bad = checkContext(context)
  if (bad !== undefined) return bad
  const s: Scope = { state, ctx: context }
  const d = authoriseRole(context.actor, command.type) ?? dispatch(s, command)
  return d._tag === 'Rejected' && d.rule === 'not-authorised' ? withAudit(s, command, d) : d
}

/**
 * Decodes untrusted input (one JSON line, say) and decides it: a malformed command is a
 * `malformed` rejection. Never throws on any input.
 *
 * @example
 * import { emptyLedger, isoDate } from '@progress-ledger/core'
 * import { decideInput, planAdmin, sequentialIds } from '@progress-ledger/commands'
 * const ctx = { actor: planAdmin('po'), today: isoDate('2022-03-01'), ids: sequentialIds('t') }
 * decideInput(emptyLedger(), { type: 'Nope' }, ctx)._tag // 'Rejected'
 * decideInput(emptyLedger(), { type: 'RegisterDepartment', departmentId: 'fgj\u0000', name: { zh: '市发改局' } }, ctx).message // 'departmentId: expected an id without control, bidi or invisible characters, got "fgj\\u0000"'
 */
export function decideInput(state: LedgerState, input: unknown, context: CommandContext): Decision {
  const decoded = decodeCommand(input)
  return decoded._tag === 'Decoded' ? decide(state, decoded.command, context) : decoded
}
