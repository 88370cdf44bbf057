/**
 * The seed transcriptions the scaled workloads are built from: the 68 indicators of 表1, the key
 * tasks and reforms, and the ~56 milestones of the railway chronicle (seeds/shengzhou/parts).
 *
 * @module workloads/Seeds
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The repository root, found from this file's location. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))

function readPart<T>(name: string): T {
  return JSON.parse(readFileSync(`${repoRoot}seeds/shengzhou/parts/${name}.json`, 'utf8')) as T
}

/** One indicator row of 表1, as transcribed. */
export interface SeedIndicator {
  readonly id: string
  readonly name: { readonly zh: string; readonly en?: string }
  readonly unit: string
  readonly category: string
  readonly attribute: 'evaluation' | 'observation' | null
  readonly selfSelected: boolean
  readonly departmentsPrinted: ReadonlyArray<string>
  readonly targets: ReadonlyArray<{ readonly year: number; readonly printed: string }>
}

/** A department as transcribed. */
export interface SeedDepartment {
  readonly id: string
  readonly name: string
  readonly aliases: ReadonlyArray<string>
}

/** A task-like item (key task, reform) as transcribed. */
export interface SeedTask {
  readonly id: string
  readonly name: { readonly zh: string; readonly en?: string }
  readonly unitsPrinted: ReadonlyArray<string>
}

/** A railway milestone as transcribed. */
export interface SeedMilestone {
  readonly id: string
  readonly date: string
  readonly precision:
    'day' | 'early-month' | 'mid-month' | 'late-month' | 'month' | 'year' | 'range'
  readonly dateEnd: string | null
  readonly kind: string
  readonly scope: string
  readonly title: { readonly zh: string; readonly en?: string }
  readonly facts: ReadonlyArray<{
    readonly key: string
    readonly value: number
    readonly unit?: string
  }>
}

/** Everything the workloads use from the seeds. */
export interface Seeds {
  readonly categories: ReadonlyArray<{
    readonly id: string
    readonly name: { readonly zh: string; readonly en?: string }
  }>
  readonly indicators: ReadonlyArray<SeedIndicator>
  readonly departments: ReadonlyArray<SeedDepartment>
  readonly tasks: ReadonlyArray<SeedTask>
  readonly milestones: ReadonlyArray<SeedMilestone>
}

let cached: Seeds | undefined

/** Loads (once) the seed parts. */
export function loadSeeds(): Seeds {
  if (cached !== undefined) return cached
  const ind = readPart<{
    categories: Seeds['categories']
    indicators: SeedIndicator[]
    departments: SeedDepartment[]
  }>('indicators')
  const lists = readPart<{ keyTasks: SeedTask[]; reforms: SeedTask[] }>('lists')
  const railway = readPart<{ milestones: SeedMilestone[] }>('railway')
  cached = {
    categories: ind.categories,
    indicators: ind.indicators,
    departments: ind.departments,
    tasks: [...lists.keyTasks, ...lists.reforms],
    milestones: railway.milestones,
  }
  return cached
}
