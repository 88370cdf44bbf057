/**
 * An index over a (frozen) list of nodes with stamped versions — an indicator's period values —
 * that lets an as-of view skip the parts of the list a cut cannot change: the longest prefix
 * whose every version (of every versioned field) is visible, and the suffix where no version of
 * the fields that make a node present is visible. Prefix maxima and suffix minima of position,
 * recorded time and valid time are monotone, so both bounds are binary searches.
 *
 * Published state never changes (it is deeply frozen), so an index is computed once per list
 * and cached by identity; a list that is not frozen is never indexed.
 *
 * @module internal/VisibilityIndex
 */
import type { ChunkList } from '../ChunkList'
import type { Stamp } from '../State'

/** Which fields of the items hold stamped versions, and which of them make an item present. */
export interface IndexFields {
  readonly all: ReadonlyArray<string>
  readonly presence: ReadonlyArray<string>
}

type Item = Readonly<Record<string, unknown>>

/**
 * Prefix maxima (over versions and approvals) and suffix minima (over versions) of a list. Times
 * are numbers (milliseconds of an instant, days of a date): a binary search then reads one
 * contiguous array instead of a string object per probe, each somewhere else on the heap.
 */
interface Index {
  readonly maxPosition: Float64Array
  readonly maxRecorded: Float64Array
  readonly maxValid: Float64Array
  readonly minPosition: Float64Array
  readonly minRecorded: Float64Array
  readonly minValid: Float64Array
}

/** A bitemporal cut with every part present (`undefined` parts do not filter), times as numbers. */
export interface Bounds {
  readonly position: number | undefined
  readonly recordedTime: number | undefined
  readonly validTime: number | undefined
}

const cache = new WeakMap<ChunkList<Item>, Index>()

/** The number made of the decimal digits of `s` from `from` to `to`. */
function digits(s: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48
  return n
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (month 1–12), by the usual era arithmetic:
 * 400-year eras of 146,097 days, years counted from March so that the leap day comes last.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/**
 * An instant `YYYY-MM-DDTHH:mm:ss.sssZ` as milliseconds since the epoch. Instants in the ledger
 * are validated in exactly this form, so the numbers order as the strings do.
 */
export function instantMs(s: string): number {
  return (
    daysFromCivil(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10)) * 86_400_000 +
    digits(s, 11, 13) * 3_600_000 +
    digits(s, 14, 16) * 60_000 +
    digits(s, 17, 19) * 1_000 +
    digits(s, 20, 23)
  )
}

/** A date `YYYY-MM-DD` as days since the epoch (ordered as the strings are). */
export function dayNumber(s: string): number {
  return daysFromCivil(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10))
}

function build(values: ReadonlyArray<Item>, fields: IndexFields): Index {
  const n = values.length
  const maxPosition = new Float64Array(n)
  const maxRecorded = new Float64Array(n)
  const maxValid = new Float64Array(n)
  // Consecutive stamps mostly share their strings (one recorded time per appended batch, one
  // valid time per period): parse only when the string changes.
  let rs = ''
  let rn = 0
  let vs = ''
  let vn = 0
  const recorded = (s: Stamp): number => {
    if (s.recordedTime !== rs) {
      rs = s.recordedTime
      rn = instantMs(rs)
    }
    return rn
  }
  const valid = (s: Stamp): number => {
    if (s.validTime !== vs) {
      vs = s.validTime
      vn = dayNumber(vs)
    }
    return vn
  }
  let p = -Infinity
  let r = -Infinity
  let v = -Infinity
  const widen = (s: Stamp): void => {
    p = Math.max(p, s.position)
    r = Math.max(r, recorded(s))
    v = Math.max(v, valid(s))
  }
  const { all, presence } = fields
  for (let i = 0; i < n; i++) {
    const item = values[i] as Item
    for (let f = 0; f < all.length; f++) {
      const versions = item[all[f] as string] as ReadonlyArray<Stamp>
      for (let j = 0; j < versions.length; j++) widen(versions[j] as Stamp)
    }
    maxPosition[i] = p
    maxRecorded[i] = r
    maxValid[i] = v
  }
  const minPosition = new Float64Array(n)
  const minRecorded = new Float64Array(n)
  const minValid = new Float64Array(n)
  p = Infinity
  r = Infinity
  v = Infinity
  for (let i = n - 1; i >= 0; i--) {
    const item = values[i] as Item
    for (let f = 0; f < presence.length; f++) {
      const versions = item[presence[f] as string] as ReadonlyArray<Stamp>
      for (let j = 0; j < versions.length; j++) {
        const s = versions[j] as Stamp
        p = Math.min(p, s.position)
        r = Math.min(r, recorded(s))
        v = Math.min(v, valid(s))
      }
    }
    minPosition[i] = p
    minRecorded[i] = r
    minValid[i] = v
  }
  return { maxPosition, maxRecorded, maxValid, minPosition, minRecorded, minValid }
}

/** The first index whose (non-decreasing) number exceeds `x`, or the length. */
function firstNumberAbove(xs: Float64Array, x: number): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((xs[mid] as number) > x) hi = mid
    else lo = mid + 1
  }
  return lo
}

/**
 * For a frozen list: `[k, j]` such that every item before `k` is entirely visible under the cut
 * (kept as is), and no version of any item from `j` on is visible (dropped). `undefined` for a
 * list that is not frozen.
 */
export function visibleSpan(
  values: ChunkList<Item>,
  cut: Bounds,
  fields: IndexFields,
): readonly [number, number] | undefined {
  if (!Object.isFrozen(values)) return undefined
  let ix = cache.get(values)
  if (ix === undefined) {
    ix = build(values.toArray(), fields)
    cache.set(values, ix)
  }
  const n = values.length
  const { position: p, recordedTime: r, validTime: v } = cut
  let k = n
  let j = n
  if (p !== undefined) {
    k = Math.min(k, firstNumberAbove(ix.maxPosition, p))
    j = Math.min(j, firstNumberAbove(ix.minPosition, p))
  }
  if (r !== undefined) {
    k = Math.min(k, firstNumberAbove(ix.maxRecorded, r))
    j = Math.min(j, firstNumberAbove(ix.minRecorded, r))
  }
  if (v !== undefined) {
    k = Math.min(k, firstNumberAbove(ix.maxValid, v))
    j = Math.min(j, firstNumberAbove(ix.minValid, v))
  }
  return [k, Math.max(k, j)]
}
