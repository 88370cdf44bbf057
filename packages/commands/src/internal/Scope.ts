// What every decider works with, and how it emits events.
import {
  type EventData,
  type EventType,
  type IsoDate,
  type LedgerState,
} from '@progress-ledger/core'
import { admitInput } from '@progress-ledger/core/adapter'
import type { CommandContext } from '../Context'
import type { Accepted } from '../Decision'
import type { Rejected } from '../Rejection'
import type { StreamedEvent } from '../StreamedEvent'

/** The state a command is decided against and the context it comes with. */
export interface Scope {
  readonly state: LedgerState
  readonly ctx: CommandContext
}

/** A value or a rejection. */
export type Checked<T> = T | Rejected

/** Is a checked value a rejection? */
export function failed<T>(x: Checked<T>): x is Rejected {
  return typeof x === 'object' && x !== null && (x as { _tag?: unknown })._tag === 'Rejected'
}

/** The first rejection among checks run in order, if any. */
export function firstFailure(...checks: ReadonlyArray<Rejected | undefined>): Rejected | undefined {
  for (const c of checks) if (c !== undefined) return c
  return undefined
}

/**
 * Builds one event of the command, taking the command's id or the next id of the context, and
 * validates it once for the write path (core's `admitInput`): the store takes it as it is.
 */
export function streamed<K extends EventType>(
  s: Scope,
  commandId: string | undefined,
  streamId: string,
  type: K,
  data: EventData<K>,
  validTime: IsoDate,
): StreamedEvent {
  const r = admitInput({
    id: commandId ?? s.ctx.ids.next(),
    type,
    data,
    validTime,
    actor: s.ctx.actor.id,
    correlationId: s.ctx.correlationId ?? null,
    causationId: s.ctx.causationId ?? null,
  })
  // A decider that emits an event its codec refuses is a bug (or the context's id source gave a
  // bad id), not a user error.
  if (r._tag === 'Invalid')
    throw new Error(
      `decided an invalid ${type} event: ${r.issues.map((i) => i.message).join('; ')}`,
    )
  return { streamId, event: r.event }
}

/** Accepts a command with one event. */
export function accept<K extends EventType>(
  s: Scope,
  commandId: string | undefined,
  streamId: string,
  type: K,
  data: EventData<K>,
  validTime: IsoDate,
): Accepted {
  return { _tag: 'Accepted', events: [streamed(s, commandId, streamId, type, data, validTime)] }
}
