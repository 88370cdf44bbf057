/**
 * Remarks an evaluation makes beside its arithmetic — where a segment starts, a fallback to the
 * linear method, the first violating year, an inferred direction, a natural limit — as tagged
 * values, so that every report prints them in its own language ({@link renderNote}).
 *
 * @module Note
 */
import { absurd } from '@progress-ledger/core'
import { formatNumber as f } from './Format'
import { methodLabel } from './Labels'
import type { Lang, MethodName } from './Options'

/** Where a segment starts (see docs/status-methods.md §7). */
export type SegmentStart = 'baseline' | 'interim-actual' | 'interim-target'

/** What a direction was inferred from when the plan printed a plain number. */
export type InferredFrom = 'falling-targets' | 'rising-targets' | 'baseline' | 'nothing'

/** One remark of an explanation. */
export type Note =
  | {
      readonly _tag: 'SegmentStart'
      readonly start: SegmentStart
      readonly period: string | null
      readonly value: number | null
      readonly policy: 'interim-actual' | 'interim-target'
    }
  | { readonly _tag: 'NoBaseline'; readonly period: string }
  | { readonly _tag: 'InterimTargetHasNoNumber' }
  | { readonly _tag: 'NoInterimActual' }
  | { readonly _tag: 'ClosedSegmentShown'; readonly dueYear: number }
  | { readonly _tag: 'SinglePoint' }
  | { readonly _tag: 'NoValues' }
  | { readonly _tag: 'NoProgressRequired'; readonly equal: boolean }
  | { readonly _tag: 'DueYearPassed'; readonly dueYear: number }
  | { readonly _tag: 'LessThanOneYear' }
  | { readonly _tag: 'ZeroGuard' }
  | { readonly _tag: 'FellBackToLinear'; readonly from: MethodName }
  | { readonly _tag: 'SignOfSlope' }
  | { readonly _tag: 'FirstViolation'; readonly period: string }
  | { readonly _tag: 'RangePending' }
  | { readonly _tag: 'QuotaPending' }
  | { readonly _tag: 'NoTarget' }
  | { readonly _tag: 'Observation' }
  | { readonly _tag: 'Moving'; readonly wanted: boolean }
  | {
      readonly _tag: 'NaturalLimit'
      readonly limit: number
      readonly source: 'indicator' | 'unit'
      readonly unit: string
    }
  | {
      readonly _tag: 'DirectionInferred'
      readonly direction: 'higher' | 'lower'
      readonly from: InferredFrom
      readonly value: number
      readonly other: number | null
    }

const START: Readonly<Record<SegmentStart, readonly [string, string]>> = {
  baseline: ['基期值', 'the baseline'],
  'interim-actual': ['中期实际值', 'the interim actual'],
  'interim-target': ['中期目标值', 'the interim target'],
}

const FROM: Readonly<Record<InferredFrom, readonly [string, string]>> = {
  'falling-targets': ['由逐期下降的目标推定', 'inferred from the falling targets'],
  'rising-targets': ['由逐期上升的目标推定', 'inferred from the rising targets'],
  baseline: ['由目标与基期值的比较推定', 'inferred from the baseline'],
  nothing: ['未说明方向，按“越高越好”理解', 'no direction given: read as higher is better'],
}

/**
 * How an inferred direction reads: `由逐期下降的目标推定` / `inferred from the falling targets`.
 *
 * @example
 * import { inferredText } from '@progress-ledger/reporting'
 * inferredText('falling-targets', 'en') // 'inferred from the falling targets'
 */
export function inferredText(from: InferredFrom, lang: Lang): string {
  return FROM[from][lang === 'zh' ? 0 : 1]
}

/**
 * A note in the report language.
 *
 * @example
 * import { renderNote } from '@progress-ledger/reporting'
 * renderNote({ _tag: 'FirstViolation', period: '2022' }, 'zh') // '首个未达要求的年份：2022'
 * renderNote({ _tag: 'FirstViolation', period: '2022' }, 'en') // 'first violating year: 2022'
 */
export function renderNote(n: Note, lang: Lang): string {
  const zh = lang === 'zh'
  switch (n._tag) {
    case 'SegmentStart': {
      const [sz, se] = START[n.start]
      const at = n.period === null || n.value === null ? '' : ` ${n.period} = ${f(n.value)}`
      const policy = zh
        ? n.policy === 'interim-actual'
          ? '按中期实际值起算'
          : '按中期目标值起算'
        : `policy ${n.policy}`
      return zh
        ? `本段从${sz}起算${at}（政策：${policy}）`
        : `segment starts from ${se}${at} (${policy})`
    }
    case 'NoBaseline':
      return zh
        ? `无基期值：以首个报告值（${n.period}）作为基期`
        : `no baseline: the first reported value (${n.period}) serves as the baseline`
    case 'InterimTargetHasNoNumber':
      return zh
        ? '政策为按中期目标值起算，但中期目标没有数值：改从中期实际值起算'
        : 'policy interim-target, but the interim target has no number: starting from the interim actual'
    case 'NoInterimActual':
      return zh
        ? '政策为按中期实际值起算，但中期目标年没有实际值：改从中期目标值起算'
        : 'policy interim-actual, but no actual value at the interim due year: starting from the interim target'
    case 'ClosedSegmentShown':
      return zh
        ? `新阶段在起点之后尚无数据，暂显示${n.dueYear}年阶段的结果`
        : `the ${n.dueYear} segment is shown until the next segment has a value after its start`
    case 'SinglePoint':
      return zh
        ? '只有一个数据点：最新值即基期值'
        : 'only one data point: the latest value is the baseline'
    case 'NoValues':
      return zh ? '尚无报告值' : 'no values reported'
    case 'NoProgressRequired':
      return n.equal
        ? zh
          ? '目标等于基期值，而最新值更差'
          : 'the target equals the baseline and the latest value is worse'
        : zh
          ? '基期值已优于目标，但数值向相反方向变化'
          : 'the baseline is already beyond the target and the value moved away from it'
    case 'DueYearPassed':
      return zh
        ? `目标年${n.dueYear}已过，目标未实现`
        : `the due year ${n.dueYear} has passed with the target unmet`
    case 'LessThanOneYear':
      return zh ? '两个数据点相隔不足一年' : 'fewer than one year between the points'
    case 'ZeroGuard':
      return zh ? '基期值或目标值为0，按0.001计算' : 'a zero base or target was replaced by 0.001'
    case 'FellBackToLinear':
      return zh
        ? `增长率无定义（出现0或正负号变化），${methodLabel(n.from, lang)}改用线性外推法`
        : `the growth rate is undefined (zero or a sign change): ${methodLabel(n.from, lang)} fell back to the linear method`
    case 'SignOfSlope':
      return zh
        ? '增长率无定义（出现0或正负号变化）：按线性斜率的方向判断'
        : 'growth rate undefined (zero or sign change): judged by the sign of the linear slope'
    case 'FirstViolation':
      return zh ? `首个未达要求的年份：${n.period}` : `first violating year: ${n.period}`
    case 'RangePending':
      return zh ? '合理区间尚未给定' : 'the range has not been given yet'
    case 'QuotaPending':
      return zh ? '上级尚未下达任务' : 'the quota has not been assigned by the higher level yet'
    case 'NoTarget':
      return zh ? '尚未设定目标' : 'no target has been set'
    case 'Observation':
      return zh
        ? '观察指标：只报告和描述趋势，不评价'
        : 'observation indicator: reported and trended, not graded'
    case 'Moving':
      return n.wanted
        ? zh
          ? '变化方向符合期望'
          : 'moving in the desired direction'
        : zh
          ? '变化方向与期望相反'
          : 'moving against the desired direction'
    case 'NaturalLimit': {
      const why = zh
        ? n.source === 'unit'
          ? `单位“${n.unit}”的默认上限`
          : '为该指标设定的上限'
        : n.source === 'unit'
          ? `the default for the unit "${n.unit}"`
          : 'set for this indicator'
      return zh
        ? `自然上限 L = ${f(n.limit)}（${why}）：接近上限时增长阈值按 C 缩小`
        : `natural limit L = ${f(n.limit)} (${why}): growth thresholds shrink by C near the limit`
    }
    case 'DirectionInferred': {
      const op = n.direction === 'higher' ? '≥' : '≤'
      const other =
        n.other === null
          ? ''
          : zh
            ? `（另一目标为${f(n.other)}）`
            : ` (the other target is ${f(n.other)})`
      return zh
        ? `目标方向为推定：${op} ${f(n.value)}，${inferredText(n.from, lang)}${other}`
        : `direction inferred: ${op} ${f(n.value)}, ${inferredText(n.from, lang)}${other}`
    }
    default:
      return absurd(n)
  }
}
