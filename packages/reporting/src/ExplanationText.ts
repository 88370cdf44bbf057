/**
 * An explanation as text: the plain-language sentence first, then the method, grade and status
 * by name, the inputs, thresholds, arithmetic, notes and events — all in the report's language
 * except the formulas, which read the same in both.
 *
 * @module ExplanationText
 */
import type { Explanation } from './Explanation'
import { formatNumber } from './Format'
import { label } from './Labels'
import { renderNote } from './Note'
import type { Lang } from './Options'
import { explanationSentence } from './Sentence'
import { thresholdLabel } from './Threshold'

const HEAD: Readonly<
  Record<
    Lang,
    Readonly<
      Record<
        'method' | 'grade' | 'status' | 'inputs' | 'thresholds' | 'steps' | 'notes' | 'events',
        string
      >
    >
  >
> = {
  zh: {
    method: '方法',
    grade: '评价',
    status: '状态',
    inputs: '输入',
    thresholds: '阈值',
    steps: '计算',
    notes: '说明',
    events: '依据事件',
  },
  en: {
    method: 'Method',
    grade: 'Grade',
    status: 'Status',
    inputs: 'Inputs',
    thresholds: 'Thresholds',
    steps: 'Arithmetic',
    notes: 'Notes',
    events: 'Events',
  },
}

/**
 * Renders an explanation as plain text, one fact per line, the sentence saying why first.
 * `unit` is the indicator's unit in the report language.
 *
 * @example
 * import { renderExplanation } from '@progress-ledger/reporting'
 * const e = { method: 'quota', grade: 'quota-pending', status: 'target-pending', inputs: [], thresholds: [],
 *   numbers: {}, steps: [], notes: [{ _tag: 'QuotaPending' }], eventIds: ['I03-target-2025'] } as const
 * renderExplanation(e, 'en').split('\n') // ['The quota has not been assigned by the higher level yet; the target is pending.', 'Method: quota from the higher level', 'Grade: Quota pending', 'Status: Target pending', 'Notes: the quota has not been assigned by the higher level yet', 'Events: I03-target-2025']
 * renderExplanation(e, 'zh').split('\n')[1] // '方法：上级下达任务'
 */
export function renderExplanation(e: Explanation, lang: Lang, unit = ''): string {
  const h = HEAD[lang]
  const sep = lang === 'zh' ? '：' : ': '
  const lines = [
    explanationSentence(e, lang, unit),
    `${h.method}${sep}${label('method', e.method, lang)}`,
    `${h.grade}${sep}${label('grade', e.grade, lang)}`,
    `${h.status}${sep}${label('status', e.status, lang)}`,
  ]
  if (e.inputs.length > 0) {
    const parts = e.inputs.map(
      (i) =>
        `${i.name} = ${formatNumber(i.value)}${i.period === null ? '' : ` (${i.period})`}${i.eventId === null ? '' : ` [${i.eventId}]`}`,
    )
    lines.push(`${h.inputs}${sep}${parts.join('; ')}`)
  }
  if (e.thresholds.length > 0)
    lines.push(
      `${h.thresholds}${sep}${e.thresholds.map((x) => `${thresholdLabel(x.name, lang)} = ${formatNumber(x.value)}`).join('; ')}`,
    )
  for (const s of e.steps) lines.push(`${h.steps}${sep}${s}`)
  for (const n of e.notes) lines.push(`${h.notes}${sep}${renderNote(n, lang)}`)
  if (e.eventIds.length > 0) lines.push(`${h.events}${sep}${e.eventIds.join(', ')}`)
  return lines.join('\n')
}
