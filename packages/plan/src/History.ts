/**
 * What happened after a plan was made, as recorded by a chronicle: milestones met (a tunnel
 * holed through, a line opened) with their facts, and dated values of observation series (doses
 * given, tests run). {@link historyToEvents} turns a history document into the core's events:
 * `MilestoneMet` with `unplanned: true` (a chronicle records actual dates, not plans), and per
 * series an observation `IndicatorDefined` plus a `ValueReported` per dated value.
 *
 * @module History
 */
import { absurd } from 'fp-ts/lib/function.js'
import * as t from 'io-ts'
import {
  DateSpec,
  type EventInput,
  type Fact,
  FiniteNumber,
  type IsoDate,
  LocalizedText,
  NonEmptyString,
  type PeriodKey,
  type PeriodKind,
  SourceRef,
  formatErrors,
  latestDay,
  periodEnd,
  showValue,
  streams,
} from '@progress-ledger/core'
import type { PlanIssue } from './PlanValidation'
import type { StreamEvents } from './PlanEvents'

/** The `format` tag of a history document. */
export const HISTORY_DOCUMENT_FORMAT = 'progress-ledger/history@1'

/** A number given with a record, with its qualifier (`约` about, `多` more than) and source. */
export const HistoryFact = t.exact(
  t.intersection([
    t.type({ key: NonEmptyString, value: FiniteNumber }),
    t.partial({
      unit: t.string,
      label: LocalizedText,
      qualifier: t.string,
      note: t.string,
      source: SourceRef,
    }),
  ]),
  'HistoryFact',
)
/** A number given with a record. */
export type HistoryFact = t.TypeOf<typeof HistoryFact>

/** A milestone met, as a chronicle dates it (`met` keeps the date's precision). */
export const MetMilestone = t.exact(
  t.intersection([
    t.type({
      id: NonEmptyString,
      projectId: NonEmptyString,
      met: DateSpec,
      kind: NonEmptyString,
      title: LocalizedText,
      facts: t.readonlyArray(HistoryFact),
      source: SourceRef,
    }),
    t.partial({ scope: t.string, time: t.string, note: t.string }),
  ]),
  'MetMilestone',
)
/** A milestone met. */
export type MetMilestone = t.TypeOf<typeof MetMilestone>

/** A series of dated values, recorded as an observation indicator of `planId`. */
export const ObservationSeries = t.exact(
  t.intersection([
    t.type({
      id: NonEmptyString,
      planId: NonEmptyString,
      category: NonEmptyString,
      name: LocalizedText,
      unit: t.string,
    }),
    t.partial({ unitEn: t.string, kind: t.string, chronicle: t.string }),
  ]),
  'ObservationSeries',
)
/** A series of dated values. */
export type ObservationSeries = t.TypeOf<typeof ObservationSeries>

/** One dated value of a series. A range is reported for the period of its last day. */
export const DatedValue = t.exact(
  t.intersection([
    t.type({
      id: NonEmptyString,
      series: NonEmptyString,
      date: DateSpec,
      value: FiniteNumber,
      source: SourceRef,
    }),
    t.partial({ note: t.string, qualifier: t.string }),
  ]),
  'DatedValue',
)
/** One dated value of a series. */
export type DatedValue = t.TypeOf<typeof DatedValue>

/** A history document: milestones met and/or dated values. */
export const HistoryDocument = t.exact(
  t.intersection([
    t.type({ format: t.literal(HISTORY_DOCUMENT_FORMAT) }),
    t.partial({
      milestones: t.readonlyArray(MetMilestone),
      series: t.readonlyArray(ObservationSeries),
      values: t.readonlyArray(DatedValue),
      notes: t.readonlyArray(t.string),
    }),
  ]),
  'HistoryDocument',
)
/** A history document. */
export type HistoryDocument = t.TypeOf<typeof HistoryDocument>

/** The outcome of loading a history document. */
export type HistoryValidation =
  | { readonly _tag: 'Valid'; readonly document: HistoryDocument }
  | { readonly _tag: 'Invalid'; readonly issues: ReadonlyArray<PlanIssue> }

function dupes(
  issues: PlanIssue[],
  path: string,
  items: ReadonlyArray<{ readonly id: string }>,
): void {
  const seen = new Set<string>()
  items.forEach((x, i) => {
    if (seen.has(x.id))
      issues.push({
        path: `${path}[${i}].id`,
        expected: 'an id used once',
        got: showValue(x.id),
        message: `${path}[${i}].id: expected an id used once, got ${showValue(x.id)}`,
      })
    seen.add(x.id)
  })
}

/**
 * Decodes and validates a history document: shape, unique ids, and every value's series known.
 *
 * @example
 * import { loadHistoryDocument } from '@progress-ledger/plan'
 * loadHistoryDocument({ format: 'progress-ledger/history@1', values: [] })._tag // 'Valid'
 */
export function loadHistoryDocument(json: unknown): HistoryValidation {
  const decoded = HistoryDocument.decode(json)
  if (decoded._tag === 'Left') return { _tag: 'Invalid', issues: formatErrors(decoded.left) }
  const doc = decoded.right
  const issues: PlanIssue[] = []
  dupes(issues, 'milestones', doc.milestones ?? [])
  dupes(issues, 'series', doc.series ?? [])
  dupes(issues, 'values', doc.values ?? [])
  const series = new Set((doc.series ?? []).map((s) => s.id))
  ;(doc.values ?? []).forEach((v, i) => {
    if (!series.has(v.series)) {
      const got = showValue(v.series)
      issues.push({
        path: `values[${i}].series`,
        expected: 'a series of the document',
        got,
        message: `values[${i}].series: expected a series of the document, got ${got}`,
      })
    }
  })
  return issues.length === 0 ? { _tag: 'Valid', document: doc } : { _tag: 'Invalid', issues }
}

/** The period a dated value is reported for: its year, its month, or its (last) day. */
export function periodOfDate(d: DateSpec): {
  readonly period: PeriodKey
  readonly kind: PeriodKind
} {
  switch (d.precision) {
    case 'year':
      return { period: d.date as PeriodKey, kind: 'year' }
    case 'day':
      return { period: d.date as PeriodKey, kind: 'day' }
    case 'range':
      return { period: latestDay(d) as string as PeriodKey, kind: 'day' }
    case 'month':
    case 'early-month':
    case 'mid-month':
    case 'late-month':
      return { period: d.date as PeriodKey, kind: 'month' }
    default:
      return absurd(d.precision)
  }
}

function coreFact(f: HistoryFact): Fact {
  return {
    key: f.key,
    value: f.value,
    ...(f.unit === undefined ? {} : { unit: f.unit }),
    ...(f.label === undefined ? {} : { label: f.label }),
  }
}

/** Options of {@link historyToEvents}. */
export interface HistoryToEventsOptions {
  /** The actor recorded on every event (e.g. `yearbook`). */
  readonly recordedBy: string
  /** Prefix of every event id; defaults to `history/`. */
  readonly idPrefix?: string
}

/**
 * The events of a history document, grouped per stream (one per project, one per series).
 * Milestone events are valid on the latest day their date can mean; values on their period's
 * last day. Projects must already be defined in the ledger (e.g. by the plan).
 *
 * @example
 * import { historyToEvents } from '@progress-ledger/plan'
 * const groups = historyToEvents({ format: 'progress-ledger/history@1', milestones: [{ id: 'M1', projectId: 'rail',
 *   met: { date: '2022-01', precision: 'month' }, kind: 'opening', title: { zh: '通车' }, facts: [], source: { document: 'x' } }] }, { recordedBy: 'yearbook' })
 * groups[0].events[0].validTime // '2022-01-31'
 */
export function historyToEvents(
  history: HistoryDocument,
  options: HistoryToEventsOptions,
): ReadonlyArray<StreamEvents> {
  const prefix = options.idPrefix ?? 'history/'
  const actor = options.recordedBy
  const groups = new Map<string, EventInput[]>()
  const push = (streamId: string, e: EventInput): void => {
    const list = groups.get(streamId) ?? []
    list.push(e)
    groups.set(streamId, list)
  }
  for (const m of history.milestones ?? []) {
    push(streams.project(m.projectId), {
      id: `${prefix}milestone/${m.projectId}/${m.id}`,
      type: 'MilestoneMet',
      validTime: latestDay(m.met),
      actor,
      data: {
        projectId: m.projectId,
        milestoneId: m.id,
        met: m.met,
        unplanned: true,
        facts: m.facts.map(coreFact),
        title: m.title,
        kind: m.kind,
        ...(m.scope === undefined ? {} : { scope: m.scope }),
        source: m.source,
      },
    })
  }
  const values = history.values ?? []
  for (const s of history.series ?? []) {
    const own = values.filter((v) => v.series === s.id)
    const kinds = own.map((v) => periodOfDate(v.date).kind)
    const periodicity: PeriodKind = kinds.includes('day')
      ? 'day'
      : kinds.includes('month')
        ? 'month'
        : 'year'
    push(streams.indicator(s.id), {
      id: `${prefix}series/${s.id}`,
      type: 'IndicatorDefined',
      validTime: (own.length === 0 ? '2000-01-01' : minDay(own)) as IsoDate,
      actor,
      data: {
        planId: s.planId,
        indicatorId: s.id,
        name: s.name,
        unit: s.unit,
        categoryId: s.category,
        attribute: 'observation',
        selfSelected: false,
        departments: [],
        direction: 'neutral',
        periodicity,
        ...(s.unitEn === undefined ? {} : { unitEn: s.unitEn }),
      },
    })
    for (const v of own) {
      const { period } = periodOfDate(v.date)
      push(streams.indicator(s.id), {
        id: `${prefix}value/${v.id}`,
        type: 'ValueReported',
        validTime: periodEnd(period),
        actor,
        data: {
          indicatorId: s.id,
          period,
          value: v.value,
          status: 'final',
          unit: s.unit,
          source: v.source,
        },
      })
    }
  }
  return [...groups].map(([streamId, events]) => ({ streamId, events }))
}

function minDay(values: ReadonlyArray<DatedValue>): IsoDate {
  return values.map((v) => periodEnd(periodOfDate(v.date).period)).sort()[0] as IsoDate
}
