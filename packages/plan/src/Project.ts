/**
 * Projects of a plan: flagship projects (标志性工程) and construction projects with dated
 * milestones — planned, with forecasts over time (met dates are history, see `History`).
 *
 * @module Project
 */
import * as t from 'io-ts'
import {
  DateSpec,
  Fact,
  IsoDate,
  LocalizedText,
  NonEmptyString,
  ProjectKind,
  SourceRef,
} from '@progress-ledger/core'
import { Transcript } from './Transcript'

/** A forecast of a milestone's date, made on a day. */
export const MilestoneForecast = t.exact(
  t.intersection([t.type({ on: IsoDate, forecast: DateSpec }), t.partial({ reason: t.string })]),
  'MilestoneForecast',
)
/** A forecast of a milestone's date. */
export type MilestoneForecast = t.TypeOf<typeof MilestoneForecast>

/** A planned milestone: its kind (`tunnel-holed-through`, `opening`, …), date and precision. */
export const Milestone = t.exact(
  t.intersection([
    t.type({ id: NonEmptyString, title: LocalizedText, kind: NonEmptyString, planned: DateSpec }),
    t.partial({ forecasts: t.readonlyArray(MilestoneForecast), source: SourceRef }),
  ]),
  'Milestone',
)
/** A planned milestone. */
export type Milestone = t.TypeOf<typeof Milestone>

/** A project: kind, name, responsible departments (ids), facts, planned milestones. */
export const Project = t.exact(
  t.intersection([
    t.type({
      id: NonEmptyString,
      kind: ProjectKind,
      name: LocalizedText,
      departments: t.readonlyArray(NonEmptyString),
      facts: t.readonlyArray(Fact),
      milestones: t.readonlyArray(Milestone),
    }),
    t.partial({ number: t.string, section: t.string, source: SourceRef, transcript: Transcript }),
  ]),
  'Project',
)
/** A project of a plan. */
export type Project = t.TypeOf<typeof Project>
