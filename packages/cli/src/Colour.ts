/**
 * Colour on a terminal only. `NO_COLOR` (any non-empty value) turns it off; otherwise
 * `FORCE_COLOR` (any value but `0` or `false`) turns it on even when output is piped; otherwise
 * colour is used when the stream is a terminal whose `TERM` is not `dumb`. Styles come from
 * picocolors, created per run with that decision (never from the process's own globals).
 *
 * @module Colour
 */
import { createColors } from 'picocolors'
import type { Light } from '@progress-ledger/reporting'
import type { Output } from './Io'

/** The styles a command uses; each returns its input unchanged when colour is off. */
export interface Palette {
  readonly enabled: boolean
  readonly green: (s: string) => string
  readonly yellow: (s: string) => string
  readonly red: (s: string) => string
  readonly dim: (s: string) => string
  readonly bold: (s: string) => string
}

/**
 * Should text written to `out` be coloured, given the environment?
 *
 * @example
 * import { colourEnabled } from '@progress-ledger/cli'
 * colourEnabled({ write: () => {}, isTTY: true }, {}) // true
 * colourEnabled({ write: () => {}, isTTY: true }, { NO_COLOR: '1' }) // false
 * colourEnabled({ write: () => {}, isTTY: false }, { FORCE_COLOR: '1' }) // true
 * colourEnabled({ write: () => {}, isTTY: true }, { FORCE_COLOR: '0' }) // false
 */
export function colourEnabled(
  out: Output,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  const no = env['NO_COLOR']
  if (no !== undefined && no !== '') return false
  const force = env['FORCE_COLOR']
  if (force !== undefined) return force !== '0' && force !== 'false'
  return out.isTTY && env['TERM'] !== 'dumb'
}

/**
 * The palette for one output stream of a run.
 *
 * @example
 * import { paletteFor } from '@progress-ledger/cli'
 * paletteFor({ write: () => {}, isTTY: false }, {}).red('red') // 'red'
 */
export function paletteFor(
  out: Output,
  env: Readonly<Record<string, string | undefined>>,
): Palette {
  const enabled = colourEnabled(out, env)
  const c = createColors(enabled)
  return { enabled, green: c.green, yellow: c.yellow, red: c.red, dim: c.dim, bold: c.bold }
}

/**
 * Paints a status text in its traffic-light colour (grey is dimmed).
 *
 * @example
 * import { paintLight, paletteFor } from '@progress-ledger/cli'
 * const p = paletteFor({ write: () => {}, isTTY: false }, { FORCE_COLOR: '1' })
 * paintLight(p, 'red', 'off-track') // '\u001b[31moff-track\u001b[39m'
 */
export function paintLight(p: Palette, light: Light, text: string): string {
  switch (light) {
    case 'green':
      return p.green(text)
    case 'yellow':
      return p.yellow(text)
    case 'red':
      return p.red(text)
    case 'grey':
      return p.dim(text)
  }
}
