/**
 * The tool's version, from its package.json (inlined when the package is built).
 *
 * @module Version
 */
import { version } from '../package.json'

/**
 * The version of `@progress-ledger/cli` (what `progress-ledger --version` prints).
 *
 * @example
 * import { VERSION } from '@progress-ledger/cli'
 * /^\d+\.\d+\.\d+/.test(VERSION) // true
 */
export const VERSION: string = version
