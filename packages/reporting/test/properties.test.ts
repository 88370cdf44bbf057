// Laws of the methods: monotonicity in the value, "achieved" exactly when the comparison holds,
// and explanations that carry enough to re-derive the status by hand.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  defaultThresholds as th,
  expectedValue,
  gradeRank,
  growthRatio,
  linear,
  meets,
  type NumericCase,
  statCan,
  timeProportional,
  type Explanation,
} from '../src/index'

const methods: Record<string, (c: NumericCase) => Explanation> = {
  'time-proportional': (c) => timeProportional(c, th.timeProportional),
  'growth-ratio': (c) => growthRatio(c, th),
  statcan: (c) => statCan(c, th),
  'expected-value': (c) => expectedValue(c, th),
  linear: (c) => linear(c, th.expectedValue, th.linearWindow),
}

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

describe.each(Object.entries(methods))('%s', (_name, run) => {
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

/** Re-derives the status from an explanation's inputs and thresholds alone, independently of the library. */
function rederive(e: Explanation): string | undefined {
  const input = (n: string): number => e.inputs.find((i) => i.name === n)?.value ?? Number.NaN
  const thr = (n: string): number => e.thresholds.find((x) => x.name === n)?.value ?? Number.NaN
  const [y0, yt, yT, t0, t, T, d] = ['y0', 'yt', 'yT', 't0', 't', 'T', 'd'].map(
    input,
  ) as number[] as [number, number, number, number, number, number, number]
  const cagr = (a: number, b: number, n: number): number => Math.pow(b / a, 1 / n) - 1
  switch (e.method) {
    case 'growth-ratio': {
      const cr = cagr(y0, yt, t - t0) / cagr(y0, yT, T - t0)
      return cr >= thr('on track (CR)')
        ? 'on-track'
        : cr >= thr('fair (CR)')
          ? 'needs-acceleration'
          : 'off-track'
    }
    case 'expected-value': {
      const P = (yt * Math.pow(1 + cagr(y0, yt, t - t0), T - t) - y0) / (yT - y0)
      return P >= thr('on track (P)')
        ? 'on-track'
        : P >= thr('acceleration needed (P)')
          ? 'needs-acceleration'
          : 'off-track'
    }
    case 'statcan': {
      // The method's documented guard: a zero base or target counts as 0.001.
      const b = y0 === 0 ? 0.001 : y0
      const g = yT === 0 ? 0.001 : yT
      const v = ((b < 0 ? -1 : 1) * d * cagr(b, yt, t - t0)) / Math.abs(cagr(b, g, T - t0))
      return v >= thr('substantial (v)')
        ? 'on-track'
        : v >= thr('moderate (v)')
          ? 'needs-acceleration'
          : 'off-track'
    }
    case 'time-proportional': {
      const tau = Math.min(1, Math.max(0, (t - t0) / (T - t0)))
      const p = (yt - y0) / (yT - y0)
      if ((p - tau) * 100 >= thr('ahead (pp)')) return 'on-track'
      const s = (tau - p) * 100
      return s < thr('yellow (pp)')
        ? 'on-track'
        : s <= thr('red (pp)')
          ? 'needs-acceleration'
          : 'off-track'
    }
    default:
      return undefined
  }
}

describe('explanations reproduce the status', () => {
  it.each(['growth-ratio', 'expected-value', 'statcan', 'time-proportional'])('%s', (name) => {
    const run = methods[name] as (c: NumericCase) => Explanation
    fc.assert(
      fc.property(arbCase, (c) => {
        const e = run(c)
        if (e.method !== name || e.thresholds.length === 0) return true // preliminary outcomes and linear fallbacks
        expect(rederive(e)).toBe(e.status)
        expect(e.eventIds).toEqual(['b', 't', 'v'])
        return true
      }),
      { numRuns: 1000 },
    )
  })
})
