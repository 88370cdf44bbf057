/**
 * Exhaustiveness: the last branch of a `switch` over a tagged union calls {@link absurd}, so that
 * adding a member to the union fails to compile until every switch handles it.
 *
 * @module Exhaustive
 */

/**
 * Marks a branch that cannot be reached when every case is handled; throws if it is reached at
 * run time (a value from outside the type system).
 *
 * @example
 * import { absurd } from '@progress-ledger/core'
 * const light = (s: 'red' | 'green'): number => { switch (s) { case 'red': return 1; case 'green': return 2; default: return absurd(s) } }
 * light('green') // 2
 */
export function absurd(x: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(x)}`)
}
