// The terminal summary of the main job: status counts, the red indicators with their owners,
// the railway's progress, and where the reports were written.
import type { LedgerState } from '@progress-ledger/core'
import {
  formatNumber,
  type PlanReport,
  type ProjectTimelineReport,
  statusCodes,
} from '@progress-ledger/reporting'

/** What the summary is made from. */
export interface SummaryInput {
  readonly report: PlanReport
  readonly midTerm: PlanReport
  /** The 2023 review (English), whose attention list is printed. */
  readonly review: PlanReport
  /** The railway as of a day before the plan was adopted. */
  readonly railwayBefore: ProjectTimelineReport
  readonly state: LedgerState
  readonly events: number
  readonly head: string
  readonly railway: string
  readonly files: ReadonlyArray<string>
  readonly out: string
}

const name = (t: { readonly zh: string; readonly en?: string }): string =>
  t.en === undefined ? t.zh : `${t.en} (${t.zh})`

function counts(r: PlanReport): string {
  return statusCodes.map((s) => `${s} ${r.overall.counts[s]}`).join(' · ')
}

/** The summary text. */
export function summary(input: SummaryInput): string {
  const { report: r } = input
  const lines: string[] = []
  lines.push(`progress-ledger — ${name(r.name)}`)
  lines.push(
    `Replayed ${input.events} events into ${input.out}/shengzhou.sqlite; hash chain intact (head ${input.head.slice(0, 12)}…).`,
  )
  lines.push(
    'Values for 2020–2025 are ILLUSTRATIVE (the seed gives targets, not yearly figures); the railway and 2021 chronicles are from the seed.',
  )
  lines.push('')
  lines.push(`Status as of ${r.asOf} (${r.indicators.length} indicators):`)
  lines.push(`  ${counts(r)}`)
  lines.push(
    `  on schedule: ${r.overall.onSchedule} of ${r.overall.graded} graded evaluation indicators`,
  )
  lines.push(`Mid-term review as of ${input.midTerm.asOf}, as known on 2023-03-31:`)
  lines.push(`  ${counts(input.midTerm)}`)
  const midRed = input.midTerm.indicators.filter((i) => i.light === 'red').map((i) => i.indicatorId)
  const finalRed = new Set(r.indicators.filter((i) => i.light === 'red').map((i) => i.indicatorId))
  lines.push(
    `  red then: ${midRed.join(', ')}; of these, back on course by ${r.asOf}: ${midRed.filter((id) => !finalRed.has(id)).join(', ') || '—'}`,
  )
  const red = r.indicators.filter((i) => i.light === 'red')
  lines.push('')
  lines.push(`Red indicators (${red.length}):`)
  for (const i of red) {
    const owners = i.departments.map((d) => r.departmentNames[d]?.zh ?? d).join('、') || '—'
    const latest = i.latest === null ? 'no value' : `${i.latest.value} (${i.latest.period})`
    const target = i.targets[i.targets.length - 1]
    lines.push(
      `  ${i.indicatorId.padEnd(5)} ${name(i.name)}: ${latest} vs target ${target?.meaning ?? '—'}${i.gap === null || i.gap.value <= 0 ? '' : ` (short by ${formatNumber(i.gap.value)})`} — owner ${owners}`,
    )
  }
  const rv = input.review
  const attention = rv.attention
  const byReason = (reason: string): number =>
    attention.indicators.filter((a) => a.reason === reason).length
  lines.push('')
  lines.push(
    `Needs attention as of ${rv.asOf} (as known on 2024-03-31): ${byReason('off-track')} red, ${byReason('needs-acceleration')} yellow, ${byReason('at-risk')} at risk; ${attention.tasks.length} delayed tasks or reforms; ${attention.projects.length} projects with overdue milestones`,
  )
  for (const a of attention.indicators.filter((x) => x.reason === 'at-risk'))
    lines.push(`  at risk ${a.indicator.indicatorId.padEnd(5)} ${a.indicator.summary}`)
  const before = input.railwayBefore
  lines.push('')
  lines.push(
    `Railway as of ${before.asOf}, before the plan existed: ${before.project.met} milestones met, next due ${before.project.nextDue === null ? '—' : `${before.project.nextDue.milestoneId} ${before.project.nextDue.date}`}`,
  )
  const rail = r.projects.find((p) => p.projectId === input.railway)
  if (rail !== undefined) {
    const opening = rail.milestones.find((m) => m.kind === 'opening')
    lines.push('')
    lines.push(`Railway: ${name(rail.name)}`)
    lines.push(`  ${rail.met} milestones met (${rail.unplannedMet} recorded as met without a plan)`)
    if (opening !== undefined) {
      lines.push(
        `  opening: planned ${opening.planned ?? '—'}, met ${opening.met ?? '—'}, slip ${opening.slipDays ?? '—'} days; forecasts recorded: ${opening.history.length}`,
      )
    }
  }
  lines.push('')
  lines.push(`Reports written to ${input.out}/: ${input.files.join(', ')}`)
  return `${lines.join('\n')}\n`
}
