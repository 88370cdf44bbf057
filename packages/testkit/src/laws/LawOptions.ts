/**
 * Options every law accepts: how many runs, and the seed and path to replay a failure that
 * fast-check reported.
 *
 * @module laws/LawOptions
 */
import type * as fc from 'fast-check'

/** How a law runs. */
export interface LawOptions {
  /** Runs of the property (default 100; use 1000 in CI for the laws of a library). */
  readonly numRuns?: number
  /** Seed of a failing run, as fast-check printed it. */
  readonly seed?: number
  /** Path of a failing run, as fast-check printed it. */
  readonly path?: string
  /** Print every shrink step of a failure. */
  readonly verbose?: boolean
}

/**
 * fast-check parameters for a law's options.
 *
 * @example
 * import { lawParameters } from '@progress-ledger/testkit'
 * lawParameters({ numRuns: 1000 }).numRuns // 1000
 */
export function lawParameters<T>(options: LawOptions = {}): fc.Parameters<T> {
  return {
    numRuns: options.numRuns ?? 100,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(options.verbose === true ? { verbose: 2 } : {}),
  }
}
