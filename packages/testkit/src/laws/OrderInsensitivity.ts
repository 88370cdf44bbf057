/**
 * The order-insensitivity law, where the domain declares it: values for distinct periods may
 * arrive in any order (late statistics for an earlier year, a quarter before its year) and the
 * ledger converges to the same per-period values and the same latest value. Within one period
 * order matters (a correction follows what it corrects), so each period's own chain keeps its
 * order while the chains interleave arbitrarily.
 *
 * @module laws/OrderInsensitivity
 */
import * as fc from 'fast-check'
import {
  currentValues,
  type EventInput,
  type IndicatorState,
  type LedgerState,
  type IsoDate,
  latestValue,
  ledgerProjection,
  type PeriodKey,
  periodEnd,
  replay,
} from '@progress-ledger/core'
import { finiteNumber, periodKeyArb } from '../arbitraries/Scalars'
import { assertEqual } from '../internal/Equality'
import { recorded } from '../Recorded'
import { type LawOptions, lawParameters } from './LawOptions'

const indicator: EventInput = {
  id: 'defined',
  type: 'IndicatorDefined',
  validTime: '2021-08-10' as IsoDate,
  actor: 'office',
  data: {
    planId: 'P',
    indicatorId: 'I',
    name: { zh: '指标' },
    unit: '%',
    categoryId: 'C',
    attribute: 'evaluation',
    selfSelected: false,
    departments: ['D'],
    direction: 'higher',
    periodicity: 'year',
  },
}

/** One period's chain: a report, then corrections, maybe a retraction at the end. */
function chainArb(period: PeriodKey, n: number): fc.Arbitrary<ReadonlyArray<EventInput>> {
  return fc
    .tuple(fc.array(finiteNumber(true), { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([values, retract]) => {
      const validTime = periodEnd(period)
      const ids = values.map((_, i) => `p${n}-${i}`)
      const chain: EventInput[] = values.map((value, i): EventInput =>
        i === 0
          ? {
              id: ids[0] as string,
              type: 'ValueReported',
              validTime,
              actor: 'D',
              data: { indicatorId: 'I', period, value, status: 'preliminary' },
            }
          : {
              id: ids[i] as string,
              type: 'ValueCorrected',
              validTime,
              actor: 'S',
              data: {
                indicatorId: 'I',
                period,
                value,
                status: 'final',
                corrects: ids[i - 1] as string,
                reason: 'revision',
              },
            },
      )
      if (retract)
        chain.push({
          id: `p${n}-x`,
          type: 'ValueRetracted',
          validTime,
          actor: 'D',
          data: {
            indicatorId: 'I',
            period,
            retracts: ids[ids.length - 1] as string,
            reason: 'withdrawn',
          },
        })
      return chain
    })
}

/** Interleaves chains, keeping each chain's order, by a list of picks. */
function interleave(
  chains: ReadonlyArray<ReadonlyArray<EventInput>>,
  picks: ReadonlyArray<number>,
): EventInput[] {
  const next = chains.map(() => 0)
  const out: EventInput[] = []
  let k = 0
  for (;;) {
    const open = chains
      .map((_, i) => i)
      .filter((i) => (next[i] as number) < (chains[i] as ReadonlyArray<EventInput>).length)
    if (open.length === 0) return out
    const i = open[(picks[k++ % Math.max(1, picks.length)] ?? 0) % open.length] as number
    out.push((chains[i] as ReadonlyArray<EventInput>)[next[i] as number] as EventInput)
    next[i] = (next[i] as number) + 1
  }
}

function summary(state: ReturnType<typeof replay<unknown>>): unknown {
  const ind = (state as LedgerState).indicators.get('I') as IndicatorState
  return {
    periods: ind.values.map((pv) => pv.period),
    current: currentValues(ind).map((v) => [v.period, v.value, v.revisions]),
    latest: latestValue(ind)?.value ?? null,
  }
}

/**
 * For any set of distinct periods (of mixed kinds) with their report/correction/retraction
 * chains, any two interleavings give the same periods (in period order), the same values in
 * force with their revision counts, and the same latest value.
 *
 * @example
 * import { orderInsensitivityLaw } from '@progress-ledger/testkit'
 * // Returns nothing when the law holds; throws with the seed and a counterexample when not.
 * orderInsensitivityLaw({ numRuns: 10 }) // undefined
 */
export function orderInsensitivityLaw(options: LawOptions = {}): void {
  const chains = fc
    .uniqueArray(periodKeyArb(undefined, 2020, 2025), { minLength: 1, maxLength: 8 })
    .chain((periods) => fc.tuple(...periods.map((p, n) => chainArb(p, n))))
  const picks = fc.array(fc.nat(), { minLength: 1, maxLength: 40 })
  fc.assert(
    fc.property(chains, picks, picks, (cs, a, b) => {
      const one = replay(ledgerProjection, recorded([indicator, ...interleave(cs, a)]))
      const two = replay(ledgerProjection, recorded([indicator, ...interleave(cs, b)]))
      assertEqual(summary(two), summary(one), 'indicators.I')
    }),
    lawParameters(options),
  )
}
