/**
 * How people name an indicator on the command line: by its id (`I06`, any case) or by its number
 * as printed in the plan (`6`, `14.1`).
 *
 * @module IndicatorRef
 */
import { currentDefinition, type LedgerState } from '@progress-ledger/core'
import { Refusal } from './Failure'

/** Something with an id and, perhaps, a number as printed in the plan. */
export interface Numbered {
  readonly id: string
  readonly number: string | null
}

/** The outcome of {@link resolveRef}. */
export type RefResolution =
  | { readonly _tag: 'Found'; readonly id: string }
  | { readonly _tag: 'NotFound'; readonly ref: string }
  | { readonly _tag: 'Ambiguous'; readonly ref: string; readonly ids: ReadonlyArray<string> }

/** A printed number without leading zeros: `06` → `6`, `014.1` → `14.1`. */
function normalNumber(s: string): string {
  return s.trim().replace(/^0+(?=\d)/, '')
}

/**
 * Finds the item a user means: the id exactly, else the id in any case, else the printed number.
 *
 * @example
 * import { resolveRef } from '@progress-ledger/cli'
 * const items = [{ id: 'I06', number: '6' }, { id: 'I14a', number: '14.1' }]
 * resolveRef('i06', items) // { _tag: 'Found', id: 'I06' }
 * resolveRef('14.1', items) // { _tag: 'Found', id: 'I14a' }
 * resolveRef('06', items) // { _tag: 'Found', id: 'I06' }
 * resolveRef('7', items) // { _tag: 'NotFound', ref: '7' }
 */
export function resolveRef(ref: string, items: ReadonlyArray<Numbered>): RefResolution {
  const exact = items.find((i) => i.id === ref)
  if (exact !== undefined) return { _tag: 'Found', id: exact.id }
  const lower = ref.trim().toLowerCase()
  const byCase = items.filter((i) => i.id.toLowerCase() === lower)
  if (byCase.length === 1) return { _tag: 'Found', id: (byCase[0] as Numbered).id }
  if (byCase.length > 1) return { _tag: 'Ambiguous', ref, ids: byCase.map((i) => i.id) }
  const wanted = normalNumber(ref)
  const byNumber = items.filter((i) => i.number !== null && normalNumber(i.number) === wanted)
  if (byNumber.length === 1) return { _tag: 'Found', id: (byNumber[0] as Numbered).id }
  if (byNumber.length > 1) return { _tag: 'Ambiguous', ref, ids: byNumber.map((i) => i.id) }
  return { _tag: 'NotFound', ref }
}

/** An indicator as {@link resolveRef} sees it, with the plan it is defined in. */
export interface PlannedIndicator extends Numbered {
  readonly plan: string
}

/** The indicators of `state` (of one plan, when `plan` is given) as {@link resolveRef} takes them. */
export function indicatorsOf(state: LedgerState, plan?: string): PlannedIndicator[] {
  const out: PlannedIndicator[] = []
  state.indicators.each((ind) => {
    const d = currentDefinition(ind)
    if (plan === undefined || d.planId === plan)
      out.push({ id: ind.indicatorId, number: d.number ?? null, plan: d.planId })
  })
  return out
}

const byId = new Intl.Collator('en', { numeric: true })

/**
 * The refusal of a reference several indicators answer to: the first five, how many in all, and,
 * when they are in several plans, how many plans (with a hint at `--plan`).
 *
 * @example
 * import { ambiguousRef } from '@progress-ledger/cli'
 * const candidates = [{ id: 'c10-I01', number: '1', plan: 'c10' }, { id: 'c2-I01', number: '1', plan: 'c2' }]
 * ambiguousRef('1', ['c10-I01', 'c2-I01'], candidates).message // 'indicator "1": could be c2-I01 or c10-I01, in 2 plans'
 */
export function ambiguousRef(
  ref: string,
  ids: ReadonlyArray<string>,
  candidates: ReadonlyArray<PlannedIndicator>,
): Refusal {
  const plans = new Set(ids.map((id) => candidates.find((c) => c.id === id)?.plan))
  // In id order (numbers by value: c2 before c10), not the order the state happens to hold them.
  const sorted = [...ids].sort(byId.compare)
  return new Refusal(
    `indicator ${JSON.stringify(ref)}: could be ${sorted.slice(0, 5).join(' or ')}${ids.length > 5 ? ` (${ids.length} in all)` : ''}${plans.size > 1 ? `, in ${plans.size} plans` : ''}`,
    plans.size > 1 ? 'give the id, or the plan with --plan ID' : 'give the id',
  )
}
