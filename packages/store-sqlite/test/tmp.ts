// Temporary directories and raw database access for the SQLite store's tests.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'

/** A fresh temporary directory and a function removing it. */
export function tempDir(prefix = 'ledger-'): { readonly dir: string; readonly remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Runs `body` on a raw connection to the file, behind the store's back. */
export function withRaw<A>(path: string, body: (db: Database.Database) => A): A {
  const db = new Database(path)
  try {
    return body(db)
  } finally {
    db.close()
  }
}
