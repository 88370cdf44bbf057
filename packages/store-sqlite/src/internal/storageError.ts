// How the driver's errors about the file itself read to the person who chose it: named by the
// ledger's path, with what to do. Errors that are not SQLite's (the store's own refusals, a
// caller's exception inside a session) pass through unchanged.
import { accessSync, constants, existsSync } from 'node:fs'
import { dirname } from 'node:path'

/** SQLite's result code of an error, if it has one (`SQLITE_CORRUPT`, `SQLITE_READONLY_DIRECTORY`, …). */
function sqliteCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined
}

function writable(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK)
    return true
  } catch {
    return false
  }
}

/** Why a ledger file could not be opened, or created where it is not yet. */
function cannotOpen(path: string, message: string): string {
  const dir = dirname(path)
  if (!existsSync(path) && !existsSync(dir))
    return `${path}: cannot create the ledger: its directory ${dir} does not exist (${message})`
  if (!existsSync(path) && !writable(dir))
    return `${path}: cannot create the ledger: its directory ${dir} is not writable (${message})`
  return `${path}: cannot open the SQLite database: ${message}`
}

/** The error to report when the driver cannot open the file at `path` at all. */
export function openingError(path: string, err: unknown): Error {
  return new Error(cannotOpen(path, (err as Error).message), { cause: err })
}

function explain(path: string, code: string, message: string): string {
  if (code === 'SQLITE_NOTADB')
    return `${path}: expected a SQLite database, got a file of another kind`
  if (code.startsWith('SQLITE_CORRUPT'))
    return `${path}: the ledger file is damaged (${message}); restore it from a backup, or from an export (docs/stores.md)`
  if (code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_READONLY_CANTINIT')
    return `${path}: cannot open the ledger: its directory is read-only, and SQLite needs to create ${path}-wal and ${path}-shm beside a ledger in WAL mode (${message}); copy the ledger to a writable directory to read it`
  if (code.startsWith('SQLITE_READONLY'))
    return `${path}: the ledger file is read-only (${message}); nothing can be written to it: check its permissions, or write to a copy`
  if (code === 'SQLITE_FULL') return `${path}: the disk is full (${message})`
  if (code.startsWith('SQLITE_CANTOPEN')) return cannotOpen(path, message)
  return `${path}: ${message}`
}

/**
 * The error to report for `err`, raised by SQLite on the ledger at `path`: a plain Error naming
 * the path and saying what to do, with SQLite's `code` kept and the original as its `cause`.
 */
export function storageError(path: string, err: unknown): unknown {
  const code = sqliteCode(err)
  if (code === undefined) return err
  const message = (err as Error).message
  if (message.startsWith(`${path}: `)) return err
  return Object.assign(new Error(explain(path, code, message), { cause: err }), { code })
}
