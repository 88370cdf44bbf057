/**
 * Bitemporal views: the ledger as of valid time V ("the world as of V") as known at recorded
 * time R ("what we knew at R"), either or both. Because the state keeps every version with its
 * stamp, a view is a filter over the state; no replay is needed. Unchanged parts are shared. The
 * filter is derived from the state's declared shape (`ledgerShape`).
 *
 * @module AsOf
 */
import { compileView, type Viewer } from './internal/ShapeView'
import { isInstant, isIsoDate } from './Scalars'
import { type LedgerState, ledgerShape, type Stamp } from './State'

/** A bitemporal cut. Omitted parts do not filter. */
export interface Cut {
  /** Only facts that apply on or before this day, `YYYY-MM-DD` (the world as of V). */
  readonly validTime?: string
  /** Only facts recorded at or before this instant, `YYYY-MM-DDTHH:mm:ss.sssZ` (as known at R). */
  readonly recordedTime?: string
  /** Only events at or before this global position (an alternative to `recordedTime`). */
  readonly position?: number
}

type Visible = (s: Stamp) => boolean

function visibility(cut: Cut): Visible {
  if (cut.validTime !== undefined && !isIsoDate(cut.validTime))
    throw new Error(`validTime must be a date YYYY-MM-DD, got ${JSON.stringify(cut.validTime)}`)
  if (cut.recordedTime !== undefined && !isInstant(cut.recordedTime)) {
    throw new Error(
      `recordedTime must be an instant YYYY-MM-DDTHH:mm:ss.sssZ, got ${JSON.stringify(cut.recordedTime)}`,
    )
  }
  if (cut.position !== undefined && (!Number.isInteger(cut.position) || cut.position < 0))
    throw new Error(`position must be a whole number >= 0, got ${String(cut.position)}`)
  const v = cut.validTime
  const r = cut.recordedTime
  const p = cut.position
  // One comparison for a cut on one axis (the common case): this runs for every version viewed.
  if (p === undefined && v === undefined && r !== undefined) return (s) => s.recordedTime <= r
  if (p === undefined && r === undefined && v !== undefined) return (s) => s.validTime <= v
  if (r === undefined && v === undefined && p !== undefined) return (s) => s.position <= p
  return (s) =>
    (p === undefined || s.position <= p) &&
    (r === undefined || s.recordedTime <= r) &&
    (v === undefined || s.validTime <= v)
}

const viewLedger = compileView(ledgerShape) as Viewer

/**
 * The ledger as of a bitemporal cut. `asOf(state, {})` returns `state` itself.
 *
 * @example
 * import { asOf, emptyLedger } from '@progress-ledger/core'
 * const view = asOf(emptyLedger(), { validTime: '2021-12-31', recordedTime: '2022-03-01T00:00:00.000Z' })
 * view.indicators.size // 0
 */
export function asOf(state: LedgerState, cut: Cut): LedgerState {
  if (cut.validTime === undefined && cut.recordedTime === undefined && cut.position === undefined)
    return state
  const view = viewLedger(state, { visible: visibility(cut), bounds: cut }) as LedgerState
  const position =
    cut.position === undefined ? state.position : Math.min(cut.position, state.position)
  return view.position === position ? view : { ...view, position }
}
