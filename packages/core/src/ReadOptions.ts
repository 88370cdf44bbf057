/**
 * The checks every store makes of its read options, with the messages the store contract
 * expects: a malformed option is an Error naming it and its value, never a silent empty read.
 *
 * @module ReadOptions
 */
import type { ReadAllOptions, ReadStreamOptions } from './EventStore'

/**
 * Throws unless `n` is undefined or a whole number >= 0.
 *
 * @example
 * import { checkCount } from '@progress-ledger/core/adapter'
 * const thrown = (f: () => unknown) => { try { f() } catch (e) { return (e as Error).message } }
 * thrown(() => checkCount('limit', 10)) // undefined
 * thrown(() => checkCount('limit', -1)) // 'limit must be a whole number >= 0, got -1'
 */
export function checkCount(name: string, n: number | undefined): void {
  if (n !== undefined && (!Number.isInteger(n) || n < 0))
    throw new Error(`${name} must be a whole number >= 0, got ${String(n)}`)
}

/**
 * Checks `readAll`'s `after` and `limit`.
 *
 * @example
 * import { checkReadAllOptions } from '@progress-ledger/core/adapter'
 * const thrown = (f: () => unknown) => { try { f() } catch (e) { return (e as Error).message } }
 * thrown(() => checkReadAllOptions({ after: 10, limit: 0 })) // undefined
 * thrown(() => checkReadAllOptions({ after: 1.5 })) // 'after must be a whole number >= 0, got 1.5'
 */
export function checkReadAllOptions(options: ReadAllOptions): void {
  checkCount('after', options.after)
  checkCount('limit', options.limit)
}

/**
 * Checks `readStream`'s `limit` and `fromVersion`, and returns the version to read from.
 *
 * @example
 * import { readStreamFrom } from '@progress-ledger/core/adapter'
 * readStreamFrom({}) // 1
 * readStreamFrom({ fromVersion: 3, limit: 10 }) // 3
 * const thrown = (f: () => unknown) => { try { f() } catch (e) { return (e as Error).message } }
 * thrown(() => readStreamFrom({ fromVersion: 0 })) // 'fromVersion must be a whole number >= 1, got 0'
 */
export function readStreamFrom(options: ReadStreamOptions): number {
  checkCount('limit', options.limit)
  const from = options.fromVersion ?? 1
  if (!Number.isInteger(from) || from < 1)
    throw new Error(`fromVersion must be a whole number >= 1, got ${String(from)}`)
  return from
}
