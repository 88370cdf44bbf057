/**
 * The command union: every command as an io-ts codec (commands arrive as JSON lines in the
 * CLI), tagged by `type`, and the decoder that turns untrusted input into a command or a
 * `malformed` rejection naming the path and the value.
 *
 * @module Command
 */
import type * as t from 'io-ts'
import {
  editDistance,
  formatErrors,
  showValue,
  undeclaredFields,
  unknownFields,
} from '@progress-ledger/core'
import {
  AdoptPlan,
  DefineCategory,
  DefineIndicator,
  DefineProject,
  DefineTask,
  RegisterDepartment,
  SetBaseline,
} from './commands/Definitions'
import {
  MeetMilestone,
  MoveMilestoneForecast,
  PlanMilestone,
  ReassignResponsibility,
  ReportTaskStatus,
} from './commands/Progress'
import { AssignQuota, ReviseTarget, SetTarget } from './commands/Targets'
import {
  ApproveValue,
  CorrectValue,
  ReportValue,
  RetractValue,
  ReturnValue,
} from './commands/Values'
import type { Rejected } from './Rejection'

/** Every command's codec, by type. */
export const commandCodecs = {
  AdoptPlan,
  DefineCategory,
  RegisterDepartment,
  DefineIndicator,
  SetBaseline,
  SetTarget,
  ReviseTarget,
  AssignQuota,
  ReportValue,
  CorrectValue,
  RetractValue,
  ApproveValue,
  ReturnValue,
  DefineProject,
  PlanMilestone,
  MoveMilestoneForecast,
  MeetMilestone,
  DefineTask,
  ReportTaskStatus,
  ReassignResponsibility,
} as const

/** The name of a command type. */
export type CommandType = keyof typeof commandCodecs

/** A command: a tagged union over {@link commandCodecs}. */
export type Command = { [K in CommandType]: t.TypeOf<(typeof commandCodecs)[K]> }[CommandType]

/** A command of one type. */
export type CommandOf<K extends CommandType> = Extract<Command, { type: K }>

/** The command types, in documentation order. */
export const commandTypes: ReadonlyArray<CommandType> = Object.keys(commandCodecs) as CommandType[]

/** Is `u` the name of a command type? */
export function isCommandType(u: unknown): u is CommandType {
  return typeof u === 'string' && Object.prototype.hasOwnProperty.call(commandCodecs, u)
}

/** The result of decoding a command. */
export type CommandDecoding = { readonly _tag: 'Decoded'; readonly command: Command } | Rejected

/**
 * Decodes untrusted input (e.g. one JSON line) into a command. Problems — a field of the wrong
 * kind, a missing one, a field the command does not have — become a `malformed` rejection whose
 * message names every offending path.
 *
 * @example
 * import { decodeCommand } from '@progress-ledger/commands'
 * decodeCommand({ type: 'ReportValue', indicatorId: 'I01', period: '2021', value: '12,5', status: 'final' }) // { _tag: 'Rejected', rule: 'malformed', message: 'value: expected a number, got "12,5"' }
 * decodeCommand({ type: 'ReportValue', indicatorId: 'I01', period: '2021', value: 12.5, status: 'final' })._tag // 'Decoded'
 * const misspelt = decodeCommand({ type: 'report_value', indicatorId: 'I01' })
 * misspelt._tag === 'Rejected' && misspelt.message.endsWith('got "report_value" (did you mean ReportValue?)') // true
 * decodeCommand({ type: 'ReportValue', indicatorId: 'I01', period: '2021', value: 12.5, status: 'final', submited: true }) // { _tag: 'Rejected', rule: 'malformed', message: 'submited: expected a field of ReportValue, got an unknown field (true) (did you mean submitted?)' }
 */
export function decodeCommand(u: unknown): CommandDecoding {
  const type =
    typeof u === 'object' && u !== null ? (u as Record<string, unknown>)['type'] : undefined
  if (!isCommandType(type)) {
    const got =
      typeof u === 'object' && u !== null && !Array.isArray(u) ? showValue(type) : showValue(u)
    const path = typeof u === 'object' && u !== null && !Array.isArray(u) ? 'type' : '(root)'
    const expected = path === 'type' ? `one of ${commandTypes.join(', ')}` : 'a command object'
    return {
      _tag: 'Rejected',
      rule: 'malformed',
      message: `${path}: expected ${expected}, got ${got}${path === 'type' ? typeSuggestion(type) : ''}`,
    }
  }
  const codec = commandCodecs[type] as t.Mixed
  const r = codec.decode(u)
  if (r._tag === 'Left') {
    // The unknown fields too: a misspelt field is named beside the one it leaves missing.
    const unknown = undeclaredFields(codec, u, type)
    return {
      _tag: 'Rejected',
      rule: 'malformed',
      message: [
        ...formatErrors(r.left).map((i) => i.message),
        ...unknown.map((i) => `${i.message}${suggestion(i.path, u, codec)}`),
      ].join('; '),
    }
  }
  // A field the command does not have would be dropped without a word: a misspelt `submitted`
  // would record a figure as not submitted. It is refused, naming the field.
  const unknown = unknownFields(u, r.right, type)
  if (unknown.length > 0)
    return {
      _tag: 'Rejected',
      rule: 'malformed',
      message: unknown.map((i) => `${i.message}${suggestion(i.path, u, codec)}`).join('; '),
    }
  return { _tag: 'Decoded', command: r.right as Command }
}

interface Shape {
  readonly _tag?: string
  readonly type?: Shape
  readonly types?: ReadonlyArray<Shape>
  readonly props?: Readonly<Record<string, unknown>>
}

/** The top-level fields a command codec declares (through exact, intersection and partial). */
function fieldsOf(codec: Shape): ReadonlyArray<string> {
  if (codec.props !== undefined) return Object.keys(codec.props)
  if (codec.types !== undefined) return codec.types.flatMap(fieldsOf)
  if (codec.type !== undefined) return fieldsOf(codec.type)
  return []
}

/** A type's spelling without case, `_`, `-` or spaces: `report_value` and `ReportValue` alike. */
function folded(type: string): string {
  return type.toLowerCase().replace(/[\s_-]/g, '')
}

/** ` (did you mean ReportValue?)` for a `type` that is a command type but for case, separators or two letters. */
function typeSuggestion(type: unknown): string {
  if (typeof type !== 'string' || type.length > 64) return ''
  const given = folded(type)
  const near = commandTypes
    .map((c) => ({ c, d: editDistance(given, folded(c)) }))
    .filter((x) => x.d <= 2)
    .sort((a, b) => a.d - b.d)
  return near[0] === undefined ? '' : ` (did you mean ${near[0].c}?)`
}

/** ` (did you mean submitted?)` for a top-level field close to one the command has and was not given. */
function suggestion(path: string, input: unknown, codec: t.Mixed): string {
  if (path.includes('.') || path.includes('[')) return ''
  const given = input as Record<string, unknown>
  const near = fieldsOf(codec as unknown as Shape)
    .filter((f) => given[f] === undefined && editDistance(path.toLowerCase(), f.toLowerCase()) <= 2)
    .sort((a, b) => editDistance(path, a) - editDistance(path, b))
  return near.length === 0 ? '' : ` (did you mean ${near[0]}?)`
}
