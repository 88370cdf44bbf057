/**
 * Deciding an input again when the ledger moved on while it was decided: a write on a shared
 * ledger decides its commands against the ledger at one head and appends only if the head is
 * still there, so two clerks appending at once make one of them find it moved. An input the
 * command holds whole (a short JSON-lines file, a figures table) is then decided again against
 * the ledger as it now is, a few times, before the clerk is told to run it again.
 *
 * @module Redecide
 */
import { LEDGER_STREAM } from '@progress-ledger/core'

/** How many times a held input is decided again after another writer moved the ledger on. */
export const REDECIDE = 3

/**
 * Did the ledger move on while the input was decided (another writer appended first)?
 *
 * @example
 * import { movedOn } from '@progress-ledger/cli'
 * movedOn({ _tag: 'VersionConflict', streamId: '$all' }) // true
 * movedOn({ _tag: 'StreamAppended' }) // false
 */
export function movedOn(result: { readonly _tag: string; readonly streamId?: string }): boolean {
  return result._tag === 'VersionConflict' && result.streamId === LEDGER_STREAM
}
