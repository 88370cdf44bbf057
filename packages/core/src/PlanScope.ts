/**
 * A ledger state loaded for some plans only (see `loadLedger`'s `plans`): the indicators, tasks
 * and projects defined in them alone, and everything that belongs to no single plan (every plan
 * itself — plans are small, and a state loaded for none of them still lists them all —
 * departments, projects of no plan, entities whose definitions name several plans, the audit
 * list). Events after the checkpoint it was restored from are replayed onto it only when they are
 * about something it holds, or about something new to the ledger that is not defined in another
 * plan; events about entities of other plans are skipped. The one case a scope cannot follow —
 * an entity of another plan redefined into a scoped one — is reported, and the caller loads the
 * whole ledger instead.
 *
 * What such a state answers about its plans is what the whole state answers: the same entities,
 * the same versions, and the same plans (all of them). Only the `unattached` list can differ, by
 * the entries the skipped events would have made after the checkpoint.
 *
 * @module PlanScope
 */
import type { LedgerEvent } from './Catalog'
import type { LedgerState } from './State'
import { definedInPlan, type EntityKind, eventSubject } from './Subject'

/** What to do with an event replayed onto a scoped state. */
export type ScopeDecision = 'apply' | 'skip' | 'unscoped'

/** Where each entity of a part lives: the plan that owns it, by kind and id. */
export interface PartOwners {
  readonly plan: string
  readonly indicators: ReadonlyArray<string>
  readonly tasks: ReadonlyArray<string>
  readonly projects: ReadonlyArray<string>
}

/**
 * The scope of a state loaded for some plans: which of the events after its checkpoint it takes.
 *
 * @example
 * import { PlanScope, emptyLedger } from '@progress-ledger/core'
 * const scope = new PlanScope(['sz'], [{ plan: 'hz', indicators: ['H01'], tasks: [], projects: [] }], emptyLedger())
 * scope.admit({ type: 'ValueApproved', data: { indicatorId: 'H01', period: '2022' } }) // 'skip'
 * scope.admit({ type: 'ValueApproved', data: { indicatorId: 'S01', period: '2022' } }) // 'apply'
 * scope.checkpointed // ['hz']
 */
export class PlanScope {
  /** The plans whose entities the state holds (it holds every plan itself). */
  readonly plans: ReadonlyArray<string>
  /**
   * The plans the checkpoint has a part for, in the scope or not: every plan adopted up to the
   * checkpoint (plans adopted after it are not known to a scope that does not hold them).
   */
  readonly checkpointed: ReadonlyArray<string>
  readonly #scope: ReadonlySet<string>
  /** Entities of other plans (the other parts' entities, and those defined since), by owner. */
  readonly #outside = new Map<string, string>()
  /** Entities the state holds or took since. */
  readonly #inside = new Set<string>()

  /**
   * @param plans the plans loaded
   * @param owners every part of the checkpoint (the loaded ones and the others)
   * @param state the state restored for `plans`, before any event after the checkpoint
   */
  constructor(plans: ReadonlyArray<string>, owners: ReadonlyArray<PartOwners>, state: LedgerState) {
    this.plans = [...plans]
    this.checkpointed = owners.map((o) => o.plan)
    this.#scope = new Set(plans)
    for (const o of owners) {
      if (this.#scope.has(o.plan)) continue
      for (const id of o.indicators) this.#outside.set(key('indicators', id), o.plan)
      for (const id of o.tasks) this.#outside.set(key('tasks', id), o.plan)
      for (const id of o.projects) this.#outside.set(key('projects', id), o.plan)
    }
    for (const id of state.indicators.keys()) this.#inside.add(key('indicators', id))
    for (const id of state.tasks.keys()) this.#inside.add(key('tasks', id))
    for (const id of state.projects.keys()) this.#inside.add(key('projects', id))
  }

  /**
   * Where an entity the scoped state does not hold is: the plan outside the scope whose part (or
   * whose events since the checkpoint) define it, or `undefined` when no such plan does — the state
   * holds the entity, or the whole ledger does not define it either. Plans and departments are
   * always held. A command decided against a scoped state asks this of everything it looks up
   * that the state does not hold, to know whether the answer "not there" is the whole ledger's.
   *
   * @example
   * import { PlanScope, emptyLedger } from '@progress-ledger/core'
   * const scope = new PlanScope(['sz'], [{ plan: 'hz', indicators: ['H01'], tasks: [], projects: [] }], emptyLedger())
   * scope.elsewhere('indicators', 'H01') // 'hz'
   * scope.elsewhere('indicators', 'S99') // undefined
   * scope.elsewhere('plans', 'hz') // undefined
   */
  elsewhere(kind: EntityKind, id: string): string | undefined {
    if (kind === 'plans' || kind === 'departments') return undefined
    return this.#outside.get(key(kind, id))
  }

  /**
   * Whether an event after the checkpoint is replayed onto the scoped state (`apply`), left out
   * (`skip`: it is about another plan's entity), or cannot be followed (`unscoped`: it moves an
   * entity of another plan into a scoped one; load the whole ledger).
   */
  admit(e: LedgerEvent): ScopeDecision {
    const subject = eventSubject(e)
    if (subject === null || subject.kind === 'departments' || subject.kind === 'plans')
      return 'apply'
    const k = key(subject.kind, subject.id)
    const plan = definedInPlan(e)
    if (this.#outside.has(k)) {
      // Defined anew in a scoped plan, or in none (a project), it would join the state.
      if (plan === null || (plan !== undefined && this.#scope.has(plan))) return 'unscoped'
      if (plan !== undefined) this.#outside.set(k, plan)
      return 'skip'
    }
    if (plan !== undefined && plan !== null && !this.#scope.has(plan) && !this.#inside.has(k)) {
      this.#outside.set(k, plan)
      return 'skip'
    }
    // A definition in a scoped plan (or in none) makes the entity the state's; an event about an
    // entity nobody defined is applied as the whole ledger applies it (as unattached).
    if (plan !== undefined) this.#inside.add(k)
    return 'apply'
  }
}

function key(kind: EntityKind, id: string): string {
  return `${kind}\u0000${id}`
}
