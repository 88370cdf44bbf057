/**
 * Events about a plan as a whole: its adoption, its categories and the departments that answer
 * for it.
 *
 * @module events/Plan
 */
import * as t from 'io-ts'
import { IsoDate, LocalizedText, NonEmptyString, NonNegativeInt, SourceRef } from '../Scalars'

/** A plan (行动方案) was adopted: its name, adoption date and the years it covers. */
export const PlanAdopted = t.exact(
  t.intersection([
    t.type({
      planId: NonEmptyString,
      name: LocalizedText,
      adoptedOn: IsoDate,
      baseYear: NonNegativeInt,
      startYear: NonNegativeInt,
      endYear: NonNegativeInt,
    }),
    t.partial({ issuer: t.string, source: SourceRef }),
  ]),
  'PlanAdopted',
)

/** A category of indicators (类别) was defined within a plan, with its display order. */
export const CategoryDefined = t.strict(
  {
    planId: NonEmptyString,
    categoryId: NonEmptyString,
    name: LocalizedText,
    order: NonNegativeInt,
  },
  'CategoryDefined',
)

/** A responsible unit (责任单位) was registered, with the other names it goes by. */
export const DepartmentRegistered = t.exact(
  t.intersection([
    t.type({
      departmentId: NonEmptyString,
      name: LocalizedText,
      aliases: t.readonlyArray(NonEmptyString),
    }),
    t.partial({ note: t.string }),
  ]),
  'DepartmentRegistered',
)
