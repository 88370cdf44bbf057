/**
 * The event catalog: every event type, its io-ts codec (the one definition of its data), its
 * schema version, and what its valid time means. Types, the reducer's exhaustiveness check and
 * `docs/events.md` are all derived from this object.
 *
 * @module Catalog
 */
import type * as t from 'io-ts'
import { AccessDenied, ResponsibilityReassigned } from './events/Responsibility'
import { BaselineSet, IndicatorDefined } from './events/Indicator'
import { CategoryDefined, DepartmentRegistered, PlanAdopted } from './events/Plan'
import {
  MilestoneForecastMoved,
  MilestoneMet,
  MilestonePlanned,
  ProjectDefined,
} from './events/Project'
import { QuotaAssigned, TargetRevised, TargetSet } from './events/Target'
import { TaskDefined, TaskStatusReported } from './events/Task'
import {
  ValueApproved,
  ValueCorrected,
  ValueReported,
  ValueRetracted,
  ValueReturned,
} from './events/Value'

/** One entry of the catalog. */
export interface CatalogEntry<C extends t.Mixed> {
  /** Decodes and encodes the event's `data`. */
  readonly codec: C
  /** The current schema version written for new events. */
  readonly schemaVersion: number
  /** Upgrades stored data of an older schema version `v` to version `v + 1`. */
  readonly upcasters: Readonly<Record<number, (data: unknown) => unknown>>
  /** The stream the event belongs in, by convention. */
  readonly stream: string
  /** What the envelope's valid time means for this event. */
  readonly validTime: string
}

function entry<C extends t.Mixed>(codec: C, stream: string, validTime: string): CatalogEntry<C> {
  return { codec, schemaVersion: 1, upcasters: {}, stream, validTime }
}

/** Every event type of the ledger. */
export const catalog = {
  PlanAdopted: entry(PlanAdopted, 'plan-{planId}', 'the adoption date'),
  CategoryDefined: entry(
    CategoryDefined,
    'plan-{planId}',
    'the date the category takes effect (usually adoption)',
  ),
  DepartmentRegistered: entry(
    DepartmentRegistered,
    'department-{departmentId}',
    'the date the unit is known under these names',
  ),
  IndicatorDefined: entry(
    IndicatorDefined,
    'indicator-{indicatorId}',
    'the date the definition takes effect',
  ),
  BaselineSet: entry(BaselineSet, 'indicator-{indicatorId}', 'the last day of the baseline period'),
  TargetSet: entry(
    TargetSet,
    'indicator-{indicatorId}',
    'the date the target takes effect (usually adoption)',
  ),
  TargetRevised: entry(
    TargetRevised,
    'indicator-{indicatorId}',
    'the date the revision takes effect',
  ),
  QuotaAssigned: entry(
    QuotaAssigned,
    'indicator-{indicatorId}',
    'the date the quota was handed down',
  ),
  ValueReported: entry(
    ValueReported,
    'indicator-{indicatorId}',
    'the last day of the reported period',
  ),
  ValueCorrected: entry(
    ValueCorrected,
    'indicator-{indicatorId}',
    'the last day of the corrected period',
  ),
  ValueRetracted: entry(
    ValueRetracted,
    'indicator-{indicatorId}',
    'the last day of the retracted period',
  ),
  ValueApproved: entry(
    ValueApproved,
    'indicator-{indicatorId}',
    'the last day of the approved period',
  ),
  ValueReturned: entry(
    ValueReturned,
    'indicator-{indicatorId}',
    'the last day of the returned period',
  ),
  ProjectDefined: entry(
    ProjectDefined,
    'project-{projectId}',
    'the date the project is established',
  ),
  MilestonePlanned: entry(MilestonePlanned, 'project-{projectId}', 'the date the plan was made'),
  MilestoneForecastMoved: entry(
    MilestoneForecastMoved,
    'project-{projectId}',
    'the date of the forecast',
  ),
  MilestoneMet: entry(
    MilestoneMet,
    'project-{projectId}',
    'the latest day the milestone can have been met',
  ),
  TaskDefined: entry(TaskDefined, 'task-{taskId}', 'the date the task is set (usually adoption)'),
  TaskStatusReported: entry(TaskStatusReported, 'task-{taskId}', 'the date the status applies to'),
  ResponsibilityReassigned: entry(
    ResponsibilityReassigned,
    '{subject}-{subjectId}',
    'the date from which the new departments answer',
  ),
  AccessDenied: entry(AccessDenied, 'audit-{actor}', 'the date of the refused attempt'),
} as const

/** The name of an event type. */
export type EventType = keyof typeof catalog

/** The decoded data of an event type. */
export type EventData<K extends EventType> = t.TypeOf<(typeof catalog)[K]['codec']>

/** An event of the ledger: a tagged union over the catalog. */
export type LedgerEvent = {
  [K in EventType]: { readonly type: K; readonly data: EventData<K> }
}[EventType]

/** The event types, in catalog order. */
export const eventTypes: ReadonlyArray<EventType> = Object.keys(catalog) as EventType[]

/** Is `s` the name of an event type? */
export function isEventType(s: unknown): s is EventType {
  return typeof s === 'string' && Object.prototype.hasOwnProperty.call(catalog, s)
}
