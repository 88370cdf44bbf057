// 01 — Load the Shengzhou plan from seeds/ (validated by the plan package) and print its
// structure: categories with their indicators, tasks, projects, departments, and where the
// overall goals' prose disagrees with the indicator table.
import assert from 'node:assert/strict'
import { loadPlan } from './shengzhou/seeds'
import { runIfMain } from './shengzhou/ledger'

export async function main(): Promise<string> {
  const doc = loadPlan()
  const plan = doc.plan
  const lines: string[] = [
    `${plan.name.zh}`,
    `${plan.name.en ?? ''}`,
    `adopted ${plan.adoptedOn}; base year ${plan.baseYear}; ${plan.startYear}–${plan.endYear}`,
    '',
  ]
  for (const c of plan.categories) {
    const own = plan.indicators.filter((i) => i.category === c.id)
    lines.push(`${c.name.zh} (${c.name.en ?? c.id}): ${own.length} indicators`)
  }
  const numbered = plan.indicators.filter((i) => i.parent === undefined)
  const kinds = ['key-task', 'reform', 'action-item'] as const
  lines.push(
    '',
    `indicators: ${plan.indicators.length} rows (${numbered.length} numbered, ${plan.indicators.length - numbered.length} sub-rows)`,
  )
  for (const k of kinds) lines.push(`${k}: ${plan.tasks.filter((t) => t.kind === k).length}`)
  lines.push(
    `projects: ${plan.projects.length} (${plan.projects.filter((p) => p.kind === 'flagship').length} flagship)`,
  )
  lines.push(`departments: ${plan.departments.length}`)
  const headline = doc.headlineTargets ?? []
  const disagreements = headline.filter((h) => !h.agrees)
  lines.push(
    `headline targets in the prose: ${headline.length}, of which ${disagreements.length} disagree with the table (recorded, not resolved)`,
  )
  const out = `${lines.join('\n')}\n`
  assert.equal(numbered.length, 65)
  assert.equal(plan.tasks.filter((t) => t.kind === 'key-task').length, 46)
  assert.equal(plan.tasks.filter((t) => t.kind === 'reform').length, 19)
  assert.equal(plan.tasks.filter((t) => t.kind === 'action-item').length, 36)
  assert.equal(plan.projects.filter((p) => p.kind === 'flagship').length, 18)
  assert.match(out, /经济高质量发展/)
  return out
}

await runIfMain(import.meta.url, main)
