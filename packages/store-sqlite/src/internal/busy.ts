// Busy handling: SQLite's own busy_timeout waits for the write lock; on top of it, an
// operation that still fails with SQLITE_BUSY/LOCKED is retried with a fixed backoff, and
// after the last attempt a clear StoreBusyError replaces the driver's error. Other errors of
// SQLite's about the file are named by its path (internal/storageError).
import { StoreBusyError } from '../StoreBusyError'
import { storageError } from './storageError'

/** Did the driver fail because another connection held a lock? */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return (
    typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
  )
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs `op`, retrying it (it must be a whole transaction) while the database is busy. */
export async function retryBusy<A>(path: string, attempts: number, op: () => A): Promise<A> {
  for (let attempt = 1; ; attempt++) {
    try {
      return op()
    } catch (err) {
      if (!isBusy(err)) throw storageError(path, err)
      if (attempt >= attempts) {
        throw new StoreBusyError(
          `${path}: the database stayed locked by other writers through ${attempts} attempts (${String((err as Error).message)})`,
        )
      }
      await pause(Math.min(2 ** attempt, 100))
    }
  }
}
