// Deciding against a state loaded for some plans (core's PlanScope). The deciders see the state
// through a guard: a lookup of an entity the state does not hold is trusted only when no plan
// outside the scope holds it either (then the whole ledger would not find it); one that another
// plan holds stops the decision with OutOfScope naming that plan, and anything a scoped state
// cannot answer as the whole ledger would — listing the indicators, tasks or projects, counting
// them, the audit and unattached lists — stops it naming no plan (the whole ledger is needed).
// Plans and departments a scoped state holds as the whole ledger does.
import type { EntityKind, LedgerState, PlanScope } from '@progress-ledger/core'

/** A decision needs more of the ledger than the scoped state holds. */
export class OutOfScope extends Error {
  override readonly name = 'OutOfScope'
  /**
   * @param plan the plan to load as well; `null`: the whole ledger
   * @param what what the decision asked for
   */
  constructor(
    readonly plan: string | null,
    readonly what: string,
  ) {
    super(`${what}: needs ${plan === null ? 'the whole ledger' : `plan ${plan}`} as well`)
  }
}

/** The state's fields a scoped state holds as the whole ledger does. */
const SHARED: ReadonlySet<PropertyKey> = new Set(['plans', 'departments', 'position', 'head'])

type GuardedKind = 'indicators' | 'tasks' | 'projects'
const GUARDED: ReadonlyArray<GuardedKind> = ['indicators', 'tasks', 'projects']

interface Lookup {
  readonly get: (id: string) => unknown
}

function guardMap<M extends Lookup>(map: M, kind: EntityKind, scope: PlanScope): M {
  const lookup = (id: string): unknown => {
    const found = map.get(id)
    if (found === undefined) {
      const plan = scope.elsewhere(kind, id)
      if (plan !== undefined) throw new OutOfScope(plan, `${kind} ${JSON.stringify(id)}`)
    }
    return found
  }
  const has = (id: string): boolean => lookup(id) !== undefined
  return new Proxy(map, {
    get(_, prop) {
      if (prop === 'get') return lookup
      if (prop === 'has') return has
      throw new OutOfScope(null, `${kind}.${String(prop)}`)
    },
  })
}

/**
 * The state as the deciders may see it when it was loaded for some plans only (see the module
 * note); a whole state is returned as it is.
 */
export function guardScope(state: LedgerState, scope: PlanScope | null): LedgerState {
  if (scope === null) return state
  const maps = new Map<PropertyKey, unknown>(
    GUARDED.map((kind) => [kind, guardMap(state[kind], kind, scope)]),
  )
  return new Proxy(state, {
    get(target, prop) {
      const map = maps.get(prop)
      if (map !== undefined) return map
      if (SHARED.has(prop)) return target[prop as keyof LedgerState]
      throw new OutOfScope(null, `state.${String(prop)}`)
    },
  })
}
