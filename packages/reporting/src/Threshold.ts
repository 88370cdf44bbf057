/**
 * The thresholds an explanation names, with their labels in both languages.
 *
 * @module Threshold
 */
import type { Lang } from './Options'

const THRESHOLDS = {
  'ahead-pp': ['领先（百分点）', 'ahead (pp)'],
  'yellow-pp': ['黄灯（落后百分点）', 'yellow (pp behind)'],
  'red-pp': ['红灯（落后百分点）', 'red (pp behind)'],
  'yellow-pct-of-tau': ['黄灯（落后占τ的%）', 'yellow (% of τ behind)'],
  'red-pct-of-tau': ['红灯（落后占τ的%）', 'red (% of τ behind)'],
  'on-track-cr': ['符合进度（CR）', 'on track (CR)'],
  'fair-cr': ['尚可（CR）', 'fair (CR)'],
  'limited-cr': ['有限（CR）', 'limited (CR)'],
  'substantial-v': ['显著（v）', 'substantial (v)'],
  'moderate-v': ['中等（v）', 'moderate (v)'],
  'limited-v': ['有限（v）', 'limited (v)'],
  'on-track-p': ['符合进度（P）', 'on track (P)'],
  'acceleration-p': ['需加速（P）', 'acceleration needed (P)'],
  'on-track-dr': ['符合进度（d·r）', 'on track (d·r)'],
  'acceleration-dr': ['需加速（d·r）', 'acceleration needed (d·r)'],
  'window-years': ['窗口（年）', 'window (years)'],
  'tolerance-pct': ['容差（基期值的%）', 'tolerance (% of baseline)'],
  'tolerance-units': ['容差（单位）', 'tolerance (units)'],
  min: ['下限', 'min'],
  max: ['上限', 'max'],
} as const satisfies Readonly<Record<string, readonly [string, string]>>

/** The name of a threshold an explanation compares with. */
export type ThresholdName = keyof typeof THRESHOLDS

/**
 * A threshold's label.
 *
 * @example
 * import { thresholdLabel } from '@progress-ledger/reporting'
 * thresholdLabel('fair-cr', 'en') // 'fair (CR)'
 */
export function thresholdLabel(name: ThresholdName, lang: Lang): string {
  return THRESHOLDS[name][lang === 'zh' ? 0 : 1]
}
