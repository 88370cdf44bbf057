/**
 * What an interrupted command says last when nothing of its own had committed: a write is
 * discarded whole with the process (SQLite ignores an uncommitted transaction, PostgreSQL rolls
 * back a closed connection); a command that only reads changed nothing.
 *
 * @module Interruption
 */

/**
 * The line, for a command that `writes` (or only reads); `removed` names the temporary file of a
 * new SQLite ledger that was removed, if one was.
 *
 * @example
 * import { interruptedLine } from '@progress-ledger/cli'
 * interruptedLine('SIGINT', false) // 'progress-ledger: interrupted (SIGINT); the command only reads: the ledger is as it was'
 * interruptedLine('SIGTERM', true, 'l.sqlite.t.new') // 'progress-ledger: interrupted (SIGTERM); a write that had not committed is discarded whole (the new ledger it was writing, l.sqlite.t.new, is removed) — `progress-ledger head` shows where the ledger stands'
 */
export function interruptedLine(signal: string, writes: boolean, removed?: string): string {
  if (!writes)
    return `progress-ledger: interrupted (${signal}); the command only reads: the ledger is as it was`
  const gone =
    removed === undefined ? '' : ` (the new ledger it was writing, ${removed}, is removed)`
  return `progress-ledger: interrupted (${signal}); a write that had not committed is discarded whole${gone} — \`progress-ledger head\` shows where the ledger stands`
}
