/**
 * A project on its own timeline: its milestones as of any date, with or without an adopted plan
 * (the railway chronicle starts in 2016, five years before the plan). Planned milestones count
 * from the day they were planned; unplanned ones from the day they were recorded as met.
 *
 * @module ProjectTimeline
 */
import * as t from 'io-ts'
import {
  type DecodeIssue,
  formatErrors,
  IsoDate,
  type LedgerState,
  type LocalizedText,
} from '@progress-ledger/core'
import { evaluateProject, type ProjectReport } from './Milestones'
import { Lang } from './Options'

/** Options of {@link evaluateProjectTimeline}: the project, the as-of date and the language. */
export const ProjectTimelineOptions = t.exact(
  t.intersection([
    t.type({ projectId: t.string, asOf: IsoDate, lang: Lang }),
    /** Sentences every rendering shows first (as the plan report's `warnings`). */
    t.partial({ warnings: t.readonlyArray(t.string) }),
  ]),
  'ProjectTimelineOptions',
)
/** Options of {@link evaluateProjectTimeline}. */
export type ProjectTimelineOptions = t.TypeOf<typeof ProjectTimelineOptions>

/** A project's report as of a date. */
export interface ProjectTimelineReport {
  readonly projectId: string
  readonly asOf: IsoDate
  readonly lang: Lang
  /** The plan the project belongs to, or `null` (a project tracked on its own). */
  readonly planId: string | null
  /** The ledger position the state reflected. */
  readonly position: number
  readonly project: ProjectReport
  /** Names of the project's departments. */
  readonly departmentNames: Readonly<Record<string, LocalizedText>>
  /** What the reader must know before trusting the dates (empty unless given). */
  readonly warnings: ReadonlyArray<string>
}

/** The result of {@link evaluateProjectTimeline}. */
export type ProjectTimelineResult =
  | { readonly _tag: 'ProjectReport'; readonly report: ProjectTimelineReport }
  | { readonly _tag: 'InvalidOptions'; readonly issues: ReadonlyArray<DecodeIssue> }
  | { readonly _tag: 'ProjectNotFound'; readonly message: string }

/**
 * Evaluates one project as of `options.asOf`, whether or not a plan was adopted by then. Cut
 * the state with core's `asOf` first to see what the ledger knew at a recorded time.
 *
 * @example
 * import { emptyLedger, ledgerProjection, replay } from '@progress-ledger/core'
 * import { fixtures, recorded } from '@progress-ledger/testkit'
 * import { evaluateProjectTimeline } from '@progress-ledger/reporting'
 * const state = replay(ledgerProjection, recorded([fixtures.railwayDefined, fixtures.tunnelPlanned, fixtures.tunnelMet]))
 * const r = evaluateProjectTimeline(state, { projectId: 'hangtai', asOf: '2019-12-31', lang: 'zh' })
 * r._tag // 'ProjectReport'
 * r._tag === 'ProjectReport' && [r.report.planId, r.report.project.plannedMet] // [null, 1]
 * evaluateProjectTimeline(emptyLedger(), { projectId: 'x', asOf: '2019-12-31', lang: 'en' })._tag // 'ProjectNotFound'
 */
export function evaluateProjectTimeline(
  state: LedgerState,
  options: unknown,
): ProjectTimelineResult {
  const decoded = ProjectTimelineOptions.decode(options)
  if (decoded._tag === 'Left')
    return { _tag: 'InvalidOptions', issues: formatErrors(decoded.left, 'options') }
  const o = decoded.right
  const p = state.projects.get(o.projectId)
  if (p === undefined) {
    const known = state.projects
      .toArray()
      .map((x) => x.projectId)
      .sort()
    return {
      _tag: 'ProjectNotFound',
      message: `options.projectId: expected one of ${known.map((k) => JSON.stringify(k)).join(', ') || '(no projects recorded)'}, got ${JSON.stringify(o.projectId)}`,
    }
  }
  const project = evaluateProject(p, o.asOf)
  const departmentNames: Record<string, LocalizedText> = {}
  for (const id of [...project.departments].sort())
    departmentNames[id] = state.departments.get(id)?.name ?? { zh: id }
  return {
    _tag: 'ProjectReport',
    report: {
      projectId: p.projectId,
      asOf: o.asOf,
      lang: o.lang,
      planId: p.definition.planId ?? null,
      position: state.position,
      project,
      departmentNames,
      warnings: o.warnings ?? [],
    },
  }
}
