// Checks of read options, with the reference store's messages.

/** Throws unless `n` is undefined or a whole number >= 0. */
export function checkCount(name: string, n: number | undefined): void {
  if (n !== undefined && (!Number.isInteger(n) || n < 0))
    throw new Error(`${name} must be a whole number >= 0, got ${String(n)}`)
}

/** Throws unless `n` is a whole number >= 1. */
export function checkFromVersion(n: number): void {
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`fromVersion must be a whole number >= 1, got ${String(n)}`)
}
