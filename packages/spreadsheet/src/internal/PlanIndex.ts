// The indicators of one plan, found by the number printed in the plan (`6`, `14.1`) or by id.
import {
  currentDefinition,
  type IndicatorDefinition,
  type IndicatorState,
  type LedgerState,
  type PlanState,
} from '@progress-ledger/core'

export interface PlanIndex {
  readonly plan: PlanState
  /** The plan's indicators in the order of their printed numbers. */
  readonly indicators: ReadonlyArray<IndicatorState>
  readonly find: (key: string) => IndicatorState | undefined
  readonly definition: (id: string) => IndicatorDefinition
}

export type PlanLookup =
  | { readonly _tag: 'Found'; readonly plan: PlanState }
  | { readonly _tag: 'NotFound'; readonly expected: string; readonly got: string }

/** The plan named, or the only plan of the ledger. */
export function findPlan(state: LedgerState, planId: string | undefined): PlanLookup {
  if (planId !== undefined) {
    const plan = state.plans.get(planId)
    if (plan !== undefined) return { _tag: 'Found', plan }
    const ids = state.plans.toArray().map((p) => p.planId)
    return {
      _tag: 'NotFound',
      expected: `an adopted plan${ids.length === 0 ? ' (the ledger has none)' : ` (${someOf(ids)})`}`,
      got: JSON.stringify(planId),
    }
  }
  const plans = state.plans.toArray()
  const only = plans[0]
  if (plans.length === 1 && only !== undefined) return { _tag: 'Found', plan: only }
  return plans.length === 0
    ? { _tag: 'NotFound', expected: 'a ledger with an adopted plan', got: 'none adopted' }
    : {
        _tag: 'NotFound',
        expected: `a plan id (the ledger holds ${someOf(plans.map((p) => p.planId))})`,
        got: 'nothing',
      }
}

/** Plan ids named in a message: all of a few, else the first ten and how many there are. */
function someOf(ids: ReadonlyArray<string>): string {
  return ids.length <= 10
    ? ids.join(', ')
    : `${ids.slice(0, 10).join(', ')}, … (${ids.length} plans)`
}

/** Compares printed numbers part by part: 2 < 10 < 14 < 14.1 < 15; numbers before ids. */
export function comparePrinted(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1
  const pa = a.split('.')
  const pb = b.split('.')
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i]
    const y = pb[i]
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1
    const nx = Number(x)
    const ny = Number(y)
    if (Number.isFinite(nx) && Number.isFinite(ny) && nx !== ny) return nx - ny
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
}

export function planIndex(state: LedgerState, plan: PlanState): PlanIndex {
  const indicators = state.indicators
    .toArray()
    .filter((i) => i.definitions.length > 0 && currentDefinition(i).planId === plan.planId)
    .sort(
      (a, b) =>
        comparePrinted(currentDefinition(a).number, currentDefinition(b).number) ||
        (a.indicatorId < b.indicatorId ? -1 : a.indicatorId > b.indicatorId ? 1 : 0),
    )
  const byNumber = new Map<string, IndicatorState>()
  const byId = new Map<string, IndicatorState>()
  const byLowerId = new Map<string, IndicatorState | null>()
  for (const ind of indicators) {
    const n = currentDefinition(ind).number
    if (n !== undefined && !byNumber.has(n)) byNumber.set(n, ind)
    byId.set(ind.indicatorId, ind)
    const lower = ind.indicatorId.toLowerCase()
    byLowerId.set(lower, byLowerId.has(lower) ? null : ind)
  }
  return {
    plan,
    indicators,
    find: (key) =>
      byNumber.get(key) ?? byId.get(key) ?? byLowerId.get(key.toLowerCase()) ?? undefined,
    definition: (id) => {
      const ind = byId.get(id)
      if (ind === undefined) throw new Error(`indicator ${id} is not in plan ${plan.planId}`)
      return currentDefinition(ind)
    },
  }
}
