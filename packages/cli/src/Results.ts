/**
 * Printing a store's append result: what was written, or the typed failure.
 *
 * @module Results
 */
import type { AppendResult, ChainBroken } from '@progress-ledger/core'
import { ExitCode } from './Failure'
import type { Io } from './Io'
import { whereBroken } from './Ledger'

/** Prints an append result (or the broken chain that stopped it) and returns the exit code. */
export function describeResult(io: Io, result: AppendResult | ChainBroken, what: string): number {
  switch (result._tag) {
    case 'ChainBroken':
      io.stderr.write(
        `hash chain broken at ${whereBroken(result.break)}; nothing appended (run verify)\n`,
      )
      return ExitCode.failed
    case 'Appended':
      if (result.written > 0) io.committed?.()
      io.stdout.write(
        result.written === 0
          ? `${what}: already recorded, nothing new (head at position ${result.head})\n`
          : `${what}: appended ${result.written} event(s), head at position ${result.head}\n`,
      )
      return ExitCode.ok
    case 'VersionConflict':
      io.stderr.write(
        `conflict: stream ${result.streamId} is at version ${result.actual}, expected ${String(result.expected)}; someone else wrote first — run again\n`,
      )
      return ExitCode.failed
    case 'InvalidEvents':
      for (const issue of result.issues) io.stderr.write(`${issue.message}\n`)
      return ExitCode.failed
    case 'IdConflict':
      io.stderr.write(`${result.reason}\n`)
      return ExitCode.failed
  }
}
