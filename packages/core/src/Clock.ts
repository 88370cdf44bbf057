/**
 * Time is an input: stores stamp recorded time from a clock they are given, never from the
 * ambient system clock. The application decides what the clock is.
 *
 * @module Clock
 */
import { type Instant, instant } from './Scalars'

/** Supplies the recorded time of appended events. */
export interface Clock {
  readonly now: () => Instant
}

/**
 * A clock that always answers the same instant.
 *
 * @example
 * import { fixedClock } from '@progress-ledger/core'
 * fixedClock('2022-01-08T10:30:00.000Z').now() // '2022-01-08T10:30:00.000Z'
 */
export function fixedClock(at: string): Clock {
  const i = instant(at)
  return { now: () => i }
}

/** A clock moved by hand, for replaying history with the recorded times it had. */
export interface ManualClock extends Clock {
  readonly set: (at: string) => void
  readonly advance: (ms: number) => void
}

/**
 * A clock set and advanced explicitly.
 *
 * @example
 * import { manualClock } from '@progress-ledger/core'
 * const clock = manualClock('2021-08-10')
 * clock.advance(1000)
 * clock.now() // '2021-08-10T00:00:01.000Z'
 */
export function manualClock(start: string): ManualClock {
  let ms = Date.parse(instant(start))
  return {
    now: () => new Date(ms).toISOString() as Instant,
    set: (at) => {
      ms = Date.parse(instant(at))
    },
    advance: (delta) => {
      ms += delta
    },
  }
}

/** A clock reading the given source, e.g. `clockFrom(() => new Date())` in an application. */
export function clockFrom(source: () => Date): Clock {
  return { now: () => source().toISOString() as Instant }
}
