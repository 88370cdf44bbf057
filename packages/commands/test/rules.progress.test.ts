// Given/when/then specifications for milestones, task statuses and reassignments.
import { describe, expect, it } from 'vitest'
import { admin, fgjClerk, jxjClerk, report, tlbClerk } from './fixtures'
import { given } from './spec'

const meet = (o: Record<string, unknown>) => ({
  type: 'MeetMilestone',
  projectId: 'hangtai',
  milestoneId: 'open',
  met: { date: '2022-01-08', precision: 'day' },
  ...o,
})
const forecast = (o: Record<string, unknown>) => ({
  type: 'MoveMilestoneForecast',
  projectId: 'hangtai',
  milestoneId: 'open',
  forecast: { date: '2022-01', precision: 'month' },
  validTime: '2021-10-01',
  ...o,
})

describe('milestones', () => {
  it('are met by the responsible department, valid on the day', () => {
    given()
      .when(meet({}), tlbClerk)
      .accepted((e) =>
        expect(e[0]).toMatchObject({
          streamId: 'project-hangtai',
          event: {
            type: 'MilestoneMet',
            validTime: '2022-01-08',
            data: { unplanned: false, facts: [] },
          },
        }),
      )
    given()
      .when(meet({}), fgjClerk)
      .rejected(
        'not-authorised',
        'projectId: expected a project fgj answers for on 2022-01-08 (responsible: tlb), got "hangtai"',
      )
  })

  it('cannot be met before they are planned unless unplanned says so', () => {
    given()
      .when(meet({ milestoneId: 'tunnel-1' }), tlbClerk)
      .rejected(
        'met-before-planned',
        'unplanned: expected true for a milestone not planned by 2022-01-08 (it was never planned), got nothing',
      )
    given()
      .when(meet({ met: { date: '2019-03', precision: 'month' } }), tlbClerk)
      .rejected('met-before-planned', /it was planned only on 2019-06-01/)
    given()
      .when(meet({ milestoneId: 'tunnel-1', unplanned: true, title: { zh: '隧道贯通' } }), tlbClerk)
      .accepted()
    given()
      .when(meet({ unplanned: true }), tlbClerk)
      .rejected(
        'unplanned-but-planned',
        'unplanned: expected false: the milestone was planned by 2022-01-08, got true',
      )
  })

  it('are not met in the future', () => {
    given()
      .when(meet({ met: { date: '2024-01', precision: 'month' } }), tlbClerk)
      .rejected('in-future')
  })

  it('need a defined project', () => {
    given()
      .when(meet({ projectId: 'metro' }), admin)
      .rejected('project-missing', 'projectId: expected a defined project, got "metro"')
    given()
      .when({
        type: 'PlanMilestone',
        projectId: 'metro',
        milestoneId: 'm',
        title: { zh: '通车' },
        kind: 'opened',
        planned: { date: '2024', precision: 'year' },
      })
      .rejected('project-missing')
  })

  it('move their forecast while planned and not met', () => {
    given()
      .when(forecast({}), tlbClerk)
      .accepted((e) =>
        expect(e[0]?.event).toMatchObject({
          type: 'MilestoneForecastMoved',
          validTime: '2021-10-01',
        }),
      )
    given()
      .when(forecast({ milestoneId: 'nope' }), tlbClerk)
      .rejected(
        'milestone-missing',
        'milestoneId: expected a milestone planned for project "hangtai", got "nope"',
      )
    given()
      .and(tlbClerk, meet({ id: 'met-1' }))
      .when(forecast({}), tlbClerk)
      .rejected(
        'already-met',
        'milestoneId: expected a milestone not yet met (met by event "met-1"), got "open"',
      )
  })
})

describe('task status', () => {
  const status = (o: Record<string, unknown>) => ({
    type: 'ReportTaskStatus',
    taskId: 'T01',
    status: 'in-progress',
    progress: 40,
    validTime: '2022-06-30',
    ...o,
  })
  it('is reported by a responsible department with a share of progress', () => {
    given()
      .when(status({}), jxjClerk)
      .accepted((e) =>
        expect(e[0]).toMatchObject({ streamId: 'task-T01', event: { data: { progress: 40 } } }),
      )
    given()
      .when(status({ validTime: undefined }), fgjClerk)
      .accepted((e) => expect(e[0]?.event.validTime).toBe('2023-06-30'))
    given().when(status({}), tlbClerk).rejected('not-authorised')
    given()
      .when(status({ taskId: 'T99' }), jxjClerk)
      .rejected('task-missing', 'taskId: expected a defined task, got "T99"')
    given()
      .when(status({ progress: 140 }), jxjClerk)
      .rejected('implausible-value', 'progress: expected a share between 0 and 100 %, got 140')
    given()
      .when(status({ progress: Number.POSITIVE_INFINITY }), jxjClerk)
      .rejected('value-not-finite')
    given()
      .when(status({ validTime: '2023-07-01' }), jxjClerk)
      .rejected(
        'in-future',
        'validTime: expected a date no later than today (2023-06-30), got "2023-07-01"',
      )
  })
})

describe('ReassignResponsibility', () => {
  const reassign = (o: Record<string, unknown>) => ({
    type: 'ReassignResponsibility',
    subject: 'indicator',
    subjectId: 'I01',
    departments: ['tjj'],
    validTime: '2023-01-01',
    reason: 'institutional reform',
    ...o,
  })

  it('takes effect from its valid time: history stays with the department responsible then', () => {
    const g = given(reassign({}))
    g.when(report('I01', '2022', 12.1), fgjClerk).accepted()
    g.when(report('I01', '2023', 12.9), fgjClerk, '2024-02-01').rejected(
      'not-authorised',
      /responsible: tjj/,
    )
    g.when(
      report('I01', '2023', 12.9),
      { id: 'tjj-clerk', role: 'reporter', department: 'tjj' },
      '2024-02-01',
    ).accepted()
    g.when(report('I01', '2022', 12.1), {
      id: 'tjj-clerk',
      role: 'reporter',
      department: 'tjj',
    }).rejected('not-authorised')
  })

  it('is for plan administrators, names known subjects and departments, a reason and a change', () => {
    given().when(reassign({}), fgjClerk).rejected('not-authorised')
    given()
      .when(reassign({ subject: 'task', subjectId: 'T99' }))
      .rejected('task-missing', 'subjectId: expected a defined task, got "T99"')
    given()
      .when(reassign({ subject: 'project', subjectId: 'P9' }))
      .rejected('project-missing')
    given()
      .when(reassign({ departments: [] }))
      .rejected('department-missing', 'departments: expected at least one department, got []')
    given()
      .when(reassign({ departments: ['nobody'] }))
      .rejected(
        'department-missing',
        'departments[0]: expected a registered department, got "nobody"',
      )
    given()
      .when(reassign({ reason: '' }))
      .rejected('reason-required')
    given()
      .when(reassign({ departments: ['fgj'] }))
      .rejected(
        'no-change',
        'departments: expected departments other than those responsible on 2023-01-01 [fgj], got ["fgj"]',
      )
    given()
      .when(reassign({ subject: 'project', subjectId: 'hangtai' }))
      .accepted((e) => expect(e[0]?.streamId).toBe('project-hangtai'))
  })
})
