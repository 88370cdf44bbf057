// The options shared by streamed appends and imports, checked once.
import type { StreamOptions } from '../EventStore'

/** Checks the options shared by streamed appends and imports; throws on a programmer error. */
export function streamSettings(options: StreamOptions): {
  readonly pageSize: number
  readonly maxIssues: number
} {
  const pageSize = options.pageSize ?? 1000
  const maxIssues = options.maxIssues ?? 100
  if (!Number.isInteger(pageSize) || pageSize < 1)
    throw new Error(`pageSize: expected a whole number >= 1, got ${String(options.pageSize)}`)
  if (!Number.isInteger(maxIssues) || maxIssues < 1)
    throw new Error(`maxIssues: expected a whole number >= 1, got ${String(options.maxIssues)}`)
  const head = options.expectedHead
  if (head !== undefined && (!Number.isInteger(head) || head < 0))
    throw new Error(`expectedHead: expected a whole number >= 0, got ${String(head)}`)
  return { pageSize, maxIssues }
}
