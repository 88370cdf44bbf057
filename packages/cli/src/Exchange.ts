/**
 * The exchange formats of `export` and `import`: JSON lines of recorded events (the ledger's own
 * envelope), and CloudEvents 1.0 in the JSON batch format, with the envelope's fields as
 * extension attributes so that an import reproduces the ledger exactly.
 *
 * @module Exchange
 */
import {
  decodeStored,
  decodeStoredExact,
  EventDecodeError,
  type RecordedEvent,
  unknownFields,
} from '@progress-ledger/core'

/** The CloudEvents `source` of events exported from a ledger. */
export const CLOUDEVENTS_SOURCE = 'urn:progress-ledger'

/** A recorded event as a CloudEvent (structured JSON). */
export interface LedgerCloudEvent {
  readonly specversion: '1.0'
  readonly id: string
  readonly source: string
  readonly type: string
  readonly subject: string
  readonly time: string
  readonly datacontenttype: 'application/json'
  readonly dataschema: string
  readonly data: unknown
  readonly validtime: string
  readonly streamversion: number
  readonly position: number
  readonly schemaversion: number
  readonly actor: string
  readonly correlationid?: string
  readonly causationid?: string
  readonly prevhash: string
  readonly hash: string
}

/**
 * A recorded event as a CloudEvent: type `org.progress-ledger.<Type>`, subject the stream id,
 * time the recorded time; valid time, version, position, actor and hashes as extensions.
 *
 * @example
 * import { InMemoryEventStore, fixedClock, isoDate } from '@progress-ledger/core'
 * import { toCloudEvent } from '@progress-ledger/cli'
 * const store = new InMemoryEventStore({ clock: fixedClock('2022-03-01T09:00:00.000Z') })
 * await store.append('department-fgj', [{ id: 'fgj', type: 'DepartmentRegistered', validTime: isoDate('2021-08-10'), actor: 'office',
 *   data: { departmentId: 'fgj', name: { zh: '市发改局' }, aliases: [] } }], 'no-stream')
 * const [event] = await store.readAll()
 * const ce = event === undefined ? undefined : toCloudEvent(event)
 * [ce?.type, ce?.subject, ce?.time, ce?.validtime] // ['org.progress-ledger.DepartmentRegistered', 'department-fgj', '2022-03-01T09:00:00.000Z', '2021-08-10']
 */
export function toCloudEvent(e: RecordedEvent): LedgerCloudEvent {
  return {
    specversion: '1.0',
    id: e.id,
    source: CLOUDEVENTS_SOURCE,
    type: `org.progress-ledger.${e.type}`,
    subject: e.streamId,
    time: e.recordedTime,
    datacontenttype: 'application/json',
    dataschema: `urn:progress-ledger:${e.type}:v${e.schemaVersion}`,
    data: e.data,
    validtime: e.validTime,
    streamversion: e.version,
    position: e.position,
    schemaversion: e.schemaVersion,
    actor: e.actor,
    ...(e.correlationId === null ? {} : { correlationid: e.correlationId }),
    ...(e.causationId === null ? {} : { causationid: e.causationId }),
    prevhash: e.prevHash,
    hash: e.hash,
  }
}

/**
 * Reads a CloudEvent back into the stored envelope shape (then decoded by core).
 *
 * @example
 * import { fromCloudEvent } from '@progress-ledger/cli'
 * const e = fromCloudEvent({ specversion: '1.0', id: 'fgj', type: 'org.progress-ledger.DepartmentRegistered', subject: 'department-fgj' })
 * [(e as { type: string }).type, (e as { streamId: string }).streamId] // ['DepartmentRegistered', 'department-fgj']
 */
export function fromCloudEvent(u: unknown): unknown {
  if (typeof u !== 'object' || u === null) return u
  const c = u as Record<string, unknown>
  const type =
    typeof c['type'] === 'string' ? c['type'].replace(/^org\.progress-ledger\./, '') : c['type']
  return {
    id: c['id'],
    streamId: c['subject'],
    version: c['streamversion'],
    position: c['position'],
    type,
    schemaVersion: c['schemaversion'],
    validTime: c['validtime'],
    recordedTime: c['time'],
    actor: c['actor'],
    correlationId: c['correlationid'] ?? null,
    causationId: c['causationid'] ?? null,
    prevHash: c['prevhash'],
    hash: c['hash'],
    data: c['data'],
  }
}

/** One problem of an export file: the line (JSON lines) or element (`[3]`, a batch), the path and what was expected. */
export interface ExportIssue {
  /** 1-based line of a JSON-lines export; `null` in a CloudEvents batch. */
  readonly line: number | null
  /** `line: path: expected …, got …` for JSON lines, `[i].path: expected …, got …` for a batch. */
  readonly message: string
}

/** The CloudEvents attribute that carries each envelope field (for messages about a batch). */
const CLOUD_NAMES: Readonly<Record<string, string>> = {
  streamId: 'subject',
  version: 'streamversion',
  schemaVersion: 'schemaversion',
  validTime: 'validtime',
  recordedTime: 'time',
  correlationId: 'correlationid',
  causationId: 'causationid',
  prevHash: 'prevhash',
}

function decodeIssues(value: unknown, cloud: boolean): ReadonlyArray<string> | RecordedEvent {
  try {
    // An export holds exactly what was stored: a field it does not (an edit) is refused, where
    // decoding alone would drop it and the hash, taken over what remains, would still match.
    if (!cloud) return decodeStoredExact(value, 'an exported event')
    const e = decodeStored(fromCloudEvent(value))
    // The same for a CloudEvent, in CloudEvents' names (an upcast event has other fields).
    const upcast = (value as { schemaversion?: unknown }).schemaversion !== e.schemaVersion
    const extra = upcast
      ? []
      : unknownFields(
          value,
          { ...toCloudEvent(e), correlationid: e.correlationId, causationid: e.causationId },
          'a CloudEvent of an export',
        )
    return extra.length === 0 ? e : extra.map((i) => i.message)
  } catch (e) {
    if (!(e instanceof EventDecodeError)) return [(e as Error).message]
    return cloud
      ? e.issues.map((i) => i.replace(/^(\w+)/, (name) => CLOUD_NAMES[name] ?? name))
      : e.issues
  }
}

/**
 * Decodes one record of an export — a recorded event as exported, or the same as a CloudEvent
 * (told apart by `specversion`) — into the event, or the messages naming what is wrong (with the
 * CloudEvents attribute names for a CloudEvent).
 *
 * @example
 * import { decodeExportRecord } from '@progress-ledger/cli'
 * decodeExportRecord({ id: 'x' }).length > 0 // true
 * decodeExportRecord({ specversion: '0.3', id: 'x' }) // ['specversion: expected "1.0" (CloudEvents 1.0), got "0.3"']
 */
export function decodeExportRecord(value: unknown): RecordedEvent | ReadonlyArray<string> {
  const spec =
    typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)['specversion']
      : undefined
  // A CloudEvent of another version is not an exported event with fields missing.
  if (spec !== undefined && spec !== '1.0')
    return [`specversion: expected "1.0" (CloudEvents 1.0), got ${JSON.stringify(spec)}`]
  return decodeIssues(value, isCloudEvent(value))
}

/**
 * Is a value a CloudEvent (it says `specversion` 1.0)?
 *
 * @example
 * import { isCloudEvent } from '@progress-ledger/cli'
 * isCloudEvent({ specversion: '1.0' }) // true
 * isCloudEvent({ id: 'e-1' }) // false
 */
export function isCloudEvent(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<string, unknown>)['specversion'] === '1.0'
  )
}

/**
 * The last line of a JSON-lines export, `{"end":{…}}`: how many events come before it and the
 * last one's position and hash. A file cut short at a line boundary — an incomplete copy or
 * download — would otherwise read as a whole, shorter ledger whose chain verifies; without this
 * line `import` refuses it (unless `--allow-unterminated`). A CloudEvents batch needs none: cut
 * short, it is not JSON.
 */
export interface ExportEnd {
  readonly events: number
  readonly position: number
  readonly hash: string
}

/**
 * The end record's line.
 *
 * @example
 * import { exportEndLine } from '@progress-ledger/cli'
 * exportEndLine({ events: 0, position: 0, hash: '' }) // '{"end":{"events":0,"position":0,"hash":""}}\n'
 */
export function exportEndLine(end: ExportEnd): string {
  return `${JSON.stringify({ end: { events: end.events, position: end.position, hash: end.hash } })}\n`
}

/**
 * Is a record the end record (an object whose one field is `end`)?
 *
 * @example
 * import { isExportEnd } from '@progress-ledger/cli'
 * isExportEnd({ end: { events: 2 } }) // true
 * isExportEnd({ id: 'e-1' }) // false
 */
export function isExportEnd(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const keys = Object.keys(value)
  return keys.length === 1 && keys[0] === 'end'
}

/**
 * The problem of a record after the end record of line `endLine`.
 *
 * @example
 * import { afterExportEnd } from '@progress-ledger/cli'
 * afterExportEnd(12) // 'expected nothing after the end record (line 12), got another record'
 */
export function afterExportEnd(endLine: number): string {
  return `expected nothing after the end record (line ${endLine}), got another record`
}

/**
 * Checks an end record against what came before it: the messages naming each field that does
 * not match (none when it does).
 *
 * @example
 * import { checkExportEnd } from '@progress-ledger/cli'
 * const before = { events: 2, position: 2, hash: 'h2' }
 * checkExportEnd({ end: before }, before) // []
 * checkExportEnd({ end: { ...before, events: 3 } }, before) // ['end.events: expected 2 (the events before it), got 3']
 */
export function checkExportEnd(value: unknown, before: ExportEnd): ReadonlyArray<string> {
  const end = (value as { readonly end?: unknown }).end
  if (typeof end !== 'object' || end === null || Array.isArray(end))
    return [
      `end: expected {"events", "position", "hash"} of the events before it, got ${JSON.stringify(end)}`,
    ]
  const fields = end as Record<string, unknown>
  const problems: string[] = []
  const expect = (key: keyof ExportEnd, what: string) => {
    if (fields[key] !== before[key])
      problems.push(
        `end.${key}: expected ${JSON.stringify(before[key])} (${what}), got ${fields[key] === undefined ? 'nothing' : JSON.stringify(fields[key])}`,
      )
  }
  expect('events', 'the events before it')
  expect('position', "the last event's position")
  expect('hash', "the last event's hash")
  for (const key of Object.keys(fields))
    if (key !== 'events' && key !== 'position' && key !== 'hash')
      problems.push(`end.${key}: expected a field of an end record, got an unknown field`)
  return problems
}

/**
 * Parses an export (JSONL or a CloudEvents JSON batch), decoding every event through core. Each
 * problem names its line (or batch element) and the field. A JSON-lines export's end record (see
 * {@link ExportEnd}) is checked against the events before it, and nothing may follow it; `ended`
 * says whether the file had one (a batch always counts as ended). Whether a file without one is
 * acceptable is the caller's decision: `import` refuses it.
 *
 * @example
 * import { parseExport } from '@progress-ledger/cli'
 * parseExport('{"id":"e1"}\n').errors[0] // { line: 1, message: 'streamId: expected a non-empty string, got nothing' }
 * parseExport('[{"specversion":"1.0","id":"e1"}]').errors[0]?.message // '[0].subject: expected a non-empty string, got nothing'
 */
export function parseExport(text: string): {
  readonly events: ReadonlyArray<RecordedEvent>
  readonly errors: ReadonlyArray<ExportIssue>
  readonly ended: boolean
} {
  const trimmed = text.trimStart()
  const events: RecordedEvent[] = []
  const errors: ExportIssue[] = []
  const take = (value: unknown, cloud: boolean, line: number | null, prefix: string) => {
    const r = decodeIssues(value, cloud)
    if (Array.isArray(r)) {
      for (const m of r as ReadonlyArray<string>)
        errors.push({ line, message: prefix === '' ? m : `${prefix}.${m}` })
    } else events.push(r as RecordedEvent)
  }
  if (trimmed.startsWith('[')) {
    let batch: unknown
    try {
      batch = JSON.parse(trimmed) as unknown
    } catch (e) {
      errors.push({
        line: null,
        message: `expected a CloudEvents JSON batch, got invalid JSON (${(e as Error).message})`,
      })
      return { events, errors, ended: true }
    }
    ;(batch as unknown[]).forEach((v, i) => take(v, true, null, `[${i}]`))
    return { events, errors, ended: true }
  }
  let ended: number | undefined
  let records = 0
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return
    if (ended !== undefined) {
      errors.push({
        line: i + 1,
        message: afterExportEnd(ended),
      })
      return
    }
    let v: unknown
    try {
      v = JSON.parse(line) as unknown
    } catch (e) {
      errors.push({
        line: i + 1,
        message: `expected a JSON event, got ${JSON.stringify(line.slice(0, 40))} (${(e as Error).message})`,
      })
      return
    }
    if (isExportEnd(v)) {
      ended = i + 1
      const last = events[events.length - 1]
      for (const message of checkExportEnd(v, {
        events: records,
        position: last?.position ?? 0,
        hash: last?.hash ?? '',
      }))
        errors.push({ line: i + 1, message })
      return
    }
    records++
    take(v, isCloudEvent(v), i + 1, '')
  })
  return { events, errors, ended: ended !== undefined }
}
