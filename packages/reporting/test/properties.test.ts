// Laws of the methods: monotonicity in the value, "achieved" exactly when the comparison holds,
// and explanations that carry enough to re-derive the status by hand.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  defaultThresholds as th,
  type Explanation,
  gradeRank,
  meets,
  type MethodName,
  type NumericCase,
  pacedCase,
  type Point,
  type StatusCode,
  statusMethods,
  type ThresholdName,
} from '../src/index'

// The registry the evaluation dispatches through; a new method is tested here without edits.
const methods = Object.entries(statusMethods).map(
  ([name, evaluate]) => [name, (c: NumericCase) => evaluate(c, th)] as const,
)

const value = fc
  .double({ min: -50, max: 200, noNaN: true, noDefaultInfinity: true })
  .map((x) => Math.round(x * 100) / 100)
const arbCase = fc
  .record({
    y0: value,
    yT: value,
    yt: value,
    t: fc.integer({ min: 2020, max: 2027 }),
    d: fc.constantFrom<1 | -1>(1, -1),
    op: fc.constantFrom('inclusive', 'strict'),
  })
  .map(({ y0, yT, yt, t, d, op }): NumericCase => ({
    base: { time: 2020, value: y0, period: '2020', eventId: 'b' },
    latest: { time: t, value: yt, period: String(t), eventId: 'v' },
    history: [
      { time: 2020, value: y0, period: '2020', eventId: 'b' },
      { time: t, value: yt, period: String(t), eventId: 'v' },
    ],
    target: {
      value: yT,
      op: d === 1 ? (op === 'strict' ? 'gt' : 'ge') : op === 'strict' ? 'lt' : 'le',
      time: 2025,
      period: '2025',
      eventId: 't',
      tolerance: 0,
    },
    direction: d,
    now: t,
  }))

describe.each(methods)('%s', (_name, run) => {
  it('achieved exactly when the comparison holds', () => {
    fc.assert(
      fc.property(
        arbCase,
        (c) => (run(c).status === 'achieved') === meets(c.latest.value, c.target),
      ),
      { numRuns: 1000 },
    )
  })
  it("a directional target's status never worsens when the value improves", () => {
    fc.assert(
      fc.property(arbCase, fc.double({ min: 0, max: 50, noNaN: true }), (c, delta) => {
        const better = {
          ...c,
          latest: { ...c.latest, value: c.latest.value + c.direction * delta },
        }
        better.history = [c.base, better.latest]
        const a = gradeRank(run(c).status)
        const b = gradeRank(run(better).status)
        return a === undefined || b === undefined || b <= a
      }),
      { numRuns: 1000 },
    )
  })
})

/** What an oracle reads from an explanation: its inputs and thresholds, nothing else. */
interface Read {
  readonly y0: number
  readonly yt: number
  readonly yT: number
  readonly t0: number
  readonly t: number
  readonly T: number
  readonly d: number
  readonly thr: (n: ThresholdName) => number
}

const cagr = (a: number, b: number, n: number): number => Math.pow(b / a, 1 / n) - 1

/**
 * Independent re-derivations of each method's status from an explanation's inputs and
 * thresholds alone (written from docs/status-methods.md, not from the library). `null` marks a
 * method without an oracle; the type makes every method decide.
 */
const oracles: Readonly<Record<MethodName, ((r: Read) => StatusCode) | null>> = {
  'growth-ratio': ({ y0, yt, yT, t0, t, T, thr }) => {
    const cr = cagr(y0, yt, t - t0) / cagr(y0, yT, T - t0)
    return cr >= thr('on-track-cr')
      ? 'on-track'
      : cr >= thr('fair-cr')
        ? 'needs-acceleration'
        : 'off-track'
  },
  'expected-value': ({ y0, yt, yT, t0, t, T, thr }) => {
    const P = (yt * Math.pow(1 + cagr(y0, yt, t - t0), T - t) - y0) / (yT - y0)
    return P >= thr('on-track-p')
      ? 'on-track'
      : P >= thr('acceleration-p')
        ? 'needs-acceleration'
        : 'off-track'
  },
  statcan: ({ y0, yt, yT, t0, t, T, d, thr }) => {
    // The method's documented guard: a zero base or target counts as 0.001.
    const b = y0 === 0 ? 0.001 : y0
    const g = yT === 0 ? 0.001 : yT
    const v = ((b < 0 ? -1 : 1) * d * cagr(b, yt, t - t0)) / Math.abs(cagr(b, g, T - t0))
    return v >= thr('substantial-v')
      ? 'on-track'
      : v >= thr('moderate-v')
        ? 'needs-acceleration'
        : 'off-track'
  },
  'time-proportional': ({ y0, yt, yT, t0, t, T, thr }) => {
    const tau = Math.min(1, Math.max(0, (t - t0) / (T - t0)))
    const p = (yt - y0) / (yT - y0)
    if ((p - tau) * 100 >= thr('ahead-pp')) return 'on-track'
    const s = (tau - p) * 100
    return s < thr('yellow-pp')
      ? 'on-track'
      : s <= thr('red-pp')
        ? 'needs-acceleration'
        : 'off-track'
  },
  linear: ({ y0, yt, yT, t0, t, T, thr }) => {
    // The window covers the whole history of these cases, so the slope runs from the baseline.
    const P = (yt + ((yt - y0) / (t - t0)) * (T - t) - y0) / (yT - y0)
    return P >= thr('on-track-p')
      ? 'on-track'
      : P >= thr('acceleration-p')
        ? 'needs-acceleration'
        : 'off-track'
  },
}

function read(e: Explanation): Read {
  const input = (n: string): number => e.inputs.find((i) => i.name === n)?.value ?? Number.NaN
  return {
    y0: input('y0'),
    yt: input('yt'),
    yT: input('yT'),
    t0: input('t0'),
    t: input('t'),
    T: input('T'),
    d: input('d'),
    thr: (n) => e.thresholds.find((x) => x.name === n)?.value ?? Number.NaN,
  }
}

describe('explanations reproduce the status', () => {
  it.each(methods)('%s', (name, run) => {
    const oracle = oracles[name as MethodName]
    expect(oracle).not.toBeNull()
    fc.assert(
      fc.property(arbCase, (c) => {
        const e = run(c)
        if (e.method !== name || e.thresholds.length === 0) return true // preliminary outcomes and linear fallbacks
        expect(oracle?.(read(e))).toBe(e.status)
        expect(e.eventIds).toEqual(['b', 't', 'v'])
        return true
      }),
      { numRuns: 1000 },
    )
  })
})

describe('a forecast is paced between measured values', () => {
  const point = (time: number, value: number, id: string): Point => ({
    time,
    value,
    period: String(time),
    eventId: id,
  })
  // Reported values in distinct years 2020–2027, an interim target due in 2022 that starts the
  // way, a latest value after it, and maybe a baseline.
  const arb = fc.record({
    years: fc.uniqueArray(fc.integer({ min: 2020, max: 2027 }), { minLength: 1, maxLength: 8 }),
    values: fc.array(value, { minLength: 8, maxLength: 8 }),
    baseline: fc.option(fc.integer({ min: 2015, max: 2024 }), { nil: undefined }),
  })

  it('a way from the interim target is paced from a reported value or the baseline, never the target', () => {
    fc.assert(
      fc.property(arb, ({ years, values, baseline }) => {
        const reported = [...years]
          .sort((a, b) => a - b)
          .map((y, i) => point(y, values[i] as number, `v${y}`))
        const latest = reported[reported.length - 1] as (typeof reported)[number]
        fc.pre(latest.time > 2022)
        const base = point(2022, 11, 'target-2022')
        const c: NumericCase = {
          base,
          latest,
          history: [base, ...reported.filter((p) => p.time > 2022)],
          target: { value: 14, op: 'ge', time: 2025, period: '2025', eventId: 't', tolerance: 0 },
          direction: 1,
          now: latest.time,
        }
        const b = baseline === undefined ? undefined : point(baseline, 9.8, 'baseline')
        const paced = pacedCase(c, { fromTarget: true, reported, baseline: b })
        const measured = [...reported, ...(b === undefined ? [] : [b])]
        const usable = measured.filter((p) => p.time < latest.time)
        if (usable.length === 0) return paced === undefined
        // Whenever a measured value before the latest exists, there is a pace, and it starts
        // from one of them: the latest at or before the target's year if any.
        if (paced === undefined) return false
        const atOrBefore = usable.filter((p) => p.time <= 2022)
        const expected =
          reported.filter((p) => p.time <= 2022).pop() ??
          (b !== undefined && b.time <= 2022 ? b : undefined) ??
          [...usable].sort((x, y) => x.time - y.time)[0]
        return (
          paced.base !== base &&
          measured.includes(paced.base) &&
          paced.base === expected &&
          (atOrBefore.length === 0 || paced.base.time <= 2022) &&
          paced.history.every((p) => p !== base && measured.includes(p)) &&
          paced.latest === latest
        )
      }),
    )
  })

  it('a way from a measured value is forecast as it is', () => {
    fc.assert(
      fc.property(value, value, (y0, yt) => {
        const c: NumericCase = {
          base: point(2020, y0, 'b'),
          latest: point(2023, yt, 'v'),
          history: [],
          target: { value: 14, op: 'ge', time: 2025, period: '2025', eventId: 't', tolerance: 0 },
          direction: 1,
          now: 2023,
        }
        return pacedCase(c, { fromTarget: false, reported: [] }) === c
      }),
    )
  })
})
