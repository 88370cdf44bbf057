/**
 * Turning event inputs into sealed recorded events without a store: stream ids by the
 * catalog's conventions, versions per stream, gap-free positions, recorded times and chained
 * hashes, exactly as core's `sealWrites` computes them for every store. Deterministic: the
 * recorded time is an input, never the system clock.
 *
 * @module Recorded
 */
import {
  catalog,
  type EventInput,
  type Instant,
  instant,
  type RecordedEvent,
  validateInput,
} from '@progress-ledger/core'
import { sealWrites } from '@progress-ledger/core/adapter'

/** An input with the instant it is recorded at and, optionally, the stream it goes to. */
export interface TimedInput {
  readonly input: EventInput
  readonly at: Instant
  /** Default: the stream the catalog's convention names (see {@link streamFor}). */
  readonly streamId?: string
}

/** One step of a history: a bare input (recorded at the default instant) or a timed one. */
export type HistoryStep = EventInput | TimedInput

/** The instant inputs are recorded at when no other is given: 2021-01-01T00:00:00.000Z. */
export const defaultRecordedAt: Instant = instant('2021-01-01')

/**
 * The stream an input belongs in by the catalog's convention (`indicator-{indicatorId}`,
 * `{subject}-{subjectId}`, `audit-{actor}`, …).
 *
 * @example
 * import { fixtures, streamFor } from '@progress-ledger/testkit'
 * streamFor(fixtures.gdpBaseline) // 'indicator-I01'
 * streamFor(fixtures.planAdopted) // 'plan-sz'
 */
export function streamFor(input: EventInput): string {
  const fields = input.data as unknown as Readonly<Record<string, unknown>>
  return catalog[input.type].stream.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = key === 'actor' ? input.actor : fields[key]
    if (typeof v !== 'string')
      throw new Error(
        `${input.id}.data.${key}: expected a string to name the stream, got ${JSON.stringify(v)}`,
      )
    return v
  })
}

function isTimed(step: HistoryStep): step is TimedInput {
  return 'input' in step
}

/** Options of {@link recorded}. */
export interface RecordedOptions {
  /** Recorded time of bare inputs (default {@link defaultRecordedAt}). */
  readonly at?: string
}

/**
 * Seals a history into recorded events as a store would: positions 1…n in order, versions per
 * stream, recorded times that never decrease (an earlier instant is raised to the previous
 * one), chained hashes. Every input is validated against its codec first (a bad one throws,
 * naming `history[i].path` and the value); ids must be distinct.
 *
 * @example
 * import { isoDate, verifyChain } from '@progress-ledger/core'
 * import { recorded } from '@progress-ledger/testkit'
 * const events = recorded([{ id: 'p', type: 'PlanAdopted', validTime: isoDate('2021-08-10'), actor: 'office',
 *   data: { planId: 'sz', name: { zh: '方案' }, adoptedOn: isoDate('2021-08-10'), baseYear: 2020, startYear: 2021, endYear: 2025 } }])
 * events[0]?.streamId // 'plan-sz'
 * verifyChain(events)._tag // 'Intact'
 */
export function recorded(
  history: ReadonlyArray<HistoryStep>,
  options: RecordedOptions = {},
): RecordedEvent[] {
  const fallback = options.at === undefined ? defaultRecordedAt : instant(options.at)
  const versions = new Map<string, number>()
  const seen = new Set<string>()
  const out: RecordedEvent[] = []
  let head: { position: number; hash: string; recordedTime: Instant | null } = {
    position: 0,
    hash: '',
    recordedTime: null,
  }
  history.forEach((step, i) => {
    const checked = validateInput(isTimed(step) ? step.input : step, `history[${i}]`)
    if (checked._tag === 'Invalid')
      throw new Error(checked.issues.map((issue) => issue.message).join('; '))
    const input = checked.event
    if (seen.has(input.id))
      throw new Error(
        `history[${i}].id: expected an id not used before, got ${JSON.stringify(input.id)}`,
      )
    seen.add(input.id)
    const streamId = isTimed(step) && step.streamId !== undefined ? step.streamId : streamFor(input)
    const fromVersion = versions.get(streamId) ?? 0
    const [event] = sealWrites(
      [{ streamId, fromVersion, events: [input] }],
      head,
      isTimed(step) ? step.at : fallback,
    ) as [RecordedEvent]
    versions.set(streamId, fromVersion + 1)
    head = { position: event.position, hash: event.hash, recordedTime: event.recordedTime }
    out.push(event)
  })
  return out
}
