// The plan report on the fixture ledger: segments, quota, qualitative rules, observation,
// milestones, roll-ups, bitemporal cuts and diffs.
import { asOf, endOfDay, type Instant, ledgerProjection, replay } from '@progress-ledger/core'
import { fixtures, recorded } from '@progress-ledger/testkit'
import { describe, expect, it } from 'vitest'
import {
  diffReports,
  evaluatePlan,
  evaluateProjectTimeline,
  type PlanReport,
  ProjectReportJson,
  renderDiff,
  renderProjectHtml,
  renderProjectJson,
  renderProjectMarkdown,
  renderProjectText,
} from '../src/index'
import { d, ledger } from './fixture'

function report(day: string, options: Record<string, unknown> = {}, knownAt?: string): PlanReport {
  const state = asOf(ledger, {
    validTime: d(day),
    ...(knownAt === undefined ? {} : { recordedTime: knownAt as Instant }),
  })
  const r = evaluatePlan(state, { asOf: day, lang: 'zh', ...options })
  if (r._tag !== 'Report') throw new Error(JSON.stringify(r))
  return r.report
}
const ind = (r: PlanReport, id: string) => {
  const i = r.indicators.find((x) => x.indicatorId === id)
  if (i === undefined) throw new Error(id)
  return i
}

describe('evaluatePlan', () => {
  it('rejects bad options with the path and the value', () => {
    const r = evaluatePlan(ledger, { asOf: '2022-13-01', lang: 'fr' })
    expect(r._tag).toBe('InvalidOptions')
    if (r._tag === 'InvalidOptions') {
      expect(r.issues.map((i) => i.message)).toEqual([
        'options.asOf: expected a date YYYY-MM-DD, got "2022-13-01"',
        'options.lang: expected one of zh, en, got "fr"',
      ])
    }
  })
  it('a ledger cut before adoption has no plan', () => {
    const r = evaluatePlan(asOf(ledger, { validTime: d('2021-01-01') }), {
      asOf: '2021-01-01',
      lang: 'en',
    })
    expect(r).toMatchObject({ _tag: 'PlanNotFound' })
  })
  it('without a plan named, a ledger of several names them, the first ten of many', () => {
    const plans = (n: number) =>
      replay(
        ledgerProjection,
        recorded(
          Array.from({ length: n }, (_, i) => ({
            ...fixtures.planAdopted,
            id: `adopt-${i}`,
            data: { ...fixtures.planAdopted.data, planId: `p${String(i).padStart(2, '0')}` },
          })),
        ),
      )
    const message = (n: number) => {
      const r = evaluatePlan(plans(n), { asOf: '2022-12-31', lang: 'en' })
      return r._tag === 'PlanNotFound' ? r.message : r._tag
    }
    expect(message(2)).toBe(
      'options.planId: expected one of "p00", "p01" (the ledger holds several plans), got nothing',
    )
    expect(message(12)).toBe(
      'options.planId: expected one of 12 plans ("p00", "p01", "p02", "p03", "p04", "p05", "p06", "p07", "p08", "p09", …), got nothing',
    )
  })
  it('takes the plan period from PlanAdopted', () => {
    const r = report('2022-12-31')
    expect([r.baseYear, r.startYear, r.endYear, r.adoptedOn]).toEqual([
      2020,
      2021,
      2025,
      '2021-08-10',
    ])
    expect(r.elapsed).toBeCloseTo(0.4, 10)
  })
})

describe('interim targets, segment by segment', () => {
  it('before the interim due year, segment 1 (baseline → 2022 target 11) is active', () => {
    const i = ind(report('2021-12-31'), 'I01')
    expect(i.segments.map((s) => s.state)).toEqual(['active', 'not-started'])
    // 2021 was corrected from 10.6 to 10.5 (valid on 2021-12-31, recorded in 2023).
    // τ = (2021 − 2020) / (2022 − 2020) = 0.5; p = (10.5 − 10) / (11 − 10) = 0.5 → on schedule
    expect(i.explanation.numbers).toMatchObject({ tau: 0.5 })
    expect(i.explanation.numbers['p']).toBeCloseTo(0.5, 10)
    expect(i.grade).toBe('on-schedule')
    // as known before the correction: p = 0.6 → 10 points ahead
    const then = ind(report('2021-12-31', {}, '2023-03-01T00:00:00.000Z'), 'I01')
    expect(then.explanation.numbers['p']).toBeCloseTo(0.6, 10)
    expect(then.grade).toBe('ahead')
  })
  it('after 2022, segment 2 starts from the 2022 actual (policy recorded)', () => {
    const i = ind(report('2022-12-31'), 'I01')
    expect(i.segments.map((s) => [s.state, s.start])).toEqual([
      ['closed', 'baseline'],
      ['active', 'interim-actual'],
    ])
    expect(i.segments[0]?.explanation?.status).toBe('achieved') // 11.2 ≥ 11
    expect(i.explanation.notes).toContainEqual(
      expect.objectContaining({
        _tag: 'SegmentStart',
        start: 'baseline',
        policy: 'interim-actual',
      }),
    )
    // segment 2 has one point only (2022 is its start): the headline stays the closed 2022 segment
    expect(i.segments[1]?.explanation?.status).toBe('no-data')
    expect([i.status, i.grade]).toEqual(['achieved', 'achieved'])
    expect(i.explanation.notes).toContainEqual({ _tag: 'ClosedSegmentShown', dueYear: 2022 })
  })
  it('policy interim-target starts segment 2 at the 2022 target', () => {
    const i = ind(report('2022-12-31', { interimStart: 'interim-target' }), 'I01')
    expect(i.segments[1]?.start).toBe('interim-target')
    // base 2022 = 11 (the target), latest 2022 = 11.2: same time → single point
    expect(i.segments[1]?.explanation?.inputs.find((x) => x.name === 'y0')).toMatchObject({
      value: 11,
      eventId: 'I01-target-2022',
    })
  })
  it('a level target below the baseline infers "lower is better" (城镇住房保障受益覆盖率 25.7 → 24.6)', () => {
    const i = ind(report('2021-12-31'), 'I38')
    // 26 → 25.5 against 25.7 by 2022: τ = 0.5, p = 0.5 / 0.3 > 1? no: p = (25.5 − 26) / (25.7 − 26) = 1.667 → achieved (25.5 ≤ 25.7)
    expect(i.status).toBe('achieved')
  })
})

describe('quota, qualitative and observation indicators', () => {
  it('完成上级下达任务 is target pending until QuotaAssigned, then graded', () => {
    expect(ind(report('2021-12-31'), 'I03').status).toBe('target-pending')
    const after = ind(report('2022-12-31'), 'I03')
    expect(after.targets[0]?.cause).toBe('quota')
    expect(after.targets[0]?.label).toBe('≤0.45')
    // τ = 0.4; p = (0.47 − 0.5) / (0.45 − 0.5) = 0.6 → ahead
    expect(after.grade).toBe('ahead')
    expect(after.eventIds).toContain('I03-quota')
  })
  it('逐年下降 reports 2022 as the first violating year', () => {
    const i = ind(report('2022-12-31'), 'I05')
    expect(i.status).toBe('off-track')
    expect(i.explanation.notes).toContainEqual({ _tag: 'FirstViolation', period: '2022' })
  })
  it('an observation indicator is trended, not graded', () => {
    const i = ind(report('2022-12-31'), 'I29')
    expect([i.status, i.light, i.grade]).toEqual(['observed', 'grey', 'rising'])
  })
  it('methods are selectable per indicator', () => {
    const i = ind(report('2021-12-31', { methodByIndicator: { I01: 'growth-ratio' } }), 'I01')
    expect(i.method).toBe('growth-ratio')
  })
})

describe('what the report said then (recorded time)', () => {
  it('the 2021 correction is invisible as known on 2023-03-01, visible later', () => {
    expect(ind(report('2021-12-31', {}, '2023-03-01T00:00:00.000Z'), 'I01').latest?.value).toBe(
      10.6,
    )
    expect(ind(report('2021-12-31', {}, endOfDay(d('2023-12-31'))), 'I01').latest?.value).toBe(10.5)
  })
})

describe('milestones and roll-ups', () => {
  it('railway: unplanned milestones met, a planned one slipped', () => {
    const p = report('2022-12-31').projects[0]
    expect(p).toMatchObject({
      projectId: 'hangtai',
      total: 3,
      met: 2,
      unplannedMet: 2,
      overdue: ['square'],
    })
    const square = p?.milestones.find((m) => m.milestoneId === 'square')
    expect(square).toMatchObject({
      planned: '2022-06-30',
      forecast: '2022-09-30',
      met: null,
      overdue: true,
    })
    expect(square?.slipDays).toBe(184) // 2022-06-30 → 2022-12-31 (as-of, past the forecast)
    expect(square?.history).toEqual([
      {
        reportedOn: '2022-05-01',
        forecast: '2022-09-30',
        eventId: 'm-square-moved',
        reason: 'rain',
      },
    ])
  })
  it('before the forecast date, slip is forecast − planned and next due is the forecast', () => {
    const p = report('2022-07-31').projects[0]
    expect(p?.milestones.find((m) => m.milestoneId === 'square')?.slipDays).toBe(92)
    expect(p?.nextDue).toEqual({ milestoneId: 'square', date: '2022-09-30' })
  })
  it('department scorecard ranks by share of evaluation indicators on schedule', () => {
    const r = report('2021-12-31')
    expect(r.departments.map((x) => [x.departmentId, x.rank, x.graded, x.onSchedule])).toEqual(
      [
        ['jsj', 1, 1, 1],
        ['jxj', 1, 2, 2],
        ['fgj', 1, 1, 1],
      ].sort((a, b) => Number(b[2]) - Number(a[2]) || String(a[0]).localeCompare(String(b[0]))),
    )
  })
  it('category and task roll-ups', () => {
    const r = report('2022-12-31')
    expect(r.categories.map((c) => [c.categoryId, c.indicators])).toEqual([
      ['economy', 4],
      ['public-services', 2],
    ])
    expect(r.taskRollup.find((t) => t.kind === 'key-task')?.counts.completed).toBe(1)
    expect(r.taskRollup.find((t) => t.kind === 'reform')?.counts.unreported).toBe(1)
  })
})

describe('diffReports', () => {
  it('lists what changed between two as-of dates with the events responsible', () => {
    const diff = diffReports(report('2021-12-31'), report('2022-12-31'))
    const i03 = diff.changes.filter((c) => c.subject === 'I03')
    expect(i03.map((c) => c.kind)).toEqual(['value', 'target', 'status'])
    expect(i03.find((c) => c.kind === 'target')?.eventIds).toEqual(['I03-quota'])
    expect(i03.find((c) => c.kind === 'value')).toMatchObject({
      before: '0.49 (2021)',
      after: '0.47 (2022)',
      eventIds: ['I03-v2022'],
    })
    expect(diff.changes.find((c) => c.kind === 'task')).toMatchObject({
      subject: 'T01',
      before: 'in-progress 40%',
      after: 'completed',
      eventIds: ['T01-s2'],
    })
  })
})

describe('renderDiff', () => {
  const diff = diffReports(report('2021-12-31'), report('2022-12-31'))
  it('prints Chinese throughout in Chinese', () => {
    const zh = renderDiff(diff, 'zh')
    expect(zh.split('\n')[0]).toBe(`2021-12-31 至 2022-12-31 的变化：${diff.changes.length} 项`)
    expect(zh).toContain(
      '状态\u3000I03 单位GDP能耗：目标待定（待上级下达） → 符合进度（快于预期）［I03-quota，I03-v2022］',
    )
    expect(zh).toContain(
      '任务\u3000T01 构建现代产业平台体系：推进中 40% → 已完成 100%［T01-s2］'.replace(' 100%', ''),
    )
    expect(zh).not.toMatch(/\b(on-track|target-pending|in-progress|completed|value|status|met)\b/)
  })
  it('prints English in English', () => {
    const en = renderDiff(diff, 'en')
    expect(en).toContain(
      '  status: I03 Energy use per unit of GDP: Target pending (Quota pending) → On track (Ahead of schedule)  [I03-quota, I03-v2022]',
    )
    expect(en).not.toMatch(/\p{Script=Han}/u)
  })
})

describe('a project on its own timeline', () => {
  it('renders as JSON that decodes with its schema', () => {
    const r = evaluateProjectTimeline(asOf(ledger, { validTime: d('2022-07-31') }), {
      projectId: 'hangtai',
      asOf: '2022-07-31',
      lang: 'en',
    })
    if (r._tag !== 'ProjectReport') throw new Error(r._tag)
    const json: unknown = JSON.parse(renderProjectJson(r.report))
    expect(ProjectReportJson.decode(json)._tag).toBe('Right')
    expect(json).toMatchObject({
      kind: 'project-report',
      planId: null,
      project: { plannedTotal: 1, unplannedMet: 2, nextDue: { milestoneId: 'square' } },
    })
  })
  it('of a project without milestones yet says so instead of an empty table', () => {
    const state = replay(
      ledgerProjection,
      recorded([fixtures.departmentRegistered, fixtures.railwayDefined]),
    )
    for (const lang of ['zh', 'en'] as const) {
      const r = evaluateProjectTimeline(state, { projectId: 'hangtai', asOf: '2022-12-31', lang })
      if (r._tag !== 'ProjectReport') throw new Error(r._tag)
      const md = renderProjectMarkdown(r.report)
      expect(md).toContain(lang === 'zh' ? '\n尚无里程碑记录。\n' : '\nNo milestones recorded.\n')
      expect(md).not.toContain('| --- |')
    }
  })
  it.each(['zh', 'en'] as const)(
    'renders Markdown, text and HTML (%s) as their snapshots',
    async (lang) => {
      const r = evaluateProjectTimeline(asOf(ledger, { validTime: d('2022-12-31') }), {
        projectId: 'hangtai',
        asOf: '2022-12-31',
        lang,
      })
      if (r._tag !== 'ProjectReport') throw new Error(r._tag)
      await expect(renderProjectMarkdown(r.report)).toMatchFileSnapshot(
        `./__snapshots__/project.${lang}.md`,
      )
      await expect(renderProjectText(r.report)).toMatchFileSnapshot(
        `./__snapshots__/project.${lang}.txt`,
      )
      const html = renderProjectHtml(r.report)
      await expect(html).toMatchFileSnapshot(`./__snapshots__/project.${lang}.html`)
      expect(html).not.toMatch(/<script|<link|src=|url\(|@import|https?:\/\//)
    },
  )
  it('refuses an unknown project naming the known ones, and bad options naming the path', () => {
    expect(
      evaluateProjectTimeline(ledger, { projectId: 'x', asOf: '2022-07-31', lang: 'en' }),
    ).toEqual({
      _tag: 'ProjectNotFound',
      message: 'options.projectId: expected one of "hangtai", got "x"',
    })
    const bad = evaluateProjectTimeline(ledger, {
      projectId: 'hangtai',
      asOf: '2022-02-30',
      lang: 'en',
    })
    expect(bad._tag === 'InvalidOptions' && bad.issues[0]?.message).toBe(
      'options.asOf: expected a date YYYY-MM-DD, got "2022-02-30"',
    )
  })
})
