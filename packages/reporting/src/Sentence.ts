/**
 * The plain-language sentence that opens every explanation: what the numbers say, in the
 * report's language, before the arithmetic.
 *
 * @module Sentence
 */
import { absurd } from '@progress-ledger/core'
import type { Explanation } from './Explanation'
import { formatNumber as f } from './Format'
import type { Lang } from './Options'
import { periodInChinese } from './PeriodText'

/**
 * A value with its unit: `11.2万元`, `96.5%`, `11.2 10,000 yuan`.
 *
 * @example
 * import { withUnit } from '@progress-ledger/reporting'
 * withUnit(96.5, '%') // '96.5%'
 * withUnit(11.2, '万元') // '11.2万元'
 * withUnit(11.2, '10,000 yuan') // '11.2 10,000 yuan'
 */
export function withUnit(x: number, unit: string, digits = 4): string {
  if (unit === '') return f(x, digits)
  return /^[%‰\p{Script=Han}]/u.test(unit) ? `${f(x, digits)}${unit}` : `${f(x, digits)} ${unit}`
}

/**
 * The decimals to print a projection with: two, or more when two would make it look equal to
 * the target it is compared with (0.5401 against 0.54).
 *
 * @example
 * import { projectionDigits } from '@progress-ledger/reporting'
 * projectionDigits(43.7743, 44) // 2
 * projectionDigits(0.5401, 0.54) // 4
 */
export function projectionDigits(projected: number, target: number): number {
  let d = 2
  while (d < 6 && f(projected, d) === f(target, d)) d++
  return d
}

const pct = (x: number | undefined): string => (x === undefined ? '—' : `${f(x * 100, 1)}%`)

const OP: Readonly<Record<string, string>> = { ge: '≥', gt: '>', le: '≤', lt: '<', eq: '≈' }

/**
 * One sentence saying why an explanation has its status, with values in `unit`.
 *
 * @example
 * import { explanationSentence } from '@progress-ledger/reporting'
 * const e = { method: 'quota', grade: 'quota-pending', status: 'target-pending', inputs: [], thresholds: [],
 *   numbers: {}, steps: [], notes: [], eventIds: [] } as const
 * explanationSentence(e, 'zh', '') // '上级尚未下达任务，目标待定。'
 * explanationSentence(e, 'en', '') // 'The quota has not been assigned by the higher level yet; the target is pending.'
 * const monthly = { ...e, method: 'threshold', grade: 'achieved', status: 'achieved',
 *   inputs: [{ name: 'yt', value: 83.7, period: '2024-12', eventId: 'v1' }, { name: 'yT', value: 80, period: null, eventId: null }] } as const
 * explanationSentence(monthly, 'zh', '%').startsWith('最新值83.7%（2024年12月）') // true
 */
export function explanationSentence(e: Explanation, lang: Lang, unit: string): string {
  const zh = lang === 'zh'
  const input = (n: string) => e.inputs.find((i) => i.name === n)
  const num = (n: string): number | undefined => e.numbers[n]
  const u = (x: number | undefined): string => (x === undefined ? '—' : withUnit(x, unit))
  const yt = input('yt')
  const yT = input('yT')
  const last = e.inputs.filter((i) => i.name.startsWith('y(')).pop()
  const d = num('d') ?? input('d')?.value ?? 1
  const target = yT === undefined ? '' : `${OP[opOf(e)] ?? ''}${u(yT.value)}`
  const latest =
    yt === undefined
      ? ''
      : `${u(yt.value)}${yt.period === null ? '' : zh ? `（${periodInChinese(yt.period)}）` : ` (${yt.period})`}`
  switch (e.grade) {
    case 'achieved':
    case 'achieved-early':
      return e.method === 'range'
        ? zh
          ? `最新值${u(last?.value)}在目标区间内。`
          : `The latest value ${u(last?.value)} is within the target range.`
        : zh
          ? `最新值${latest}已达到目标${target}。`
          : `The latest value ${latest} meets the target ${target}.`
    case 'missed':
      return zh
        ? `目标年已过，最新值${latest}未达到目标${target}。`
        : `The due year has passed and the latest value ${latest} misses the target ${target}.`
    case 'deterioration':
      if (e.notes.some((n) => n._tag === 'NoProgressRequired'))
        return zh
          ? `最新值${latest}不满足目标${target}，且变化方向与目标相反。`
          : `The latest value ${latest} does not meet the target ${target} and moved away from it.`
      return moving(zh, e, 'wrong')
    case 'insufficient-data':
      return zh
        ? '数据点不足（只有基期值或尚无报告值），暂无法评价。'
        : 'Too few data points (only the baseline, or no values yet) to grade.'
    case 'ahead':
    case 'on-schedule':
    case 'behind': {
      const tau = num('tau')
      const p = num('p')
      const lead = num('lead') ?? 0
      const pp = f(Math.abs(lead), 1)
      if (pp === '0')
        return zh
          ? `按序时进度应完成${pct(tau)}，实际完成${pct(p)}，与序时进度持平。`
          : `By now ${pct(tau)} of the way should be done and ${pct(p)} is done: exactly on schedule.`
      return zh
        ? `按序时进度应完成${pct(tau)}，实际完成${pct(p)}，${lead >= 0 ? `领先${pp}个百分点` : `落后${pp}个百分点`}。`
        : `By now ${pct(tau)} of the way should be done and ${pct(p)} is done: ${pp} pp ${lead >= 0 ? 'ahead' : 'behind'}.`
    }
    case 'on-track':
    case 'fair-progress':
    case 'limited-progress':
    case 'acceleration-needed':
    case 'stagnation-or-regression':
    case 'substantial-progress':
    case 'moderate-progress': {
      if (num('P') !== undefined) {
        const due = input('T')?.value
        const year = due === undefined ? '' : f(Math.round(due))
        const projected = num('projected')
        const digits =
          projected === undefined || yT === undefined ? 2 : projectionDigits(projected, yT.value)
        const pu = projected === undefined ? '—' : withUnit(projected, unit, digits)
        return zh
          ? `按当前速度，${year}年预计为${pu}，可完成所需变化的${pct(num('P'))}。`
          : `At the current pace the value reaches ${pu} in ${year}: ${pct(num('P'))} of the change the target needs.`
      }
      if (num('cr') !== undefined || (num('v') !== undefined && num('required') !== undefined)) {
        const ratio = num('cr') ?? num('v')
        return zh
          ? `实际年均增长${pct(num('actual'))}，实现目标需年均${pct(num('required'))}（比值${f(ratio ?? 0, 2)}）。`
          : `Actual growth is ${pct(num('actual'))} a year against the ${pct(num('required'))} a year the target needs (ratio ${f(ratio ?? 0, 2)}).`
      }
      return moving(
        zh,
        e,
        e.status === 'on-track' ? 'right' : e.status === 'off-track' ? 'barely' : 'slow',
      )
    }
    case 'first-violation': {
      const year = e.notes.find((n) => n._tag === 'FirstViolation')
      const period = year?._tag === 'FirstViolation' ? year.period : '—'
      return zh
        ? `${periodInChinese(period)}未按要求逐年${d > 0 ? '提高' : '下降'}。`
        : `In ${period} the value did not ${d > 0 ? 'rise' : 'fall'} as required every year.`
    }
    case 'every-year-held':
      return zh
        ? `每年都按要求${d > 0 ? '提高' : '下降'}。`
        : `The value ${d > 0 ? 'rose' : 'fell'} every year, as required.`
    case 'within-band':
    case 'outside-band': {
      const dev = num('deviation') ?? 0
      const band = num('band') ?? 0
      const inside = e.grade === 'within-band'
      return zh
        ? `与基期相比变化${u(dev)}，${inside ? '在' : '超出'}±${u(band)}的稳定区间${inside ? '内' : ''}。`
        : `The value changed by ${u(dev)} from the baseline, ${inside ? 'within' : 'outside'} the stable band of ±${u(band)}.`
    }
    case 'within-range':
    case 'outside-range': {
      const inside = e.grade === 'within-range'
      return zh
        ? `最新值${u(last?.value)}${inside ? '在' : '不在'}目标区间内。`
        : `The latest value ${u(last?.value)} is ${inside ? 'within' : 'outside'} the range.`
    }
    case 'range-pending':
      return zh
        ? '合理区间尚未给定，暂不评价。'
        : 'The range has not been given yet; nothing to grade.'
    case 'quota-pending':
      return zh
        ? '上级尚未下达任务，目标待定。'
        : 'The quota has not been assigned by the higher level yet; the target is pending.'
    case 'rising':
    case 'falling':
    case 'flat': {
      const dir = zh
        ? { rising: '上升', falling: '下降', flat: '持平' }[e.grade]
        : { rising: 'rising', falling: 'falling', flat: 'flat' }[e.grade]
      return zh
        ? `观察指标，不评价：数值${dir}（最新${u(last?.value)}）。`
        : `Observation indicator, not graded: the value is ${dir} (latest ${u(last?.value)}).`
    }
    case 'moving-in-direction':
      return moving(zh, e, 'right')
    case 'not-moving-in-direction':
      return moving(zh, e, 'wrong')
    case 'no-target':
      return zh ? '尚未设定目标。' : 'No target has been set.'
    default:
      return absurd(e.grade)
  }
}

function opOf(e: Explanation): string {
  const step = e.steps[0] ?? ''
  const m = /^yt ([≥>≤<≈]) yT/.exec(step)
  const sym = m?.[1]
  return sym === '≥'
    ? 'ge'
    : sym === '>'
      ? 'gt'
      : sym === '≤'
        ? 'le'
        : sym === '<'
          ? 'lt'
          : sym === '≈'
            ? 'eq'
            : ''
}

function moving(zh: boolean, e: Explanation, how: 'right' | 'slow' | 'barely' | 'wrong'): string {
  const r = e.numbers['r']
  const rate = r === undefined ? '' : zh ? `年均变化${pct(r)}，` : `growing ${pct(r)} a year: `
  const text = zh
    ? {
        right: '朝目标方向稳步变化',
        slow: '方向正确但速度偏慢',
        barely: '几乎没有进展',
        wrong: '朝相反方向变化',
      }[how]
    : {
        right: 'moving steadily in the right direction',
        slow: 'the right direction, but slowly',
        barely: 'barely moving',
        wrong: 'moving the wrong way',
      }[how]
  if (zh) return `${rate}${text}。`
  const sentence = `${rate}${text}.`
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`
}
