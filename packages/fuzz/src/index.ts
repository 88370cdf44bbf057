/**
 * `@progress-ledger/fuzz` (unpublished): a fuzz harness for the write path — hostile inputs
 * through `append`, `import-plan` and `import` against real stores, counting crashes, accepted invalid
 * inputs and ledger changes after refusals. Run it with `pnpm fuzz`.
 *
 * @packageDocumentation
 */
export * from './Hostile'
export * from './World'
export * from './Inputs'
export * from './Oracle'
export * from './Targets'
export * from './ImportTarget'
export * from './Fuzz'
export * from './Report'
