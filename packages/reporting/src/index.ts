/**
 * `@progress-ledger/reporting`: status evaluation (time-proportional progress, growth-rate
 * methods, qualitative rules, forecasts), what needs attention, milestone schedules, roll-ups,
 * diffs and renderers (Markdown, self-contained HTML, CSV, JSON) in Chinese and English.
 *
 * @packageDocumentation
 */
export * from './Status'
export * from './Options'
export * from './Format'
export * from './PeriodText'
export * from './Explanation'
export * from './ExplanationText'
export * from './Note'
export * from './Threshold'
export * from './Sentence'
export * from './Methods'
export type { Point, NumericTarget, NumericCase, TargetOp } from './methods/NumericCase'
export { meets } from './methods/NumericCase'
export { timeProportional } from './methods/TimeProportional'
export { growthRatio } from './methods/GrowthRatio'
export { statCan } from './methods/StatCan'
export { expectedValue } from './methods/ExpectedValue'
export { linear } from './methods/Linear'
export {
  evaluateQualitative,
  type NaturalLimit,
  type QualitativeCase,
  type QualitativeTarget,
} from './methods/Qualitative'
export * from './Forecast'
export * from './Evaluate'
export * from './Milestones'
export * from './Rollup'
export * from './Task'
export * from './Attention'
export * from './Report'
export * from './ProjectTimeline'
export * from './Diff'
export * from './Labels'
export { renderMarkdown, markdownText } from './render/Markdown'
export { renderHtml } from './render/Html'
export { renderCsv, csvField, csvColumns } from './render/Csv'
export {
  renderJson,
  toReportJson,
  ReportJson,
  IndicatorJson,
  ExplanationJson,
  ProjectJson,
  reportSchemaVersion,
} from './render/Json'
export { forecastSentence, type NoForecast, renderIndicatorStatus } from './render/Status'
export {
  renderProjectHtml,
  renderProjectJson,
  renderProjectMarkdown,
  renderProjectText,
  ProjectReportJson,
} from './render/Project'
