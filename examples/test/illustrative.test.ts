// The ILLUSTRATIVE history is one a reader finds plausible: every series moves one way, the way
// its targets ask, except in the stated setback years; no collapse; and the red list at the end
// of the plan is a mix of narrow and wide misses across categories and departments.
import { describe, expect, it } from 'vitest'
import { SETBACKS } from '../src/shengzhou/illustrative'
import { loadIllustrative, loadPlan } from '../src/shengzhou/seeds'
import { mainJobReports } from './reports'

interface Reported {
  readonly indicatorId: string
  readonly period: string
  readonly value: number
  readonly outlier?: string
}

const history = loadIllustrative()
const commands = history.batches.flatMap((b) => b.commands) as unknown as ReadonlyArray<
  Reported & { readonly type: string }
>
const series = new Map<string, Array<Reported>>()
for (const c of commands)
  if (c.type === 'SetBaseline' || c.type === 'ReportValue')
    series.set(c.indicatorId, [...(series.get(c.indicatorId) ?? []), c])
const plan = loadPlan().plan

describe('the illustrative history', () => {
  it('has a series for most indicators', () => {
    expect(series.size).toBeGreaterThanOrEqual(60)
  })
  it('moves every series one way, every year, except in a stated setback year', () => {
    const wrong: string[] = []
    for (const [id, points] of series) {
      const ordered = [...points].sort((a, b) => (a.period < b.period ? -1 : 1))
      const first = ordered[0]
      const last = ordered[ordered.length - 1]
      if (first === undefined || last === undefined) continue
      const d = Math.sign(last.value - first.value)
      for (let k = 1; k < ordered.length; k++) {
        const a = ordered[k - 1] as Reported
        const b = ordered[k] as Reported
        if (d * (b.value - a.value) >= 0) continue
        const setback = SETBACKS[id]
        if (
          setback !== undefined &&
          String(setback.year) === b.period &&
          b.outlier === setback.reason
        )
          continue
        wrong.push(`${id} ${a.period} ${a.value} → ${b.period} ${b.value}`)
      }
    }
    expect(wrong).toEqual([])
  })
  it('moves toward the target: a series for a "higher" target ends above where it started, a "lower" one below', () => {
    const wrong: string[] = []
    for (const ind of plan.indicators) {
      const points = series.get(ind.id)
      if (points === undefined || (ind.direction !== 'higher' && ind.direction !== 'lower'))
        continue
      const ordered = [...points].sort((a, b) => (a.period < b.period ? -1 : 1))
      const change = (ordered[ordered.length - 1]?.value ?? 0) - (ordered[0]?.value ?? 0)
      if ((ind.direction === 'higher' ? change : -change) <= 0) wrong.push(`${ind.id} ${change}`)
    }
    expect(wrong).toEqual([])
  })
  it('has no collapse: no value below 80 % of the year before, setbacks included', () => {
    for (const [id, points] of series) {
      const ordered = [...points].sort((a, b) => (a.period < b.period ? -1 : 1))
      for (let k = 1; k < ordered.length; k++) {
        const a = ordered[k - 1] as Reported
        const b = ordered[k] as Reported
        if (a.value > 0) expect(b.value / a.value, `${id} ${b.period}`).toBeGreaterThan(0.8)
      }
    }
  })
  it('規上工业亩均税收 (I06, target 30 万元) rises every year', () => {
    const values = [...(series.get('I06') ?? [])]
      .sort((a, b) => (a.period < b.period ? -1 : 1))
      .map((p) => p.value)
    expect(values.length).toBe(6)
    for (let k = 1; k < values.length; k++)
      expect(values[k] as number).toBeGreaterThan(values[k - 1] as number)
  })
})

describe('the red list at the end of the plan', () => {
  it('is a believable mix: narrow and wide misses, several categories and owners', async () => {
    const { final } = await mainJobReports()
    const red = final.indicators.filter((i) => i.light === 'red')
    expect(red.length).toBeGreaterThanOrEqual(6)
    expect(red.length).toBeLessThanOrEqual(20)
    const relative = red.flatMap((i) =>
      i.gap === null ? [] : [i.gap.value / Math.abs(i.gap.target)],
    )
    expect(relative.some((x) => x < 0.05)).toBe(true) // missed narrowly
    expect(relative.some((x) => x > 0.15)).toBe(true) // missed widely
    expect(new Set(red.map((i) => i.categoryId)).size).toBeGreaterThanOrEqual(3)
    expect(new Set(red.flatMap((i) => i.departments)).size).toBeGreaterThanOrEqual(5)
  })
  it('moves: some indicators red at the mid-term review recover by 2025, some green ones slip', async () => {
    const { final, midTerm } = await mainJobReports()
    const redAt = (r: typeof final): Set<string> =>
      new Set(r.indicators.filter((i) => i.light === 'red').map((i) => i.indicatorId))
    const before = redAt(midTerm)
    const after = redAt(final)
    expect([...before].filter((id) => !after.has(id)).length).toBeGreaterThanOrEqual(2)
    expect([...after].filter((id) => !before.has(id)).length).toBeGreaterThanOrEqual(2)
  })
})
