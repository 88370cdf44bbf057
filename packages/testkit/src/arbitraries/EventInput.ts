/**
 * Arbitraries for event inputs: the envelope a writer supplies (id, type, valid time, actor,
 * correlation and causation) around data of one or any event type.
 *
 * @module arbitraries/EventInput
 */
import * as fc from 'fast-check'
import { type EventInput, type EventType, eventTypes } from '@progress-ledger/core'
import { eventDataArbitraries } from './EventData'
import { isoDateArb, nonEmptyString } from './Scalars'

/**
 * An event input of one type, or of any type in the catalog when `type` is omitted.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { validateInput } from '@progress-ledger/core'
 * import { eventInputArb } from '@progress-ledger/testkit'
 * fc.sample(eventInputArb(), 20).every((e) => validateInput(e)._tag === 'Valid') // true
 */
export function eventInputArb(type?: EventType): fc.Arbitrary<EventInput> {
  const types = type === undefined ? eventTypes : [type]
  return fc.constantFrom(...types).chain((k) =>
    fc
      .record(
        {
          id: nonEmptyString(),
          data: eventDataArbitraries[k] as fc.Arbitrary<unknown>,
          validTime: isoDateArb(),
          actor: nonEmptyString(),
          correlationId: fc.option(fc.string(), { nil: null }),
          causationId: fc.option(fc.string(), { nil: null }),
        },
        { requiredKeys: ['id', 'data', 'validTime', 'actor'], noNullPrototype: true },
      )
      .map((r) => ({ ...r, type: k }) as EventInput),
  )
}

/**
 * A batch of event inputs with distinct ids.
 *
 * @example
 * import * as fc from 'fast-check'
 * import { eventInputsArb } from '@progress-ledger/testkit'
 * const batch = fc.sample(eventInputsArb({ maxLength: 5 }), 1)[0] ?? []
 * new Set(batch.map((e) => e.id)).size === batch.length // true
 */
export function eventInputsArb(
  options: {
    readonly minLength?: number
    readonly maxLength?: number
    readonly type?: EventType
  } = {},
): fc.Arbitrary<ReadonlyArray<EventInput>> {
  return fc.uniqueArray(eventInputArb(options.type), {
    selector: (e) => e.id,
    minLength: options.minLength ?? 0,
    maxLength: options.maxLength ?? 10,
  })
}
