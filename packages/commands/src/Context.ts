/**
 * What a decision needs besides the state and the command: the actor, today's date (time is an
 * input) and a source of event ids (randomness is an input).
 *
 * @module Context
 */
import type { IsoDate } from '@progress-ledger/core'
import type { Actor } from './Actor'

/** Supplies ids for new events. Must not repeat an id. */
export interface IdSource {
  readonly next: () => string
}

/**
 * Ids `prefix-1`, `prefix-2`, … in order. Deterministic: give each session its own prefix.
 *
 * @example
 * import { sequentialIds } from '@progress-ledger/commands'
 * const ids = sequentialIds('cli-20220301')
 * ids.next() // 'cli-20220301-1'
 * ids.next() // 'cli-20220301-2'
 */
export function sequentialIds(prefix: string, start = 1): IdSource {
  if (!Number.isInteger(start) || start < 0)
    throw new Error(`start must be a whole number >= 0, got ${String(start)}`)
  let n = start
  return { next: () => `${prefix}-${n++}` }
}

/**
 * Ids from a generator function the application supplies (e.g. `() => crypto.randomUUID()`).
 *
 * @example
 * import { idsFrom } from '@progress-ledger/commands'
 * let i = 0
 * idsFrom(() => `e${++i}`).next() // 'e1'
 */
export function idsFrom(generate: () => string): IdSource {
  return { next: generate }
}

/** The context a command is decided in. */
export interface CommandContext {
  /** Who issues the command. */
  readonly actor: Actor
  /** Today's date: the default valid time of reports and the limit for "not in the future". */
  readonly today: IsoDate
  /** Ids for events whose command names none. */
  readonly ids: IdSource
  /** Groups the events of one operation (e.g. one CLI `append`). */
  readonly correlationId?: string
  /** The command or message that caused these events. */
  readonly causationId?: string
}
