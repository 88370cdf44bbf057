// The options shared by streamed appends and imports, checked once.
import type { StreamOptions } from '../EventStore'

/**
 * Events per page when the caller does not say. A page's requests, checked copies and sealed
 * events live until the page is written; at 1,000 events a page outlived the young generation's
 * collections, so every page was copied into the old generation and left there as garbage: a
 * 1,000,000-line `append` into SQLite peaked at 961-1,019 MB resident, against 670-718 MB with
 * pages of 100 in the same time (docs/architecture.md, "The streamed write path").
 */
export const DEFAULT_PAGE_SIZE = 100

/** Checks the options shared by streamed appends and imports; throws on a programmer error. */
export function streamSettings(options: StreamOptions): {
  readonly pageSize: number
  readonly maxIssues: number
} {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE
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
