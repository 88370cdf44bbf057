/**
 * `@progress-ledger/commands`: the command side of progress-ledger. Commands (io-ts codecs)
 * are decided against the projected ledger into events or typed rejections; an application
 * service writes the accepted events with optimistic concurrency.
 *
 * @packageDocumentation
 */
export * from './Actor'
export * from './Context'
export * from './Rejection'
export * from './StreamedEvent'
export * from './Decision'
export * from './commands/Definitions'
export * from './commands/Targets'
export * from './commands/Values'
export * from './commands/Progress'
export * from './Command'
export * from './Authorisation'
export * from './Decide'
export * from './DecideAll'
export * from './Handle'
export * from './PlanImport'
export * from './HandleStream'
