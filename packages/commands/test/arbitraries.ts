// fast-check arbitraries: commands over the fixture plan's ids, valid in shape but often
// breaking a rule, and mutations of them into malformed input.
import fc from 'fast-check'
import { commandTypes } from '../src/Command'
import { admin, admin2, fgjClerk, jxjClerk, outsider, theAuditor, tlbClerk } from './fixtures'

const indicatorId = fc.constantFrom('I01', 'I07', 'I03', 'I09', 'G01', 'M01', 'I21', 'I99')
const period = fc.constantFrom(
  '2020',
  '2021',
  '2022',
  '2023',
  '2024',
  '2026',
  '2021-Q1',
  '2021-07',
  '2022-H1',
)
const value = fc.oneof(
  fc.double(),
  fc.integer({ min: -10, max: 200 }),
  fc.constantFrom(0, 11.2, 100, 14),
)
const eventId = fc.constantFrom('v1', 'v2', 'c1', 'x')
const reason = fc.constantFrom(undefined, '', ' ', 'revision')
const dateSpec = fc.oneof(
  fc
    .constantFrom('2019-06-01', '2022-01-08', '2024-02-29')
    .map((date) => ({ date, precision: 'day' })),
  fc.constantFrom('2021-12', '2022-01').map((date) => ({ date, precision: 'month' })),
)
const isoDate = fc.constantFrom(
  '2016-12-01',
  '2021-08-10',
  '2022-06-30',
  '2023-01-01',
  '2023-06-30',
  '2025-01-01',
)
const departments = fc.subarray(['fgj', 'jxj', 'tjj', 'tlb', 'nobody'])
const expression = fc.oneof(
  fc.record({
    kind: fc.constant('level'),
    value,
    direction: fc.constantFrom('higher', 'lower'),
    inferred: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('comparison'),
    op: fc.constantFrom('ge', 'le'),
    value,
    wording: fc.constant('symbol'),
  }),
  fc.constant({ kind: 'quota' }),
  fc.constant({ kind: 'trend', direction: 'rise', pace: 'steady' }),
)

function opt<T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(a, { nil: undefined })
}

function strip(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))
}

/** Commands of every type over the fixture's ids. */
export const command: fc.Arbitrary<Record<string, unknown>> = fc
  .oneof(
    fc.record({
      type: fc.constant('ReportValue'),
      indicatorId,
      period,
      value,
      status: fc.constantFrom('final', 'preliminary'),
      id: opt(eventId),
      unit: opt(fc.constantFrom('元', '万元', '%')),
      factor: opt(fc.constantFrom(0.0001, 10, -1)),
      outlier: opt(reason),
      submitted: opt(fc.boolean()),
    }),
    fc.record({
      type: fc.constant('CorrectValue'),
      indicatorId,
      period,
      value,
      status: fc.constant('final'),
      corrects: eventId,
      reason,
      id: opt(eventId),
    }),
    fc.record({
      type: fc.constant('RetractValue'),
      indicatorId,
      period,
      retracts: eventId,
      reason,
    }),
    fc.record({ type: fc.constant('ApproveValue'), indicatorId, period, approves: eventId }),
    fc.record({ type: fc.constant('ReturnValue'), indicatorId, period, returns: eventId, reason }),
    fc.record({ type: fc.constant('SetBaseline'), indicatorId, period, value }),
    fc.record({
      type: fc.constant('SetTarget'),
      indicatorId,
      targetId: fc.constantFrom('T-2022', 'I01-2025'),
      dueYear: fc.constantFrom(2022, 2025, 2030),
      role: fc.constant('final'),
      expression,
    }),
    fc.record({
      type: fc.constant('ReviseTarget'),
      indicatorId,
      targetId: fc.constantFrom('I01-2025', 'I03-2025'),
      expression,
      reason,
    }),
    fc.record({
      type: fc.constant('AssignQuota'),
      indicatorId,
      targetId: fc.constantFrom('I01-2025', 'I03-2025'),
      expression,
      assignedBy: fc.constant('绍兴市'),
    }),
    fc.record({
      type: fc.constant('DefineIndicator'),
      planId: fc.constantFrom('sz', 'x'),
      indicatorId,
      name: fc.constant({ zh: '指标' }),
      unit: fc.constantFrom('%', '万元'),
      categoryId: fc.constantFrom('economy', 'x'),
      attribute: fc.constant('evaluation'),
      selfSelected: fc.boolean(),
      departments,
      direction: fc.constant('higher'),
      periodicity: fc.constantFrom('year', 'month'),
    }),
    fc.record({
      type: fc.constant('MeetMilestone'),
      projectId: fc.constantFrom('hangtai', 'metro'),
      milestoneId: fc.constantFrom('open', 'tunnel'),
      met: dateSpec,
      unplanned: opt(fc.boolean()),
    }),
    fc.record({
      type: fc.constant('MoveMilestoneForecast'),
      projectId: fc.constantFrom('hangtai', 'metro'),
      milestoneId: fc.constantFrom('open', 'tunnel'),
      forecast: dateSpec,
      validTime: opt(isoDate),
    }),
    fc.record({
      type: fc.constant('PlanMilestone'),
      projectId: fc.constantFrom('hangtai', 'metro'),
      milestoneId: fc.constantFrom('open', 'tunnel'),
      title: fc.constant({ zh: '节点' }),
      kind: fc.constant('opened'),
      planned: dateSpec,
    }),
    fc.record({
      type: fc.constant('ReportTaskStatus'),
      taskId: fc.constantFrom('T01', 'T99'),
      status: fc.constantFrom('in-progress', 'completed'),
      progress: opt(value),
      validTime: opt(isoDate),
    }),
    fc.record({
      type: fc.constant('ReassignResponsibility'),
      subject: fc.constantFrom('indicator', 'task', 'project'),
      subjectId: fc.constantFrom('I01', 'T01', 'hangtai'),
      departments,
      validTime: isoDate,
      reason,
    }),
    fc.record({
      type: fc.constant('DefineTask'),
      planId: fc.constantFrom('sz', 'x'),
      taskId: fc.constantFrom('T01', 'T02'),
      kind: fc.constant('reform'),
      name: fc.constant({ zh: '改革' }),
      departments,
    }),
    fc.record({
      type: fc.constant('DefineProject'),
      projectId: fc.constantFrom('hangtai', 'metro'),
      kind: fc.constant('flagship'),
      name: fc.constant({ zh: '工程' }),
      departments,
    }),
    fc.record({
      type: fc.constant('RegisterDepartment'),
      departmentId: fc.constantFrom('fgj', 'new'),
      name: fc.constant({ zh: '新局' }),
    }),
    fc.record({
      type: fc.constant('DefineCategory'),
      planId: fc.constantFrom('sz', 'x'),
      categoryId: fc.constantFrom('economy', 'new'),
      name: fc.constant({ zh: '类' }),
      order: fc.nat(9),
    }),
    fc.record({
      type: fc.constant('AdoptPlan'),
      planId: fc.constantFrom('sz', 'p2'),
      name: fc.constant({ zh: '方案' }),
      adoptedOn: isoDate,
      baseYear: fc.constant(2020),
      startYear: fc.constantFrom(2021, 2026),
      endYear: fc.constant(2025),
    }),
  )
  .map(strip)

/** Input that may be anything: a command with one field replaced by an arbitrary value, or any value at all. */
export const anyInput: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc.tuple(command, fc.string(), fc.anything()).map(([c, key, v]) => ({ ...c, [key]: v })),
  fc
    .tuple(command, fc.anything())
    .chain(([c, v]) => fc.constantFrom(...Object.keys(c)).map((key) => ({ ...c, [key]: v }))),
  fc
    .tuple(fc.constantFrom(...commandTypes), fc.dictionary(fc.string(), fc.anything()))
    .map(([type, o]) => ({ ...o, type })),
)

/** Actors of every role, responsible or not. */
export const anyActor = fc.constantFrom(
  admin,
  admin2,
  fgjClerk,
  jxjClerk,
  tlbClerk,
  outsider,
  theAuditor,
)

/** Actors who may not change anything: an auditor, and a reporter of a department that answers for nothing. */
export const unauthorised = fc.constantFrom(theAuditor, outsider)
