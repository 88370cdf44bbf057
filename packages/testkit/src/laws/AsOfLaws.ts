/**
 * Laws of bitemporal views. Monotonicity: what was known at recorded time R1 is a sub-history
 * of what was known at R2 ≥ R1 (every list of versions at R1 is a prefix of its list at R2, so
 * counts never decrease); likewise along valid time. Position cuts: `asOf(state, { position: p })`
 * equals the replay of the first p events, entity by entity.
 *
 * @module laws/AsOfLaws
 */
import * as fc from 'fast-check'
import {
  asOf,
  type Cut,
  type LedgerState,
  ledgerProjection,
  replay,
  type Stamp,
} from '@progress-ledger/core'
import { recordedHistoryArb } from '../arbitraries/History'
import { instantArb, isoDateArb } from '../arbitraries/Scalars'
import { assertEqual } from '../internal/Equality'
import type { RecordedEvent } from '@progress-ledger/core'
import { type LawOptions, lawParameters } from './LawOptions'

/** Options of the as-of laws. */
export interface AsOfLawOptions extends LawOptions {
  /** Default: {@link recordedHistoryArb}. */
  readonly histories?: fc.Arbitrary<ReadonlyArray<RecordedEvent>>
}

/** Every versioned list of a ledger state, by a path naming it, as lists of event ids. */
function versionLists(s: LedgerState): Map<string, ReadonlyArray<string>> {
  const out = new Map<string, ReadonlyArray<string>>()
  const put = (path: string, items: ReadonlyArray<Stamp>): void => {
    out.set(
      path,
      items.map((i) => i.eventId),
    )
  }
  put('plans', s.plans.toArray())
  put('projects', s.projects.toArray())
  put('tasks', s.tasks.toArray())
  for (const [id, plan] of s.plans.entries())
    put(`plans.${id}.categories`, Object.values(plan.categories))
  put('departments', s.departments.toArray())
  for (const [id, ind] of s.indicators.entries()) {
    put(`indicators.${id}.definitions`, ind.definitions)
    put(`indicators.${id}.baselines`, ind.baselines)
    put(`indicators.${id}.responsibility`, ind.responsibility)
    for (const [tid, tg] of Object.entries(ind.targets))
      put(`indicators.${id}.targets.${tid}`, tg.history)
    for (const pv of ind.values) {
      put(`indicators.${id}.values.${pv.period}.versions`, pv.versions)
      put(`indicators.${id}.values.${pv.period}.approvals`, pv.approvals)
    }
  }
  for (const [id, p] of s.projects.entries()) {
    put(`projects.${id}.responsibility`, p.responsibility)
    for (const [mid, m] of Object.entries(p.milestones)) {
      put(`projects.${id}.milestones.${mid}.planned`, m.planned)
      put(`projects.${id}.milestones.${mid}.forecasts`, m.forecasts)
      put(`projects.${id}.milestones.${mid}.met`, m.met)
    }
  }
  for (const [id, task] of s.tasks.entries()) {
    put(`tasks.${id}.statuses`, task.statuses)
    put(`tasks.${id}.responsibility`, task.responsibility)
  }
  put('denied', s.denied)
  put('unattached', s.unattached)
  return out
}

/** Throws unless every list of `earlier` is a prefix (for recorded time) or a subsequence of the one in `later`. */
function assertSubHistory(
  earlier: LedgerState,
  later: LedgerState,
  what: string,
  prefix: boolean,
): void {
  const late = versionLists(later)
  for (const [path, ids] of versionLists(earlier)) {
    const bigger = late.get(path) ?? []
    let j = 0
    for (const id of ids) {
      while (j < bigger.length && bigger[j] !== id) {
        if (prefix) break
        j++
      }
      if (bigger[j] !== id)
        throw new Error(
          `${what}.${path}: expected a sub-history of ${JSON.stringify(bigger)}, got ${JSON.stringify(ids)}`,
        )
      j++
    }
  }
}

/**
 * For any history and recorded times R1 ≤ R2 (and valid times V1 ≤ V2): every list of versions
 * of the view at R1 is a prefix of the same list at R2 (a subsequence along valid time), and an
 * entity visible at R1 stays visible at R2.
 *
 * @example
 * import { asOfMonotonicityLaw } from '@progress-ledger/testkit'
 * // Returns nothing when the law holds; throws with the seed and a counterexample when not.
 * asOfMonotonicityLaw({ numRuns: 10 }) // undefined
 */
export function asOfMonotonicityLaw(options: AsOfLawOptions = {}): void {
  const histories = options.histories ?? recordedHistoryArb()
  const recordedTimes = (events: ReadonlyArray<RecordedEvent>) =>
    fc.oneof(instantArb(2021, 2026), fc.constantFrom(...events.map((e) => e.recordedTime)))
  const cuts = histories
    .filter((h) => h.length > 0)
    .chain((events) =>
      fc.tuple(
        fc.constant(events),
        recordedTimes(events),
        recordedTimes(events),
        isoDateArb(2016, 2030),
        isoDateArb(2016, 2030),
      ),
    )
  fc.assert(
    fc.property(cuts, ([events, ra, rb, va, vb]) => {
      const state = replay(ledgerProjection, events)
      const [r1, r2] = ra <= rb ? [ra, rb] : [rb, ra]
      const [v1, v2] = va <= vb ? [va, vb] : [vb, va]
      assertSubHistory(
        asOf(state, { recordedTime: r1 }),
        asOf(state, { recordedTime: r2 }),
        `asOf(R=${r1}) vs asOf(R=${r2})`,
        true,
      )
      assertSubHistory(asOf(state, { recordedTime: r2 }), state, `asOf(R=${r2}) vs state`, true)
      assertSubHistory(
        asOf(state, { validTime: v1 }),
        asOf(state, { validTime: v2 }),
        `asOf(V=${v1}) vs asOf(V=${v2})`,
        false,
      )
      const both1: Cut = { validTime: v1, recordedTime: r1 }
      const both2: Cut = { validTime: v2, recordedTime: r2 }
      assertSubHistory(
        asOf(state, both1),
        asOf(state, both2),
        `asOf(${v1}, ${r1}) vs asOf(${v2}, ${r2})`,
        false,
      )
    }),
    lawParameters(options),
  )
}

/**
 * For any history and position p: `asOf(replay(all), { position: p })` equals `replay(first p)`
 * for every plan, department, indicator, project and task, and for the refused and unattached
 * lists (only `head`, the hash of the full log, differs). Holds for histories that define each
 * plan, project and task once: their definitions keep only the latest version.
 *
 * @example
 * import { asOfPositionLaw } from '@progress-ledger/testkit'
 * // Returns nothing when the law holds; throws with the seed and a counterexample when not.
 * asOfPositionLaw({ numRuns: 10 }) // undefined
 */
export function asOfPositionLaw(options: AsOfLawOptions = {}): void {
  const histories = options.histories ?? recordedHistoryArb()
  fc.assert(
    fc.property(histories, fc.nat(), (events, cut) => {
      const p = cut % (events.length + 1)
      const view = asOf(replay(ledgerProjection, events), { position: p })
      const prefix = replay(ledgerProjection, events.slice(0, p))
      assertEqual({ ...view, head: '' }, { ...prefix, head: '' }, `asOf(position ${p})`)
    }),
    lawParameters(options),
  )
}
