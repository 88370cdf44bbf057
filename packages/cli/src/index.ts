/**
 * `@progress-ledger/cli`: the `progress-ledger` command-line tool, also usable as a library
 * (`run(argv, io)`) for embedding and tests.
 *
 * @packageDocumentation
 */
export * from './Io'
export * from './Failure'
export * from './Version'
export * from './Colour'
export * from './Progress'
export * from './StoreUrl'
export * from './NewLedger'
export * from './Ledger'
export * from './ActorOption'
export * from './Command'
export * from './IndicatorRef'
export * from './ProjectRef'
export * from './Redecide'
export * from './Exchange'
export * from './Completion'
export { forecastLine } from './commands/Status'
export { jsonLines, type JsonLine } from './commands/Append'
export { isListKind, listKinds, listRows, type ListKind, type ListRow } from './commands/List'
export { describeEvent } from './commands/History'
export * from './Cli'
export * from './Interruption'
