/**
 * Timing and heap helpers for the measurements. The bench is an application: it reads the
 * machine's monotonic clock directly.
 *
 * @module measure/Timing
 */

/** Milliseconds taken by `f`, and its result. */
export function timed<T>(f: () => T): { readonly ms: number; readonly value: T } {
  const start = performance.now()
  const value = f()
  return { ms: performance.now() - start, value }
}

/** Runs a full collection when node runs with `--expose-gc`; says whether it could. */
export function collect(): boolean {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc === undefined) return false
  gc()
  gc()
  return true
}

/**
 * Lets the process idle for `ms` milliseconds. After {@link collect}, V8 sweeps the freed
 * memory on helper threads, and until it is done the main thread sweeps the pages it allocates
 * in: the forced collection's leftover work lands on whatever is timed next. A user's process
 * never forces a collection, so a figure of a user's first query is taken after settling.
 */
export function settle(ms = 1000): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * The median of some measurements: the middle one of an odd count, the mean of the two middle
 * ones of an even count (the bench takes odd counts), `NaN` of none.
 *
 * @example
 * import { median } from '@progress-ledger/bench'
 * median([5, 1, 3]) // 3
 * median([4, 1, 3, 2]) // 2.5
 */
export function median(xs: ReadonlyArray<number>): number {
  if (xs.length === 0) return Number.NaN
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >>> 1
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

/** Heap in use after a full collection, or `undefined` without `--expose-gc`. */
export function heapAfterGc(): number | undefined {
  return collect() ? process.memoryUsage().heapUsed : undefined
}

/** Events per second for `count` events in `ms` milliseconds. */
export function perSecond(count: number, ms: number): number {
  return ms <= 0 ? Number.POSITIVE_INFINITY : (count * 1000) / ms
}

/** A measurement's figures; `null` means not measured (see `notes`). */
export type Figures = Record<string, number | null>

/** What one fresh process measured: its figures and notes explaining any `null`. */
export interface SuiteResult {
  readonly figures: Figures
  readonly notes: ReadonlyArray<string>
}
