/**
 * The envelope around every recorded event: identity, stream and version, global position,
 * schema version, valid and recorded time, actor, correlation and causation, and the integrity
 * hash chained to the previous event.
 *
 * @module Envelope
 */
import * as t from 'io-ts'
import { catalog, type EventType, type LedgerEvent, isEventType } from './Catalog'
import { type DecodeIssue, formatErrors, showValue, unknownFields } from './Decode'
import { compile as exactCheck } from './internal/ExactCheck'
import {
  type Instant,
  Instant as InstantCodec,
  type IsoDate,
  IsoDate as IsoDateCodec,
  isIsoDate,
  isInstant,
  MAX_TEXT_LENGTH,
  NonEmptyString,
  NonNegativeInt,
} from './Scalars'

/** The fields every recorded event carries besides its `type` and `data`. */
export interface EnvelopeMeta {
  /** Unique id of the event, chosen by the writer (appending the same id twice is a no-op). */
  readonly id: string
  /** The stream the event belongs to, e.g. `indicator-I01`. */
  readonly streamId: string
  /** 1-based version of the event within its stream. */
  readonly version: number
  /** 1-based position in the whole ledger, gap-free. */
  readonly position: number
  /** Schema version of `data`. */
  readonly schemaVersion: number
  /** When the fact applies: the reporting period's last day, the day a milestone happened. */
  readonly validTime: IsoDate
  /** When the fact entered the ledger; never decreases along positions. */
  readonly recordedTime: Instant
  /** Who reported the fact. */
  readonly actor: string
  /** Groups the events of one business operation. */
  readonly correlationId: string | null
  /** The event or command that caused this one. */
  readonly causationId: string | null
  /** Hash of the previous event (`''` for position 1). */
  readonly prevHash: string
  /** SHA-256 over the previous hash and this event's canonical content. */
  readonly hash: string
}

/** A recorded event: the envelope plus the tagged event. */
export type RecordedEvent = {
  [K in EventType]: EnvelopeMeta & Extract<LedgerEvent, { type: K }>
}[EventType]

/** A recorded event of one type. */
export type RecordedOf<K extends EventType> = Extract<RecordedEvent, { type: K }>

/**
 * What a writer supplies for one event, in its written form (dates and periods as plain
 * strings); the store validates it and adds stream, version, position, time and hashes.
 */
export type EventInput = {
  [K in EventType]: {
    readonly id: string
    readonly type: K
    readonly data: t.OutputOf<(typeof catalog)[K]['codec']>
    readonly validTime: string
    readonly actor: string
    readonly correlationId?: string | null
    readonly causationId?: string | null
  }
}[EventType]

/** An event input that passed validation: data decoded, dates branded. */
export type DecodedInput = {
  [K in EventType]: {
    readonly id: string
    readonly type: K
    readonly data: Extract<LedgerEvent, { type: K }>['data']
    readonly validTime: IsoDate
    readonly actor: string
    readonly correlationId: string | null
    readonly causationId: string | null
  }
}[EventType]

const InputEnvelope = t.exact(
  t.intersection([
    t.type({
      id: NonEmptyString,
      type: NonEmptyString,
      validTime: IsoDateCodec,
      actor: NonEmptyString,
      data: t.unknown,
    }),
    t.partial({
      correlationId: t.union([t.string, t.null]),
      causationId: t.union([t.string, t.null]),
    }),
  ]),
)

/** The result of validating one event input. */
export type InputValidation =
  | { readonly _tag: 'Valid'; readonly event: DecodedInput }
  | { readonly _tag: 'Invalid'; readonly issues: ReadonlyArray<DecodeIssue> }

/**
 * Validates an untrusted event input against the envelope and its type's codec. Unknown
 * properties of `data` are stripped; problems name the path under `prefix`.
 *
 * @example
 * import { validateInput } from '@progress-ledger/core'
 * const r = validateInput({ id: 'e1', type: 'ValueReported', validTime: '2021-12-31', actor: 'fgj',
 *   data: { indicatorId: 'I01', period: '2021', value: '12,5', status: 'final' } }, 'events[3]')
 * r._tag === 'Invalid' && r.issues[0]?.message // 'events[3].data.value: expected a finite number, got "12,5"'
 */
export function validateInput(u: unknown, prefix = ''): InputValidation {
  const fast = validInputFast(u)
  if (fast !== undefined) return { _tag: 'Valid', event: fast }
  const env = InputEnvelope.decode(u)
  if (env._tag === 'Left') return { _tag: 'Invalid', issues: formatErrors(env.left, prefix) }
  const { type } = env.right
  if (!isEventType(type)) {
    const path = prefix === '' ? 'type' : `${prefix}.type`
    const expected = 'a known event type'
    const got = showValue(type)
    return {
      _tag: 'Invalid',
      issues: [{ path, expected, got, message: `${path}: expected ${expected}, got ${got}` }],
    }
  }
  const data = catalog[type].codec.decode(env.right.data)
  if (data._tag === 'Left') {
    return {
      _tag: 'Invalid',
      issues: formatErrors(data.left, prefix === '' ? 'data' : `${prefix}.data`),
    }
  }
  const event = {
    id: env.right.id,
    type,
    data: data.right,
    validTime: env.right.validTime,
    actor: env.right.actor,
    correlationId: env.right.correlationId ?? null,
    causationId: env.right.causationId ?? null,
  } as DecodedInput
  return { _tag: 'Valid', event }
}

/**
 * Exactly `NonEmptyString.is`, quicker on the common case: a string of printable ASCII (ids as
 * writers make them, UUIDs, names) within the length limit holds no forbidden character, and one
 * that is not all spaces cannot trim to nothing. Anything else takes the codec's own check.
 */
function isNonEmptyString(u: unknown): u is string {
  if (typeof u !== 'string') return false
  const n = u.length
  if (n === 0 || n > MAX_TEXT_LENGTH) return false
  let blank = true
  for (let i = 0; i < n; i++) {
    const c = u.charCodeAt(i)
    if (c < 0x20 || c > 0x7e) return NonEmptyString.is(u)
    if (c !== 0x20) blank = false
  }
  return !blank
}

/**
 * `check`, remembering the last string that passed it: consecutive events mostly repeat their
 * valid time, recorded time (one per batch) and actor, and comparing two short strings is
 * cheaper than the check.
 */
function rememberingLast<T extends string>(check: (u: unknown) => u is T): (u: unknown) => u is T {
  let last = ''
  return (u): u is T => {
    if (u === last && u !== '') return true
    if (!check(u)) return false
    last = u
    return true
  }
}

const isValidTime = rememberingLast(isIsoDate)
const isRecordedTime = rememberingLast(isInstant)
const isActor = rememberingLast(isNonEmptyString)

function isOptionalId(u: unknown): u is string | null | undefined {
  return u === undefined || u === null || typeof u === 'string'
}

/**
 * The fast path of {@link validateInput}: checks the envelope by hand and the data with the
 * codec's exact pre-check. Returns the event exactly as the full decode would (the pre-check only
 * says yes when decoding gives back the data unchanged), or `undefined` to take the slow path.
 */
function validInputFast(u: unknown): DecodedInput | undefined {
  if (
    typeof u !== 'object' ||
    u === null ||
    Object.prototype.toString.call(u) !== '[object Object]'
  )
    return undefined
  const r = u as Record<string, unknown>
  const { id, type, validTime, actor, data, correlationId, causationId } = r
  // A known event type is a non-empty string; valid times and actors repeat from event to event.
  if (!isEventType(type) || !isNonEmptyString(id) || !isValidTime(validTime) || !isActor(actor))
    return undefined
  if (!isOptionalId(correlationId) || !isOptionalId(causationId)) return undefined
  if (!dataCheck(type)(data)) return undefined
  return {
    id,
    type,
    data,
    validTime,
    actor,
    correlationId: correlationId ?? null,
    causationId: causationId ?? null,
  } as DecodedInput
}

const StoredEnvelope = t.type({
  id: NonEmptyString,
  streamId: NonEmptyString,
  version: NonNegativeInt,
  position: NonNegativeInt,
  type: NonEmptyString,
  schemaVersion: NonNegativeInt,
  validTime: IsoDateCodec,
  recordedTime: InstantCodec,
  actor: t.string,
  correlationId: t.union([t.string, t.null]),
  causationId: t.union([t.string, t.null]),
  prevHash: t.string,
  hash: t.string,
  data: t.unknown,
})

function isCount(u: unknown): u is number {
  return typeof u === 'number' && Number.isInteger(u) && u >= 0
}

/** The exact pre-check of each event type's data, compiled once per type. */
const dataChecks = new Map<string, (u: unknown) => boolean>()

function dataCheck(type: EventType): (u: unknown) => boolean {
  let check = dataChecks.get(type)
  if (check === undefined) {
    check = exactCheck(catalog[type].codec)
    dataChecks.set(type, check)
  }
  return check
}

/**
 * The fast path of {@link decodeStored}: the envelope checked by hand and the data by the codec's
 * exact pre-check, for events of the current schema version, building the event directly from its
 * fields. Returns `undefined` whenever the full decode could differ (older schema, unknown keys to
 * strip, anything invalid), which then runs.
 */
function storedFast(
  id: unknown,
  streamId: unknown,
  version: unknown,
  position: unknown,
  type: unknown,
  schemaVersion: unknown,
  validTime: unknown,
  recordedTime: unknown,
  actor: unknown,
  correlationId: unknown,
  causationId: unknown,
  data: unknown,
  prevHash: unknown,
  hash: unknown,
): RecordedEvent | undefined {
  if (
    !isNonEmptyString(id) ||
    !isNonEmptyString(streamId) ||
    !isCount(version) ||
    !isCount(position) ||
    !isEventType(type)
  )
    return undefined
  if (
    schemaVersion !== catalog[type].schemaVersion ||
    !isValidTime(validTime) ||
    !isRecordedTime(recordedTime) ||
    typeof actor !== 'string'
  )
    return undefined
  if (
    !(correlationId === null || typeof correlationId === 'string') ||
    !(causationId === null || typeof causationId === 'string')
  )
    return undefined
  if (typeof prevHash !== 'string' || typeof hash !== 'string' || !dataCheck(type)(data))
    return undefined
  return {
    id,
    streamId,
    version,
    position,
    type,
    schemaVersion,
    validTime,
    recordedTime,
    actor,
    correlationId,
    causationId,
    prevHash,
    hash,
    data,
  } as RecordedEvent
}

/** A stored event that could not be decoded: names its id and position. */
export class EventDecodeError extends Error {
  override readonly name = 'EventDecodeError'
  constructor(
    readonly eventId: string,
    readonly position: number,
    readonly issues: ReadonlyArray<string>,
  ) {
    super(`event ${eventId} at position ${position} cannot be decoded: ${issues.join('; ')}`)
  }
}

/**
 * Decodes an event read back from storage: checks the envelope, upcasts older schema versions
 * through the catalog, and decodes the data. Throws {@link EventDecodeError} naming the event id
 * and position: a stored event that does not decode is corruption, not a user error.
 */
export function decodeStored(u: unknown): RecordedEvent {
  if (typeof u === 'object' && u !== null) {
    const r = u as Record<string, unknown>
    const fast = storedFast(
      r['id'],
      r['streamId'],
      r['version'],
      r['position'],
      r['type'],
      r['schemaVersion'],
      r['validTime'],
      r['recordedTime'],
      r['actor'],
      r['correlationId'],
      r['causationId'],
      r['data'],
      r['prevHash'],
      r['hash'],
    )
    if (fast !== undefined) return fast
  }
  const env = StoredEnvelope.decode(u)
  const raw = u as { id?: unknown; position?: unknown }
  if (env._tag === 'Left') {
    throw new EventDecodeError(
      String(raw?.id),
      Number(raw?.position),
      formatErrors(env.left).map((i) => i.message),
    )
  }
  const e = env.right
  if (!isEventType(e.type))
    throw new EventDecodeError(e.id, e.position, [
      `type: unknown event type ${JSON.stringify(e.type)}`,
    ])
  const entry = catalog[e.type]
  if (e.schemaVersion > entry.schemaVersion) {
    throw new EventDecodeError(e.id, e.position, [
      `schemaVersion: ${e.schemaVersion} is newer than this library's ${entry.schemaVersion}`,
    ])
  }
  let data = e.data
  for (let v = e.schemaVersion; v < entry.schemaVersion; v++) {
    const up = entry.upcasters[v]
    if (up === undefined)
      throw new EventDecodeError(e.id, e.position, [`schemaVersion: no upcaster from ${v}`])
    data = up(data)
  }
  const decoded = entry.codec.decode(data)
  if (decoded._tag === 'Left')
    throw new EventDecodeError(
      e.id,
      e.position,
      formatErrors(decoded.left, 'data').map((i) => i.message),
    )
  // Field by field, in the fast path's order: the envelope codec lets other keys through, and a
  // recorded event holds nothing its hash does not cover.
  return {
    id: e.id,
    streamId: e.streamId,
    version: e.version,
    position: e.position,
    type: e.type,
    schemaVersion: entry.schemaVersion,
    validTime: e.validTime,
    recordedTime: e.recordedTime,
    actor: e.actor,
    correlationId: e.correlationId,
    causationId: e.causationId,
    prevHash: e.prevHash,
    hash: e.hash,
    data: decoded.right,
  } as RecordedEvent
}

/**
 * {@link decodeStored} for a record that must hold exactly its event — a line of an export, a
 * record to import: a field decoding would drop is an edit (the hash, taken over what remains,
 * would still match), refused with an {@link EventDecodeError} naming each (`within` names the
 * record in the messages). An older schema version, upcast on decoding, has other fields by design.
 *
 * @example
 * import { decodeStoredExact } from '@progress-ledger/core'
 * const e = { id: 'e1', streamId: 'indicator-I01', version: 1, position: 1, type: 'ValueReported', schemaVersion: 1, validTime: '2021-12-31', recordedTime: '2022-01-08T10:30:00.000Z', actor: 'fgj', correlationId: null, causationId: null, prevHash: '', hash: 'ab', data: { indicatorId: 'I01', period: '2021', value: 10.6, status: 'final' } }
 * decodeStoredExact(e).id // 'e1'
 * const edited = (() => { try { return decodeStoredExact({ ...e, note: 'x' }) } catch (err) { return (err as Error).message } })()
 * edited // 'event e1 at position 1 cannot be decoded: note: expected a field of a recorded event, got an unknown field ("x")'
 */
export function decodeStoredExact(u: unknown, within = 'a recorded event'): RecordedEvent {
  const e = decodeStored(u)
  if ((u as { schemaVersion?: unknown }).schemaVersion !== e.schemaVersion) return e
  const extra = unknownFields(u, e, within)
  if (extra.length > 0)
    throw new EventDecodeError(
      e.id,
      e.position,
      extra.map((i) => i.message),
    )
  return e
}

/**
 * {@link decodeStored} for a store that reads an event's fields one by one (a row): the same
 * checks and result, without building an intermediate object on the fast path.
 *
 * @example
 * import { decodeStoredFields } from '@progress-ledger/core'
 * const e = decodeStoredFields('e1', 'indicator-I01', 1, 1, 'ValueReported', 1, '2021-12-31',
 *   '2022-01-08T10:30:00.000Z', 'fgj', null, null,
 *   { indicatorId: 'I01', period: '2021', value: 10.6, status: 'final' }, '', 'ab')
 * e.data // { indicatorId: 'I01', period: '2021', value: 10.6, status: 'final' }
 */
export function decodeStoredFields(
  id: unknown,
  streamId: unknown,
  version: unknown,
  position: unknown,
  type: unknown,
  schemaVersion: unknown,
  validTime: unknown,
  recordedTime: unknown,
  actor: unknown,
  correlationId: unknown,
  causationId: unknown,
  data: unknown,
  prevHash: unknown,
  hash: unknown,
): RecordedEvent {
  return (
    storedFast(
      id,
      streamId,
      version,
      position,
      type,
      schemaVersion,
      validTime,
      recordedTime,
      actor,
      correlationId,
      causationId,
      data,
      prevHash,
      hash,
    ) ??
    decodeStored({
      id,
      streamId,
      version,
      position,
      type,
      schemaVersion,
      validTime,
      recordedTime,
      actor,
      correlationId,
      causationId,
      prevHash,
      hash,
      data,
    })
  )
}
