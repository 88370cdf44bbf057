/**
 * The error an append throws when its connection fails: the batch is recorded whole or not at
 * all, and `outcome` says whether the store can tell which.
 *
 * @module AppendInterruptedError
 */
import type { ConnectionLostError } from './SqlClient'

/**
 * The connection failed during an append; see `outcome`.
 *
 * @example
 * import { AppendInterruptedError, ConnectionLostError } from '@progress-ledger/store-postgres'
 * const e = new AppendInterruptedError('not-committed', new ConnectionLostError('transaction', new Error('reset')))
 * e.message // 'append interrupted (not-committed): connection lost during the transaction: reset; the batch is recorded whole or not at all'
 */
export class AppendInterruptedError extends Error {
  override readonly name = 'AppendInterruptedError'
  constructor(
    /** `not-committed` when the failure came before COMMIT; `unknown` when COMMIT itself failed. */
    readonly outcome: 'not-committed' | 'unknown',
    override readonly cause: ConnectionLostError,
  ) {
    super(
      `append interrupted (${outcome}): ${cause.message}; the batch is recorded whole or not at all${outcome === 'unknown' ? ': re-send it with the same event ids to find out which (a retry of a recorded batch writes nothing)' : ''}`,
    )
  }
}
