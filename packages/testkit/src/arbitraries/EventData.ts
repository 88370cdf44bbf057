/**
 * Arbitraries for the data of every event type of the catalog. The record is keyed by event
 * type and typed exhaustively, so adding an event type to the catalog fails to compile here
 * until it has an arbitrary. Every value passes its type's codec.
 *
 * @module arbitraries/EventData
 */
import * as fc from 'fast-check'
import type { EventData, EventType } from '@progress-ledger/core'
import {
  dateSpecArb,
  entityIdArb,
  factArb,
  finiteNumber,
  isoDateArb,
  localizedTextArb,
  nonEmptyString,
  periodKeyArb,
  periodKinds,
  recordOf,
  sourceRefArb,
  targetExpressionArb,
} from './Scalars'

/** An arbitrary for the data of each event type. */
export type EventDataArbitraries = { readonly [K in EventType]: fc.Arbitrary<EventData<K>> }

const id = entityIdArb
const text = nonEmptyString
const ids = (): fc.Arbitrary<ReadonlyArray<string>> => fc.array(entityIdArb(), { maxLength: 3 })
const year = (): fc.Arbitrary<number> => fc.integer({ min: 2016, max: 2035 })
const valueStatus = (): fc.Arbitrary<'preliminary' | 'final'> =>
  fc.constantFrom('preliminary', 'final')
const subject = (): fc.Arbitrary<'indicator' | 'task' | 'project'> =>
  fc.constantFrom('indicator', 'task', 'project')
const valueQualifiers = {
  unit: fc.string(),
  source: sourceRefArb(),
  illustrative: fc.boolean(),
  outlier: nonEmptyString(),
  submitted: fc.boolean(),
}

/**
 * Arbitraries for every event type's data, derived from the catalog's codecs.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { catalog } from '@progress-ledger/core'
 * import { eventDataArbitraries } from '@progress-ledger/testkit'
 * const data = fc.sample(eventDataArbitraries.ValueReported, 1)[0]
 * catalog.ValueReported.codec.is(data) // true
 */
export const eventDataArbitraries: EventDataArbitraries = {
  PlanAdopted: recordOf(
    {
      planId: id(),
      name: localizedTextArb(),
      adoptedOn: isoDateArb(),
      baseYear: year(),
      startYear: year(),
      endYear: year(),
    },
    { issuer: fc.string(), source: sourceRefArb() },
  ),
  CategoryDefined: fc.record(
    { planId: id(), categoryId: id(), name: localizedTextArb(), order: fc.nat(100) },
    { noNullPrototype: true },
  ),
  DepartmentRegistered: recordOf(
    { departmentId: id(), name: localizedTextArb(), aliases: ids() },
    { note: fc.string() },
  ),
  IndicatorDefined: recordOf(
    {
      planId: id(),
      indicatorId: id(),
      name: localizedTextArb(),
      unit: fc.string(),
      categoryId: id(),
      attribute: fc.constantFrom('evaluation', 'observation'),
      selfSelected: fc.boolean(),
      departments: ids(),
      direction: fc.constantFrom('higher', 'lower', 'band', 'neutral'),
      periodicity: fc.constantFrom(...periodKinds),
    },
    { number: fc.string(), unitEn: fc.string(), parentId: id(), source: sourceRefArb() },
  ),
  BaselineSet: recordOf(
    { indicatorId: id(), period: periodKeyArb(), value: finiteNumber() },
    { illustrative: fc.boolean(), source: sourceRefArb() },
  ),
  TargetSet: recordOf(
    {
      indicatorId: id(),
      targetId: id(),
      dueYear: year(),
      role: fc.constantFrom('interim', 'final'),
      expression: targetExpressionArb(),
    },
    { dueDate: isoDateArb(), printed: fc.string(), source: sourceRefArb() },
  ),
  TargetRevised: recordOf(
    { indicatorId: id(), targetId: id(), expression: targetExpressionArb(), reason: text() },
    { printed: fc.string(), dueYear: year(), dueDate: isoDateArb(), document: fc.string() },
  ),
  QuotaAssigned: recordOf(
    { indicatorId: id(), targetId: id(), expression: targetExpressionArb(), assignedBy: text() },
    { printed: fc.string(), document: fc.string() },
  ),
  ValueReported: recordOf(
    { indicatorId: id(), period: periodKeyArb(), value: finiteNumber(), status: valueStatus() },
    valueQualifiers,
  ),
  ValueCorrected: recordOf(
    {
      indicatorId: id(),
      period: periodKeyArb(),
      value: finiteNumber(),
      status: valueStatus(),
      corrects: id(),
      reason: text(),
    },
    valueQualifiers,
  ),
  ValueRetracted: fc.record(
    { indicatorId: id(), period: periodKeyArb(), retracts: id(), reason: text() },
    { noNullPrototype: true },
  ),
  ValueApproved: fc.record(
    { indicatorId: id(), period: periodKeyArb(), approves: id() },
    { noNullPrototype: true },
  ),
  ValueReturned: fc.record(
    { indicatorId: id(), period: periodKeyArb(), returns: id(), reason: text() },
    { noNullPrototype: true },
  ),
  ProjectDefined: recordOf(
    {
      projectId: id(),
      kind: fc.constantFrom('flagship', 'construction'),
      name: localizedTextArb(),
      departments: ids(),
      facts: fc.array(factArb(), { maxLength: 3 }),
    },
    { planId: id(), number: fc.string(), section: fc.string(), source: sourceRefArb() },
  ),
  MilestonePlanned: recordOf(
    {
      projectId: id(),
      milestoneId: id(),
      title: localizedTextArb(),
      kind: text(),
      planned: dateSpecArb(),
    },
    { source: sourceRefArb() },
  ),
  MilestoneForecastMoved: recordOf(
    { projectId: id(), milestoneId: id(), forecast: dateSpecArb() },
    { reason: fc.string() },
  ),
  MilestoneMet: recordOf(
    {
      projectId: id(),
      milestoneId: id(),
      met: dateSpecArb(),
      unplanned: fc.boolean(),
      facts: fc.array(factArb(), { maxLength: 3 }),
    },
    { title: localizedTextArb(), kind: text(), scope: fc.string(), source: sourceRefArb() },
  ),
  TaskDefined: recordOf(
    {
      planId: id(),
      taskId: id(),
      kind: fc.constantFrom('key-task', 'reform', 'action-item'),
      name: localizedTextArb(),
      departments: ids(),
    },
    { number: fc.string(), section: fc.string(), summary: fc.string(), source: sourceRefArb() },
  ),
  TaskStatusReported: recordOf(
    {
      taskId: id(),
      status: fc.constantFrom('not-started', 'in-progress', 'completed', 'delayed', 'suspended'),
    },
    { progress: finiteNumber(), note: fc.string() },
  ),
  ResponsibilityReassigned: fc.record(
    { subject: subject(), subjectId: id(), departments: ids(), reason: text() },
    { noNullPrototype: true },
  ),
  AccessDenied: recordOf(
    { command: text(), reason: text() },
    {
      subject: subject(),
      subjectId: fc.string(),
      role: fc.constantFrom('plan-admin', 'reporter', 'auditor'),
      department: id(),
    },
  ),
}
