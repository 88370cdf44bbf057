/**
 * `@progress-ledger/reporting`: status evaluation (time-proportional progress, growth-rate
 * methods, qualitative rules, forecasts), milestone schedules, roll-ups, diffs and renderers
 * (Markdown, self-contained HTML, CSV, JSON) in Chinese and English.
 *
 * @packageDocumentation
 */
export * from './Status'
export * from './Options'
export * from './Explanation'
export type { Point, NumericTarget, NumericCase, TargetOp } from './methods/NumericCase'
export { meets } from './methods/NumericCase'
export { timeProportional } from './methods/TimeProportional'
export { growthRatio } from './methods/GrowthRatio'
export { statCan } from './methods/StatCan'
export { expectedValue } from './methods/ExpectedValue'
export { linear } from './methods/Linear'
export {
  evaluateQualitative,
  type QualitativeCase,
  type QualitativeTarget,
} from './methods/Qualitative'
export * from './Forecast'
export * from './Evaluate'
export * from './Milestones'
export * from './Rollup'
export * from './Report'
export * from './Diff'
export * from './Labels'
export { renderMarkdown } from './render/Markdown'
export { renderHtml } from './render/Html'
export { renderCsv } from './render/Csv'
export { renderJson, toReportJson, ReportJson, reportSchemaVersion } from './render/Json'
