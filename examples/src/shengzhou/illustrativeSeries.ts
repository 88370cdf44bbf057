// The ILLUSTRATIVE yearly series of the Shengzhou indicators: where each series starts, the
// story it follows and the setbacks it has (rules in illustrative.ts). Not official statistics.
import {
  currentDefinition,
  type IndicatorState,
  targetsByDue,
  type TargetExpression,
} from '@progress-ledger/core'

/** Plausible 2020 levels and yearly changes for indicators whose targets carry no number. */
const BASELINES: Readonly<
  Record<string, { readonly base: number; readonly step: number; readonly decimals: number }>
> = {
  I03: { base: 0.42, step: -0.012, decimals: 3 },
  I04: { base: 0.85, step: -0.03, decimals: 3 },
  I05: { base: 32.0, step: -1.2, decimals: 1 },
  I14: { base: 9.0, step: 0.6, decimals: 1 },
  I19: { base: 28.5, step: -0.4, decimals: 1 },
  I24: { base: 46.5, step: 0.4, decimals: 1 },
  I26a: { base: 78.0, step: 0.8, decimals: 1 },
  I26b: { base: 30.0, step: 0.9, decimals: 1 },
  I28: { base: 2.6, step: -0.08, decimals: 2 },
  I29: { base: 0.31, step: -0.002, decimals: 3 },
  I40: { base: 90.0, step: 0.5, decimals: 1 },
  I41: { base: 28.0, step: -0.5, decimals: 1 },
  I42: { base: 78.0, step: 0.1, decimals: 1 },
  I43: { base: 11.5, step: -0.3, decimals: 1 },
  I45: { base: 22.0, step: 0.3, decimals: 1 },
  I50: { base: 85.0, step: 0.8, decimals: 1 },
  I61: { base: 0.009, step: -0.0003, decimals: 4 },
  I64: { base: 96.5, step: 0.3, decimals: 1 },
  I65: { base: 80.0, step: 2.0, decimals: 1 },
}

/** FNV-1a over an id: the same id always gets the same pace. */
export function hash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/** Where an indicator's illustrative story goes, from a hash of its id. */
export type Story = 'ahead' | 'on-track' | 'slightly-behind' | 'lagging' | 'recovering' | 'slipping'

/** Yearly steps a year, up to 2022 and after 2022 (the mid-term review). */
const PACE: Readonly<Record<Story, readonly [upTo2022: number, after2022: number]>> = {
  ahead: [1.25, 1.25],
  'on-track': [1.05, 1.05],
  'slightly-behind': [0.88, 0.88],
  lagging: [0.55, 0.55],
  recovering: [0.7, 1.35],
  slipping: [1.05, 0.6],
}

/**
 * The story of an indicator: ahead 16 %, on track 50 %, slightly behind 12 %, lagging 8 %,
 * recovering after the mid-term review 7 %, slipping after it 7 %.
 */
export function storyOf(id: string): Story {
  const bucket = hash(id) % 100
  if (bucket < 16) return 'ahead'
  if (bucket < 66) return 'on-track'
  if (bucket < 78) return 'slightly-behind'
  if (bucket < 86) return 'lagging'
  if (bucket < 93) return 'recovering'
  return 'slipping'
}

/** Yearly steps made from 2020 to the end of `year` in a story. */
function progress(story: Story, year: number): number {
  const [early, late] = PACE[story]
  return early * Math.min(year - 2020, 2) + late * Math.max(0, year - 2022)
}

/**
 * The years a series falls back, with the reason the reporter gives: the value that year is the
 * previous year's moved back by `steps` yearly steps.
 */
export const SETBACKS: Readonly<
  Record<string, { readonly year: number; readonly steps: number; readonly reason: string }>
> = {
  I51: {
    year: 2022,
    steps: 1.5,
    reason:
      '示例：2022年影院、剧场和景区停业数月，文化娱乐消费回落 / illustrative: cinemas, theatres and scenic spots were closed for months in 2022, so cultural spending fell back',
  },
  I35: {
    year: 2022,
    steps: 1,
    reason:
      '示例：2022年冬季疫情高峰期老年人死亡增加，当年预期寿命下降 / illustrative: the winter 2022 epidemic wave raised deaths among the elderly and lowered the period life expectancy',
  },
  I18: {
    year: 2022,
    steps: 0.8,
    reason:
      '示例：2022年物流受阻、出口订单减少，2023年起恢复 / illustrative: export orders fell in 2022 as logistics were disrupted; trade recovered from 2023',
  },
}

function numberOf(e: TargetExpression): number | undefined {
  switch (e.kind) {
    case 'level':
    case 'comparison':
      return e.value
    case 'range':
      return (e.min + e.max) / 2
    default:
      return undefined
  }
}

function decimalsOf(x: number): number {
  const s = String(x)
  const dot = s.indexOf('.')
  return dot < 0 ? 0 : s.length - dot - 1
}

export const round = (x: number, decimals: number): number => Number(x.toFixed(decimals))

/** The path of an indicator: 2020 baseline, yearly step, decimals; `undefined` when it has no values. */
export function pathOf(ind: IndicatorState):
  | {
      readonly base: number
      readonly step: number
      readonly decimals: number
      readonly cap: number | null
    }
  | undefined {
  const def = currentDefinition(ind)
  const cap = def.unit === '%' ? 100 : null
  const known = BASELINES[ind.indicatorId]
  if (known !== undefined) return { ...known, cap }
  const numbers = targetsByDue(ind).map((t) => ({
    year: t.current.dueYear,
    value: numberOf(t.current.expression),
  }))
  const t22 = numbers.find((n) => n.year === 2022)?.value
  const t25 = numbers.find((n) => n.year === 2025)?.value
  if (t22 === undefined || t25 === undefined) return undefined
  const decimals = Math.max(decimalsOf(t22), decimalsOf(t25)) + (Math.abs(t25) >= 1000 ? 0 : 1)
  if (t22 === t25) {
    // Already at the level to hold (100 %, ≥97.5 …): start just below it and close the gap.
    const base = cap !== null && t22 >= 100 ? t22 - 1.5 : t22 * 0.99
    return { base, step: (t22 - base) / 2, decimals, cap }
  }
  const step = (t25 - t22) / 3
  return { base: t22 - 2 * step, step, decimals, cap }
}

function rawValue(path: NonNullable<ReturnType<typeof pathOf>>, id: string, year: number): number {
  if (year <= 2020) return path.base
  const story = storyOf(id)
  const setback = SETBACKS[id]
  if (setback !== undefined && year >= setback.year) {
    // The setback year: the previous year's value moved back; afterwards the usual pace again.
    const fallen = rawValue(path, id, setback.year - 1) - setback.steps * path.step
    return fallen + (progress(story, year) - progress(story, setback.year)) * path.step
  }
  // A small, fixed wobble (at most 6 % of a year's change), so that series are not perfectly
  // straight yet never move against their direction.
  const slowest = Math.min(...PACE[story])
  const wobble = ((hash(`${id}:${year}`) % 5) - 2) * 0.03 * slowest * path.step
  return path.base + progress(story, year) * path.step + wobble
}

export function valueFor(ind: IndicatorState, year: number): number | undefined {
  const path = pathOf(ind)
  if (path === undefined) return undefined
  const v = rawValue(path, ind.indicatorId, year)
  return round(path.cap === null ? v : Math.min(path.cap, v), path.decimals)
}
