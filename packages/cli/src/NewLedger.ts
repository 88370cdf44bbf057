/**
 * A new SQLite ledger appears whole, or not at all. A writing command (other than `init`) that
 * names a file that does not exist writes the new ledger under a temporary name beside it, and
 * links it into place once its write has committed: a refused file, an interrupted import or a
 * misspelt `--store` leaves no empty ledger behind for later commands to read as a real one.
 * The link fails, keeping both, if another ledger appeared at the name meanwhile.
 *
 * @module NewLedger
 */
import { existsSync, linkSync, readdirSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { StoreLocation } from './StoreUrl'

/** A ledger being created under a temporary name. */
export interface NewLedger {
  /** Where it is written until it is in place. */
  readonly location: StoreLocation & { readonly kind: 'sqlite' }
  /** Where it goes once its write has committed. */
  readonly final: string
  /**
   * After the store is closed: puts the ledger in place if the command's write committed, else
   * removes it. Returns what went wrong, if anything (the temporary ledger is then kept).
   */
  settle(committed: boolean): string | undefined
}

/**
 * The temporary files of other new ledgers for the same place (`….new`, with `-wal` and `-shm`):
 * left by a command killed before it could remove them, or being written by one running now.
 *
 * @example
 * import { leftovers, newLedger } from '@progress-ledger/cli'
 * leftovers(newLedger({ kind: 'sqlite', path: '/nowhere/l.sqlite' }, 'run-1')!) // []
 */
export function leftovers(ledger: NewLedger): string[] {
  const dir = dirname(ledger.final)
  const prefix = `${basename(ledger.final)}.`
  const own = basename(ledger.location.path)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  return names
    .filter(
      (n) =>
        n.startsWith(prefix) &&
        /\.new(-wal|-shm)?$/.test(n) &&
        // This command's own file and its -wal and -shm.
        !n.startsWith(own),
    )
    .sort()
    .map((n) => join(dir, n))
}

/**
 * The new ledger to write for `location`, or `undefined` when there is no need: not a SQLite
 * file, or one that exists. `tag` makes the temporary name unique to the run.
 *
 * @example
 * import { newLedger } from '@progress-ledger/cli'
 * newLedger({ kind: 'memory' }, 'run-1') // undefined
 * newLedger({ kind: 'sqlite', path: '/nowhere/l.sqlite' }, 'run-1')?.location // { kind: 'sqlite', path: '/nowhere/l.sqlite.run-1.new' }
 */
export function newLedger(location: StoreLocation, tag: string): NewLedger | undefined {
  if (location.kind !== 'sqlite' || existsSync(location.path)) return undefined
  const final = location.path
  const temporary = `${final}.${tag}.new`
  const remove = (): void => {
    for (const f of [temporary, `${temporary}-wal`, `${temporary}-shm`]) rmSync(f, { force: true })
  }
  return {
    location: { kind: 'sqlite', path: temporary },
    final,
    settle(committed) {
      if (!committed) {
        remove()
        return undefined
      }
      // Closing the last connection folds the write-ahead log into the file; a log left over
      // would be lost with the link.
      const wal = `${temporary}-wal`
      if (existsSync(wal) && statSync(wal).size > 0)
        return `the new ledger is at ${temporary} (its write-ahead log was not folded in on closing); move it and its -wal file to ${final}`
      try {
        linkSync(temporary, final)
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === 'EEXIST'
          ? `another ledger appeared at ${final} while this command wrote a new one; what it wrote is kept at ${temporary}`
          : `the new ledger is at ${temporary}: it could not be linked to ${final} (${(e as Error).message})`
      }
      remove()
      return undefined
    },
  }
}
