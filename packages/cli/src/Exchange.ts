/**
 * The exchange formats of `export` and `import`: JSON lines of recorded events (the ledger's own
 * envelope), and CloudEvents 1.0 in the JSON batch format, with the envelope's fields as
 * extension attributes so that an import reproduces the ledger exactly.
 *
 * @module Exchange
 */
import { decodeStored, type RecordedEvent } from '@progress-ledger/core'

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

/** Reads a CloudEvent back into the stored envelope shape (then decoded by core). */
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

/** Parses an export (JSONL or a CloudEvents JSON batch), decoding every event through core. */
export function parseExport(text: string): {
  readonly events: ReadonlyArray<RecordedEvent>
  readonly errors: ReadonlyArray<string>
} {
  const trimmed = text.trimStart()
  const raw: Array<{ where: string; value: unknown }> = []
  const errors: string[] = []
  if (trimmed.startsWith('[')) {
    try {
      ;(JSON.parse(trimmed) as unknown[]).forEach((v, i) =>
        raw.push({ where: `[${i}]`, value: fromCloudEvent(v) }),
      )
    } catch (e) {
      errors.push(`expected a CloudEvents JSON batch: ${(e as Error).message}`)
    }
  } else {
    text.split(/\r?\n/).forEach((line, i) => {
      if (line.trim() === '') return
      try {
        const v = JSON.parse(line) as Record<string, unknown>
        raw.push({
          where: `line ${i + 1}`,
          value: v['specversion'] === '1.0' ? fromCloudEvent(v) : v,
        })
      } catch (e) {
        errors.push(
          `line ${i + 1}: expected a JSON event, got ${JSON.stringify(line.slice(0, 40))} (${(e as Error).message})`,
        )
      }
    })
  }
  const events: RecordedEvent[] = []
  for (const r of raw) {
    try {
      events.push(decodeStored(r.value))
    } catch (e) {
      errors.push(`${r.where}: ${(e as Error).message}`)
    }
  }
  return { events, errors }
}
