/**
 * What a family of reducers provides: one handler per event type it covers, each applying one
 * recorded event of that type to the typed draft. The ledger's reducer is the union of the
 * families (see Reducer.ts), checked by the compiler to cover every event type exactly once.
 *
 * @module reducers/Reducers
 */
import type { EventType } from '../Catalog'
import type { RecordedOf } from '../Envelope'
import type { Draft } from '../internal/LedgerDraft'
import type { Stamp } from '../State'

/** Applies one event of type `K` to the draft. Total: an event that refers to something undefined goes to `d.unattached`. */
export type Handler<K extends EventType> = (d: Draft, e: RecordedOf<K>) => void

/** The handlers of a family of event types. */
export type Reducers<K extends EventType> = { readonly [T in K]: Handler<T> }

/**
 * The stamp of a node made by `e`. Versions are built as literals with the stamp fields written
 * out (`{ eventId: e.id, position: e.position, … }`), not `{ ...stampOf(e), … }`: a spread
 * followed by more properties takes a slow path in V8 (the railway fold ran 4.7 times slower).
 */
export function stampOf(e: Stamp | RecordedOf<EventType>): Stamp {
  return 'eventId' in e
    ? {
        eventId: e.eventId,
        position: e.position,
        validTime: e.validTime,
        recordedTime: e.recordedTime,
        actor: e.actor,
      }
    : {
        eventId: e.id,
        position: e.position,
        validTime: e.validTime,
        recordedTime: e.recordedTime,
        actor: e.actor,
      }
}
