// The documented limits of the ledger's input: ids, names, free text, magnitudes and years are
// enforced by the codecs, with messages that say which limit a value breaks and escape what
// they show.
import { describe, expect, it } from 'vitest'
import { admitInput, validateBatch } from '../src/Batch'
import { showValue } from '../src/Decode'
import { decodeStored, type EventInput, validateInput } from '../src/Envelope'
import { isPeriodKey } from '../src/Period'
import { EntityId, isIsoDate, MAX_NAME_LENGTH, MAX_TEXT_LENGTH } from '../src/Scalars'
import { fixtures, recorded } from '@progress-ledger/testkit'

const { gdpDefined, planAdopted, valueReported } = fixtures

const messages = (u: unknown): ReadonlyArray<string> => {
  const r = validateInput(u)
  return r._tag === 'Invalid' ? r.issues.map((i) => i.message) : []
}
const department = (departmentId: unknown, extra: object = {}): unknown => ({
  id: 'd1',
  type: 'DepartmentRegistered',
  validTime: '2021-08-10',
  actor: 'plan-office',
  data: { departmentId, name: { zh: '市发改局' }, aliases: [], ...extra },
})
const withData = (base: EventInput, data: object): unknown => ({
  ...base,
  data: { ...(base.data as object), ...data },
})

describe('ids', () => {
  it('refuse control, bidi and invisible characters, and the names of prototype keys', () => {
    expect(messages(department('fgj\u0000'))).toEqual([
      'data.departmentId: expected an id without control, bidi or invisible characters, got "fgj\\u0000"',
    ])
    expect(messages(department('fgj\nrm -rf'))).toEqual([
      'data.departmentId: expected an id without control, bidi or invisible characters, got "fgj\\nrm -rf"',
    ])
    expect(messages(department('fgj\u202eevil'))).toEqual([
      'data.departmentId: expected an id without control, bidi or invisible characters, got "fgj\\u202eevil"',
    ])
    expect(messages(department('f\u200bgj'))).toHaveLength(1)
    for (const id of ['__proto__', 'constructor', 'prototype'])
      expect(messages(department(id))).toEqual([
        `data.departmentId: expected an id other than __proto__, constructor or prototype, got "${id}"`,
      ])
    expect(messages(department('x'.repeat(201)))[0]).toMatch(
      /^data\.departmentId: expected an id of at most 200 characters, got "x{60,}/,
    )
    expect(messages(department('市发改局 (fgj)/2021-v2'))).toEqual([])
  })

  it('apply to every id of the catalog: departments of an indicator, corrected event ids', () => {
    expect(messages(withData(gdpDefined, { departments: ['fgj', 'tjj\u0007'] }))).toEqual([
      'data.departments[1]: expected an id without control, bidi or invisible characters, got "tjj\\u0007"',
    ])
    expect(EntityId.is('v1')).toBe(true)
    expect(EntityId.is('')).toBe(false)
  })
})

describe('names and free text', () => {
  it('bounds free text to 2000 characters and names to one line of 500', () => {
    const huge = 'x'.repeat(10_000_000)
    expect(messages(withData(valueReported('v', '2021', 1), { outlier: huge }))).toEqual([
      `data.outlier: expected a non-empty string of at most ${MAX_TEXT_LENGTH} characters, got "${'x'.repeat(76)}...`,
    ])
    expect(
      messages(withData(valueReported('v', '2021', 1), { source: { document: huge } })),
    ).toEqual([
      `data.source.document: expected a one-line string of at most ${MAX_NAME_LENGTH} characters, got "${'x'.repeat(76)}...`,
    ])
    expect(
      messages(withData(valueReported('v', '2021', 1), { outlier: 'x'.repeat(2000) })),
    ).toEqual([])
    expect(messages(department('fgj', { name: { zh: '市发改局\n# injected heading' } }))).toEqual([
      'data.name.zh: expected a one-line string without control or bidi characters, got "市发改局\\n# injected heading"',
    ])
    expect(messages(department('fgj', { note: 'line one\nline two\ttabbed' }))).toEqual([])
    expect(messages(department('fgj', { note: 'clear \u001b[2J screen' }))).toEqual([
      'data.note: expected a string without control characters (but tab and newline) or bidi controls, got "clear \\u001b[2J screen"',
    ])
    expect(messages(department('fgj', { aliases: ['发改局', ''] }))).toEqual([
      'data.aliases[1]: expected a non-empty string, got ""',
    ])
  })
})

describe('numbers and dates', () => {
  it('bounds numbers to ±1e15', () => {
    expect(messages(withData(valueReported('v', '2021', 1), { value: 1.7e308 }))).toEqual([
      'data.value: expected a finite number within ±1e15, got 1.7e+308',
    ])
    expect(messages(withData(valueReported('v', '2021', 1), { value: -1e15 }))).toEqual([])
  })

  it('keeps valid times, periods, adoption dates and years within 1900–2200', () => {
    expect(
      messages({ ...(valueReported('v', '2021', 1) as object), validTime: '0000-01-01' }),
    ).toEqual(['validTime: expected a date YYYY-MM-DD in the years 1900–2200, got "0000-01-01"'])
    expect(messages(withData(valueReported('v', '2021', 1), { period: '0000-01-01' }))).toEqual([
      'data.period: expected a period (2021, 2021-H1, 2021-Q3, 2021-07 or 2021-07-15) of a year 1900–2200, got "0000-01-01"',
    ])
    expect(messages(withData(valueReported('v', '2021', 1), { period: '2201' }))).toHaveLength(1)
    expect(messages(withData(planAdopted, { adoptedOn: '0000-01-01' }))).toEqual([
      'data.adoptedOn: expected a date YYYY-MM-DD in the years 1900–2200, got "0000-01-01"',
    ])
    expect(messages(withData(planAdopted, { endYear: 99999 }))).toEqual([
      'data.endYear: expected a year 1900–2200, got 99999',
    ])
    expect([isIsoDate('1900-01-01'), isIsoDate('2200-12-31'), isIsoDate('1899-12-31')]).toEqual([
      true,
      true,
      false,
    ])
    expect([isPeriodKey('2200-Q4'), isPeriodKey('1899')]).toEqual([true, false])
  })
})

describe('messages', () => {
  it('escape control, bidi and invisible characters and never throw', () => {
    expect(showValue('\u001b]0;owned\u0007\u009b\u202e\u2028')).toBe(
      '"\\u001b]0;owned\\u0007\\u009b\\u202e\\u2028"',
    )
    expect(showValue({ 'k\u001b': ['\ud800'] })).toBe('{"k\\u001b":["\\ud800"]}')
    let deep: unknown = 1
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(showValue(deep)).toBe('[[[[[[[[[…]]]]]]]]]')
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    expect(showValue(cyclic)).toBe(
      '{"self":{"self":{"self":{"self":{"self":{"self":{"self":{"self":{…}}}}}}}}}',
    )
    expect(showValue(10n)).toBe('10n')
  })

  it('show an invalid event nested 100,000 deep as a message, not a stack overflow', () => {
    let deep: unknown = 1
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(messages(withData(valueReported('v', '2021', 1), { value: deep }))).toEqual([
      'data.value: expected a finite number, got [[[[[[[[[…]]]]]]]]]',
    ])
  })
})

describe('validation once on the write path', () => {
  it('hands an admitted input to the store as it is, frozen', () => {
    const r = admitInput(valueReported('v', '2021', 1))
    if (r._tag !== 'Valid') throw new Error('expected a valid input')
    expect(Object.isFrozen(r.event) && Object.isFrozen(r.event.data)).toBe(true)
    const batch = validateBatch([
      { streamId: 'indicator-I01', events: [r.event], expectedVersion: 'any' },
    ])
    expect(batch._tag === 'Valid' && batch.requests[0]?.events[0]).toBe(r.event)
    // An input validated the ordinary way is decoded again by the store (a new object).
    const plain = validateInput(valueReported('v', '2021', 1))
    const again =
      plain._tag === 'Valid' &&
      validateBatch([{ streamId: 'indicator-I01', events: [plain.event], expectedVersion: 'any' }])
    expect(again !== false && again._tag === 'Valid' && again.requests[0]?.events[0]).not.toBe(
      plain._tag === 'Valid' && plain.event,
    )
  })

  it('still checks ids across the batch for admitted inputs', () => {
    const r = admitInput(valueReported('v', '2021', 1))
    if (r._tag !== 'Valid') throw new Error('expected a valid input')
    const batch = validateBatch([
      { streamId: 'indicator-I01', events: [r.event, r.event], expectedVersion: 'any' },
    ])
    expect(batch._tag === 'InvalidEvents' && batch.issues.map((i) => i.message)).toEqual([
      'events[1].id: expected an id unique within the batch, got "v"',
    ])
  })
})

describe('AccessDenied records', () => {
  const denied = (data: object): EventInput =>
    ({
      id: 'denied-1',
      type: 'AccessDenied',
      validTime: '2022-03-01',
      actor: 'jxj-clerk',
      data: {
        command: 'ReportValue',
        reason: 'indicatorId: expected …',
        subject: 'indicator',
        subjectId: 'I01',
        ...data,
      },
    }) as EventInput

  it('keep the role and department of the actor, and records written before still decode', () => {
    const [withRole] = recorded([denied({ role: 'reporter', department: 'jxj' })], {
      at: '2021-08-10',
    })
    expect(decodeStored(JSON.parse(JSON.stringify(withRole))).data).toMatchObject({
      role: 'reporter',
      department: 'jxj',
    })
    const [old] = recorded([denied({})], { at: '2021-08-10' })
    expect(decodeStored(JSON.parse(JSON.stringify(old))).data).toEqual({
      command: 'ReportValue',
      reason: 'indicatorId: expected …',
      subject: 'indicator',
      subjectId: 'I01',
    })
    expect(messages(denied({ role: 'superuser' }))).toEqual([
      'data.role: expected one of plan-admin, reporter, auditor, got "superuser"',
    ])
  })
})
