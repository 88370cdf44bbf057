// Chinese and English words of the workbooks that the reporting package's labels do not have.
import type { Lang } from '@progress-ledger/reporting'

type Table = Readonly<Record<string, readonly [zh: string, en: string]>>

const WORDS: Table = {
  id: ['指标编号', 'Indicator ID'],
  latestValue: ['最新值', 'Latest value'],
  latestPeriod: ['最新值期间', 'Latest period'],
  latestStatus: ['最新值状态', 'Latest status'],
  dueYear: ['目标年份', 'Due year'],
  notes: ['备注', 'Notes'],
  instructions: ['填报说明', 'Instructions'],
  templateTitle: ['年指标数据填报表', ' figures to report'],
  preliminary: ['初步', 'preliminary'],
  final: ['正式', 'final'],
  numberPrompt: ['填写数字', 'Enter a number'],
  numberError: ['请输入数字（不带单位）', 'Enter a number (without a unit)'],
  statusPrompt: ['选择数据状态', 'Choose the status'],
  statusError: ['请选择“初步”或“正式”', 'Choose preliminary or final'],
  numericTarget: ['目标值', 'Target value'],
  comparison: ['比较', 'Comparison'],
  gap: ['差距', 'Gap'],
  meetsByDue: ['按当前速度到期可实现', 'Met by due year at current pace'],
  yes: ['是', 'yes'],
  no: ['否', 'no'],
  summary: ['概况', 'Summary'],
  departmentsSheet: ['责任单位', 'Departments'],
  tasksSheet: ['任务', 'Tasks'],
  projectsSheet: ['项目', 'Projects'],
  milestonesSheet: ['里程碑', 'Milestones'],
  indicatorsSheet: ['指标', 'Indicators'],
  planName: ['规划', 'Plan'],
  position: ['台账位置', 'Ledger position'],
  progress: ['进度(%)', 'Progress (%)'],
  name: ['名称', 'Name'],
  project: ['项目', 'Project'],
  forecastDate: ['预测日期', 'Forecast'],
  offTrackIds: ['滞后指标', 'Off-track indicators'],
  total: ['里程碑数', 'Milestones'],
  shareMet: ['完成比例', 'Share met'],
}

/** A workbook word in the language. */
export function word(key: keyof typeof WORDS | string, lang: Lang): string {
  const row = WORDS[key]
  if (row === undefined) throw new Error(`no workbook word ${JSON.stringify(key)}`)
  return lang === 'zh' ? row[0] : row[1]
}

/** The template's instructions, one paragraph a row. */
export function instructions(year: number, lang: Lang): ReadonlyArray<string> {
  return lang === 'zh'
    ? [
        `在“${year}年”一列填写各指标${year}年的数值，只填数字，不带单位；单位为“%”的指标填写百分数（12.5% 填 12.5，或直接输入 12.5%）。`,
        '可以使用千位分隔符（1,234.5）和全角数字；“12,5”这类写法、带单位或文字的数值、科学计数法不予接受。',
        '没有数据的指标留空，或填“—”“-”“/”。',
        '“状态”一列选择“初步”或“正式”；留空视为初步。“备注”一列的文字随数值一同记入台账。',
        '请勿修改“序号”“指标编号”“指标”各列；其他说明性列（单位、责任单位、最新值、目标）仅供参考。',
        '含公式的单元格取 Excel 保存的计算结果；整张表全部通过校验才会记入台账，任何问题都会指明所在单元格。',
      ]
    : [
        `Enter each indicator's ${year} figure in the "${year}" column: a number without a unit; for indicators in % enter the percentage (12.5 for 12.5 %, or type 12.5%).`,
        'Thousands separators (1,234.5) and full-width digits are accepted; "12,5", figures with units or words, and scientific notation are not.',
        'Leave a cell empty, or enter "—", "-" or "/", when there is no figure.',
        'In "Status" choose preliminary or final (empty means preliminary). The text in "Notes" is recorded with the figure.',
        'Do not change the No., Indicator ID and Indicator columns; the other columns (unit, responsible, latest value, target) are for information.',
        'A formula gives the result Excel saved with it. The ledger records the sheet only when every figure passes its checks; every problem names its cell.',
      ]
}
