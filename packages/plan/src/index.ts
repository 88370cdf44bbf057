/**
 * `@progress-ledger/plan`: the plan model of progress-ledger — indicators, targets and their
 * grammar, tasks, projects, milestones, departments — and the translation of plans to events.
 *
 * @packageDocumentation
 */
export * from './TargetGrammar'
export * from './Transcript'
export * from './Department'
export * from './Indicator'
export * from './Task'
export * from './Project'
export * from './Plan'
export * from './PlanDocument'
export * from './PlanValidation'
export * from './PlanEvents'
export * from './PlanFromState'
export * from './History'
export * from './ReadPlanFile'
