/**
 * Events about a plan as a whole: its adoption, its categories and the departments that answer
 * for it.
 *
 * @module events/Plan
 */
import * as t from 'io-ts'
import {
  EntityId,
  IsoDate,
  Label,
  LocalizedText,
  Name,
  NonNegativeInt,
  SourceRef,
  Text,
  Year,
} from '../Scalars'

/** A plan (行动方案) was adopted: its name, adoption date and the years it covers. */
export const PlanAdopted = t.exact(
  t.intersection([
    t.type({
      planId: EntityId,
      name: LocalizedText,
      adoptedOn: IsoDate,
      baseYear: Year,
      startYear: Year,
      endYear: Year,
    }),
    t.partial({ issuer: Label, source: SourceRef }),
  ]),
  'PlanAdopted',
)

/** A category of indicators (类别) was defined within a plan, with its display order. */
export const CategoryDefined = t.strict(
  {
    planId: EntityId,
    categoryId: EntityId,
    name: LocalizedText,
    order: NonNegativeInt,
  },
  'CategoryDefined',
)

/** A responsible unit (责任单位) was registered, with the other names it goes by. */
export const DepartmentRegistered = t.exact(
  t.intersection([
    t.type({
      departmentId: EntityId,
      name: LocalizedText,
      aliases: t.readonlyArray(Name),
    }),
    t.partial({ note: Text }),
  ]),
  'DepartmentRegistered',
)
