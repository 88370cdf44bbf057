/**
 * Commands that define a plan and what it tracks: adopt a plan, define categories, register
 * departments, define indicators, set baselines, define projects and tasks. Plan administrators
 * issue them.
 *
 * @module commands/Definitions
 */
import * as t from 'io-ts'
import {
  Direction,
  EntityId,
  Fact,
  IndicatorAttribute,
  IsoDate,
  Label,
  LocalizedText,
  Name,
  NonNegativeInt,
  PeriodKey,
  PeriodKind,
  ProjectKind,
  SourceRef,
  TaskKind,
  Text,
  Year,
} from '@progress-ledger/core'

/** Adopt a plan (行动方案): its valid time is the adoption date. */
export const AdoptPlan = t.exact(
  t.intersection([
    t.type({
      type: t.literal('AdoptPlan'),
      planId: EntityId,
      name: LocalizedText,
      adoptedOn: IsoDate,
      baseYear: Year,
      startYear: Year,
      endYear: Year,
    }),
    t.partial({ id: EntityId, issuer: Label, source: SourceRef }),
  ]),
  'AdoptPlan',
)

/** Define a category of a plan's indicators. Valid time defaults to the plan's adoption. */
export const DefineCategory = t.exact(
  t.intersection([
    t.type({
      type: t.literal('DefineCategory'),
      planId: EntityId,
      categoryId: EntityId,
      name: LocalizedText,
      order: NonNegativeInt,
    }),
    t.partial({ id: EntityId, validTime: IsoDate }),
  ]),
  'DefineCategory',
)

/** Register a responsible unit (责任单位) under its names. Valid time defaults to today. */
export const RegisterDepartment = t.exact(
  t.intersection([
    t.type({
      type: t.literal('RegisterDepartment'),
      departmentId: EntityId,
      name: LocalizedText,
    }),
    t.partial({
      id: EntityId,
      validTime: IsoDate,
      aliases: t.readonlyArray(Name),
      note: Text,
    }),
  ]),
  'RegisterDepartment',
)

/** Define (or redefine) an indicator. Valid time defaults to the plan's adoption. */
export const DefineIndicator = t.exact(
  t.intersection([
    t.type({
      type: t.literal('DefineIndicator'),
      planId: EntityId,
      indicatorId: EntityId,
      name: LocalizedText,
      unit: Label,
      categoryId: EntityId,
      attribute: IndicatorAttribute,
      selfSelected: t.boolean,
      departments: t.readonlyArray(EntityId),
      direction: Direction,
      periodicity: PeriodKind,
    }),
    t.partial({
      id: EntityId,
      validTime: IsoDate,
      number: Label,
      unitEn: Label,
      parentId: EntityId,
      source: SourceRef,
    }),
  ]),
  'DefineIndicator',
)

/**
 * Set an indicator's baseline (基期值). Valid time is the period's last day. `unit` and `factor`
 * convert a figure given in another unit. A
 * baseline must be plausible for its unit: it has no outlier flag.
 */
export const SetBaseline = t.exact(
  t.intersection([
    t.type({
      type: t.literal('SetBaseline'),
      indicatorId: EntityId,
      period: PeriodKey,
      value: t.number,
    }),
    t.partial({
      id: EntityId,
      unit: Label,
      factor: t.number,
      illustrative: t.boolean,
      source: SourceRef,
    }),
  ]),
  'SetBaseline',
)

/** Define (or redefine) a project. Valid time defaults to the plan's adoption (or today without a plan). */
export const DefineProject = t.exact(
  t.intersection([
    t.type({
      type: t.literal('DefineProject'),
      projectId: EntityId,
      kind: ProjectKind,
      name: LocalizedText,
      departments: t.readonlyArray(EntityId),
    }),
    t.partial({
      id: EntityId,
      validTime: IsoDate,
      facts: t.readonlyArray(Fact),
      planId: EntityId,
      number: Label,
      section: Label,
      source: SourceRef,
    }),
  ]),
  'DefineProject',
)

/** Define (or redefine) a key task, reform or action item. Valid time defaults to the plan's adoption. */
export const DefineTask = t.exact(
  t.intersection([
    t.type({
      type: t.literal('DefineTask'),
      planId: EntityId,
      taskId: EntityId,
      kind: TaskKind,
      name: LocalizedText,
      departments: t.readonlyArray(EntityId),
    }),
    t.partial({
      id: EntityId,
      validTime: IsoDate,
      number: Label,
      section: Label,
      summary: Text,
      source: SourceRef,
    }),
  ]),
  'DefineTask',
)
