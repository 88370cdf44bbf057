/**
 * Chinese and English labels for everything a report prints: statuses, grades, task statuses,
 * column headings. Unknown keys print as themselves, so a new grade is never silently blank.
 *
 * @module Labels
 */
import type { LocalizedText } from '@progress-ledger/core'
import type { Lang } from './Options'

type Table = Readonly<Record<string, readonly [zh: string, en: string]>>

const STATUS: Table = {
  achieved: ['已实现', 'Achieved'],
  'on-track': ['符合进度', 'On track'],
  'needs-acceleration': ['需加快', 'Needs acceleration'],
  'off-track': ['滞后', 'Off track'],
  'target-pending': ['目标待定', 'Target pending'],
  'no-data': ['数据不足', 'Insufficient data'],
  observed: ['观察', 'Observed'],
}

const GRADE: Table = {
  'achieved-early': ['提前实现', 'Achieved early'],
  achieved: ['已实现', 'Achieved'],
  ahead: ['快于预期', 'Ahead of schedule'],
  'on-schedule': ['基本符合预期', 'On schedule'],
  behind: ['滞后', 'Behind'],
  missed: ['到期未实现', 'Missed'],
  deterioration: ['倒退', 'Deterioration'],
  'insufficient-data': ['数据不足', 'Insufficient data'],
  'on-track': ['进展顺利', 'On track'],
  'fair-progress': ['进展尚可，需加速', 'Fair progress, acceleration needed'],
  'limited-progress': ['进展有限', 'Limited or no progress'],
  'substantial-progress': ['显著进展', 'Substantial progress'],
  'moderate-progress': ['中等进展', 'Moderate progress'],
  'acceleration-needed': ['需加速', 'Acceleration needed'],
  'stagnation-or-regression': ['停滞或倒退', 'Stagnation or regression'],
  'first-violation': ['出现未达标年份', 'A year went the wrong way'],
  'every-year-held': ['逐年达标', 'Held every year'],
  'within-band': ['保持稳定', 'Within the stable band'],
  'outside-band': ['超出稳定区间', 'Outside the stable band'],
  'within-range': ['在合理区间内', 'Within the range'],
  'outside-range': ['超出区间', 'Outside the range'],
  'range-pending': ['区间待定', 'Range pending'],
  'quota-pending': ['待上级下达', 'Quota pending'],
  rising: ['上升', 'Rising'],
  falling: ['下降', 'Falling'],
  flat: ['持平', 'Flat'],
  'moving-in-direction': ['方向符合', 'Moving the right way'],
  'not-moving-in-direction': ['方向不符', 'Not moving the right way'],
  'no-target': ['未设目标', 'No target'],
}

const TASK: Table = {
  'not-started': ['未开始', 'Not started'],
  'in-progress': ['推进中', 'In progress'],
  completed: ['已完成', 'Completed'],
  delayed: ['延误', 'Delayed'],
  suspended: ['暂停', 'Suspended'],
  unreported: ['未报告', 'Not reported'],
  'key-task': ['重点任务', 'Key tasks'],
  reform: ['重大改革', 'Major reforms'],
  'action-item': ['行动事项', 'Action items'],
}

const TEXT: Table = {
  report: ['进展报告', 'Progress report'],
  asOf: ['截至', 'As of'],
  indicators: ['指标', 'Indicators'],
  indicator: ['指标', 'Indicator'],
  number: ['序号', 'No.'],
  unit: ['单位', 'Unit'],
  baseline: ['基期值', 'Baseline'],
  latest: ['最新值', 'Latest'],
  period: ['期间', 'Period'],
  target: ['目标', 'Target'],
  interim: ['中期目标', 'Interim target'],
  dueYear: ['目标年', 'Due year'],
  status: ['状态', 'Status'],
  grade: ['评价', 'Grade'],
  method: ['方法', 'Method'],
  departments: ['责任单位', 'Responsible'],
  forecast: ['预测', 'Forecast'],
  projected: ['目标年预测值', 'Projected at due year'],
  metOn: ['预计实现日期', 'Target met on'],
  never: ['按当前速度无法实现', 'not at the current pace'],
  categories: ['分类汇总', 'By category'],
  category: ['类别', 'Category'],
  scorecard: ['责任单位考评', 'Department scorecard'],
  rank: ['排名', 'Rank'],
  graded: ['参评指标', 'Graded'],
  onSchedule: ['符合进度', 'On schedule'],
  share: ['比例', 'Share'],
  overall: ['总体', 'Overall'],
  tasks: ['任务、改革', 'Tasks and reforms'],
  projects: ['项目与里程碑', 'Projects and milestones'],
  milestone: ['里程碑', 'Milestone'],
  planned: ['计划日期', 'Planned'],
  met: ['完成日期', 'Met'],
  slip: ['偏差天数', 'Slip (days)'],
  overdue: ['逾期', 'Overdue'],
  nextDue: ['下一节点', 'Next due'],
  unplanned: ['未列入计划', 'unplanned'],
  total: ['合计', 'Total'],
  explanation: ['说明', 'Explanation'],
  elapsed: ['时间进度', 'Time elapsed'],
  attribute: ['属性', 'Attribute'],
  evaluation: ['评价指标', 'Evaluation'],
  observation: ['观察指标', 'Observation'],
  illustrative: ['示例数据', 'illustrative'],
  light: ['亮灯', 'Light'],
  none: ['—', '—'],
  plan: ['规划期', 'Plan period'],
  green: ['绿', 'green'],
  yellow: ['黄', 'yellow'],
  red: ['红', 'red'],
  grey: ['灰', 'grey'],
  selfSelected: ['自选指标', 'self-selected'],
  kind: ['类型', 'Kind'],
  milestonesMet: ['已完成里程碑', 'Milestones met'],
  changes: ['变化', 'Changes'],
}

function pick(table: Table, key: string, lang: Lang): string {
  const row = table[key]
  return row === undefined ? key : lang === 'zh' ? row[0] : row[1]
}

/**
 * A label in the report language. `kind` picks the table: a status, a method grade, a task
 * status or kind, or report text.
 *
 * @example
 * import { label } from '@progress-ledger/reporting'
 * label('grade', 'on-schedule', 'zh') // '基本符合预期'
 * label('status', 'off-track', 'en') // 'Off track'
 */
export function label(kind: 'status' | 'grade' | 'task' | 'text', key: string, lang: Lang): string {
  switch (kind) {
    case 'status':
      return pick(STATUS, key, lang)
    case 'grade':
      return pick(GRADE, key, lang)
    case 'task':
      return pick(TASK, key, lang)
    case 'text':
      return pick(TEXT, key, lang)
  }
}

/**
 * Localized text in the report language (English falls back to Chinese when not given).
 *
 * @example
 * import { localized } from '@progress-ledger/reporting'
 * localized({ zh: '人均生产总值', en: 'GDP per capita' }, 'en') // 'GDP per capita'
 */
export function localized(t: LocalizedText, lang: Lang): string {
  return lang === 'en' ? (t.en ?? t.zh) : t.zh
}
