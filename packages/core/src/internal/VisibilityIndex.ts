/**
 * An index over an indicator's (frozen) list of period values that lets an as-of view skip the
 * parts of the list a cut cannot change: the longest prefix whose every version and approval is
 * visible, and the suffix where no version is visible. Prefix maxima and suffix minima of
 * position, recorded time and valid time are monotone, so both bounds are binary searches.
 *
 * Published state never changes (it is deeply frozen), so an index is computed once per list
 * and cached by identity; a list that is not frozen is never indexed.
 *
 * @module internal/VisibilityIndex
 */
import type { ChunkList } from '../ChunkList'
import type { PeriodValue, Stamp } from '../State'

/** Prefix maxima (over versions and approvals) and suffix minima (over versions) of a list. */
interface Index {
  readonly maxPosition: Float64Array
  readonly maxRecorded: ReadonlyArray<string>
  readonly maxValid: ReadonlyArray<string>
  readonly minPosition: Float64Array
  readonly minRecorded: ReadonlyArray<string>
  readonly minValid: ReadonlyArray<string>
}

/** A bitemporal cut with every part present (`undefined` parts do not filter). */
export interface Bounds {
  readonly position: number | undefined
  readonly recordedTime: string | undefined
  readonly validTime: string | undefined
}

const cache = new WeakMap<ChunkList<PeriodValue>, Index>()

function build(values: ReadonlyArray<PeriodValue>): Index {
  const n = values.length
  const maxPosition = new Float64Array(n)
  const maxRecorded = new Array<string>(n)
  const maxValid = new Array<string>(n)
  let p = -Infinity
  let r = ''
  let v = ''
  const widen = (s: Stamp): void => {
    if (s.position > p) p = s.position
    if (s.recordedTime > r) r = s.recordedTime
    if (s.validTime > v) v = s.validTime
  }
  for (let i = 0; i < n; i++) {
    const pv = values[i] as PeriodValue
    for (let j = 0; j < pv.versions.length; j++) widen(pv.versions[j] as Stamp)
    for (let j = 0; j < pv.approvals.length; j++) widen(pv.approvals[j] as Stamp)
    maxPosition[i] = p
    maxRecorded[i] = r
    maxValid[i] = v
  }
  const minPosition = new Float64Array(n)
  const minRecorded = new Array<string>(n)
  const minValid = new Array<string>(n)
  p = Infinity
  r = '\uffff'
  v = '\uffff'
  for (let i = n - 1; i >= 0; i--) {
    const versions = (values[i] as PeriodValue).versions
    for (let j = 0; j < versions.length; j++) {
      const s = versions[j] as Stamp
      if (s.position < p) p = s.position
      if (s.recordedTime < r) r = s.recordedTime
      if (s.validTime < v) v = s.validTime
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

/** The first index whose (non-decreasing) string exceeds `x`, or the length. */
function firstStringAbove(xs: ReadonlyArray<string>, x: string): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((xs[mid] as string) > x) hi = mid
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
  values: ChunkList<PeriodValue>,
  cut: Bounds,
): readonly [number, number] | undefined {
  if (!Object.isFrozen(values)) return undefined
  let ix = cache.get(values)
  if (ix === undefined) {
    ix = build(values.toArray())
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
    k = Math.min(k, firstStringAbove(ix.maxRecorded, r))
    j = Math.min(j, firstStringAbove(ix.minRecorded, r))
  }
  if (v !== undefined) {
    k = Math.min(k, firstStringAbove(ix.maxValid, v))
    j = Math.min(j, firstStringAbove(ix.minValid, v))
  }
  return [k, Math.max(k, j)]
}
