/**
 * Chinese and English labels for everything a report prints: statuses, grades, methods,
 * thresholds, task statuses and kinds, lights, change kinds and report text. Every table is a
 * `Record` over its key type, so a new grade or status fails to compile until it has both
 * labels; there is no fallback to raw keys.
 *
 * @module Labels
 */
import type { LocalizedText, TaskKind, TaskStatus } from '@progress-ledger/core'
import type { Lang, MethodName } from './Options'
import type { Grade, Light, RuleName, StatusCode } from './Status'

type Pair = readonly [zh: string, en: string]

const STATUS: Readonly<Record<StatusCode, Pair>> = {
  achieved: ['已实现', 'Achieved'],
  'on-track': ['符合进度', 'On track'],
  'needs-acceleration': ['需加快', 'Needs acceleration'],
  'off-track': ['滞后', 'Off track'],
  'target-pending': ['目标待定', 'Target pending'],
  'no-data': ['数据不足', 'Insufficient data'],
  observed: ['观察', 'Observed'],
}

const GRADE: Readonly<Record<Grade, Pair>> = {
  'achieved-early': ['提前实现', 'Achieved early'],
  achieved: ['已实现', 'Achieved'],
  ahead: ['快于预期', 'Ahead of schedule'],
  'on-schedule': ['基本符合预期', 'On schedule'],
  behind: ['慢于预期', 'Behind'],
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
  'first-violation': ['出现未达要求年份', 'A year went the wrong way'],
  'every-year-held': ['逐年达到要求', 'Held every year'],
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

const RULE: Readonly<Record<RuleName, Pair>> = {
  'time-proportional': ['序时进度法', 'time-proportional progress'],
  'growth-ratio': ['增长率比值法（联合国统计司）', 'ratio of growth rates (UNSD)'],
  statcan: ['加拿大统计局法', 'Statistics Canada method'],
  'expected-value': ['目标年预期值法', 'expected value at the deadline'],
  linear: ['线性外推法', 'linear projection'],
  'trend-statcan': ['无目标值趋势法（加拿大统计局）', 'trend without a target (Statistics Canada)'],
  'trend-expected-value': ['无目标值趋势法（预期值）', 'trend without a target (expected value)'],
  'trend-sign': ['趋势方向法', 'direction of the trend'],
  'every-year': ['逐年判定', 'every year'],
  'stable-band': ['稳定区间', 'stable band'],
  range: ['区间目标', 'range'],
  'reasonable-range': ['合理区间', 'reasonable range'],
  quota: ['上级下达任务', 'quota from the higher level'],
  trend: ['趋势', 'trend'],
  observation: ['观察', 'observation'],
  none: ['无', 'none'],
}

const TASK_STATUS: Readonly<Record<TaskStatus | 'unreported', Pair>> = {
  'not-started': ['未开始', 'Not started'],
  'in-progress': ['推进中', 'In progress'],
  completed: ['已完成', 'Completed'],
  delayed: ['延误', 'Delayed'],
  suspended: ['暂停', 'Suspended'],
  unreported: ['未报告', 'Not reported'],
}

const TASK_KIND: Readonly<Record<TaskKind, Pair>> = {
  'key-task': ['重点任务', 'Key tasks'],
  reform: ['重大改革', 'Major reforms'],
  'action-item': ['行动事项', 'Action items'],
}

const LIGHT: Readonly<Record<Light, Pair>> = {
  green: ['绿灯', 'green'],
  yellow: ['黄灯', 'yellow'],
  red: ['红灯', 'red'],
  grey: ['灰', 'grey'],
}

const TEXT = {
  report: ['进展报告', 'Progress report'],
  asOf: ['截至', 'As of'],
  knownAt: ['按记录截至', 'As known at'],
  indicators: ['指标', 'Indicators'],
  indicator: ['指标', 'Indicator'],
  name: ['名称', 'Name'],
  number: ['序号', 'No.'],
  id: ['编号', 'ID'],
  unit: ['单位', 'Unit'],
  baseline: ['基期值', 'Baseline'],
  baselinePeriod: ['基期', 'Baseline period'],
  latest: ['最新值', 'Latest'],
  latestPeriod: ['最新值期间', 'Latest period'],
  period: ['期间', 'Period'],
  target: ['目标', 'Target'],
  targetValue: ['目标数值', 'Target value'],
  targetOp: ['目标比较', 'Target comparison'],
  interim: ['中期目标', 'Interim target'],
  interimShort: ['中期', 'Interim'],
  dueYear: ['目标年', 'Due year'],
  interimDueYear: ['中期目标年', 'Interim due year'],
  status: ['状态', 'Status'],
  statusCode: ['状态代码', 'Status code'],
  grade: ['评价', 'Grade'],
  gradeCode: ['评价代码', 'Grade code'],
  method: ['方法', 'Method'],
  departments: ['责任单位', 'Responsible'],
  owner: ['责任单位', 'Owner'],
  forecast: ['预测', 'Forecast'],
  projected: ['目标年预测值', 'Projected at due year'],
  meetsByDue: ['预计按期实现', 'Met by due year'],
  metOn: ['预计实现日期', 'Target met on'],
  never: ['按当前速度无法实现', 'never at the current pace'],
  gap: ['距目标差距', 'Gap to target'],
  categories: ['分类汇总', 'By category'],
  category: ['类别', 'Category'],
  attribute: ['属性', 'Attribute'],
  evaluation: ['评价指标', 'Evaluation'],
  observation: ['观察指标', 'Observation'],
  scorecard: ['责任单位考评', 'Department scorecard'],
  rank: ['排名', 'Rank'],
  graded: ['参评指标', 'Graded'],
  onSchedule: ['进度达标', 'On schedule'],
  share: ['比例', 'Share'],
  overall: ['总体', 'Overall'],
  tasks: ['任务与改革', 'Tasks and reforms'],
  projects: ['项目与里程碑', 'Projects and milestones'],
  project: ['项目', 'Project'],
  milestone: ['里程碑', 'Milestone'],
  milestones: ['里程碑', 'Milestones'],
  planned: ['计划日期', 'Planned'],
  met: ['完成日期', 'Met'],
  slip: ['偏差天数', 'Slip (days)'],
  overdue: ['逾期', 'Overdue'],
  nextDue: ['下一节点', 'Next due'],
  unplanned: ['未列入计划', 'unplanned'],
  plannedMilestones: ['计划里程碑', 'Planned milestones'],
  unplannedMet: ['记录的未列入计划里程碑', 'Unplanned milestones recorded'],
  total: ['合计', 'Total'],
  explanation: ['说明', 'Explanation'],
  elapsed: ['时间进度', 'Time elapsed'],
  illustrative: ['示例数据', 'Illustrative data'],
  illustrativeNotice: [
    '本报告中标注为示例的基期值和年度数值是按文档规则生成的示例数据，不是官方统计数据。',
    'Baselines and yearly values marked as illustrative were generated by documented rules; they are not official statistics.',
  ],
  light: ['亮灯', 'Light'],
  none: ['—', '—'],
  plan: ['规划期', 'Plan period'],
  selfSelected: ['自选指标', 'self-selected'],
  kind: ['类型', 'Kind'],
  milestonesMet: ['已完成里程碑', 'Milestones met'],
  changes: ['变化', 'Changes'],
  attention: ['需要关注', 'Needs attention'],
  attentionNone: ['目前没有需要关注的事项。', 'Nothing needs attention.'],
  atRisk: ['预计到期难以实现', 'At risk'],
  atRiskLong: [
    '当前符合进度，但按当前速度到期难以实现目标',
    'on track today, forecast to miss the due target',
  ],
  why: ['原因', 'Why'],
  delayedTasks: ['延误的任务与改革', 'Delayed tasks and reforms'],
  overdueProjects: ['有逾期节点的项目', 'Projects with overdue milestones'],
  chart: ['图表', 'Chart'],
  tableView: ['数据表', 'Table view'],
  year: ['年份', 'Year'],
  value: ['数值', 'Value'],
  expectedPath: ['序时进度路径', 'Expected path (time-proportional)'],
  finalTarget: ['最终目标', 'Final target'],
  interimTarget: ['中期目标', 'Interim target'],
  actual: ['实际值', 'Actual'],
  forecastHistory: ['预测变化', 'Forecast history'],
  reportedOn: ['报告日期', 'Reported on'],
  forecastDate: ['预测日期', 'Forecast date'],
  reason: ['原因', 'Reason'],
  noMilestones: ['尚无里程碑记录', 'no milestones recorded'],
  projectsWithoutMilestones: ['尚无里程碑记录的项目', 'Projects without milestones yet'],
  progress: ['进度', 'Progress'],
  eventIds: ['依据事件', 'Event ids'],
  position: ['账本位置', 'Ledger position'],
  details: ['指标详情', 'Indicator details'],
  summary: ['概况', 'Summary'],
  from: ['从', 'From'],
  to: ['至', 'To'],
  before: ['变化前', 'Before'],
  after: ['变化后', 'After'],
  subject: ['对象', 'Subject'],
  timeline: ['时间线', 'Timeline'],
  today: ['报告日', 'report date'],
  noPlan: ['不属于任何规划', 'not part of an adopted plan'],
  warnings: ['警告', 'Warnings'],
  warningsNotice: [
    '账本未通过校验，以下数字可能不可靠：',
    'The ledger does not verify; the figures below may not be reliable:',
  ],
} as const satisfies Readonly<Record<string, Pair>>

/** A key of the report text table. */
export type TextKey = keyof typeof TEXT

/** The keys each label table is over. */
export interface LabelKeys {
  readonly status: StatusCode
  readonly grade: Grade
  readonly method: RuleName
  readonly task: TaskStatus | 'unreported'
  readonly taskKind: TaskKind
  readonly light: Light
  readonly text: TextKey
}

const TABLES: { readonly [K in keyof LabelKeys]: Readonly<Record<LabelKeys[K], Pair>> } = {
  status: STATUS,
  grade: GRADE,
  method: RULE,
  task: TASK_STATUS,
  taskKind: TASK_KIND,
  light: LIGHT,
  text: TEXT,
}

/**
 * A label in the report language. `kind` picks the table; the key is typed by the table, so
 * every key has both labels.
 *
 * @example
 * import { label } from '@progress-ledger/reporting'
 * label('grade', 'on-schedule', 'zh') // '基本符合预期'
 * label('status', 'off-track', 'en') // 'Off track'
 * label('method', 'time-proportional', 'zh') // '序时进度法'
 */
export function label<K extends keyof LabelKeys>(kind: K, key: LabelKeys[K], lang: Lang): string {
  const table: Readonly<Record<LabelKeys[K], Pair>> = TABLES[kind]
  return table[key][lang === 'zh' ? 0 : 1]
}

/**
 * A method name as a report prints it.
 *
 * @example
 * import { methodLabel } from '@progress-ledger/reporting'
 * methodLabel('growth-ratio', 'en') // 'ratio of growth rates (UNSD)'
 */
export function methodLabel(m: MethodName | RuleName, lang: Lang): string {
  return label('method', m, lang)
}

/**
 * Removes typesetting residue from a printed name: LaTeX-style sub- and superscripts
 * (`PM _{2.5}` → `PM2.5`) and the spaces around them.
 *
 * @example
 * import { cleanName } from '@progress-ledger/reporting'
 * cleanName('城市PM _{2.5} 平均浓度') // '城市PM2.5平均浓度'
 */
export function cleanName(s: string): string {
  return s
    .replace(/\s*[_^]\{([^{}]*)\}\s*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Localized text in the report language (English falls back to Chinese when not given), cleaned
 * of typesetting residue.
 *
 * @example
 * import { localized } from '@progress-ledger/reporting'
 * localized({ zh: '人均生产总值', en: 'GDP per capita' }, 'en') // 'GDP per capita'
 */
export function localized(t: LocalizedText, lang: Lang): string {
  return cleanName(lang === 'en' ? (t.en ?? t.zh) : t.zh)
}
