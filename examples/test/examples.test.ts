// The numbered examples assert what they print; here they run and their key lines are checked.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main as definePlan } from '../src/01-define-plan'
import { main as replayRailway } from '../src/02-replay-railway'
import { main as planReport } from '../src/03-plan-report'
import { main as bitemporal } from '../src/04-bitemporal'
import { main as lineage } from '../src/05-target-lineage'
import { generateIllustrative, illustrativeText } from '../src/shengzhou/generate'
import { readFileSync } from 'node:fs'
import { seedDir } from '../src/shengzhou/seeds'

describe('numbered examples', () => {
  it('01 prints the plan structure', async () => {
    const out = await definePlan()
    expect(out).toContain('indicators: 68 rows (65 numbered, 3 sub-rows)')
    expect(out).toContain('key-task: 46')
    expect(out).toContain('projects: 19 (18 flagship)')
  })

  it('02 shows the railway at the end of 2019, 2020 and on opening day', async () => {
    const out = await replayRailway()
    expect(out).toMatch(/as of 2019-12-31: \d+ milestones met/)
    expect(out).toContain('opening: planned 2021-12-28')
    expect(out).toContain('slip 11 days')
  })

  it('03 renders the full HTML report with illustrative values labelled', async () => {
    const out = await planReport(mkdtempSync(join(tmpdir(), 'pl-ex03-')))
    expect(out).toMatch(/^68 indicators as of 2025-12-31/)
    expect(out).toContain('illustrative latest values (not official statistics)')
  })

  it('04 shows the figure as known then and as known now', async () => {
    const out = await bitemporal()
    expect(out).toMatch(/as known on 2023-06-30: 11.1 万元/)
    expect(out).toMatch(/as known now: +11\.3 万元/)
  })

  it('05 shows the lineage of a revised target and an assigned quota', async () => {
    const out = await lineage()
    expect(out).toMatch(/revised 100 .* reason: illustrative: aligned with the overall goal/)
    expect(out).toContain('I03 status as known on 2022-03-31 (no quota yet): target-pending')
  })

  it('the illustrative history file is what the generator makes', async () => {
    expect(illustrativeText(await generateIllustrative())).toBe(
      readFileSync(join(seedDir, 'illustrative-history.json'), 'utf8'),
    )
  })
})
