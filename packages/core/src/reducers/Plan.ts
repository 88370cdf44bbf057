/**
 * Reducers of the plan family: a plan adopted (or re-adopted), its categories, departments.
 *
 * @module reducers/Plan
 */
import type { Reducers } from './Reducers'
import { stampOf } from './Reducers'

/** Plans, categories and departments. */
export const planReducers: Reducers<'PlanAdopted' | 'CategoryDefined' | 'DepartmentRegistered'> = {
  PlanAdopted(d, e) {
    const data = e.data
    const existing = d.plans.get(data.planId)
    // A re-adoption updates the plan but keeps the stamp of its first adoption: as-of views
    // show the plan from the day it first existed.
    d.plans.put(data.planId, {
      ...stampOf(existing ?? e),
      planId: data.planId,
      name: data.name,
      adoptedOn: data.adoptedOn,
      baseYear: data.baseYear,
      startYear: data.startYear,
      endYear: data.endYear,
      issuer: data.issuer ?? null,
      categories: existing?.categories ?? {},
    })
  },
  CategoryDefined(d, e) {
    const plan = d.plans.edit(e.data.planId)
    if (plan === undefined)
      return d.unattached(e, `plan ${JSON.stringify(e.data.planId)} is not adopted`)
    // Defined again: updated under the stamp of its first definition (see DepartmentRegistered).
    const existing = d.plans.get(e.data.planId)?.categories[e.data.categoryId]
    plan.create('categories', e.data.categoryId, {
      ...stampOf(existing ?? e),
      categoryId: e.data.categoryId,
      name: e.data.name,
      order: e.data.order,
    })
  },
  DepartmentRegistered(d, e) {
    // A registration again (a new alias, a new name) updates the department but keeps the stamp
    // of its first registration, as a plan, task or project redefined does: views as of an
    // earlier time still show the department (in its newest form), rather than losing it.
    const existing = d.departments.get(e.data.departmentId)
    d.departments.put(e.data.departmentId, {
      ...stampOf(existing ?? e),
      departmentId: e.data.departmentId,
      name: e.data.name,
      aliases: [...e.data.aliases],
    })
  },
}
