import { describe, expect, it } from 'vitest'
import { catalog } from '../src/Catalog'
import { decodeStored, EventDecodeError } from '../src/Envelope'
import { fixtures, recorded } from '@progress-ledger/testkit'

const { gdpDefined, planAdopted, valueReported } = fixtures

const stored = (): Record<string, unknown> =>
  JSON.parse(
    JSON.stringify(
      recorded([planAdopted, gdpDefined, valueReported('v2021', '2021', 11.2)], {
        at: '2021-08-10',
      })[2],
    ),
  ) as Record<string, unknown>

function decodeError(u: unknown): EventDecodeError {
  try {
    decodeStored(u)
  } catch (e) {
    if (e instanceof EventDecodeError) return e
    throw e
  }
  throw new Error('expected decodeStored to throw')
}

describe('decodeStored', () => {
  it('reads back what was written', () => {
    const e = stored()
    expect(decodeStored(e)).toEqual(e)
  })
  it('names the event id and position when data does not decode', () => {
    const e = stored()
    const err = decodeError({ ...e, data: { ...(e['data'] as object), value: '12,5' } })
    expect([err.eventId, err.position, err.message]).toEqual([
      'v2021',
      3,
      'event v2021 at position 3 cannot be decoded: data.value: expected a finite number, got "12,5"',
    ])
  })
  it('names the event id and position when the envelope or type is wrong', () => {
    expect(decodeError({ ...stored(), recordedTime: '2022-03-01' }).message).toBe(
      'event v2021 at position 3 cannot be decoded: recordedTime: expected an instant YYYY-MM-DDTHH:mm:ss.sssZ, got "2022-03-01"',
    )
    expect(decodeError({ ...stored(), type: 'ValueGuessed' }).message).toBe(
      'event v2021 at position 3 cannot be decoded: type: unknown event type "ValueGuessed"',
    )
  })
  it('refuses schema versions it cannot upcast or does not know yet', () => {
    expect(decodeError({ ...stored(), schemaVersion: 0 }).message).toBe(
      'event v2021 at position 3 cannot be decoded: schemaVersion: no upcaster from 0',
    )
    expect(decodeError({ ...stored(), schemaVersion: 2 }).message).toBe(
      "event v2021 at position 3 cannot be decoded: schemaVersion: 2 is newer than this library's 1",
    )
  })
  it('upcasts older schema versions through the catalog, then decodes', () => {
    // Pretend ValueReported is at schema version 2, whose upcaster renamed `amount` to `value`.
    const entry = catalog.ValueReported as {
      schemaVersion: number
      upcasters: Record<number, (d: unknown) => unknown>
    }
    const saved = { schemaVersion: entry.schemaVersion, upcasters: entry.upcasters }
    entry.schemaVersion = 2
    entry.upcasters = {
      1: (d) => {
        const { amount, ...rest } = d as { amount: number }
        return { ...rest, value: amount }
      },
    }
    try {
      const e = stored()
      const { value, ...old } = e['data'] as { value: number }
      const up = decodeStored({ ...e, schemaVersion: 1, data: { ...old, amount: value } })
      expect([up.schemaVersion, up.type === 'ValueReported' ? up.data.value : undefined]).toEqual([
        2, 11.2,
      ])
    } finally {
      entry.schemaVersion = saved.schemaVersion
      entry.upcasters = saved.upcasters
    }
  })
})
