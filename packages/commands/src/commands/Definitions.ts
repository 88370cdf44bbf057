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
  Fact,
  IndicatorAttribute,
  IsoDate,
  LocalizedText,
  NonEmptyString,
  NonNegativeInt,
  PeriodKey,
  PeriodKind,
  ProjectKind,
  SourceRef,
  TaskKind,
} from '@progress-ledger/core'

/** Adopt a plan (行动方案): its valid time is the adoption date. */
export const AdoptPlan = t.exact(
  t.intersection([
    t.type({
      type: t.literal('AdoptPlan'),
      planId: NonEmptyString,
      name: LocalizedText,
      adoptedOn: IsoDate,
      baseYear: NonNegativeInt,
      startYear: NonNegativeInt,
      endYear: NonNegativeInt,
    }),
    t.partial({ id: NonEmptyString, issuer: t.string, source: SourceRef }),
  ]),
  'AdoptPlan',
)

/** Define a category of a plan's indicators. Valid time defaults to the plan's adoption. */
export const DefineCategory = t.exact(
  t.intersection([
    t.type({
      type: t.literal('DefineCategory'),
      planId: NonEmptyString,
      categoryId: NonEmptyString,
      name: LocalizedText,
      order: NonNegativeInt,
    }),
    t.partial({ id: NonEmptyString, validTime: IsoDate }),
  ]),
  'DefineCategory',
)

/** Register a responsible unit (责任单位) under its names. Valid time defaults to today. */
export const RegisterDepartment = t.exact(
  t.intersection([
    t.type({
      type: t.literal('RegisterDepartment'),
      departmentId: NonEmptyString,
      name: LocalizedText,
    }),
    t.partial({
      id: NonEmptyString,
      validTime: IsoDate,
      aliases: t.readonlyArray(NonEmptyString),
      note: t.string,
    }),
  ]),
  'RegisterDepartment',
)

/** Define (or redefine) an indicator. Valid time defaults to the plan's adoption. */
export const DefineIndicator = t.exact(
  t.intersection([
    t.type({
      type: t.literal('DefineIndicator'),
      planId: NonEmptyString,
      indicatorId: NonEmptyString,
      name: LocalizedText,
      unit: t.string,
      categoryId: NonEmptyString,
      attribute: IndicatorAttribute,
      selfSelected: t.boolean,
      departments: t.readonlyArray(NonEmptyString),
      direction: Direction,
      periodicity: PeriodKind,
    }),
    t.partial({
      id: NonEmptyString,
      validTime: IsoDate,
      number: t.string,
      unitEn: t.string,
      parentId: NonEmptyString,
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
      indicatorId: NonEmptyString,
      period: PeriodKey,
      value: t.number,
    }),
    t.partial({
      id: NonEmptyString,
      unit: t.string,
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
      projectId: NonEmptyString,
      kind: ProjectKind,
      name: LocalizedText,
      departments: t.readonlyArray(NonEmptyString),
    }),
    t.partial({
      id: NonEmptyString,
      validTime: IsoDate,
      facts: t.readonlyArray(Fact),
      planId: NonEmptyString,
      number: t.string,
      section: t.string,
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
      planId: NonEmptyString,
      taskId: NonEmptyString,
      kind: TaskKind,
      name: LocalizedText,
      departments: t.readonlyArray(NonEmptyString),
    }),
    t.partial({
      id: NonEmptyString,
      validTime: IsoDate,
      number: t.string,
      section: t.string,
      summary: t.string,
      source: SourceRef,
    }),
  ]),
  'DefineTask',
)
