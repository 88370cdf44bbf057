/**
 * A project's milestone as the reducer writes it: found and opened for writing along the path
 * project → milestones → milestone, or created when a plan names it.
 *
 * @module internal/Milestones
 */
import type { RecordedEvent } from '../Envelope'
import type { MilestoneState } from '../State'
import { NONE, type LedgerDraft, type Mutable } from './LedgerDraft'
import { unattached } from './Unattached'

/**
 * The milestone of a project, writable (created when `title` is given and it does not exist), or
 * undefined with the event kept as unattached.
 */
export function milestoneOf(
  d: LedgerDraft,
  e: RecordedEvent,
  projectId: string,
  milestoneId: string,
  title?: MilestoneState['title'],
  kind?: string,
): Mutable<MilestoneState> | undefined {
  const project = d.projects.get(projectId)
  if (project === undefined) {
    unattached(d, e, `project ${JSON.stringify(projectId)} is not defined`)
    return undefined
  }
  const existing = project.milestones[milestoneId]
  if (existing === undefined && title === undefined) {
    unattached(
      d,
      e,
      `milestone ${JSON.stringify(milestoneId)} of project ${JSON.stringify(projectId)} is not planned`,
    )
    return undefined
  }
  const p = d.open(d.projects, projectId) as Mutable<typeof project>
  const milestones = (p.milestones = d.own(p.milestones))
  let m: Mutable<MilestoneState>
  if (existing === undefined) {
    m = d.adopt({
      milestoneId,
      title: d.sealed(title as MilestoneState['title']),
      kind: kind ?? 'other',
      planned: NONE,
      forecasts: NONE,
      met: NONE,
      source: null,
    })
    p.milestoneOrder = d.push(p.milestoneOrder, milestoneId)
  } else m = d.own(existing)
  milestones[milestoneId] = m
  return m
}
