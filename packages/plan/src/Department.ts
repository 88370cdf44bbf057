/**
 * Responsible units (责任单位) and the registry that resolves the names a document prints for
 * them (市卫健局 / 市卫健委, 市人社局 / 市人力社保局, names without the 市 prefix) to one id.
 * Resolution is exact over the registered name and aliases (after trimming spaces): a name that
 * is not listed is reported as unresolved, never matched by similarity.
 *
 * @module Department
 */
import * as t from 'io-ts'
import { LocalizedText, NonEmptyString } from '@progress-ledger/core'
import { Transcript } from './Transcript'

/** A responsible unit: id, name (zh, en) and the other names it is printed under. */
export const Department = t.exact(
  t.intersection([
    t.type({ id: NonEmptyString, name: LocalizedText, aliases: t.readonlyArray(NonEmptyString) }),
    t.partial({ note: t.string, transcript: Transcript }),
  ]),
  'Department',
)
/** A responsible unit. */
export type Department = t.TypeOf<typeof Department>

/** Names (registered names and aliases) to department ids. */
export interface DepartmentRegistry {
  readonly byName: ReadonlyMap<string, string>
  /** Names claimed by more than one department, with the ids claiming them. */
  readonly conflicts: ReadonlyMap<string, ReadonlyArray<string>>
}

/** The outcome of resolving a printed name. */
export type DepartmentResolution =
  | { readonly _tag: 'Resolved'; readonly id: string; readonly name: string }
  | { readonly _tag: 'Unresolved'; readonly name: string }

const key = (name: string): string => name.replace(/\s+/g, '')

/**
 * Builds the registry from departments. A name claimed by two departments resolves to neither
 * and is listed in `conflicts`.
 *
 * @example
 * import { departmentRegistry, resolveDepartment } from '@progress-ledger/plan'
 * const reg = departmentRegistry([{ id: 'wjj', name: { zh: '市卫健局' }, aliases: ['市卫健委'] }])
 * resolveDepartment(reg, '市卫健委') // { _tag: 'Resolved', id: 'wjj', name: '市卫健委' }
 * resolveDepartment(reg, '卫健委') // { _tag: 'Unresolved', name: '卫健委' }
 */
export function departmentRegistry(
  departments: ReadonlyArray<Pick<Department, 'id' | 'name' | 'aliases'>>,
): DepartmentRegistry {
  const claims = new Map<string, string[]>()
  for (const d of departments) {
    for (const n of [d.name.zh, ...(d.name.en === undefined ? [] : [d.name.en]), ...d.aliases]) {
      const ids = claims.get(key(n)) ?? []
      if (!ids.includes(d.id)) ids.push(d.id)
      claims.set(key(n), ids)
    }
  }
  const byName = new Map<string, string>()
  const conflicts = new Map<string, ReadonlyArray<string>>()
  for (const [n, ids] of claims) {
    if (ids.length === 1) byName.set(n, ids[0] as string)
    else conflicts.set(n, ids)
  }
  return { byName, conflicts }
}

/**
 * Resolves a printed name to a department id, or reports it unresolved.
 *
 * @example
 * import { departmentRegistry, resolveDepartment } from '@progress-ledger/plan'
 * const reg = departmentRegistry([{ id: 'rsj', name: { zh: '市人力社保局' }, aliases: ['市人社局'] }])
 * resolveDepartment(reg, ' 市人社局 ') // { _tag: 'Resolved', id: 'rsj', name: ' 市人社局 ' }
 */
export function resolveDepartment(
  registry: DepartmentRegistry,
  name: string,
): DepartmentResolution {
  const id = registry.byName.get(key(name))
  return id === undefined ? { _tag: 'Unresolved', name } : { _tag: 'Resolved', id, name }
}
