/**
 * The environment failure a SQLite store reports when other connections keep the database
 * locked through every retry: a clear Error in place of the driver's SQLITE_BUSY.
 *
 * @module StoreBusyError
 */

/**
 * The database stayed locked by other writers through every retry.
 *
 * @example
 * import { StoreBusyError } from '@progress-ledger/store-sqlite'
 * new StoreBusyError('ledger.db: locked').name // 'StoreBusyError'
 */
export class StoreBusyError extends Error {
  override readonly name = 'StoreBusyError'
}
