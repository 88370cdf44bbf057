/**
 * How a run ends: the exit codes, and the two kinds of expected failure a command may throw — a
 * usage error (the command line itself is wrong, exit 2) and a refusal (the command line is fine
 * but the ledger or an input file says no, exit 1). Anything else thrown is a bug and also exits 1.
 *
 * @module Failure
 */

/**
 * Exit codes: 0 success; 1 the ledger said no (a refused or invalid input, a version conflict, a
 * broken hash chain, a missing ledger or plan, an unknown indicator); 2 usage error (an unknown
 * command or option, a missing or malformed option value, a wrong number of arguments).
 *
 * @example
 * import { ExitCode } from '@progress-ledger/cli'
 * ExitCode.usage // 2
 */
export const ExitCode = { ok: 0, failed: 1, usage: 2 } as const
/** An exit code. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/**
 * A usage error: a bad option value or argument. Printed with the command's usage line; exit 2.
 *
 * @example
 * import { UsageError } from '@progress-ledger/cli'
 * new UsageError('--lang: expected zh or en, got "fr"').message // '--lang: expected zh or en, got "fr"'
 */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

/**
 * The ledger (or an input file) said no: no ledger at that place, no plan in it, no such
 * indicator. Printed with an optional hint on what to do next; exit 1.
 *
 * @example
 * import { Refusal } from '@progress-ledger/cli'
 * new Refusal('no ledger at sqlite:x.sqlite', 'run progress-ledger init').hint // 'run progress-ledger init'
 */
export class Refusal extends Error {
  override readonly name = 'Refusal'
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message)
  }
}
