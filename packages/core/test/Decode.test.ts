import { describe, expect, it } from 'vitest'
import { validateBatch } from '../src/Batch'
import { formatErrors, showValue } from '../src/Decode'
import { validateInput } from '../src/Envelope'
import { TargetExpression } from '../src/TargetExpression'
import { fixtures } from '@progress-ledger/testkit'

const { gdpDefined, gdpTarget2025, valueReported } = fixtures

const messages = (u: unknown, prefix = ''): ReadonlyArray<string> => {
  const r = validateInput(u, prefix)
  return r._tag === 'Invalid' ? r.issues.map((i) => i.message) : []
}
const withData = (base: object, data: object): unknown => ({
  ...base,
  data: { ...(base as { data: object }).data, ...data },
})

describe('the error reporter', () => {
  it('names the path through exact and intersection codecs and the offending value', () => {
    expect(
      messages(withData(valueReported('v', '2021', 0), { value: '12,5' }), 'events[3]'),
    ).toEqual(['events[3].data.value: expected a finite number, got "12,5"'])
    expect(messages(withData(valueReported('v', '2021', 0), { value: Number.NaN }))).toEqual([
      'data.value: expected a finite number, got NaN',
    ])
    expect(messages(withData(valueReported('v', '2021', 0), { period: '2021-Q5' }))).toEqual([
      'data.period: expected a period (2021, 2021-H1, 2021-Q3, 2021-07 or 2021-07-15), got "2021-Q5"',
    ])
  })
  it('says "got nothing" for a missing field and names nested and indexed paths', () => {
    const { unit: _unit, ...withoutUnit } = gdpDefined.data as unknown as Record<string, unknown>
    expect(messages({ ...gdpDefined, data: withoutUnit })).toEqual([
      'data.unit: expected a string, got nothing',
    ])
    expect(messages(withData(gdpDefined, { name: { zh: ' ' } }))).toEqual([
      'data.name.zh: expected a non-empty string, got " "',
    ])
    expect(messages(withData(gdpDefined, { departments: ['fgj', 7] }))).toEqual([
      'data.departments[1]: expected a non-empty string, got 7',
    ])
    expect(messages(withData(gdpDefined, { source: { document: 'yearbook', line: -1 } }))).toEqual([
      'data.source.line: expected a whole number >= 0, got -1',
    ])
    expect(messages(withData(gdpDefined, { attribute: 'graded' }))).toEqual([
      'data.attribute: expected one of evaluation, observation, got "graded"',
    ])
  })
  it('reports errors of the union member the value is tagged as, and the union for an unknown tag', () => {
    expect(
      messages(
        withData(gdpTarget2025, {
          expression: { kind: 'comparison', op: 'eq', value: 90, wording: 'symbol' },
        }),
      ),
    ).toEqual(['data.expression.op: expected one of ge, gt, le, lt, got "eq"'])
    expect(
      messages(withData(gdpTarget2025, { expression: { kind: 'range', min: 1, max: 'x' } })),
    ).toEqual(['data.expression.max: expected a finite number, got "x"'])
    expect(
      messages(withData(gdpTarget2025, { expression: { kind: 'percent', value: 3 } })),
    ).toEqual(['data.expression: expected TargetExpression, got {"kind":"percent","value":3}'])
    const direct = TargetExpression.decode({ kind: 'trend', direction: 'up', pace: 'steady' })
    expect(direct._tag === 'Left' ? formatErrors(direct.left).map((i) => i.message) : []).toEqual([
      'direction: expected one of rise, fall, got "up"',
    ])
  })
  it('checks the envelope and the event type', () => {
    expect(messages({ ...valueReported('v', '2021', 1), validTime: '2021-02-30' })).toEqual([
      'validTime: expected a date YYYY-MM-DD, got "2021-02-30"',
    ])
    expect(
      messages({ ...valueReported('v', '2021', 1), type: 'ValueGuessed' }, 'events[0]'),
    ).toEqual(['events[0].type: expected a known event type, got "ValueGuessed"'])
    expect(messages({ ...valueReported('v', '2021', 1), actor: '' })).toEqual([
      'actor: expected a non-empty string, got ""',
    ])
  })
  it('strips unknown properties of exact codecs', () => {
    const r = validateInput(withData(valueReported('v', '2021', 1), { colour: 'red' }))
    expect(r._tag === 'Valid' ? Object.keys(r.event.data) : []).not.toContain('colour')
  })
  it('numbers events across the requests of a batch and reports every issue at once', () => {
    const r = validateBatch([
      {
        streamId: 'indicator-I01',
        expectedVersion: 'any',
        events: [
          valueReported('a', '2021', 1),
          // @ts-expect-error -- data the codec refuses, as an untyped caller can send it
          withData(valueReported('b', '2022', 1), { value: '12,5' }),
        ],
      },
      {
        streamId: 'indicator-I02',
        expectedVersion: 'any',
        events: [
          valueReported('a', '2023', 1),
          // @ts-expect-error -- data the codec refuses, as an untyped caller can send it
          withData(valueReported('c', '2024', 1), { status: 'draft' }),
        ],
      },
    ])
    expect(r._tag === 'InvalidEvents' ? r.issues.map((i) => i.message) : []).toEqual([
      'events[1].data.value: expected a finite number, got "12,5"',
      'events[2].id: expected an id unique within the batch, got "a"',
      'events[3].data.status: expected one of preliminary, final, got "draft"',
    ])
  })
  it('truncates long values', () => {
    expect(showValue('x'.repeat(100))).toHaveLength(80)
    expect(showValue(undefined)).toBe('nothing')
  })
})
