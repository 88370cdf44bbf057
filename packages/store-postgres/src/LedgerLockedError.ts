/**
 * The error a write reports when another writer holds the ledger's head lock longer than the
 * connection's `lock_timeout` allows (see `openPostgresStore`'s `lockTimeoutMs`): nothing was
 * written, and the write may simply be tried again.
 *
 * @module LedgerLockedError
 */

/**
 * Another writer held the head lock beyond the lock timeout; nothing was written.
 *
 * @example
 * import { LedgerLockedError } from '@progress-ledger/store-postgres'
 * new LedgerLockedError('ledger').message // 'schema ledger: another writer held the ledger\'s write lock beyond the lock timeout; nothing was written, try again when it is done'
 */
export class LedgerLockedError extends Error {
  override readonly name = 'LedgerLockedError'
  constructor(
    readonly schema: string,
    options?: ErrorOptions,
  ) {
    super(
      `schema ${schema}: another writer held the ledger's write lock beyond the lock timeout; nothing was written, try again when it is done`,
      options,
    )
  }
}
