/**
 * `@progress-ledger/bench` (unpublished): the workloads, baselines, ledger generator and
 * measurements behind `pnpm bench`. The entry points are `src/main.ts` (the command),
 * `src/worker.ts` (one measurement in a fresh process) and `src/generate.ts` (SQLite ledgers);
 * this index exposes the parts the tests and examples use.
 *
 * @packageDocumentation
 */
export * from './workloads/Uuid'
export * from './workloads/Anchor'
export * from './workloads/Counties'
export * from './workloads/Railway'
export * from './baselines/Floor'
export * from './baselines/FloorJson'
export * from './baselines/CopyingFloor'
export * from './baselines/CopyingLedger'
export * from './baselines/PersistentFloor'
export * from './baselines/Spread'
export * from './ledgers/Generate'
export * from './ledgers/Cache'
export * from './measure/Timing'
export * from './measure/Process'
export * from './measure/Cli'
export * from './measure/CliPostgres'
export * from './measure/Intake'
export * from './Jobs'
export * from './Tasks'
export * from './Goals'
export * from './Summary'
export * from './Markdown'
export * from './Built'
