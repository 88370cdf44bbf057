/**
 * `@progress-ledger/bench` (unpublished): the workloads, baselines and measurements behind
 * `pnpm bench`. The entry points are `src/main.ts` (the command) and `src/worker.ts` (one
 * measurement in a fresh process); this index exposes the pure parts for tests.
 *
 * @packageDocumentation
 */
export * from './workloads/Anchor'
export * from './workloads/Counties'
export * from './workloads/Railway'
export * from './baselines/Floor'
export * from './baselines/Spread'
export * from './measure/Timing'
export * from './Jobs'
export * from './Summary'
export * from './Markdown'
