/**
 * `@progress-ledger/cli`: the `progress-ledger` command-line tool, also usable as a library
 * (`run(argv, io)`) for embedding and tests.
 *
 * @packageDocumentation
 */
export * from './Io'
export * from './Progress'
export * from './StoreUrl'
export * from './ActorOption'
export * from './Command'
export * from './Exchange'
export * from './Cli'
